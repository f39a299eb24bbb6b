/**
 * The docket reader: one docket entry (from CourtListener or an NEF) and the matter's facts in,
 * the proposals it implies out. A proposal is never a deadline: a person confirms it first.
 *
 * - `filing`: a deadline the team must meet (an opposition to the other side's motion, a notice
 *   of appeal); `owed`: one the other side or the court must meet that the team tracks (their
 *   answer, the administrative record); `notice`: a 24-hour disclosure notice, from the entry's
 *   time; `hearing`: a dated appearance; `event`: a change to an item already tracked (an
 *   extension granted, a deadline vacated, an opposition that starts a reply clock).
 * - Dates come from the deadline engine (rule + trigger), or from the order's own words, read by
 *   chrono-node. Where the clerk printed a date, the engine's date stands and the clerk's is
 *   carried beside it with the reason they differ.
 * - An entry the reader cannot classify with confidence becomes a proposal marked for review,
 *   with no date: never a guess presented as a fact.
 */
import type { Calendar } from '../calendar';
import { computeDeadline, DeadlineInputError, RULE_IDS, type DeadlineResult } from '../deadlines';
import { datesIn, impossibleDates, NUMBER_PATTERN, numberOf, type TextDate } from './dates';
import { opposite, sideOf, type PartyNames, type Placement, type Side } from './parties';
import { refsIn } from './queue';
import type { DocketCourt, DocketEntry } from './sources';

export type ProposalAction = 'filing' | 'owed' | 'notice' | 'hearing' | 'event';

/** What confirming a proposal does: create an item, or record an event on one already tracked. */
export type ProposalPlan =
  | { create: 'filing' | 'record_production' | 'disclosure_notice'; params: Record<string, unknown>; triggerType?: string }
  | { event: string; data: Record<string, unknown>; refs: string[]; itemKind: 'filing' | 'record_production'; fallback?: { create: 'filing'; params: Record<string, unknown>; triggerType: string } }
  | { none: true };

export interface Proposal {
  entry: string | null;
  action: ProposalAction;
  rule: string | null;
  trigger: string | null;
  due: string | null;
  label: string;
  evidence: string;
  /** The clerk's printed date, when it differs from the engine's, and why. */
  clerk?: { due: string; reason: string };
  /** Why a person must decide: the reader could not classify or date it with confidence. */
  review?: string;
  plan: ProposalPlan;
}

export interface DocketContext {
  /** The side the team represents in the district court. */
  side: Side;
  /** Whether the United States (an agency or officer) is a party: FRAP 4(a)(1)(B), FRAP 40. */
  usParty: boolean;
  /** The court whose docket this is, when the entry does not say. */
  court?: DocketCourt;
  /** Who appealed, for the court of appeals' docket; by default the government when it is a party. */
  appellant?: Side;
  parties?: PartyNames;
  calendar?: Calendar;
}

/** The proposals of one entry, in the order the entry's words give them. */
export function readEntry(entry: DocketEntry, ctx: DocketContext): Proposal[] {
  const r = new EntryReader(entry, ctx);
  const court = entry.court ?? (/\bfiled \[\d{6,8}\]/.test(entry.text) ? 'CADC' : ctx.court ?? 'DDC');
  if (court === 'CADC') circuit(r);
  else district(r);
  return r.proposals;
}

export type PrintedProposal = Omit<Proposal, 'plan'>;

/** A proposal without its plan, fields in the order people read them: what the CLI prints. */
export function publicProposal(p: Proposal): PrintedProposal {
  return {
    entry: p.entry,
    action: p.action,
    rule: p.rule,
    due: p.due,
    trigger: p.trigger,
    label: p.label,
    evidence: p.evidence,
    ...(p.clerk ? { clerk: p.clerk } : {}),
    ...(p.review ? { review: p.review } : {}),
  };
}

// ---------------------------------------------------------------- the entry being read

/** Papers that never set a deadline. */
const NO_CONSEQUENCE: RegExp[] = [
  /^(?:NOTICE of |ENTRY OF )?Appearance\b/i,
  /^NOTICE of (?:Appearance|Withdrawal of Appearance|Substitution of Counsel|Change of Address)/i,
  /^(?:LCvR 26\.1 |LCvR 7\.1 |RULE 7\.1 |Corporate )?(?:CERTIFICATE OF )?(?:Corporate )?DISCLOSURE (?:STATEMENT|of Corporate)/i,
  /^LCvR 26\.1\b/i,
  /pro hac vice/i,
  /^CERTIFICATE OF (?:SERVICE|COMPLIANCE|COUNSEL|PARTIES)/i,
  /^(?:Electronic )?SUMMONS \(?\d*\)? ?Issued\b/i,
  /^SUMMONS\b.*\bIssued\b/i,
  /^Case Assigned/i,
  /^(?:Case )?(?:Reassigned|Referred)\b/i,
  /^NOTICE OF RELATED CASE/i,
  /^(?:COMPLAINT|AMENDED COMPLAINT)\b.*\bagainst\b/i,
  /^Civil Cover Sheet/i,
  /^(?:NOTICE of )?Filing Fee\b/i,
  /^Summons Issued/i,
  /^ENTERED IN ERROR/i,
  /^NOTICE OF (?:CORRECTED DOCKET ENTRY|ERROR)/i,
];

/** Party papers that, filed, set nothing by themselves. */
const PARTY_PAPERS = /^(?:JOINT )?(?:STATUS REPORT|NOTICE\b|EXHIBIT|DECLARATION|ERRATA|PRAECIPE|TRANSCRIPT|SUPPLEMENTAL (?:MEMORANDUM|AUTHORITY)|NOTICE OF SUPPLEMENTAL|LETTER|STIPULATION|PROPOSED ORDER|Statement of Facts|STATEMENT|AFFIDAVIT|Brief|AMICUS|RESPONSE re|Response to Order)/i;

class EntryReader {
  readonly proposals: Proposal[] = [];
  /** The entry's text without the clerk's trailing notes (attachments, initials, signature). */
  readonly body: string;
  readonly day: string;

  constructor(
    readonly e: DocketEntry,
    readonly ctx: DocketContext,
  ) {
    // The judge's signature line carries a date that is never a deadline.
    this.text = withoutDocketing(e.text);
    this.body = stripClerkNotes(this.text);
    this.day = e.filedOn;
  }

  readonly text: string;

  /** The side of the filer: the NEF's Filer line, else the last "by ..." of the entry. */
  filer(): Placement {
    const fromNef = this.e.filer && !/^\s*$/.test(this.e.filer) ? sideOf(this.e.filer, this.partyCtx()) : undefined;
    if (fromNef) return fromNef;
    return sideOf(filerNames(this.body), this.partyCtx());
  }

  placeOf(names: string | undefined): Placement {
    return sideOf(names, this.partyCtx());
  }

  private partyCtx() {
    return { usParty: this.ctx.usParty, ...(this.ctx.parties ? { parties: this.ctx.parties } : {}), ...(this.e.caseName ? { caseName: this.e.caseName } : {}) };
  }

