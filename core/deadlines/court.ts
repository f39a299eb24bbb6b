/**
 * Court deadlines in the District Court: the Federal Rules of Civil Procedure, the D.D.C. Local
 * Civil Rules and court orders, computed under Fed. R. Civ. P. 6(a) (or the `court`'s own rule).
 * The appellate and Supreme Court rules are in appeals.ts.
 */
import { dayFacts, labelDay, type EpochDay } from '../calendar';
import { countCourtHours } from './court-hours';
import { addServiceDays, closedReason, countCourtDays, noteServiceWithout6d, SERVICE_METHODS, SERVICE_WORDS, type Service } from './court-days';
import {
  courtReadings,
  courtDirectedCitation,
  laterOf,
  notePeriod,
  periodRule,
  readFixedPeriod,
  readForward,
  readService,
  type FixedPeriod,
  type PeriodTerms,
} from './court-period';
import { DeadlineInputError } from './errors';
import { LIMITS } from './params';
import { defineRule, type AnyRule } from './rule';

/** Fed. R. Civ. P. 6(b)(2): "A court must not extend the time to act under Rules 50(b) and (d), 52(b), 59(b), (d), and (e), and 60(b)." */
const NOT_EXTENDABLE = 'Fed. R. Civ. P. 6(b)(2): a court must not extend the time to act under Rules 50(b) and (d), 52(b), 59(b), (d) and (e), and 60(b)';
const FROM_ENTRY = 'the period runs from entry of the judgment, not from service';
const RULE_12A_SET = 'Fed. R. Civ. P. 12(a) yields to "another time ... specified by this rule", and 12(a)(4) to a time the court sets';
const DISCOVERY_SET = '"A shorter or longer time may be stipulated to under Rule 29 or be ordered by the court"';
const RULE_15A3_TERMS: PeriodTerms = { id: 'frcp15a3.respond_amended', days: 14, courtMaySet: 'Fed. R. Civ. P. 15(a)(3): "Unless the court orders otherwise"' };
const LCVR_7N_TERMS: PeriodTerms = { id: 'lcvr7n.certified_list', days: 30, courtMaySet: 'LCvR 7(n)(1) applies "unless otherwise ordered by the Court"' };

interface CertifiedListParams {
  period: FixedPeriod;
  answerServed?: EpochDay;
  motion?: EpochDay;
  service?: Service;
}

interface OrderParams {
  date?: EpochDay;
  days?: number;
  forward: boolean;
  service?: Service;
}

