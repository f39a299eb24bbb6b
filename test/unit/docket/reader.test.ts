/**
 * The docket reader over docket entries written in the D.D.C. and D.C. Circuit styles, as
 * CourtListener webhook bodies and as NEF e-mails (test/fixtures/docket). Each row asserts the
 * full list of proposals, including entries that yield nothing and clerk dates that disagree.
 *
 * Dates were counted by hand: e.g. a motion served Monday 2025-05-12 has its LCvR 7(b)
 * opposition on day 14, Memorial Day 2025-05-26, so 2025-05-27 (FRCP 6(a)(1)(C)); a notice at
 * 16:30 on Friday 2025-10-03 ends 24 hours later on a Saturday, so Monday 16:30 (6(a)(2)(C)).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocketSourceError, publicProposal, readDocket, readNef, type DocketContext, type PrintedProposal } from '../../../core/docket';
import { RULE_IDS } from '../../../core/deadlines';

const DIR = new URL('../../fixtures/docket/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, DIR), 'utf8');
const TEAM: DocketContext = { side: 'plaintiffs', usParty: true };

/**
 * A deadline under a rule of the extended rules table: its hand-counted date once the engine
 * has the rule, and until then a proposal for review without a date.
 */
function fromRulesTable(rule: string, due: string, rest: Omit<PrintedProposal, 'rule' | 'due'>): PrintedProposal {
  if (RULE_IDS.includes(rule)) return { ...rest, rule, due };
  return { ...rest, rule, due: null, review: `The deadline engine has no rule ${rule} yet: compute this date by hand.` };
}

interface Row {
  file: string;
  ctx?: Partial<DocketContext>;
  expected: PrintedProposal[];
}