  isTeam(p: Placement): boolean {
    return p === this.ctx.side;
  }

  dates(text = this.text): TextDate[] {
    return datesIn(text, this.day);
  }

  /** A deadline from the engine; a review proposal (no date) when the engine cannot give one. */
  deadline(spec: {
    action: ProposalAction;
    rule: string;
    trigger?: string;
    params?: Record<string, unknown>;
    label: string;
    evidence: string;
    plan: ProposalPlan;
    clerkDue?: string;
    review?: string;
  }): void {
    const trigger = spec.trigger ?? this.day;
    const params = spec.params ?? {};
    const computed = this.compute(spec.rule, trigger, params);
    if (typeof computed === 'string') {
      this.push({ entry: this.e.entry, action: spec.action, rule: spec.rule, trigger, due: null, label: spec.label, evidence: spec.evidence, review: computed, plan: spec.plan });
      return;
    }
    const clerk = spec.clerkDue && spec.clerkDue !== computed.due ? { due: spec.clerkDue, reason: this.whyDiffer(spec.rule, trigger, params, computed, spec.clerkDue) } : undefined;
    this.push({
      entry: this.e.entry,
      action: spec.action,
      rule: spec.rule,
      trigger,
      due: computed.due,
      label: spec.label,
      evidence: spec.evidence,
      ...(clerk ? { clerk } : {}),
      ...(spec.review ? { review: spec.review } : {}),
      plan: spec.plan,
    });
  }

  review(action: ProposalAction, label: string, evidence: string, reason: string, rule: string | null = null): void {
    // A notice for review still becomes a notice once a person gives its hour.
    const plan: ProposalPlan = action === 'notice' ? { create: 'disclosure_notice', params: { hours: 24 } } : { none: true };
    this.push({ entry: this.e.entry, action, rule, trigger: this.day, due: null, label, evidence, review: reason, plan });
  }

  push(p: Proposal): void {
    // One entry names the same deadline once: a sentence and the clerk's line for it agree.
    if (this.proposals.some((q) => q.action === p.action && q.rule === p.rule && q.due === p.due && q.label === p.label)) return;
    this.proposals.push(p);
  }

  compute(rule: string, trigger: string, params: Record<string, unknown>): DeadlineResult | string {
    if (!RULE_IDS.includes(rule)) return `The deadline engine has no rule ${rule} yet: compute this date by hand.`;
    try {
      return computeDeadline({ rule, trigger, params }, this.ctx.calendar);
    } catch (err) {
      if (err instanceof DeadlineInputError) return `The engine could not compute it: ${err.message}`;
      throw err;
    }
  }

  /** Why the clerk's printed date and the engine's differ, as far as the difference tells. */
  whyDiffer(rule: string, trigger: string, params: Record<string, unknown>, computed: DeadlineResult, clerk: string): string {
    const diff = daysBetween(computed.due.slice(0, 10), clerk);
    const later = diff > 0 ? `${diff} day${diff === 1 ? '' : 's'} later` : `${-diff} day${diff === -1 ? '' : 's'} earlier`;
    const head = `The clerk's date ${clerk} is ${later} than the engine's ${computed.due.slice(0, 10)} (${computed.rule.citation}, from ${trigger})`;
    if (rule === 'court_order.fixed' && params.date !== undefined) {
      return `The order's words set ${String(params.date)}; the clerk's deadline line says ${clerk} (${later}). The order governs; ask the clerk to correct the docket, and work to the earlier date until then.`;
    }
    if (computed.alternative?.due.slice(0, 10) === clerk) return `${head}: it matches the alternative reading: ${computed.alternative.reason}`;
    if (params.service === undefined || params.service === 'electronic') {
      const mail = this.compute(rule, trigger, { ...params, service: 'mail' });
      if (typeof mail !== 'string' && mail.due.slice(0, 10) === clerk) {
        return `${head}: it adds Fed. R. Civ. P. 6(d)'s 3 days for service by mail, which service through CM/ECF does not get. Check how the paper was served.`;
      }
    }
    if (diff < 0) return `${head}: the earlier date is the safe one to work to until the difference is resolved; check the rule's period and the trigger's date.`;
    return `${head}: the engine's date is the binding one unless an order set the clerk's; check the order and the trigger's date.`;
  }
}

// ---------------------------------------------------------------- D.D.C.

function district(r: EntryReader): void {
  const t = r.body;
  const bad = impossibleDates(r.text, r.day);
  if (bad.length) {
    r.review('event', 'The entry names a date that does not exist', quote(r.text, r.text.indexOf(bad[0]!)), `The text names ${bad.map((b) => `"${b}"`).join(', ')}, which is not a real date: read the entry and the order.`);
    return;
  }
  if (NO_CONSEQUENCE.some((re) => re.test(t))) return;
  if (isDisclosureNotice(t)) return disclosureNotice(r);
  if (mayBeDisclosureNotice(t)) {
    return r.review('notice', 'Possibly a notice of intended disclosure', quote(r.text, 0), 'The notice speaks of sharing or disclosing information but does not say it is a notice of intended disclosure: read it, and log the 24-hour notice with its hour if it is one.', 'frcp6.hours');
  }
  if (/^(?:SUMMONS|RETURN OF SERVICE|AFFIDAVIT OF SERVICE|AFFIDAVIT of Summons|PROOF OF SERVICE)\b/i.test(t)) return summons(r);
  if (/^(?:AMENDED )?NOTICE OF (?:CROSS[- ])?APPEAL\b/i.test(t)) return noticeOfAppeal(r);
  if ((/^(?:CROSS[- ])?(?:MEMORANDUM|RESPONSE|OPPOSITION)\b[^.]{0,40}\bin opposition\b|^OPPOSITION\b|^RESPONSE in Opposition/i.test(t)
    || /^RESPONSE re:? \[?\d+\]? (?:[\w-]+ ){0,4}MOTION\b/i.test(t)) && !/^(?:Cross )?MOTION/i.test(t)) return opposition(r);
  if (/^REPLY\b/i.test(t)) return reply(r);
  if (/^ANSWER\b/i.test(t)) return answer(r);
  if (/^(?:CERTIFIED LIST|NOTICE of Filing (?:of )?(?:the )?(?:Certified List|Administrative Record)|ADMINISTRATIVE RECORD|NOTICE of Filing of Certified)/i.test(t)) return produced(r);
  if (isMotion(t)) return motion(r);
  if (/^(?:FINAL )?JUDGMENT\b/i.test(t)) return judgment(r, 'final');
  if (/^(?:MINUTE ORDER|ORDER|MEMORANDUM OPINION|MEMORANDUM AND ORDER|MEMORANDUM ORDER|SCHEDULING ORDER|OPINION|Set\/Reset|ORDER OF)/i.test(t) || /^MINUTE ENTRY/i.test(t)) return order(r);
  if (PARTY_PAPERS.test(t)) return;
  r.review('event', 'Docket entry the reader could not classify', quote(r.text, 0), 'The reader does not know this kind of entry: read it and add any deadline by hand.');
}