export const COURT_RULES: AnyRule[] = [
  periodRule({
    id: 'frcp6.days',
    citation: 'Fed. R. Civ. P. 6(a)(1), (a)(5)',
    triggerLabel: 'Event that triggers the period',
    backwardAllowed: true,
  }),

  defineRule<{ hours: number; service?: Service; disclosure: boolean }>({
    id: 'frcp6.hours',
    citation: 'Fed. R. Civ. P. 6(a)(2)',
    triggerLabel: 'Event that triggers the period',
    // A disclosure notice asks when the agency may act at the earliest: its one alternative is
    // the bare elapsed hours, which the alerts count down to when it comes first.
    readings: ({ params }) => (params.disclosure ? ['hoursNoRoll'] : ['wallClockHours', 'closuresOrdinaryInCourt']),
    hours: true,
    parse: (r) => {
      const hours = r.int('hours', { min: 1, max: LIMITS.hours });
      if (hours === undefined) throw r.error('hours', 'is required for frcp6.hours (a whole number of hours)');
      readForward(r, 'frcp6.hours', false);
      const service = r.oneOf('service', SERVICE_METHODS);
      const disclosure = r.oneOf('purpose', ['disclosure_notice'] as const) === 'disclosure_notice';
      return { hours, disclosure, ...(service ? { service } : {}) };
    },
    compute: ({ calendar, trigger, params }, reading, trace) => {
      // 6(d) adds "3 days" to periods in days; Docketwatch does not stretch an hour period with it (judgement call).
      noteServiceWithout6d(trace, params.service, 'it adds days, and this period is counted in hours');
      if (params.disclosure && trace.on) {
        trace.add('note', 'A notice of intended disclosure: the binding end is the one Rule 6(a)(2) gives; the agency may read the order as bare elapsed hours and act as soon as they pass, so that earlier moment is the alternative, and alerts count down to whichever comes first.');
      }
      return { at: countCourtHours(calendar, trigger.at!, params.hours, reading, trace) };
    },
  }),

  periodRule({
    id: 'frcp6.days+mail',
    citation: 'Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the paper',
    defaultService: 'mail',
  }),

  periodRule({
    id: 'frcp12a2.answer_us',
    citation: 'Fed. R. Civ. P. 12(a)(2) ("within 60 days after service on the United States attorney"); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'Service on the United States attorney',
    days: 60,
    courtMaySet: RULE_12A_SET,
    no6d: 'service on the United States attorney is service of process under Rule 4(i), not service under Rule 5(b)',
  }),

  periodRule({
    id: 'lcvr7b.opposition',
    citation: 'D.D.C. LCvR 7(b) ("Within 14 days of the date of service"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the motion',
    days: 14,
    courtMaySet: 'LCvR 7(b): "Within 14 days of the date of service or at such other time as the Court may direct"',
  }),

  periodRule({
    id: 'lcvr7d.reply',
    citation: 'D.D.C. LCvR 7(d) ("Within seven days after service of the memorandum in opposition"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the memorandum in opposition',
    days: 7,
    courtMaySet: "the Court may direct another briefing schedule; LCvR 7(d)'s seven days yield to the time it sets",
  }),

  periodRule({
    id: 'lcvr65.1.pi_opposition',
    citation: 'D.D.C. LCvR 65.1(c) (opposition "within seven days after service of the application for preliminary injunction"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the application for a preliminary injunction',
    days: 7,
    courtMaySet: 'LCvR 65.1(c): the opposition is due within seven days "or at such other time as the Court may direct"',
  }),

  defineRule<CertifiedListParams>({
    id: 'lcvr7n.certified_list',
    citation: 'D.D.C. LCvR 7(n)(1) ("within 30 days following service of the answer to the complaint or simultaneously with the filing of a dispositive motion, whichever occurs first"); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'Service of the answer to the complaint',
    readings: ({ params, computation }) => (params.motion === undefined ? courtReadings(computation) : [...courtReadings(computation), 'motionDoesNotTrigger']),
    citationFor: (p) => courtDirectedCitation('D.D.C. LCvR 7(n)(1); computed under Fed. R. Civ. P. 6(a)(1)', p.period),
    parse: (r) => {
      const period = readFixedPeriod(r, LCVR_7N_TERMS);
      const answerServed = r.day('answer_served');
      const motion = r.day('dispositive_motion_filed');
      const service = r.oneOf('service', SERVICE_METHODS);
      return { period, ...(answerServed !== undefined ? { answerServed } : {}), ...(motion !== undefined ? { motion } : {}), ...(service ? { service } : {}) };
    },
    compute: ({ calendar, trigger, params, computation }, reading, trace) => {
      const answer = params.answerServed ?? trigger.day;
      notePeriod(trace, LCVR_7N_TERMS, params.period);
      if (trace.on && answer !== trigger.day) trace.add('note', `The answer was served ${labelDay(answer)} (answer_served): the ${params.period.days} days count from that date.`, answer);
      const thirty = countCourtDays(calendar, answer, params.period.days, true, reading, trace, computation);
      noteServiceWithout6d(trace, params.service, 'the agency that serves the answer files the list; 6(d) helps only a party "being served"');
      const motion = params.motion;
      if (motion === undefined) {
        if (trace.on) trace.add('note', 'If the agency files a dispositive motion before then, the certified list is due with that motion (LCvR 7(n)(1), "whichever occurs first").');
        return { day: thirty };
      }
      if (motion >= thirty) {
        if (trace.on) trace.add('note', `The dispositive motion filed ${labelDay(motion)} does not come first: the ${params.period.days}-day period governs.`, motion);
        return { day: thirty };
      }
      if (reading.motionDoesNotTrigger) return { day: thirty };
      if (trace.on) trace.add('note', `A dispositive motion was filed ${labelDay(motion)}, before the ${params.period.days}-day period ends: the certified list is due simultaneously with it (LCvR 7(n)(1), "whichever occurs first"). See the alternative.`, motion);
      return { day: motion };
    },
  }),

  defineRule<OrderParams>({
    id: 'court_order.fixed',
    citation: 'Court order; a period in days is computed under Fed. R. Civ. P. 6(a)(1) ("in any local rule or court order")',
    triggerLabel: 'Entry of the order',
    readings: ({ computation }) => courtReadings(computation),
    parse: (r, trigger) => {
      const date = r.day('date');
      const days = r.int('days', { min: 1, max: LIMITS.days });
      const forward = readForward(r, 'court_order.fixed', true);
      const service = r.oneOf('service', SERVICE_METHODS);
      if (date !== undefined && days !== undefined) throw r.error('date', 'give either date (the date the order sets) or days (a period counted from the order), not both');
      if (date === undefined && days === undefined) throw new DeadlineInputError('court_order.fixed needs date (the date the order sets) or days (a period counted from the order)', 'params');
      if (date !== undefined && date < trigger.day) throw r.error('date', 'is before the order (trigger) that sets it');
      return { ...(date !== undefined ? { date } : {}), ...(days !== undefined ? { days } : {}), forward, ...(service ? { service } : {}) };
    },
    compute: ({ calendar, trigger, params, computation }, reading, trace) => {
      noteServiceWithout6d(trace, params.service, "the order's period runs from its entry, or its date is fixed");
      if (params.days !== undefined) return { day: countCourtDays(calendar, trigger.day, params.days, params.forward, reading, trace, computation) };
      const date = params.date!;
      trace.add('lastday', `The order sets the date: ${labelDay(date)}. Rule 6(a) computes periods; it does not move a date fixed by order (Fed. R. Civ. P. 6(a) advisory committee's note to the 2009 amendment).`, date);
      const why = closedReason(dayFacts(calendar, date), reading, true, computation);
      if (why) trace.add('note', `${labelDay(date)} is not an ordinary court day (${why}); the date stands: file by then (CM/ECF is open) or move to extend (Fed. R. Civ. P. 6(b)).`, date);
      return { day: date };
    },
  }),

  // ---- Pleadings (Fed. R. Civ. P. 12, 15) ----

  periodRule({
    id: 'frcp12a1.answer',
    citation: 'Fed. R. Civ. P. 12(a)(1)(A)(i) ("within 21 days after being served with the summons and complaint"); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'Service of the summons and complaint',
    days: 21,
    courtMaySet: RULE_12A_SET,
    no6d: 'service of the summons and complaint is service of process under Rule 4, not service under Rule 5(b)',
  }),

  periodRule({
    id: 'frcp12a4.answer_after_motion',
    citation: 'Fed. R. Civ. P. 12(a)(4)(A) ("Unless the court sets a different time ... the responsive pleading must be served within 14 days after notice of the court\'s action"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: "Notice of the court's action on the Rule 12 motion",
    days: 14,
    courtMaySet: 'Fed. R. Civ. P. 12(a)(4): "Unless the court sets a different time"',
  }),

  periodRule({
    id: 'frcp15a1.amend_once',
    citation: 'Fed. R. Civ. P. 15(a)(1) (a party may amend its pleading once as a matter of course: (A) "21 days after serving it", or (B) "21 days after service of a responsive pleading or 21 days after service of a motion under Rule 12(b), (e), or (f), whichever is earlier"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the pleading, or of the responsive pleading or Rule 12(b), (e), (f) motion',
    days: 21,
    describe: (p) =>
      p.service
        ? `The trigger is taken as the service on the team of the responsive pleading or the Rule 12(b), (e) or (f) motion (Rule 15(a)(1)(B)): ${SERVICE_WORDS[p.service]}.`
        : "No service method given: the trigger is taken as the team's own service of its pleading (Rule 15(a)(1)(A)); Rule 6(d) adds nothing to a period that runs from a party's own service. Give service (how the responsive pleading or motion was served on the team) to count from it.",
  }),

  defineRule<{ period: FixedPeriod; service?: Service; originalDue?: EpochDay }>({
    id: 'frcp15a3.respond_amended',
    citation: 'Fed. R. Civ. P. 15(a)(3) ("Unless the court orders otherwise, any required response to an amended pleading must be made within the time remaining to respond to the original pleading or within 14 days after service of the amended pleading, whichever is later"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the amended pleading',
    readings: ({ computation }) => courtReadings(computation),
    citationFor: (p) => courtDirectedCitation('Fed. R. Civ. P. 15(a)(3); computed under Fed. R. Civ. P. 6(a)(1), 6(d)', p.period),
    parse: (r) => {
      const period = readFixedPeriod(r, RULE_15A3_TERMS);
      const service = readService(r, true);
      const originalDue = r.day('original_due');
      return { period, ...(service ? { service } : {}), ...(originalDue !== undefined ? { originalDue } : {}) };
    },
    compute: ({ calendar, trigger, params, computation }, reading, trace) => {
      notePeriod(trace, RULE_15A3_TERMS, params.period);
      let end = countCourtDays(calendar, trigger.day, params.period.days, true, reading, trace, computation);
      if (params.service) end = addServiceDays(calendar, end, params.service, reading, trace);
      if (params.originalDue === undefined && trace.on) trace.add('note', 'If time remains to respond to the original pleading and it ends later, that time governs: give original_due.');
      return { day: laterOf(end, params.originalDue, trace, 'the time remaining to respond to the original pleading (original_due)') };
    },
  }),

  // ---- Conference, scheduling, disclosures (Fed. R. Civ. P. 16, 26; LCvR 16.3) ----

  periodRule({
    id: 'frcp26f.conference',
    citation: 'Fed. R. Civ. P. 26(f)(1) (the parties must confer "as soon as practicable—and in any event at least 21 days before a scheduling conference is to be held or a scheduling order is due under Rule 16(b)"); computed backward under Fed. R. Civ. P. 6(a)(1), (a)(5)',
    triggerLabel: 'The scheduling conference (or the date the scheduling order is due)',
    days: 21,
    backwardOnly: true,
    no6d: 'the period is counted backward from the conference, not forward from service',
  }),

  periodRule({
    id: 'lcvr16.3.meet_confer',
    citation: 'D.D.C. LCvR 16.3(a) (counsel must confer "at least 21 days before a scheduling conference is held or a scheduling order is due under Fed. R. Civ. P. 16(b)"); computed backward under Fed. R. Civ. P. 6(a)(1), (a)(5)',
    triggerLabel: 'The scheduling conference (or the date the scheduling order is due)',
    days: 21,
    backwardOnly: true,
    no6d: 'the period is counted backward from the conference, not forward from service',
    notes: ['LCvR 16.3(b) exempts some categories of cases from the duty to confer; check whether this case is one of them.'],
  }),

  periodRule({
    id: 'frcp26f.report',
    citation: 'Fed. R. Civ. P. 26(f)(2) (the parties must submit "within 14 days after the conference a written report outlining the plan"); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'The Rule 26(f) conference',
    days: 14,
    no6d: 'the period runs from the conference, not from service',
  }),

  periodRule({
    id: 'frcp26a1.initial_disclosures',
    citation: 'Fed. R. Civ. P. 26(a)(1)(C) ("at or within 14 days after the parties\' Rule 26(f) conference unless a different time is set by stipulation or court order"); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'The Rule 26(f) conference',
    days: 14,
    courtMaySet: 'Fed. R. Civ. P. 26(a)(1)(C): "unless a different time is set by stipulation or court order"',
    no6d: 'the period runs from the conference, not from service',
    notes: ['An action for review on an administrative record is exempt from initial disclosure (Fed. R. Civ. P. 26(a)(1)(B)(i)); a FOIA case decided on the agency\'s declarations usually is too.'],
  }),

  defineRule<{ appeared?: EpochDay }>({
    id: 'frcp16b2.scheduling_order',
    citation: 'Fed. R. Civ. P. 16(b)(2) (the judge must issue the scheduling order, "unless the judge finds good cause for delay", "within the earlier of 90 days after any defendant has been served with the complaint or 60 days after any defendant has appeared"); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'Service of the complaint on the first defendant served',
    readings: ({ computation }) => courtReadings(computation),
    parse: (r) => {
      const appeared = r.day('appeared');
      return appeared !== undefined ? { appeared } : {};
    },
    compute: ({ calendar, trigger, params, computation }, reading, trace) => {
      if (trace.on) trace.add('note', 'This is the judge\'s deadline, not a party\'s; the judge may delay it for good cause.');
      const afterService = countCourtDays(calendar, trigger.day, 90, true, reading, trace, computation);
      if (params.appeared === undefined) {
        if (trace.on) trace.add('note', 'If a defendant appeared, 60 days after that may come first: give appeared (the first appearance).');
        return { day: afterService };
      }
      if (trace.on) trace.add('note', `A defendant appeared ${labelDay(params.appeared)}: counting 60 days from then.`, params.appeared);
      const afterAppearance = countCourtDays(calendar, params.appeared, 60, true, reading, trace, computation);
      const earlier = Math.min(afterService, afterAppearance);
      if (trace.on) trace.add('note', `The earlier of ${labelDay(afterService)} (90 days after service) and ${labelDay(afterAppearance)} (60 days after the appearance) is ${labelDay(earlier)}.`, earlier);
      return { day: earlier };
    },
  }),

  // ---- Discovery (Fed. R. Civ. P. 33, 34, 36) ----

  periodRule({
    id: 'frcp33.answers',
    citation: 'Fed. R. Civ. P. 33(b)(2) ("within 30 days after being served with the interrogatories"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the interrogatories',
    days: 30,
    courtMaySet: `Fed. R. Civ. P. 33(b)(2): ${DISCOVERY_SET}`,
  }),

  periodRule({
    id: 'frcp34.responses',
    citation: 'Fed. R. Civ. P. 34(b)(2)(A) ("within 30 days after being served"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the requests for production',
    days: 30,
    courtMaySet: `Fed. R. Civ. P. 34(b)(2)(A): ${DISCOVERY_SET}`,
  }),

  periodRule({
    id: 'frcp36.admissions',
    citation: 'Fed. R. Civ. P. 36(a)(3) (a matter is admitted unless answered or objected to "within 30 days after being served"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the requests for admission',
    days: 30,
    courtMaySet: `Fed. R. Civ. P. 36(a)(3): ${DISCOVERY_SET}`,
    notes: ['A matter not answered or objected to in time is admitted (Fed. R. Civ. P. 36(a)(3)).'],
  }),

  periodRule({
    id: 'frcp72.objections',
    citation: "Fed. R. Civ. P. 72(a), (b)(2) (objections \"within 14 days after being served with a copy\" of the magistrate judge's order or recommended disposition); computed under Fed. R. Civ. P. 6(a)(1), 6(d)",
    triggerLabel: "Service of the magistrate judge's order or recommended disposition",
    days: 14,
  }),

  // ---- After judgment (Fed. R. Civ. P. 50, 52, 54, 59) ----

  periodRule({
    id: 'frcp54d2.fees',
    citation: 'Fed. R. Civ. P. 54(d)(2)(B)(i) ("Unless a statute or a court order provides otherwise, the motion must ... be filed no later than 14 days after the entry of judgment"); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'Entry of judgment',
    days: 14,
    courtMaySet: 'Fed. R. Civ. P. 54(d)(2)(B): "Unless a statute or a court order provides otherwise"',
    no6d: FROM_ENTRY,
    notes: ['A fee application under the Equal Access to Justice Act runs on its own clock: see eaja.fees.'],
  }),

  ...(
    [
      ['frcp59.new_trial', 'Fed. R. Civ. P. 59(b) ("A motion for a new trial must be filed no later than 28 days after the entry of judgment")', 'Motion for a new trial'],
      ['frcp59e.alter_amend', 'Fed. R. Civ. P. 59(e) ("A motion to alter or amend a judgment must be filed no later than 28 days after the entry of the judgment")', 'Motion to alter or amend the judgment'],
      ['frcp50b.renewed_jmol', 'Fed. R. Civ. P. 50(b) (a renewed motion for judgment as a matter of law "[n]o later than 28 days after the entry of judgment")', 'Renewed motion for judgment as a matter of law'],
      ['frcp52b.amended_findings', 'Fed. R. Civ. P. 52(b) ("On a party\'s motion filed no later than 28 days after the entry of judgment, the court may amend its findings")', 'Motion to amend the findings'],
    ] as const
  ).map(([id, citation, what]) =>
    periodRule({
      id,
      citation: `${citation}; computed under Fed. R. Civ. P. 6(a)(1); not extendable, Fed. R. Civ. P. 6(b)(2)`,
      triggerLabel: 'Entry of judgment',
      days: 28,
      fixedBecause: NOT_EXTENDABLE,
      no6d: FROM_ENTRY,
      notes: [`${what}: a timely motion also resets the time to appeal (Fed. R. App. P. 4(a)(4)(A)).`],
    }),
  ),

  // ---- Preliminary injunction hearing (LCvR 65.1(d)) ----

  periodRule({
    id: 'lcvr65.1d.pi_hearing',
    citation: 'D.D.C. LCvR 65.1(d) (on request, the hearing on an application for preliminary injunction shall be set "no later than 21 days after its filing", unless the Court earlier decides the motion on the papers or finds that a later hearing will not prejudice the parties); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'Filing of the application for a preliminary injunction',
    days: 21,
    courtMaySet: 'LCvR 65.1(d): unless the Court decides the motion on the papers or finds that a later hearing date will not prejudice the parties',
    no6d: 'the period runs from the filing of the application, not from service',
    notes: ['This is the latest day for the hearing the Court sets on the movant\'s request, not a filing deadline.'],
  }),
];