const ROWS: Row[] = [
  { file: "cl-01-complaint.json", expected: [] },
  { file: "cl-02-appearance.json", expected: [] },
  { file: "cl-03-disclosure-statement.json", expected: [] },
  { file: "cl-04-pro-hac-vice.json", expected: [] },
  { file: "cl-05-summons-issued.json", expected: [] },
  { file: "cl-06-summons-usao.json", expected: [
      {"entry": "7", "action": "owed", "rule": "frcp12a2.answer_us", "due": "2025-04-21", "trigger": "2025-02-20", "label": "Federal defendants' answer due", "evidence": "Date of Service Upon United States Attorney on 2/20/2025."},
    ] },
  { file: "cl-06-summons-usao.json", ctx: {"side": "defendants"}, expected: [
      {"entry": "7", "action": "filing", "rule": "frcp12a2.answer_us", "due": "2025-04-21", "trigger": "2025-02-20", "label": "Answer to the complaint due", "evidence": "Date of Service Upon United States Attorney on 2/20/2025."},
    ] },
  { file: "cl-07-summons-clerk-disagrees.json", expected: [
      {"entry": "9", "action": "owed", "rule": "frcp12a2.answer_us", "due": "2025-05-02", "trigger": "2025-03-03", "label": "Federal defendants' answer due", "evidence": "Date of Service Upon United States Attorney on 3/3/2025.", "clerk": {"due": "2025-04-28", "reason": "The clerk's date 2025-04-28 is 4 days earlier than the engine's 2025-05-02 (Fed. R. Civ. P. 12(a)(2) (\"within 60 days after service on the United States attorney\"); computed under Fed. R. Civ. P. 6(a)(1), from 2025-03-03): the earlier date is the safe one to work to until the difference is resolved; check the rule's period and the trigger's date."}},
    ] },
  { file: "cl-08-motion-to-dismiss.json", expected: [
      {"entry": "12", "action": "filing", "rule": "lcvr7b.opposition", "due": "2025-05-27", "trigger": "2025-05-12", "label": "Opposition to Motion to Dismiss [12] due", "evidence": "MOTION to Dismiss by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."},
    ] },
  { file: "cl-08-motion-to-dismiss.json", ctx: {"side": "defendants"}, expected: [
      {"entry": "12", "action": "owed", "rule": "lcvr7b.opposition", "due": "2025-05-27", "trigger": "2025-05-12", "label": "Their opposition to the team's Motion to Dismiss [12] due", "evidence": "MOTION to Dismiss by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."},
    ] },
  { file: "cl-09-pi-motion-ours.json", expected: [
      {"entry": "8", "action": "owed", "rule": "lcvr65.1.pi_opposition", "due": "2025-03-14", "trigger": "2025-03-07", "label": "Their opposition to the team's Motion for Preliminary Injunction [8] due", "evidence": "MOTION for Preliminary Injunction by CENTER FOR TAXPAYER RIGHTS, MAIN STREET ALLIANCE, COMMUNICATIONS WORKERS OF AMERICA, NATIONAL FEDERATION OF FEDERAL EMPLOYEES."},
    ] },
  { file: "cl-10-opposition-ours.json", expected: [
      {"entry": "22", "action": "event", "rule": null, "due": null, "trigger": "2025-06-13", "label": "The team's opposition to [12] is filed", "evidence": "Memorandum in opposition to re [12] MOTION to Dismiss filed by CENTER FOR TAXPAYER RIGHTS, MAIN STREET ALLIANCE, COMMUNICATIONS WORKERS OF AMERICA, NATIONAL FEDERATION OF FEDERAL EMPLOYEES."},
    ] },
  { file: "cl-11-reply-theirs.json", expected: [] },
  { file: "cl-12-opposition-theirs-clerk-mail.json", expected: [
      {"entry": "10", "action": "event", "rule": "lcvr7d.reply", "due": "2025-03-21", "trigger": "2025-03-14", "label": "Reply in support of [8] due", "evidence": "Memorandum in opposition to re [8] MOTION for Preliminary Injunction filed by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT.", "clerk": {"due": "2025-03-24", "reason": "The clerk's date 2025-03-24 is 3 days later than the engine's 2025-03-21 (D.D.C. LCvR 7(d) (\"Within seven days after service of the memorandum in opposition\"); computed under Fed. R. Civ. P. 6(a)(1), 6(d), from 2025-03-14): it adds Fed. R. Civ. P. 6(d)'s 3 days for service by mail, which service through CM/ECF does not get. Check how the paper was served."}},
    ] },
  { file: "cl-13-answer-theirs.json", expected: [
      {"entry": "11", "action": "owed", "rule": "lcvr7n.certified_list", "due": "2025-05-21", "trigger": "2025-04-21", "label": "Certified list of the contents of the administrative record due (LCvR 7(n)(1))", "evidence": "ANSWER to Complaint by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."},
    ] },
  { file: "cl-13-answer-theirs.json", ctx: {"usParty": false, "parties": {"plaintiffs": ["CENTER FOR TAXPAYER RIGHTS"], "defendants": ["INTERNAL REVENUE SERVICE"]}}, expected: [] },
  { file: "cl-14-minute-order-joint-status.json", expected: [
      {"entry": null, "action": "filing", "rule": "court_order.fixed", "due": "2025-06-06", "trigger": "2025-05-16", "label": "Further joint status report due (joint)", "evidence": "MINUTE ORDER: Upon consideration of the parties' [14] Joint Status Report, it is hereby ORDERED that the parties shall file a further joint status report on or before June 6, 2025."},
    ] },
  { file: "cl-15-extension-granted.json", expected: [
      {"entry": "21", "action": "event", "rule": "court_order.fixed", "due": "2025-06-13", "trigger": "2025-05-20", "label": "Extension granted on [20]: new date for the team 2025-06-13", "evidence": "Plaintiffs shall file their opposition on or before June 13, 2025."},
    ] },
  { file: "cl-16-hearing-set.json", expected: [
      {"entry": null, "action": "hearing", "rule": null, "due": "2025-06-02T10:00:00-04:00", "trigger": "2025-05-13", "label": "Motion Hearing (Courtroom 28A)", "evidence": "Set/Reset Hearings: Motion Hearing set for 6/2/2025 at 10:00 AM in Courtroom 28A before Judge Colleen Kollar-Kotelly."},
    ] },
  { file: "cl-17-hearing-vacated.json", expected: [
      {"entry": null, "action": "event", "rule": null, "due": null, "trigger": "2025-05-28", "label": "Vacated: the Motion Hearing set for 6/2/2025", "evidence": "MINUTE ORDER: In light of the parties' [23] Joint Motion, the Motion Hearing set for 6/2/2025 is VACATED."},
    ] },
  { file: "cl-18-memorandum-opinion.json", expected: [] },
  { file: "cl-19-pi-order.json", expected: [
      {"entry": "40", "action": "filing", "rule": "frap4.appeal_us", "due": "2025-11-04", "trigger": "2025-09-05", "label": "Notice of appeal of the interlocutory order due (if the team appeals; 28 U.S.C. 1292(a)(1))", "evidence": "ORDER granting in part and denying in part [8] Motion for Preliminary Injunction."},
    ] },
  { file: "cl-20-administrative-record-order.json", expected: [
      {"entry": null, "action": "owed", "rule": "court_order.fixed", "due": "2025-10-24", "trigger": "2025-09-09", "label": "Administrative record of the challenged actions due from the other side", "evidence": "MINUTE ORDER: It is hereby ORDERED that Defendants shall produce the administrative record of the challenged actions on or before October 24, 2025."},
    ] },
  { file: "cl-21-order-period.json", expected: [
      {"entry": null, "action": "filing", "rule": "court_order.fixed", "due": "2025-11-10", "trigger": "2025-10-27", "label": "Joint proposed briefing schedule due (joint)", "evidence": "MINUTE ORDER: The parties shall meet and confer and file a joint proposed briefing schedule within fourteen (14) days of this Order."},
    ] },
  { file: "cl-22-final-judgment.json", expected: [
      {"entry": "76", "action": "filing", "rule": "frap4.appeal_us", "due": "2026-04-27", "trigger": "2026-02-24", "label": "Notice of appeal due (if the team appeals)", "evidence": "FINAL JUDGMENT: For the reasons stated in the accompanying [75] Memorandum Opinion, judgment is entered in favor of Plaintiffs."},
      fromRulesTable("frcp59e.alter_amend", "2026-03-24", {"entry": "76", "action": "filing", "trigger": "2026-02-24", "label": "Motion to alter or amend the judgment due (FRCP 59(e); cannot be extended)", "evidence": "FINAL JUDGMENT: For the reasons stated in the accompanying [75] Memorandum Opinion, judgment is entered in favor of Plaintiffs."}),
      fromRulesTable("frcp54d2.fees", "2026-03-10", {"entry": "76", "action": "filing", "trigger": "2026-02-24", "label": "Motion for attorney's fees due (FRCP 54(d)(2), if the team prevailed)", "evidence": "FINAL JUDGMENT: For the reasons stated in the accompanying [75] Memorandum Opinion, judgment is entered in favor of Plaintiffs."}),
    ] },
  { file: "cl-22-final-judgment.json", ctx: {"usParty": false}, expected: [
      fromRulesTable("frap4a1a.appeal", "2026-03-26", {"entry": "76", "action": "filing", "trigger": "2026-02-24", "label": "Notice of appeal due (if the team appeals)", "evidence": "FINAL JUDGMENT: For the reasons stated in the accompanying [75] Memorandum Opinion, judgment is entered in favor of Plaintiffs."}),
      fromRulesTable("frcp59e.alter_amend", "2026-03-24", {"entry": "76", "action": "filing", "trigger": "2026-02-24", "label": "Motion to alter or amend the judgment due (FRCP 59(e); cannot be extended)", "evidence": "FINAL JUDGMENT: For the reasons stated in the accompanying [75] Memorandum Opinion, judgment is entered in favor of Plaintiffs."}),
      fromRulesTable("frcp54d2.fees", "2026-03-10", {"entry": "76", "action": "filing", "trigger": "2026-02-24", "label": "Motion for attorney's fees due (FRCP 54(d)(2), if the team prevailed)", "evidence": "FINAL JUDGMENT: For the reasons stated in the accompanying [75] Memorandum Opinion, judgment is entered in favor of Plaintiffs."}),
    ] },
  { file: "cl-23-notice-of-appeal-theirs.json", expected: [
      fromRulesTable("frap4a3.cross_appeal", "2026-01-26", {"entry": "61", "action": "filing", "trigger": "2026-01-12", "label": "Notice of cross-appeal due (if the team cross-appeals; or the end of the appeal period, if later)", "evidence": "NOTICE OF APPEAL TO DC CIRCUIT COURT as to [58] Order on Motion for Stay by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."}),
      fromRulesTable("frap10b.transcript", "2026-01-26", {"entry": "61", "action": "owed", "trigger": "2026-01-12", "label": "Appellant's transcript order (FRAP 10(b))", "evidence": "NOTICE OF APPEAL TO DC CIRCUIT COURT as to [58] Order on Motion for Stay by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."}),
    ] },
  { file: "cl-24-disclosure-notice.json", expected: [
      {"entry": "44", "action": "notice", "rule": "frcp6.hours", "due": "2025-10-06T16:30:00-04:00", "trigger": "2025-10-03T16:30:00-04:00", "label": "Notice of intended disclosure: 24-hour window", "evidence": "NOTICE of Intended Disclosure by INTERNAL REVENUE SERVICE pursuant to the Court's [40] Order: the IRS intends to share last-known address information for 1,250 taxpayers with Immigration and Customs Enforcement"},
    ] },
  { file: "cl-25-disclosure-notice-no-time.json", expected: [
      {"entry": "46", "action": "notice", "rule": "frcp6.hours", "due": null, "trigger": "2025-10-10", "label": "Notice of intended disclosure: 24-hour window", "evidence": "NOTICE of Intended Disclosure by INTERNAL REVENUE SERVICE pursuant to the Court's [40] Order", "review": "The 24-hour window counts from the hour the notice was given, and this entry gives no time of day: record the notice by hand with its time."},
    ] },
  { file: "cl-26-motion-clerk-disagrees.json", expected: [
      {"entry": "25", "action": "filing", "rule": "lcvr7b.opposition", "due": "2025-06-30", "trigger": "2025-06-16", "label": "Opposition to Motion to Stay Proceedings [25] due", "evidence": "MOTION to Stay Proceedings by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT.", "clerk": {"due": "2025-07-01", "reason": "The clerk's date 2025-07-01 is 1 day later than the engine's 2025-06-30 (D.D.C. LCvR 7(b) (\"Within 14 days of the date of service\"); computed under Fed. R. Civ. P. 6(a)(1), 6(d), from 2025-06-16): the engine's date is the binding one unless an order set the clerk's; check the order and the trigger's date."}},
    ] },
  { file: "cl-27-two-without-consequence.json", expected: [] },
  { file: "cl-28-status-report.json", expected: [] },
  { file: "cl-29-certified-list-filed.json", expected: [
      {"entry": "48", "action": "event", "rule": null, "due": null, "trigger": "2025-10-24", "label": "The administrative record (or its certified list) is filed", "evidence": "NOTICE of Filing of Certified List of the Contents of the Administrative Record by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT (Attachments: # 1 Certified List)"},
    ] },
  { file: "cl-30-impossible-date.json", expected: [
      {"entry": null, "action": "event", "rule": null, "due": null, "trigger": "2026-02-02", "label": "The entry names a date that does not exist", "evidence": "MINUTE ORDER: Defendants shall file their response to [70] Motion to Enforce on or before February 30, 2026.", "review": "The text names \"February 30, 2026\", which is not a real date: read the entry and the order."},
    ] },
  { file: "cl-31-hearing-held.json", expected: [] },
  { file: "cl-32-recurring-status-reports.json", expected: [
      {"entry": "43", "action": "owed", "rule": "court_order.fixed", "due": "2025-10-09", "trigger": "2025-09-09", "label": "Status report due from the other side (the first; the order repeats it)", "evidence": "ORDER: Defendants shall file a status report within 30 days of this Order and every 30 days thereafter, describing any disclosure made under the [40] Order."},
    ] },
  { file: "cl-33-order-whose-unknown.json", expected: [
      {"entry": null, "action": "filing", "rule": "court_order.fixed", "due": null, "trigger": "2025-11-20", "label": "Opposition to the [53] Motion to Intervene due", "evidence": "MINUTE ORDER: Any opposition to the [53] Motion to Intervene shall be filed on or before 12/5/2025.", "review": "The reader could not tell who must do this."},
    ] },
  { file: "cl-34-cross-motion.json", expected: [
      {"entry": "63", "action": "filing", "rule": "lcvr7b.opposition", "due": "2026-01-23", "trigger": "2026-01-09", "label": "Opposition to Cross Motion for Summary Judgment [63] due", "evidence": "Cross MOTION for Summary Judgment and Memorandum in Opposition re [60] MOTION for Summary Judgment by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."},
      {"entry": "63", "action": "event", "rule": "lcvr7d.reply", "due": "2026-01-16", "trigger": "2026-01-09", "label": "Reply in support of [60] due", "evidence": "Cross MOTION for Summary Judgment and Memorandum in Opposition re [60] MOTION for Summary Judgment by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."},
    ] },
  { file: "cl-35-sealed-unknown.json", expected: [
      {"entry": "55", "action": "event", "rule": null, "due": null, "trigger": "2025-12-01", "label": "Docket entry the reader could not classify", "evidence": "SEALED DOCUMENT filed by INTERNAL REVENUE SERVICE (This document is SEALED and only available to authorized persons.)", "review": "The reader does not know this kind of entry: read it and add any deadline by hand."},
    ] },
  { file: "cl-36-rss-stub.json", expected: [
      {"entry": "56", "action": "owed", "rule": "lcvr7b.opposition", "due": "2025-12-22", "trigger": "2025-12-08", "label": "Their opposition to the team's Motion to Compel Completion of the Administrative Record [56] due", "evidence": "MOTION to Compel Completion of the Administrative Record by CENTER FOR TAXPAYER RIGHTS"},
    ] },
  { file: "cl-37-minute-order-granting.json", expected: [] },
  { file: "cl-38-two-with-consequence.json", expected: [
      {"entry": "45", "action": "filing", "rule": "lcvr7b.opposition", "due": "2025-10-01", "trigger": "2025-09-17", "label": "Opposition to Motion for Reconsideration [45] due", "evidence": "MOTION for Reconsideration re [40] Order on Motion for Preliminary Injunction by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."},
      {"entry": null, "action": "hearing", "rule": null, "due": "2025-10-01T11:30:00-04:00", "trigger": "2025-09-17", "label": "Status Conference (Courtroom 28A)", "evidence": "Set/Reset Hearings: Status Conference set for 10/1/2025 at 11:30 AM in Courtroom 28A before Judge Colleen Kollar-Kotelly."},
    ] },
  { file: "cl-39-response-re-motion.json", expected: [
      {"entry": "57", "action": "event", "rule": "lcvr7d.reply", "due": "2025-12-29", "trigger": "2025-12-22", "label": "Reply in support of [56] due", "evidence": "RESPONSE re [56] MOTION to Compel Completion of the Administrative Record filed by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."},
    ] },
  { file: "cl-40-order-denying-dismissal.json", expected: [
      fromRulesTable("frcp12a4.answer_after_motion", "2025-08-15", {"entry": "30", "action": "owed", "trigger": "2025-08-01", "label": "Their answer to the complaint due (FRCP 12(a)(4)(A))", "evidence": "MEMORANDUM OPINION AND ORDER denying Defendants' [12] Motion to Dismiss."}),
    ] },
  { file: "cl-41-order-respond-and-may-reply.json", expected: [
      {"entry": null, "action": "hearing", "rule": null, "due": "2025-03-24T14:00:00-04:00", "trigger": "2025-03-10", "label": "Hearing", "evidence": "The Court will hold a hearing on the motion on March 24, 2025, at 2:00 PM."},
      {"entry": null, "action": "owed", "rule": "court_order.fixed", "due": "2025-03-17", "trigger": "2025-03-10", "label": "Response to Plaintiffs' [8] Motion for Preliminary Injunction due from the other side", "evidence": "MINUTE ORDER: Defendants shall respond to Plaintiffs' [8] Motion for Preliminary Injunction by March 17, 2025."},
      {"entry": null, "action": "filing", "rule": "court_order.fixed", "due": "2025-03-20", "trigger": "2025-03-10", "label": "Reply due", "evidence": "Plaintiffs may file a reply by March 20, 2025."},
    ] },
  { file: "cl-42-briefing-schedule-clerk-lines.json", expected: [
      {"entry": null, "action": "owed", "rule": "court_order.fixed", "due": "2025-12-19", "trigger": "2025-11-12", "label": "Defendants' Motion for Summary Judgment due", "evidence": "Set/Reset Deadlines: Defendants' Motion for Summary Judgment due by 12/19/2025."},
      {"entry": null, "action": "filing", "rule": "court_order.fixed", "due": "2026-01-23", "trigger": "2025-11-12", "label": "Plaintiffs' Cross Motion due", "evidence": "Plaintiffs' Cross Motion due by 1/23/2026."},
      {"entry": null, "action": "owed", "rule": "court_order.fixed", "due": "2026-02-20", "trigger": "2025-11-12", "label": "Defendants' Reply due", "evidence": "Defendants' Reply due by 2/20/2026."},
    ] },
  { file: "cl-43-tro-ours.json", expected: [
      {"entry": "6", "action": "owed", "rule": null, "due": null, "trigger": "2025-02-21", "label": "Opposition to Motion for Temporary Restraining Order [6] due", "evidence": "MOTION for Temporary Restraining Order by CENTER FOR TAXPAYER RIGHTS, MAIN STREET ALLIANCE, COMMUNICATIONS WORKERS OF AMERICA, NATIONAL FEDERATION OF FEDERAL EMPLOYEES.", "review": "The Court sets the schedule of an application for a temporary restraining order (LCvR 65.1(a)); watch for its order."},
    ] },
  { file: "cl-44-orders-parties-to-file.json", expected: [
      {"entry": null, "action": "filing", "rule": "court_order.fixed", "due": "2025-07-31", "trigger": "2025-06-10", "label": "Another Joint Status Report due (joint)", "evidence": "MINUTE ORDER: The Court has reviewed the parties' [25] Joint Status Report and ORDERS the parties to file another Joint Status Report by July 31, 2025."},
    ] },
  { file: "cl-45-scheduling-order-passive.json", expected: [
      {"entry": "13", "action": "owed", "rule": "court_order.fixed", "due": "2025-04-21", "trigger": "2025-03-03", "label": "Defendants' answer or other response to the Complaint due from the other side", "evidence": "SCHEDULING ORDER: Defendants' answer or other response to the Complaint shall be due by April 21, 2025."},
      {"entry": "13", "action": "filing", "rule": "court_order.fixed", "due": "2025-05-30", "trigger": "2025-03-03", "label": "Plaintiffs' motion for summary judgment due", "evidence": "Plaintiffs' motion for summary judgment shall be due by May 30, 2025."},
    ] },
  { file: "cl-46-stay-705-granted.json", expected: [
      {"entry": "54", "action": "filing", "rule": "frap4.appeal_us", "due": "2026-01-20", "trigger": "2025-11-21", "label": "Notice of appeal of the interlocutory order due (if the team appeals; 28 U.S.C. 1292(a)(1))", "evidence": "MEMORANDUM OPINION AND ORDER granting [52] Plaintiffs' Motion for a Stay Under 5 U.S.C. § 705."},
    ] },
  { file: "cl-47-order-with-hour.json", expected: [
      {"entry": null, "action": "owed", "rule": "court_order.fixed", "due": "2025-03-24", "trigger": "2025-03-20", "label": "Response due by 12:00 court time from the other side", "evidence": "MINUTE ORDER: In light of [20] Plaintiffs' Motion, Defendants shall file a response on or before March 24, 2025 at 12:00 PM."},
    ] },
  { file: "cl-48-entered-in-error.json", expected: [] },
  { file: "cl-49-minute-entry-status.json", expected: [
      {"entry": null, "action": "hearing", "rule": null, "due": "2025-05-01T10:00:00-04:00", "trigger": "2025-03-05", "label": "Status Conference (Courtroom 28A)", "evidence": "Status Conference set for 5/1/2025 at 10:00 AM in Courtroom 28A before Judge Colleen Kollar-Kotelly."},
      {"entry": null, "action": "filing", "rule": "court_order.fixed", "due": null, "trigger": "2025-03-05", "label": "Status Report due", "evidence": "Status Report due by 4/4/2025.", "review": "The clerk set 2025-04-04 for \"Status Report\" without saying whose it is."},
    ] },
  { file: "cl-50-briefing-by-consent.json", expected: [
      {"entry": null, "action": "owed", "rule": "court_order.fixed", "due": "2025-03-14", "trigger": "2025-03-05", "label": "Opposition to [8] due from the other side", "evidence": "Defendants shall file their opposition to [8] by 3/14/2025;"},
      {"entry": null, "action": "filing", "rule": "court_order.fixed", "due": "2025-03-19", "trigger": "2025-03-05", "label": "Reply due", "evidence": "Plaintiffs shall file their reply by 3/19/2025."},
    ] },
  { file: "cl-51-bare-numbers-extension.json", expected: [
      {"entry": "21", "action": "event", "rule": "court_order.fixed", "due": "2025-06-13", "trigger": "2025-05-20", "label": "Extension granted on [20]: new date for the team 2025-06-13", "evidence": "Plaintiffs shall file their opposition on or before June 13, 2025."},
    ] },
  { file: "cl-52-notice-regarding-disclosure.json", expected: [
      {"entry": "47", "action": "notice", "rule": "frcp6.hours", "due": null, "trigger": "2025-10-14", "label": "Possibly a notice of intended disclosure", "evidence": "NOTICE Regarding Disclosure of Taxpayer Information by INTERNAL REVENUE SERVICE", "review": "The notice speaks of sharing or disclosing information but does not say it is a notice of intended disclosure: read it, and log the 24-hour notice with its hour if it is one."},
    ] },
  { file: "cl-53-court-shall-hold-hearing.json", expected: [
      {"entry": null, "action": "hearing", "rule": null, "due": "2025-03-21T14:00:00-04:00", "trigger": "2025-03-10", "label": "Hearing (Courtroom 28A)", "evidence": "MINUTE ORDER: The Court shall hold a hearing on Plaintiffs' [8] Motion for Preliminary Injunction on 3/21/2025 at 2:00 PM in Courtroom 28A."},
    ] },
  { file: "cl-54-filer-named-by-person.json", expected: [
      {"entry": "13", "action": "filing", "rule": null, "due": null, "trigger": "2025-05-12", "label": "Opposition to Motion for Leave to File Excess Pages due", "evidence": "MOTION for Leave to File Excess Pages by JOHN DOE.", "review": "The reader could not tell which side filed this motion."},
    ] },
  { file: "nef-01-motion-to-dismiss.eml", expected: [
      {"entry": "12", "action": "filing", "rule": "lcvr7b.opposition", "due": "2025-05-27", "trigger": "2025-05-12", "label": "Opposition to Motion to Dismiss [12] due", "evidence": "MOTION to Dismiss by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."},
    ] },
  { file: "nef-02-status-report-order.eml", expected: [
      {"entry": null, "action": "owed", "rule": "court_order.fixed", "due": "2025-11-03", "trigger": "2025-10-06", "label": "Status report due from the other side", "evidence": "MINUTE ORDER: Defendants shall file a status report on or before 11/3/2025 addressing their compliance with the [40] Order."},
    ] },
  { file: "nef-03-order-clerk-disagrees.eml", expected: [
      {"entry": null, "action": "filing", "rule": "court_order.fixed", "due": "2025-07-18", "trigger": "2025-07-07", "label": "Reply due", "evidence": "MINUTE ORDER: Having considered Defendants' [27] Notice, the Court ORDERS that Plaintiffs shall file their reply on or before 7/18/2025.", "clerk": {"due": "2025-07-17", "reason": "The order's words set 2025-07-18; the clerk's deadline line says 2025-07-17 (1 day earlier). The order governs; ask the clerk to correct the docket, and work to the earlier date until then."}},
    ] },
  { file: "nef-04-status-conference.eml", expected: [
      {"entry": null, "action": "hearing", "rule": null, "due": "2025-07-09T11:00:00-04:00", "trigger": "2025-06-25", "label": "Status Conference (Courtroom 28A)", "evidence": "Set/Reset Hearings: Status Conference set for 7/9/2025 at 11:00 AM in Courtroom 28A before Judge Colleen Kollar-Kotelly."},
    ] },
  { file: "nef-05-disclosure-notice-friday.eml", expected: [
      {"entry": "44", "action": "notice", "rule": "frcp6.hours", "due": "2025-10-06T16:30:00-04:00", "trigger": "2025-10-03T16:30:00-04:00", "label": "Notice of intended disclosure: 24-hour window", "evidence": "NOTICE of Intended Disclosure by INTERNAL REVENUE SERVICE pursuant to the Court's [40] Order: the IRS intends to share last-known address information for 1,250 taxpayers with Immigration and Customs Enforcement"},
    ] },
  { file: "nef-06-html-with-script.eml", expected: [
      {"entry": "60", "action": "filing", "rule": "lcvr7b.opposition", "due": "2026-01-23", "trigger": "2026-01-09", "label": "Opposition to Motion for Summary Judgment [60] due", "evidence": "MOTION for Summary Judgment by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."},
    ] },
  { file: "nef-07-extension-quoted-printable.eml", expected: [
      {"entry": "51", "action": "event", "rule": "court_order.fixed", "due": "2025-12-19", "trigger": "2025-11-26", "label": "Extension granted on [50]: new date for the other side 2025-12-19", "evidence": "Defendants shall file their response to Plaintiffs' [47] Motion to Complete the Administrative Record on or before December 19, 2025."},
    ] },
  { file: "nef-08-summons-returned.eml", expected: [
      {"entry": "7", "action": "owed", "rule": "frcp12a2.answer_us", "due": "2025-04-21", "trigger": "2025-02-20", "label": "Federal defendants' answer due", "evidence": "Date of Service Upon United States Attorney on 2/20/2025."},
    ] },
  { file: "nef-09-notice-of-appeal-ours.eml", expected: [
      {"entry": "78", "action": "event", "rule": null, "due": null, "trigger": "2026-03-02", "label": "The team's notice of appeal is filed", "evidence": "NOTICE OF APPEAL TO DC CIRCUIT COURT as to [77] Order on Motion for Attorney Fees by CENTER FOR TAXPAYER RIGHTS, MAIN STREET ALLIANCE, COMMUNICATIONS WORKERS OF AMERICA, NATIONAL FEDERATION OF FEDERAL EMPLOYEES."},
      fromRulesTable("frap10b.transcript", "2026-03-16", {"entry": "78", "action": "filing", "trigger": "2026-03-02", "label": "Order the transcript, or certify that none is ordered (FRAP 10(b)(1))", "evidence": "NOTICE OF APPEAL TO DC CIRCUIT COURT as to [77] Order on Motion for Attorney Fees by CENTER FOR TAXPAYER RIGHTS, MAIN STREET ALLIANCE, COMMUNICATIONS WORKERS OF AMERICA, NATIONAL FEDERATION OF FEDERAL EMPLOYEES."}),
    ] },
  { file: "nef-10-pro-hac-vice.eml", expected: [] },
  { file: "nef-11-certificate-of-service.eml", expected: [] },
  { file: "nef-12-answer.eml", expected: [
      {"entry": "11", "action": "owed", "rule": "lcvr7n.certified_list", "due": "2025-05-21", "trigger": "2025-04-21", "label": "Certified list of the contents of the administrative record due (LCvR 7(n)(1))", "evidence": "ANSWER to Complaint by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT."},
    ] },
  { file: "nef-13-our-motion.eml", expected: [
      {"entry": "56", "action": "owed", "rule": "lcvr7b.opposition", "due": "2025-12-22", "trigger": "2025-12-08", "label": "Their opposition to the team's Motion to Compel Completion of the Administrative Record [56] due", "evidence": "MOTION to Compel Completion of the Administrative Record by CENTER FOR TAXPAYER RIGHTS, MAIN STREET ALLIANCE."},
    ] },
  { file: "nef-14-appearance-theirs.eml", expected: [] },
  { file: "nef-15-cadc-initial-submissions.eml", expected: [
      {"entry": "2139876", "action": "owed", "rule": "court_order.fixed", "due": "2026-02-17", "trigger": "2026-01-16", "label": "Appellant docketing statement form due (D.C. Circuit)", "evidence": "CLERK'S ORDER filed [2139876] directing party to file initial submissions: APPELLANT Docketing Statement Form due 02/17/2026."},
      {"entry": "2139876", "action": "owed", "rule": "court_order.fixed", "due": "2026-02-17", "trigger": "2026-01-16", "label": "Appellant certificate as to parties due (D.C. Circuit)", "evidence": "APPELLANT Certificate as to Parties due 02/17/2026."},
      {"entry": "2139876", "action": "filing", "rule": "court_order.fixed", "due": "2026-02-17", "trigger": "2026-01-16", "label": "Appellee entry of appearance due (D.C. Circuit)", "evidence": "APPELLEE Entry of Appearance due 02/17/2026."},
      {"entry": "2139876", "action": "filing", "rule": "court_order.fixed", "due": "2026-02-17", "trigger": "2026-01-16", "label": "Procedural motions due (D.C. Circuit)", "evidence": "Procedural Motions due 02/17/2026."},
      {"entry": "2139876", "action": "filing", "rule": "court_order.fixed", "due": "2026-03-03", "trigger": "2026-01-16", "label": "Dispositive motions due (D.C. Circuit)", "evidence": "Dispositive Motions due 03/03/2026."},
    ] },
  { file: "nef-16-cadc-briefing-schedule.eml", expected: [
      {"entry": "2145678", "action": "owed", "rule": "court_order.fixed", "due": "2026-04-06", "trigger": "2026-02-27", "label": "Appellant brief due (D.C. Circuit)", "evidence": "CLERK'S ORDER filed [2145678] setting briefing schedule: APPELLANT Brief due 04/06/2026."},
      {"entry": "2145678", "action": "owed", "rule": "court_order.fixed", "due": "2026-04-06", "trigger": "2026-02-27", "label": "Appendix due (D.C. Circuit)", "evidence": "APPENDIX due 04/06/2026."},
      {"entry": "2145678", "action": "filing", "rule": "court_order.fixed", "due": "2026-05-06", "trigger": "2026-02-27", "label": "Appellee brief due (D.C. Circuit)", "evidence": "APPELLEE Brief due 05/06/2026."},
      {"entry": "2145678", "action": "owed", "rule": "court_order.fixed", "due": "2026-05-27", "trigger": "2026-02-27", "label": "Appellant reply brief due (D.C. Circuit)", "evidence": "APPELLANT Reply Brief due 05/27/2026."},
    ] },
  { file: "nef-16-cadc-briefing-schedule.eml", ctx: {"usParty": false}, expected: [
      {"entry": "2145678", "action": "filing", "rule": "court_order.fixed", "due": null, "trigger": "2026-02-27", "label": "Appellant brief due (D.C. Circuit)", "evidence": "CLERK'S ORDER filed [2145678] setting briefing schedule: APPELLANT Brief due 04/06/2026.", "review": "The reader does not know which side appealed: say who the appellant is for this matter."},
      {"entry": "2145678", "action": "filing", "rule": "court_order.fixed", "due": null, "trigger": "2026-02-27", "label": "Appendix due (D.C. Circuit)", "evidence": "APPENDIX due 04/06/2026.", "review": "The reader does not know which side appealed: say who the appellant is for this matter."},
      {"entry": "2145678", "action": "filing", "rule": "court_order.fixed", "due": null, "trigger": "2026-02-27", "label": "Appellee brief due (D.C. Circuit)", "evidence": "APPELLEE Brief due 05/06/2026.", "review": "The reader does not know which side appealed: say who the appellant is for this matter."},
      {"entry": "2145678", "action": "filing", "rule": "court_order.fixed", "due": null, "trigger": "2026-02-27", "label": "Appellant reply brief due (D.C. Circuit)", "evidence": "APPELLANT Reply Brief due 05/27/2026.", "review": "The reader does not know which side appealed: say who the appellant is for this matter."},
    ] },
  { file: "nef-16-cadc-briefing-schedule.eml", ctx: {"usParty": false, "appellant": "plaintiffs"}, expected: [
      {"entry": "2145678", "action": "filing", "rule": "court_order.fixed", "due": "2026-04-06", "trigger": "2026-02-27", "label": "Appellant brief due (D.C. Circuit)", "evidence": "CLERK'S ORDER filed [2145678] setting briefing schedule: APPELLANT Brief due 04/06/2026."},
      {"entry": "2145678", "action": "filing", "rule": "court_order.fixed", "due": "2026-04-06", "trigger": "2026-02-27", "label": "Appendix due (D.C. Circuit)", "evidence": "APPENDIX due 04/06/2026."},
      {"entry": "2145678", "action": "owed", "rule": "court_order.fixed", "due": "2026-05-06", "trigger": "2026-02-27", "label": "Appellee brief due (D.C. Circuit)", "evidence": "APPELLEE Brief due 05/06/2026."},
      {"entry": "2145678", "action": "filing", "rule": "court_order.fixed", "due": "2026-05-27", "trigger": "2026-02-27", "label": "Appellant reply brief due (D.C. Circuit)", "evidence": "APPELLANT Reply Brief due 05/27/2026."},
    ] },
  { file: "nef-17-cadc-motion-theirs.eml", expected: [
      {"entry": "2140001", "action": "filing", "rule": null, "due": null, "trigger": "2026-01-20", "label": "Response to the motion due (FRAP 27(a)(3)(A): 10 days after service)", "evidence": "MOTION filed [2140001] (Certificate of Service: 01/20/2026) by Appellants Internal Revenue Service, et al. for stay pending appeal [Service Date: 01/20/2026] [26-5006]", "review": "The engine has no rule for FRAP 27(a)(3)(A) responses: compute the 10 days by hand, unless the court set a date."},
    ] },
  { file: "nef-18-cadc-judgment.eml", expected: [
      fromRulesTable("frap40.rehearing_us", "2026-11-23", {"entry": "2167890", "action": "filing", "trigger": "2026-10-09", "label": "Petition for panel or en banc rehearing due (if the team seeks it)", "evidence": "JUDGMENT filed [2167890] ORDERED and ADJUDGED that the order of the district court appealed from in this cause be affirmed, in accordance with the opinion of the court filed herein this date."}),
      fromRulesTable("supct13.cert", "2027-01-07", {"entry": "2167890", "action": "filing", "trigger": "2026-10-09", "label": "Petition for a writ of certiorari due (if the team seeks it; Sup. Ct. R. 13)", "evidence": "JUDGMENT filed [2167890] ORDERED and ADJUDGED that the order of the district court appealed from in this cause be affirmed, in accordance with the opinion of the court filed herein this date."}),
    ] },
  { file: "nef-19-cadc-oral-argument.eml", expected: [
      {"entry": "2158800", "action": "hearing", "rule": null, "due": "2026-09-15T09:30:00-04:00", "trigger": "2026-06-12", "label": "Oral Argument", "evidence": "CLERK'S ORDER filed [2158800] that ORAL ARGUMENT is scheduled for 09/15/2026 at 9:30 A.M. before Judges Alpha, Beta and Gamma."},
    ] },
  { file: "nef-20-cadc-brief-filed.eml", expected: [] },
  { file: "nef-21-order-denying-dismissal.eml", expected: [
      fromRulesTable("frcp12a4.answer_after_motion", "2025-06-16", {"entry": "31", "action": "owed", "trigger": "2025-06-02", "label": "Their answer to the complaint due (FRCP 12(a)(4)(A))", "evidence": "ORDER denying [12] Motion to Dismiss."}),
    ] },
  { file: "nef-22-cadc-response-due-on.eml", expected: [
      {"entry": "2140100", "action": "filing", "rule": "court_order.fixed", "due": "2026-02-02", "trigger": "2026-01-21", "label": "Appellee response due (D.C. Circuit)", "evidence": "APPELLEE Response due on 02/02/2026."},
    ] },
];