function isDisclosureNotice(t: string): boolean {
  return /^NOTICE\b/i.test(t) && /\b(?:intend(?:s|ed)?|intent|proposed|plan(?:s|ned)?)\b[^.]{0,80}\b(?:disclos|shar|transmi|provid)/i.test(t)
    || /\bnotice of (?:intended|proposed|intent to (?:make a )?)\s*disclosure/i.test(t);
}

/** A notice about disclosing or sharing taxpayer data that is not plainly the 24-hour notice: never silently nothing. */
function mayBeDisclosureNotice(t: string): boolean {
  return /^NOTICE\b/i.test(t) && /\b(?:disclos\w*|shar(?:e|es|ed|ing))\b/i.test(t) && /\b(?:taxpayer|information|data|addresses|Immigration|ICE)\b/i.test(t) && !/^NOTICE of (?:Filing|Appearance|Supplemental Authority)\b/i.test(t);
}

function disclosureNotice(r: EntryReader): void {
  const at = r.e.enteredAt;
  const label = 'Notice of intended disclosure: 24-hour window';
  const evidence = quote(r.text, 0);
  if (!at) {
    r.review('notice', label, evidence, 'The 24-hour window counts from the hour the notice was given, and this entry gives no time of day: record the notice by hand with its time.', 'frcp6.hours');
    return;
  }
  const computed = r.compute('frcp6.hours', at, { hours: 24 });
  if (typeof computed === 'string') return r.review('notice', label, evidence, computed, 'frcp6.hours');
  r.push({ entry: r.e.entry, action: 'notice', rule: 'frcp6.hours', trigger: at, due: computed.due, label, evidence, plan: { create: 'disclosure_notice', params: { hours: 24 } } });
}

