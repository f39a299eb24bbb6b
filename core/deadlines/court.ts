/**
 * Court deadlines for D.D.C. litigation: the Federal Rules, the D.D.C. Local Civil Rules and
 * court orders, all computed under Fed. R. Civ. P. 6(a) (FRAP 26(a) for the notice of appeal).
 */
import { dayFacts, labelDay, type EpochDay } from '../calendar';
import { countCourtHours } from './court-hours';
import {
  addServiceDays,
  closedReason,
  countCourtDays,
  FRAP_26A,
  FRCP_6A,
  noteServiceWithout6d,
  SERVICE_METHODS,
  type ComputationRule,
  type Service,
} from './court-days';
import { DeadlineInputError } from './errors';
import { LIMITS, type ParamReader } from './params';
import type { ReadingFlag } from './readings';
import { defineRule, type AnyRule } from './rule';

const CLOSURE_READING: readonly ReadingFlag[] = ['closuresOrdinaryInCourt'];

interface PeriodParams {
  days: number;
  forward: boolean;
  service?: Service;
}

function readDays(r: ParamReader, ruleId: string): number {
  const days = r.int('days', { min: 1, max: LIMITS.days });
  if (days === undefined) throw r.error('days', `is required for ${ruleId} (a whole number of days)`);
  return days;
}

/** `direction`: `after` (default) or `before` where the rule allows counting backward. */
function readForward(r: ParamReader, ruleId: string, backwardAllowed: boolean): boolean {
  const direction = r.oneOf('direction', ['after', 'before'] as const) ?? 'after';
  if (direction === 'before' && !backwardAllowed) throw r.error('direction', `${ruleId} counts forward from its trigger; "before" does not apply`);
  return direction === 'after';
}

/** `service`: only forward periods after service can take Fed. R. Civ. P. 6(d)'s 3 days. */
function readService(r: ParamReader, forward: boolean, fallback?: Service): Service | undefined {
  const service = r.oneOf('service', SERVICE_METHODS) ?? fallback;
  if (!forward && (service === 'mail' || service === 'consented_other')) {
    throw r.error('service', 'Fed. R. Civ. P. 6(d) adds days only to a period that runs after service; it cannot apply to a period counted backward');
  }
  return service;
}

/** A period of days under Rule 6(a), then 6(d)'s 3 days where service calls for them. */
function periodRule(spec: {
  id: string;
  citation: string;
  triggerLabel: string;
  /** A fixed count (local rules, FRCP 12(a)(2)) or read from `days`. */
  days?: number;
  backwardAllowed?: boolean;
  defaultService?: Service;
  /** Why 6(d) cannot apply, when the trigger is not a party's being served under Rule 5(b). */
  no6d?: string;
  computation?: ComputationRule;
}): AnyRule {
  const computation = spec.computation ?? FRCP_6A;
  return defineRule<PeriodParams>({
    id: spec.id,
    citation: spec.citation,
    triggerLabel: spec.triggerLabel,
    readings: () => CLOSURE_READING,
    parse: (r) => {
      const days = spec.days ?? readDays(r, spec.id);
      const forward = readForward(r, spec.id, spec.backwardAllowed ?? false);
      const service = spec.no6d ? r.oneOf('service', SERVICE_METHODS) : readService(r, forward, spec.defaultService);
      return { days, forward, ...(service ? { service } : {}) };
    },
    compute: ({ calendar, trigger, params }, reading, trace) => {
      const end = countCourtDays(calendar, trigger.day, params.days, params.forward, reading, trace, computation);
      if (!params.service) return { day: end };
      if (spec.no6d) {
        noteServiceWithout6d(trace, params.service, spec.no6d);
        return { day: end };
      }
      return { day: addServiceDays(calendar, end, params.service, reading, trace) };
    },
  });
}

interface CertifiedListParams {
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