function proposalsOf(file: string, ctx: Partial<DocketContext> = {}): PrintedProposal[] {
  const result = readDocket(read(file), { ...TEAM, ...ctx });
  return result.entries.flatMap((e) => e.proposals.map(publicProposal));
}

describe('docket reader: table of entries', () => {
  it('covers at least 40 entries, in both formats, every fixture file', () => {
    const files = readdirSync(DIR).filter((f) => /\.(json|eml)$/.test(f));
    const entries = files.reduce((n, f) => n + readDocket(read(f), TEAM).entries.length, 0);
    expect(entries).toBeGreaterThanOrEqual(40);
    expect(files.filter((f) => f.endsWith('.eml')).length).toBeGreaterThanOrEqual(15);
    expect(new Set(ROWS.map((r) => r.file))).toEqual(new Set(files));
  });

  for (const row of ROWS) {
    const name = `${row.file}${row.ctx ? ` ${JSON.stringify(row.ctx)}` : ''}: ${row.expected.length ? row.expected.map((p) => p.action).join(', ') : 'nothing'}`;
    it(name, () => {
      expect(proposalsOf(row.file, row.ctx)).toEqual(row.expected);
    });
  }
});

describe('docket reader: sources', () => {
  it('an HTML notice is read without its scripts, styles or markup', () => {
    const entry = readNef(read('nef-06-html-with-script.eml'));
    expect(entry.text).toBe('MOTION for Summary Judgment by INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY, SCOTT BESSENT. (Attachments: # (1) Memorandum in Support, # (2) Statement of Facts)(Ellis, Morgan)');
    expect(entry).toMatchObject({ entry: '60', filedOn: '2026-01-09', enteredAt: '2026-01-09T17:55:00-05:00', court: 'DDC', caseNumber: '1:25-cv-00457-CKK' });
  });

  it('a quoted-printable multipart notice is decoded from its text part', () => {
    const entry = readNef(read('nef-07-extension-quoted-printable.eml'));
    expect(entry.text).toContain('on or before December 19, 2025.');
    expect(entry.text).not.toContain('=\n');
    expect(entry.text).not.toContain('HTML copy');
  });

  it('a court of appeals notice is the D.C. Circuit, numbered by its bracketed entry', () => {
    expect(readNef(read('nef-16-cadc-briefing-schedule.eml'))).toMatchObject({ court: 'CADC', entry: '2145678', caseNumber: '26-5006', filedOn: '2026-02-27' });
  });

  it('CourtListener entries are deduplicated by id and RECAP sequence, read in sequence order', () => {
    const body = readDocket(read('cl-38-two-with-consequence.json'), TEAM);
    expect(body.entries.map((e) => e.entry.key)).toEqual(['cl:411200039:2025-09-17.001', 'cl:411200040:2025-09-17.002']);
  });

  it('input that is neither source is refused with the reason', () => {
    const refusals: Array<[string, RegExp]> = [
      ['{"webhook": {"event_type": 1}', /not valid JSON/],
      ['{"webhook": {"event_type": 2}, "payload": {"results": []}}', /not a docket alert/],
      ['{"webhook": {"event_type": 1}, "payload": {}}', /payload\.results/],
      ['[1, 2]', /must be a JSON object|not valid JSON/],
      ['Subject: hello\n\nNothing to see here.', /Notice of Electronic Filing/],
      ['', /empty/],
    ];
    for (const [input, reason] of refusals) expect(() => readDocket(input, TEAM), input).toThrow(reason);
    expect(() => readDocket('Subject: x\n\nDocket Text:\nORDER\n', TEAM)).toThrow(DocketSourceError);
  });

  it('an entry of a body that cannot be read is kept aside with its reason, the rest are read', () => {
    const body = JSON.stringify({
      webhook: { version: 2, event_type: 1, date_created: '2025-05-12T16:00:00-07:00', deprecation_date: null },
      payload: { results: [{ id: 1, date_filed: '2025-02-30', description: 'MOTION to Dismiss by IRS' }, { id: 2, date_filed: '2025-05-12', entry_number: 12, description: 'MOTION to Dismiss by INTERNAL REVENUE SERVICE' }] },
    });
    const result = readDocket(body, TEAM);
    expect(result.unread).toEqual([{ index: 0, reason: 'date_filed "2025-02-30" is not a real date' }]);
    expect(result.entries.map((e) => e.proposals.map((p) => p.due))).toEqual([['2025-05-27']]);
  });
});