function summons(r: EntryReader): void {
  const t = r.text;
  if (!/\bExecuted\b|\bDate of Service\b|\bserved on\b/i.test(t)) return;
  const clerk = clerkDates(r).find((c) => /answer/i.test(c.what));
  const usao = /Date of Service Upon (?:the )?United States Attorney(?: for the District of Columbia)?(?: is| was)? (?:on )?(\d{1,2}\/\d{1,2}\/\d{4})/i.exec(t);
  const team = r.ctx.side;
  // The team answers when it is the defendant served; otherwise it tracks the answer owed to it.
  const action = team === 'defendants' ? 'filing' : 'owed';
  if (usao) {
    const served = r.dates(usao[1]!)[0]?.day;
    if (!served) return;
    r.deadline({
      action,
      rule: 'frcp12a2.answer_us',
      trigger: served,
      label: team === 'defendants' ? 'Answer to the complaint due' : "Federal defendants' answer due",
      evidence: quote(t, usao.index),
      plan: { create: 'filing', params: {}, triggerType: 'complaint_served' },
      ...(clerk ? { clerkDue: clerk.day } : {}),
    });
    return;
  }
  const servedOn = /\bserved on (\d{1,2}\/\d{1,2}\/\d{4})/i.exec(t);
  const who = /\bExecuted(?: as to| on)? ([^.;(]*)/i.exec(t)?.[1];
  const government = r.placeOf(who) === 'defendants' && r.ctx.usParty;
  if (government || !servedOn) {
    r.review(action, 'Answer due', quote(t, 0), government
      ? 'A federal defendant answers within 60 days after service on the United States attorney (Fed. R. Civ. P. 12(a)(2)); this entry does not give that date.'
      : 'The entry does not say when the defendant was served.', 'frcp12a2.answer_us');
    return;
  }
  r.deadline({
    action,
    rule: 'frcp12a1.answer',
    trigger: r.dates(servedOn[1]!)[0]!.day,
    label: team === 'defendants' ? 'Answer to the complaint due' : "Defendant's answer due",
    evidence: quote(t, servedOn.index),
    plan: { create: 'filing', params: {}, triggerType: 'complaint_served' },
    ...(clerk ? { clerkDue: clerk.day } : {}),
  });
}

function noticeOfAppeal(r: EntryReader): void {
  const filer = r.filer();
  const evidence = quote(r.text, 0);
  if (!filer || filer === 'both') return r.review('filing', 'Notice of appeal filed', evidence, 'The reader could not tell which side appealed.');
  const cross = /CROSS[- ]APPEAL/i.test(r.body);
  if (r.isTeam(filer)) {
    r.push({ entry: r.e.entry, action: 'event', rule: null, trigger: r.day, due: null, label: "The team's notice of appeal is filed", evidence, plan: { event: 'filed', data: {}, refs: refsIn(r.text), itemKind: 'filing' } });
    r.deadline({
      action: 'filing', rule: 'frap10b.transcript', label: 'Order the transcript, or certify that none is ordered (FRAP 10(b)(1))', evidence,
      plan: { create: 'filing', params: {}, triggerType: 'other' },
    });
    return;
  }
  if (!cross) {
    r.deadline({
      action: 'filing', rule: 'frap4a3.cross_appeal', label: 'Notice of cross-appeal due (if the team cross-appeals; or the end of the appeal period, if later)', evidence,
      plan: { create: 'filing', params: {}, triggerType: 'other' },
    });
  }
  r.deadline({
    action: 'owed', rule: 'frap10b.transcript', label: "Appellant's transcript order (FRAP 10(b))", evidence,
    plan: { create: 'filing', params: {}, triggerType: 'other' },
  });
}

function opposition(r: EntryReader): void {
  const filer = r.filer();
  const refs = refsIn(r.text);
  const target = refs[0] ? `[${refs[0]}]` : 'the motion';
  const evidence = quote(r.text, 0);
  if (!filer || filer === 'both') return r.review('event', `Opposition to ${target} filed`, evidence, 'The reader could not tell which side filed this opposition.');
  if (r.isTeam(filer)) {
    r.push({ entry: r.e.entry, action: 'event', rule: null, trigger: r.day, due: null, label: `The team's opposition to ${target} is filed`, evidence, plan: { event: 'filed', data: {}, refs, itemKind: 'filing' } });
    return;
  }
  const clerk = clerkDates(r).find((c) => /repl/i.test(c.what));
  r.deadline({
    action: 'event',
    rule: 'lcvr7d.reply',
    params: { service: 'electronic' },
    label: `Reply in support of ${target} due`,
    evidence,
    plan: { event: 'opposition_served', data: { service: 'electronic' }, refs, itemKind: 'filing', fallback: { create: 'filing', params: { service: 'electronic' }, triggerType: 'motion_served' } },
    ...(clerk ? { clerkDue: clerk.day } : {}),
  });
}

function reply(r: EntryReader): void {
  const filer = r.filer();
  if (!r.isTeam(filer)) return; // Briefing closes with their reply; a sur-reply needs leave.
  const refs = refsIn(r.text);
  r.push({ entry: r.e.entry, action: 'event', rule: null, trigger: r.day, due: null, label: `The team's reply${refs[0] ? ` on [${refs[0]}]` : ''} is filed`, evidence: quote(r.text, 0), plan: { event: 'filed', data: {}, refs, itemKind: 'filing' } });
}

function answer(r: EntryReader): void {
  const filer = r.filer();
  if (!filer || filer === 'both') return r.review('owed', 'Answer filed', quote(r.text, 0), 'The reader could not tell which side answered.');
  // LCvR 7(n)(1): in a case for review of agency action, the agency's answer starts the certified list's 30 days.
  if (filer === 'defendants' && r.ctx.usParty) {
    r.deadline({
      action: r.isTeam(filer) ? 'filing' : 'owed',
      rule: 'lcvr7n.certified_list',
      params: { answer_served: r.day },
      label: 'Certified list of the contents of the administrative record due (LCvR 7(n)(1))',
      evidence: quote(r.text, 0),
      plan: { create: 'record_production', params: { answer_served: r.day } },
    });
  }
}

function produced(r: EntryReader): void {
  const filer = r.filer();
  if (r.isTeam(filer)) return;
  r.push({ entry: r.e.entry, action: 'event', rule: null, trigger: r.day, due: null, label: 'The administrative record (or its certified list) is filed', evidence: quote(r.text, 0), plan: { event: 'produced', data: {}, refs: refsIn(r.text), itemKind: 'record_production' } });
}

function isMotion(t: string): boolean {
  return /^(?:(?:Consent|Joint|Unopposed|Emergency|Renewed|Cross|Partial|Second|Amended|Supplemental|First|Third)[- ]+)*MOTION\b/i.test(t);
}

function motion(r: EntryReader): void {
  const t = r.body;
  if (/^(?:(?:Consent|Joint|Unopposed)[- ]+)/i.test(t) || /\b(?:Consent|Unopposed|Joint) MOTION\b/i.test(t.slice(0, 60))) return;
  const filer = r.filer();
  const refs = refsIn(r.text);
  const what = motionTitle(t);
  const evidence = quote(r.text, 0);
  if (!filer || filer === 'both') return r.review('filing', `Opposition to ${what} due`, evidence, 'The reader could not tell which side filed this motion.');
  const pi = /Preliminary Injunction/i.test(what);
  if (/Temporary Restraining Order/i.test(what) && !pi) {
    return r.review(r.isTeam(filer) ? 'owed' : 'filing', `Opposition to ${what}${r.e.entry ? ` [${r.e.entry}]` : ''} due`, evidence, 'The Court sets the schedule of an application for a temporary restraining order (LCvR 65.1(a)); watch for its order.');
  }
  const rule = pi ? 'lcvr65.1.pi_opposition' : 'lcvr7b.opposition';
  const clerk = clerkDates(r).find((c) => /respons|opposition/i.test(c.what));
  const ours = r.isTeam(filer);
  r.deadline({
    action: ours ? 'owed' : 'filing',
    rule,
    params: { service: 'electronic' },
    label: ours ? `Their opposition to the team's ${what}${r.e.entry ? ` [${r.e.entry}]` : ''} due` : `Opposition to ${what}${r.e.entry ? ` [${r.e.entry}]` : ''} due`,
    evidence,
    plan: { create: 'filing', params: { service: 'electronic' }, triggerType: 'motion_served' },
    ...(clerk ? { clerkDue: clerk.day } : {}),
  });
  // A cross-motion filed with an opposition also answers the team's motion.
  if (!ours && /\bin opposition\b|\bOpposition to\b/i.test(t)) {
    r.deadline({
      action: 'event',
      rule: 'lcvr7d.reply',
      params: { service: 'electronic' },
      label: `Reply in support of ${refs[0] ? `[${refs[0]}]` : "the team's motion"} due`,
      evidence,
      plan: { event: 'opposition_served', data: { service: 'electronic' }, refs, itemKind: 'filing', fallback: { create: 'filing', params: { service: 'electronic' }, triggerType: 'motion_served' } },
    });
  }
}

/** "MOTION to Dismiss by ..." is the "Motion to Dismiss"; what follows "re", "as to" or "and" is another paper. */
function motionTitle(t: string): string {
  const m = /^((?:[\w-]+ )*?MOTION\b(?: (?:to|for) [^.(]*?)?)(?= by | filed by |\.|\(|$)/i.exec(t);
  const title = (m?.[1] ?? 'Motion').replace(/\s+(?:re:?|as to|and (?:Memorandum|Opposition|Response)|in (?:support|opposition))\b.*$/i, '').trim();
  return title.replace(/\bMOTION\b/, 'Motion').replace(/\s+/g, ' ');
}

type Finality = 'final' | 'interlocutory';

function judgment(r: EntryReader, kind: Finality, evidence = quote(r.text, 0)): void {
  const appeal = r.ctx.usParty ? 'frap4.appeal_us' : 'frap4a1a.appeal';
  r.deadline({
    action: 'filing',
    rule: appeal,
    label: kind === 'final' ? 'Notice of appeal due (if the team appeals)' : 'Notice of appeal of the interlocutory order due (if the team appeals; 28 U.S.C. 1292(a)(1))',
    evidence,
    plan: { create: 'filing', params: {}, triggerType: 'judgment_entered' },
  });
  if (kind !== 'final') return;
  r.deadline({
    action: 'filing',
    rule: 'frcp59e.alter_amend',
    label: 'Motion to alter or amend the judgment due (FRCP 59(e); cannot be extended)',
    evidence,
    plan: { create: 'filing', params: {}, triggerType: 'judgment_entered' },
  });
  // Rules 50(b) and 52(b) follow a trial; a case decided on the administrative record has none.
  r.deadline({
    action: 'filing',
    rule: 'frcp54d2.fees',
    label: "Motion for attorney's fees due (FRCP 54(d)(2), if the team prevailed)",
    evidence,
    plan: { create: 'filing', params: {}, triggerType: 'judgment_entered' },
  });
}

// ---------------------------------------------------------------- orders

const EXTENSION = /\b(?:granting|GRANTING|GRANTS|grants)\b(?: in part)?[^.]{0,120}?\bMotion for (?:an )?(?:Extension of Time|Enlargement of Time|Extension)\b/i;
const EXTENSION_GRANTED = /\bMotion for (?:an )?(?:Extension of Time|Enlargement of Time|Extension)\b[^.]{0,160}\b(?:is|are) (?:hereby )?GRANTED\b/i;
const VACATED = /\b(?:VACATED|vacating|vacates|is vacated|are vacated)\b/i;
const APPEALABLE = /\b(?:granting|denying|GRANTS|DENIES|grants|denies)\b(?: in part)?(?:[^.]{0,40}\band (?:granting|denying) in part)?[^.]{0,120}?\b(Preliminary Injunction|Temporary Restraining Order|Stay\b(?! Pending)[^.]{0,40}(?:Agency Action|705)|Motion to Dismiss|Motion for Summary Judgment|Cross[- ]Motion for Summary Judgment)/i;
const FINAL_WORDS = /\b(?:final,? appealable order|case (?:is )?(?:closed|terminated|dismissed)|this case is DISMISSED|dismissed with(?:out)? prejudice|Civil Case Terminated|judgment is (?:hereby )?entered|enter(?:s|ing)? (?:final )?judgment)\b/i;

function order(r: EntryReader): void {
  const t = r.text;
  const before = r.proposals.length;
  if (EXTENSION.test(t) || EXTENSION_GRANTED.test(t)) {
    extension(r);
    hearings(r);
    return;
  }
  hearings(r);
  vacatur(r);
  obligations(r);
  answerAfterMotion(r);
  // "5 U.S.C. § 705" must not end the sentence the pattern reads.
  const appealable = APPEALABLE.exec(t.replace(/\bU\.S\.C\./g, 'USC'));
  if (FINAL_WORDS.test(t) && !/\bdenying\b[^.]{0,80}\bMotion to Dismiss\b/i.test(t)) judgment(r, 'final', quote(t, FINAL_WORDS.exec(t)!.index));
  else if (appealable && /Injunction|Restraining|Stay/i.test(appealable[1]!)) judgment(r, 'interlocutory', quote(t, appealable.index));
  else if (appealable && /^(?:granting|GRANTS|grants)/i.test(appealable[0]) && /Summary Judgment/i.test(appealable[1]!) && r.proposals.length === before) {
    r.review('filing', 'Summary judgment ruling: an appeal window may run', quote(t, appealable.index), 'The order grants summary judgment but does not say it ends the case: when a separate judgment is entered, the appeal period runs from it.');
  }
  if (r.proposals.length > before) return;
  if (/^MEMORANDUM OPINION\b/i.test(t) && !/\bORDER\b/.test(t.slice(0, 40))) return; // the order entered with it carries the consequences
  if (/\b(?:shall|must|ORDERED|DIRECTED|due|deadline|on or before|no later than)\b/.test(t) && !/^(?:MINUTE )?ORDER:? (?:granting|denying|GRANTING|DENYING)\b[^.]*\.?\s*(?:Signed|$)/i.test(t)) {
    r.review('filing', 'Order: read it for deadlines', quote(t, 0), 'The order directs something the reader could not date or attribute with confidence.');
  }
}

/** FRCP 12(a)(4)(A): denying (or postponing) a Rule 12 motion starts 14 days to answer. */
function answerAfterMotion(r: EntryReader): void {
  const m = /\b(?:denying|DENYING|denies|DENIES)\b(?: in part)?[^.]{0,60}?\bMotion to Dismiss\b/i.exec(r.text);
  if (!m || FINAL_WORDS.test(r.text)) return;
  if (/\bgranting\b[^.]{0,20}\bMotion to Dismiss\b/i.test(r.text) && !/in part/i.test(m[0])) return;
  const movant: Side = r.ctx.usParty ? 'defendants' : opposite(r.ctx.side);
  r.deadline({
    action: r.isTeam(movant) ? 'filing' : 'owed',
    rule: 'frcp12a4.answer_after_motion',
    label: r.isTeam(movant) ? 'Answer to the complaint due (FRCP 12(a)(4)(A))' : "Their answer to the complaint due (FRCP 12(a)(4)(A))",
    evidence: quote(r.text, m.index),
    plan: { create: 'filing', params: {}, triggerType: 'order_entered' },
  });
}

function extension(r: EntryReader): void {
  const t = r.text;
  const refs = refsIn(t);
  const granted = (EXTENSION.exec(t) ?? EXTENSION_GRANTED.exec(t))!;
  const after = t.slice(granted.index);
  const candidates = datesAfterCue(after, r.day);
  const clerk = clerkDates(r)[0];
  const newDue = candidates[0]?.day ?? clerk?.day;
  const label = `Extension granted${refs[0] ? ` on [${refs[0]}]` : ''}: new date`;
  if (!newDue) return r.review('event', label, quote(t, granted.index), 'The order grants an extension but the reader found no new date.', 'court_order.fixed');
  if (newDue <= r.day) return r.review('event', label, quote(t, granted.index), `The new date ${newDue} is not after the order (${r.day}).`, 'court_order.fixed');
  const actor = /\b(Plaintiffs?|Defendants?|Federal Defendants|the parties)\b[^.]{0,30}\b(?:shall|may|must|have until)\b/i.exec(after)?.[1];
  const whose = r.placeOf(actor);
  const what = whose === undefined ? '' : r.isTeam(whose) || whose === 'both' ? ' for the team' : ' for the other side';
  const computed = r.compute('court_order.fixed', r.day, { date: newDue });
  const due = typeof computed === 'string' ? null : computed.due;
  const clerkDiffers = clerk && candidates[0] && clerk.day !== candidates[0].day;
  r.push({
    entry: r.e.entry,
    action: 'event',
    rule: 'court_order.fixed',
    trigger: r.day,
    due,
    label: `${label}${what} ${newDue}`,
    evidence: quote(t, candidates[0] ? granted.index + candidates[0].index : granted.index),
    ...(clerkDiffers ? { clerk: { due: clerk.day, reason: `The order's text sets ${candidates[0]!.day}; the clerk's deadline line says ${clerk.day}. The order governs; ask chambers or the clerk to correct the docket.` } } : {}),
    ...(typeof computed === 'string' ? { review: computed } : {}),
    plan: { event: 'extension_granted', data: { newDue }, refs, itemKind: 'filing' },
  });
}

const HEARING = /\b((?:(?:Motion|Status|Scheduling|Initial Scheduling|Pretrial|Pre-Trial|Preliminary Injunction|Evidentiary|Telephone|Telephonic|Video|Virtual|In-Person|Oral|Sentencing|Settlement)\s+)*(?:Hearing|Conference|Argument))\s+(?:is\s+)?(?:set|scheduled|reset|rescheduled|will be held)\s+(?:for|on)\s+/gi;
const HOLD = /\b(?:will|shall) (?:hold|convene|conduct) an? ((?:[\w-]+\s+){0,3}?(?:hearing|conference|argument))\s+(?:on|for)\s+/gi;

function hearings(r: EntryReader): void {
  const t = r.text;
  for (const re of [HEARING, HOLD]) {
    re.lastIndex = 0;
    for (const m of t.matchAll(re)) {
      const rest = t.slice(m.index + m[0].length, m.index + m[0].length + 140);
      // "set for 6/2/2025 at 10:00 AM" names the date at once; "will hold a hearing on the [8] motion on March 21" after a cue.
      const when = re === HEARING ? r.dates(rest).find((d) => d.index <= 3) : datesAfterCue(`on ${rest}`, r.day)[0];
      if (!when) continue;
      if (VACATED.test(t.slice(Math.max(0, m.index - 60), m.index + m[0].length + when.index + when.text.length + 30))) continue;
      const place = /\bin (Courtroom [\w-]+|Chambers)/i.exec(rest)?.[1];
      const name = titleCase(m[1]!);
      if (when.day < r.day) continue;
      r.push({
        entry: r.e.entry,
        action: 'hearing',
        rule: null,
        trigger: r.day,
        due: when.at ?? when.day,
        label: `${name}${place ? ` (${place})` : ''}`,
        evidence: quote(t, m.index),
        ...(when.at ? {} : { review: 'The entry gives no time of day for the hearing.' }),
        plan: { create: 'filing', params: { date: when.day }, triggerType: 'hearing_set' },
      });
    }
  }
}

function vacatur(r: EntryReader): void {
  const t = r.text;
  const m = VACATED.exec(t);
  if (!m) return;
  const sentence = sentenceAt(t, m.index);
  if (!/\b(?:hearing|conference|deadline|schedule|briefing|argument|due|order)\b/i.test(sentence.text)) return;
  const refs = refsIn(sentence.text);
  const named = /\b((?:the|all|any) [^.;:]*?)\s+(?:is|are) (?:hereby )?VACATED/i.exec(sentence.text)?.[1] ?? /\bvacat(?:ing|es) ((?:the|all|any) [^.;:]*)/i.exec(sentence.text)?.[1];
  // "In light of the motion, the hearing set for ... is VACATED": the last clause names it.
  const what = named?.split(/,\s+/).at(-1) ?? 'a deadline or hearing';
  r.push({ entry: r.e.entry, action: 'event', rule: null, trigger: r.day, due: null, label: `Vacated: ${what.length > 100 ? `${what.slice(0, 97)}...` : what}`, evidence: quote(t, sentence.index), plan: { event: 'vacated', data: {}, refs, itemKind: 'filing' } });
}

const VERBS = 'file|produce|submit|serve|respond|answer|lodge|certify|show cause|provide|complete';
const OBLIGATION = new RegExp(`\\b(?:shall|must|may|(?:is|are) (?:hereby )?(?:ORDERED|DIRECTED|ordered|directed|required) to|(?:is|are) to)\\s+(?:be\\s+)?(?:(?:promptly|jointly|each|also|then|meet and confer and|meet and confer,? and)\\s+)*(${VERBS}|due)(?:d|ed)?\\b`, 'g');
/** "the Court ORDERS the parties to file", "MINUTE ORDER directing Defendants to produce": the actor follows the order's verb. */
const ORDERS_TO = new RegExp(`\\b(?:ORDERS|DIRECTS|REQUIRES|orders|directs|requires|directing|ordering|requiring|DIRECTING|ORDERING|REQUIRING)\\s+(?:that\\s+)?((?:the\\s+)?(?:[A-Z][\\w'.-]*|parties|government)(?:[\\s,]+(?:and\\s+)?[A-Z][\\w'.-]*)*)\\s+to\\s+(?:(?:promptly|jointly|each|also|meet and confer and)\\s+)*(${VERBS})\\b`);

/** Sentences that order someone to do something by a date or within a period. */
function obligations(r: EntryReader): void {
  const t = r.text;
  const clerkLines = clerkDates(r);
  let matched = 0;
  for (const s of sentences(t)) {
    OBLIGATION.lastIndex = 0;
    const ordered = ORDERS_TO.exec(s.text);
    const plain = ordered ? undefined : OBLIGATION.exec(s.text);
    if (!ordered && !plain) continue;
    if (VACATED.test(s.text)) continue;
    const verb: [string, string] & { index: number } = ordered
      ? Object.assign([ordered[0].slice(ordered[0].lastIndexOf(ordered[2]!)), ordered[2]!] as [string, string], { index: ordered.index + ordered[0].lastIndexOf(ordered[2]!) })
      : Object.assign([plain![0], plain![1]!] as [string, string], { index: plain!.index });
    const passive = !ordered && /\bbe\s/.test(verb[0]);
    const subject = s.text.slice(0, ordered ? ordered.index : verb.index);
    const actorText = ordered ? ordered[1]!.trim() : passive ? undefined : actorBefore(subject);
    const rest = s.text.slice(verb.index);
    // "Joint" in what must be done, not in what the Court considered ("the parties' Joint Status Report").
    // A passive sentence names the paper ("Defendants' answer shall be due"): its owner is whose it is.
    const whose = /\bjoint(?:ly)?\b/i.test(`${actorText ?? ''} ${rest}`) ? 'both' : r.placeOf(passive ? passiveSubject(subject) : actorText);
    // "Any opposition to [53] shall be filed by ...": the subject is the paper, and whose it is stays open.
    const thing = passive ? passiveSubject(subject) : objectOf(rest, verb[1]);
    const record = /administrative record|certified list/i.test(thing);
    const recurring = /\bevery (?:\d+|[a-z-]+) days\b|\bthereafter\b/i.test(s.text);
    const period = new RegExp(`\\bwithin ${NUMBER_PATTERN} days? (?:of|after|from) (?:the (?:date|entry) of )?(?:this|the Court's|the present) (?:Minute )?Order\\b`, 'i').exec(rest);
    const date = datesAfterCue(rest, r.day)[0];
    // An order may set the hour too ("by March 24, 2025 at 12:00 PM"): the label says so, the date is the day's.
    const hour = date?.at && !period ? ` by ${date.at.slice(11, 16)} court time` : '';
    const label = `${capitalise(thing)} due${hour}${whose === 'both' ? ' (joint)' : whose && !r.isTeam(whose) ? ' from the other side' : ''}${recurring ? ' (the first; the order repeats it)' : ''}`;
    const evidence = quote(t, s.index);
    const clerk = clerkLines.find((c) => similarWhat(c.what, thing));
    if (!period && !date) {
      if (/show cause|respond|file|produce/i.test(verb[1])) r.review(whose && !r.isTeam(whose) && whose !== 'both' ? 'owed' : 'filing', label, evidence, 'The order directs a filing but the reader found no date or period for it.', 'court_order.fixed');
      matched++;
      continue;
    }
    if (!whose) {
      r.review('filing', label, evidence, 'The reader could not tell who must do this.', 'court_order.fixed');
      matched++;
      continue;
    }
    const action = whose === 'both' || r.isTeam(whose) ? 'filing' : 'owed';
    const params: Record<string, unknown> = period ? { days: numberOf(period[1]!) } : { date: date!.day };
    r.deadline({
      action,
      rule: 'court_order.fixed',
      params,
      label,
      evidence,
      plan: record ? { create: 'record_production', params } : { create: 'filing', params, triggerType: 'order_entered' },
      ...(clerk ? { clerkDue: clerk.day } : {}),
    });
    matched++;
  }
  // The clerk's "Set/Reset Deadlines" line alone, with no sentence of the order behind it.
  if (matched === 0) {
    for (const c of clerkLines) {
      // An answer, and an agency's record, come from the defendants.
      const defendants = /^(?:answer|administrative record|certified list)/i.test(c.what) || (r.ctx.usParty && /administrative record|certified list/i.test(c.what));
      const whose = /\bjoint\b/i.test(c.what) ? 'both' : defendants ? 'defendants' : r.placeOf(c.what);
      const label = `${capitalise(c.what)} due`;
      if (!whose) {
        r.review('filing', label, quote(t, c.index), `The clerk set ${c.day} for "${c.what}" without saying whose it is.`, 'court_order.fixed');
        continue;
      }
      r.deadline({
        action: whose === 'both' || r.isTeam(whose) ? 'filing' : 'owed',
        rule: 'court_order.fixed',
        params: { date: c.day },
        label,
        evidence: quote(t, c.index),
        plan: { create: 'filing', params: { date: c.day }, triggerType: 'order_entered' },
      });
    }
  }
}

// ---------------------------------------------------------------- D.C. Circuit

function circuit(r: EntryReader): void {
  const t = r.body;
  const bad = impossibleDates(r.text, r.day);
  if (bad.length) return r.review('event', 'The entry names a date that does not exist', quote(r.text, r.text.indexOf(bad[0]!)), `The text names ${bad.map((b) => `"${b}"`).join(', ')}, which is not a real date.`);
  if (/^(?:ENTRY OF APPEARANCE|NOTICE OF APPEARANCE|CERTIFICATE|DOCKETING STATEMENT|STATEMENT OF ISSUES|UNDERLYING DECISION|TRANSCRIPT STATUS|Civil Case Docketed|CASE DOCKETED|NOTICE|MANDATE|(?:FINAL )?(?:APPELLANT|APPELLEE|REPLY|AMICUS)[\w ]*BRIEF|BRIEF|APPENDIX|DEFERRED APPENDIX|JOINT APPENDIX|PROCEDURAL MOTIONS|DISCLOSURE|LETTER|RESPONSE|REPLY)\b/i.test(t) && !/\bdue\b/i.test(t)) return;
  const appellant = r.ctx.appellant ?? (r.ctx.usParty ? 'defendants' : undefined);
  const role = appellant === undefined ? undefined : r.ctx.side === appellant ? 'appellant' : 'appellee';
  if (/^(?:PER CURIAM )?JUDGMENT\b/i.test(t) || /^(?:PER CURIAM )?(?:ORDER|OPINION)\b[^.]*\bJUDGMENT\b/.test(t)) {
    const evidence = quote(r.text, 0);
    if (r.ctx.usParty) {
      r.deadline({ action: 'filing', rule: 'frap40.rehearing_us', label: 'Petition for panel or en banc rehearing due (if the team seeks it)', evidence, plan: { create: 'filing', params: {}, triggerType: 'judgment_entered' } });
    } else {
      r.review('filing', 'Petition for rehearing due (FRAP 40: 14 days)', evidence, 'The engine counts the rehearing period only where the United States is a party (45 days).', 'frap40.rehearing_us');
    }
    r.deadline({ action: 'filing', rule: 'supct13.cert', label: 'Petition for a writ of certiorari due (if the team seeks it; Sup. Ct. R. 13)', evidence, plan: { create: 'filing', params: {}, triggerType: 'judgment_entered' } });
    return;
  }
  const before = r.proposals.length;
  hearings(r);
  const oral = /\bORAL ARGUMENT\b[^.]{0,40}\b(?:scheduled|set|calendared)\b[^.]{0,20}\b(?:for|on)\s+/i.exec(r.text);
  if (oral && r.proposals.length === before) {
    const when = r.dates(r.text.slice(oral.index + oral[0].length, oral.index + oral[0].length + 60))[0];
    if (when) r.push({ entry: r.e.entry, action: 'hearing', rule: null, trigger: r.day, due: when.at ?? when.day, label: 'Oral argument (D.C. Circuit)', evidence: quote(r.text, oral.index), ...(when.at ? {} : { review: 'The entry gives no time of day.' }), plan: { create: 'filing', params: { date: when.day }, triggerType: 'hearing_set' } });
  }
  const dues = [...r.text.matchAll(/(?:^|[.;:]\s*|\bfiled \[\d+\][^.]*?:\s*)((?:APPELLANTS?|APPELLEES?|Appellants?|Appellees?|PETITIONERS?|RESPONDENTS?|INTERVENORS?|AMICUS)?\s*'?s?\s*[A-Z][\w ,/'()-]*?)\s+due\s+(?:on\s+|by\s+)?(\d{1,2}\/\d{1,2}\/\d{4})/g)];
  for (const d of dues) {
    const what = d[1]!.trim().replace(/\s+/g, ' ');
    const day = r.dates(d[2]!)[0]?.day;
    if (!day) continue;
    const whoWord = /^(APPELLANTS?|APPELLEES?|PETITIONERS?|RESPONDENTS?|INTERVENORS?|AMICUS)\b/i.exec(what)?.[1]?.toLowerCase();
    // The appellant prepares the appendix (FRAP 30(a)(1)); motions are either side's.
    const who = whoWord?.startsWith('appellant') || whoWord?.startsWith('petitioner') || (!whoWord && /appendix/i.test(what))
      ? 'appellant'
      : whoWord?.startsWith('appellee') || whoWord?.startsWith('respondent') ? 'appellee' : whoWord ? 'other' : undefined;
    const label = `${capitalise(what.toLowerCase().replace(/^(appellants?|appellees?)\b/, (w) => w))} due (D.C. Circuit)`;
    const evidence = quote(r.text, d.index + d[0].indexOf(d[1]!));
    if (who === 'other') continue; // intervenors' and amici's papers are not the team's to track
    if (who && !role) {
      r.review('filing', label, evidence, 'The reader does not know which side appealed: say who the appellant is for this matter.', 'court_order.fixed');
      continue;
    }
    r.deadline({
      action: who === undefined || who === role ? 'filing' : 'owed',
      rule: 'court_order.fixed',
      params: { date: day },
      label,
      evidence,
      plan: { create: 'filing', params: { date: day }, triggerType: 'order_entered' },
    });
  }
  if (r.proposals.length > before) return;
  if (/^(?:(?:EMERGENCY|CONSENT|UNOPPOSED|JOINT)\s+)*MOTION\b/i.test(t)) {
    if (/^(?:CONSENT|UNOPPOSED|JOINT)\b/i.test(t)) return;
    const filer = r.filer();
    if (r.isTeam(filer)) return;
    r.review('filing', 'Response to the motion due (FRAP 27(a)(3)(A): 10 days after service)', quote(r.text, 0), 'The engine has no rule for FRAP 27(a)(3)(A) responses: compute the 10 days by hand, unless the court set a date.');
    return;
  }
  if (/^(?:CLERK'S |PER CURIAM )?ORDER\b/i.test(t) && /\b(?:shall|must|directed|due|within)\b/i.test(t) && !/\b(?:is|are) (?:DENIED|GRANTED|DISMISSED)\b[^.]*\.?\s*$/i.test(t)) {
    r.review('filing', 'Court of appeals order: read it for deadlines', quote(r.text, 0), 'The order directs something the reader could not date or attribute with confidence.');
  }
}

// ---------------------------------------------------------------- text helpers

/** The clerk's printed deadlines: "Answer due for ALL FEDERAL DEFENDANTS by 4/21/2025", "Responses due by 5/27/2025". */
function clerkDates(r: EntryReader): { what: string; day: string; index: number }[] {
  const out: { what: string; day: string; index: number }[] = [];
  for (const m of r.text.matchAll(/(?:^|[.;:(]\s*|Set\/Reset Deadlines:\s*)([A-Z][\w ,/'-]*?)\s+due(?: for ([^.()]*?))?\s+by\s+(\d{1,2}\/\d{1,2}\/\d{4})/g)) {
    const day = r.dates(m[3]!)[0]?.day;
    if (!day) continue;
    out.push({ what: `${m[1]!.trim()}${m[2] ? ` for ${m[2].trim()}` : ''}`, day, index: m.index + m[0].indexOf(m[1]!) });
  }
  return out;
}

/** Dates a deadline cue introduces: "on or before", "by", "no later than", "until", "up to and including". */
function datesAfterCue(text: string, reference: string): TextDate[] {
  return datesIn(text, reference).filter((d) => DEADLINE_CUE.test(text.slice(Math.max(0, d.index - 40), d.index)));
}

const DEADLINE_CUE = /\b(?:on or before|by|no later than|not later than|until|up to and including|through|to|on)\s+(?:[A-Z][a-z]+day,?\s+)?$/i;

function filerNames(body: string): string | undefined {
  const cleaned = body.replace(/\bSigned by [^.]*\./gi, '');
  // "by 3/24/2025" and "due by" name a date, not a filer.
  const all = [...cleaned.matchAll(/\b(?<!due )(?:filed )?by (?!\d)((?:(?!\bby\b)[^.(;])+?)(?=\.\s|\.$|\(|;|$)/g)];
  return all.at(-1)?.[1]?.trim();
}

/**
 * The entry's words without the docketing marks: the judge's signature line (its date is never
 * a deadline), "(Entered: ...)", and the docketing clerk's initials or the filer's name at the end.
 */
function withoutDocketing(text: string): string {
  let t = text
    .replace(/\s*\bSigned by (?:(?:Chief |Senior |Magistrate |District |U\.S\. )*Judge|the Court)\b[^.]*?\bon \d{1,2}\/\d{1,2}\/\d{4}\.?/gi, '')
    .replace(/\s*\((?:Entered|Filed): [^)]*\)/gi, '');
  for (let i = 0; i < 2; i++) t = t.trim().replace(/\s*\((?:[a-z]{2,6}\d*|[A-Z][A-Za-z'-]+, [A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z.]*)?)\)$/, '');
  return t.replace(/\s+/g, ' ').trim();
}

/** Attachments listed by the clerk are not the entry's words. */
function stripClerkNotes(text: string): string {
  return text.replace(/\(Attachments?:[^)]*(?:\([^)]*\)[^)]*)*\)/gi, '').replace(/\s+/g, ' ').trim();
}

function actorBefore(text: string): string | undefined {
  const m = /(Plaintiffs?|Defendants?|Federal Defendants|the Government|the government|the parties|Respondents?|Petitioners?|(?:[A-Z][A-Za-z.&'-]*\s?){1,8})(?:'s?|’s?)?[\s,]*$/.exec(text.replace(/\b(?:it is (?:hereby |further )?ORDERED that|ORDERED that|that|and|further)\s*$/i, '').trim());
  return m?.[1]?.trim();
}

function passiveSubject(text: string): string {
  const s = text.replace(/^.*?(?:ORDERED that|ORDERS that|:)\s*/i, '').replace(/^(?:any|the|a|an|all)\s+/i, '').trim();
  return s.length > 90 ? `${s.slice(0, 87)}...` : s || 'Filing';
}

function objectOf(rest: string, verb: string): string {
  const m = new RegExp(`${verb}\\s+(?:and\\s+\\w+\\s+)?((?:(?!\\b(?:on or before|by|no later than|not later than|within|until|up to and including)\\b)[^.;])*)`, 'i').exec(rest);
  const obj = (m?.[1] ?? '').replace(/\s+/g, ' ').trim();
  if (!obj) return verb === 'respond' ? 'Response' : verb === 'answer' ? 'Answer' : 'Filing';
  if (/^respond/i.test(verb) && /^to\b/i.test(obj)) return `Response ${obj}`.slice(0, 90);
  if (/^answer/i.test(verb)) return `Answer ${obj}`.slice(0, 90);
  const short = obj.replace(/^(?:a|an|the|their|its|his|her|any)\s+/i, '').replace(/\s+(?:with|in|to) the Court$/i, '');
  return short.length > 90 ? `${short.slice(0, 87)}...` : short;
}

/** The clerk's "Replies due" names the order's "their reply": words compared by their first four letters. */
function similarWhat(clerk: string, thing: string): boolean {
  const stems = (s: string) => new Set(s.toLowerCase().replace(/[^a-z ]/g, ' ').split(/\s+/).filter((w) => w.length > 3 && !['joint', 'their', 'with', 'file', 'from', 'shall', 'further', 'parties'].includes(w)).map((w) => w.slice(0, 4)));
  const a = stems(clerk);
  return [...stems(thing)].some((w) => a.has(w));
}

const ABBREVIATIONS = /(?:\b(?:U\.S|No|Nos|Fed|R|Civ|App|P|Mr|Ms|Mrs|Dr|Inc|Co|Corp|et al|v|vs|ECF|Dkt|Doc|Cir|D\.D\.C|D\.C|Sec|Stat|Supp|L\.C\.v\.R|LCvR|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|a\.m|p\.m|[A-Z])\.)$/;

function sentences(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.;](?=\s+[A-Z(\[]|\s*$)/g)) {
    const end = m.index + 1;
    if (ABBREVIATIONS.test(text.slice(Math.max(start, end - 12), end))) continue;
    const s = text.slice(start, end).trim();
    if (s) out.push({ text: s, index: text.indexOf(s, start) });
    start = end;
  }
  const tail = text.slice(start).trim();
  if (tail) out.push({ text: tail, index: text.indexOf(tail, start) });
  return out;
}

function sentenceAt(text: string, index: number): { text: string; index: number } {
  return sentences(text).find((s) => index >= s.index && index < s.index + s.text.length) ?? { text, index: 0 };
}

/** The words a proposal rests on: the sentence around `index`, at most 300 characters. */
function quote(text: string, index: number): string {
  const s = sentenceAt(text, Math.max(0, index));
  const from = Math.max(s.index, index - 120 > s.index ? index - 120 : s.index);
  const q = text.slice(from, Math.min(text.length, Math.max(s.index + s.text.length, from + 1))).trim();
  return q.length > 300 ? `${q.slice(0, 297)}...` : q;
}

function titleCase(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export { opposite };