  defineRule<{ hours: number; service?: Service }>({
    id: 'frcp6.hours',
    citation: 'Fed. R. Civ. P. 6(a)(2)',
    triggerLabel: 'Event that triggers the period',
    readings: () => ['wallClockHours', 'closuresOrdinaryInCourt'],
    hours: true,
    parse: (r) => {
      const hours = r.int('hours', { min: 1, max: LIMITS.hours });
      if (hours === undefined) throw r.error('hours', 'is required for frcp6.hours (a whole number of hours)');
      readForward(r, 'frcp6.hours', false);
      const service = r.oneOf('service', SERVICE_METHODS);
      return { hours, ...(service ? { service } : {}) };
    },
    compute: ({ calendar, trigger, params }, reading, trace) => {
      // 6(d) adds "3 days" to periods in days; Docketwatch does not stretch an hour period with it (judgement call).
      noteServiceWithout6d(trace, params.service, 'it adds days, and this period is counted in hours');
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
    no6d: 'service on the United States attorney is service of process under Rule 4(i), not service under Rule 5(b)',
  }),

  periodRule({
    id: 'lcvr7b.opposition',
    citation: 'D.D.C. LCvR 7(b) ("Within 14 days of the date of service"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the motion',
    days: 14,
  }),

  periodRule({
    id: 'lcvr7d.reply',
    citation: 'D.D.C. LCvR 7(d) ("Within seven days after service of the memorandum in opposition"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the memorandum in opposition',
    days: 7,
  }),

  periodRule({
    id: 'lcvr65.1.pi_opposition',
    citation: 'D.D.C. LCvR 65.1(c) (opposition "within seven days after service of the application for preliminary injunction"); computed under Fed. R. Civ. P. 6(a)(1), 6(d)',
    triggerLabel: 'Service of the application for a preliminary injunction',
    days: 7,
  }),

  defineRule<CertifiedListParams>({
    id: 'lcvr7n.certified_list',
    citation: 'D.D.C. LCvR 7(n)(1) ("within 30 days following service of the answer to the complaint or simultaneously with the filing of a dispositive motion, whichever occurs first"); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'Service of the answer to the complaint',
    readings: ({ params }) => (params.motion === undefined ? CLOSURE_READING : [...CLOSURE_READING, 'motionDoesNotTrigger']),
    parse: (r) => {
      const answerServed = r.day('answer_served');
      const motion = r.day('dispositive_motion_filed');
      const service = r.oneOf('service', SERVICE_METHODS);
      return { ...(answerServed !== undefined ? { answerServed } : {}), ...(motion !== undefined ? { motion } : {}), ...(service ? { service } : {}) };
    },
    compute: ({ calendar, trigger, params }, reading, trace) => {
      const answer = params.answerServed ?? trigger.day;
      if (trace.on && answer !== trigger.day) trace.add('note', `The answer was served ${labelDay(answer)} (answer_served): the 30 days count from that date.`, answer);
      const thirty = countCourtDays(calendar, answer, 30, true, reading, trace, FRCP_6A);
      noteServiceWithout6d(trace, params.service, 'the agency that serves the answer files the list; 6(d) helps only a party "being served"');
      const motion = params.motion;
      if (motion === undefined) {
        if (trace.on) trace.add('note', 'If the agency files a dispositive motion before then, the certified list is due with that motion (LCvR 7(n)(1), "whichever occurs first").');
        return { day: thirty };
      }
      if (motion >= thirty) {
        if (trace.on) trace.add('note', `The dispositive motion filed ${labelDay(motion)} does not come first: the 30-day period governs.`, motion);
        return { day: thirty };
      }
      if (reading.motionDoesNotTrigger) return { day: thirty };
      if (trace.on) trace.add('note', `A dispositive motion was filed ${labelDay(motion)}, before the 30-day period ends: the certified list is due simultaneously with it (LCvR 7(n)(1), "whichever occurs first"). See the alternative.`, motion);
      return { day: motion };
    },
  }),

  periodRule({
    id: 'frap4.appeal_us',
    citation: 'Fed. R. App. P. 4(a)(1)(B) ("within 60 days after entry of the judgment or order appealed from if one of the parties is ... the United States [or] a United States agency"); computed under Fed. R. App. P. 26(a)(1)',
    triggerLabel: 'Entry of the judgment or order appealed from',
    days: 60,
    computation: FRAP_26A,
    no6d: 'the period runs from entry of the judgment or order, not from service',
  }),

  defineRule<OrderParams>({
    id: 'court_order.fixed',
    citation: 'Court order; a period in days is computed under Fed. R. Civ. P. 6(a)(1) ("in any local rule or court order")',
    triggerLabel: 'Entry of the order',
    readings: () => CLOSURE_READING,
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
    compute: ({ calendar, trigger, params }, reading, trace) => {
      noteServiceWithout6d(trace, params.service, "the order's period runs from its entry, or its date is fixed");
      if (params.days !== undefined) return { day: countCourtDays(calendar, trigger.day, params.days, params.forward, reading, trace, FRCP_6A) };
      const date = params.date!;
      trace.add('lastday', `The order sets the date: ${labelDay(date)}. Rule 6(a) computes periods; it does not move a date fixed by order (Fed. R. Civ. P. 6(a) advisory committee's note to the 2009 amendment).`, date);
      const why = closedReason(dayFacts(calendar, date), reading, true, FRCP_6A);
      if (why) trace.add('note', `${labelDay(date)} is not an ordinary court day (${why}); the date stands: file by then (CM/ECF is open) or move to extend (Fed. R. Civ. P. 6(b)).`, date);
      return { day: date };
    },
  }),
];
