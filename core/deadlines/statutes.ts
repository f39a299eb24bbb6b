/**
 * Statutory clocks beside FOIA's: the Privacy Act's amendment clocks (agency-side working days),
 * the limitations periods for suing (years, counted by anniversary), and the EAJA fee
 * application (30 days after the judgment becomes final).
 */
import { civilOf, dayFacts, epochDayOf, factsOf, labelDay, type EpochDay } from '../calendar';
import { continueToOpenDay, countCourtDays, FRAP_26A } from './court-days';
import { courtReadings } from './court-period';
import { LIMITS, type ParamReader } from './params';
import { DEFAULT_READING, type ReadingFlag } from './readings';
import { defineRule, type AnyRule, type Outcome, type RuleContext } from './rule';
import { countWorkingDays, isWorkingDay, nextWorkingDay, nonWorkingReason } from './working-days';

// ---- Privacy Act working-day clocks, 5 U.S.C. 552a(d) ----

interface WorkingParams {
  workingDays: number;
  extended: boolean;
}

function workingDayRule(spec: {
  id: string;
  citation: string;
  triggerLabel: string;
  workingDays: number;
  /** The words that let the agency take longer, if any. */
  extendable?: string;
}): AnyRule {
  return defineRule<WorkingParams>({
    id: spec.id,
    citation: spec.citation,
    triggerLabel: spec.triggerLabel,
    readings: (ctx, base) => agencyWorkingReadings(ctx, base),
    parse: (r) => {
      const given = r.int('working_days', { min: 1, max: LIMITS.working_days });
      if (given === undefined || given === spec.workingDays) return { workingDays: spec.workingDays, extended: false };
      if (spec.extendable && given > spec.workingDays) return { workingDays: given, extended: true };
      throw r.error('working_days', `${spec.id} runs ${spec.workingDays} working days by statute${spec.extendable ? '; only a longer period, extended for good cause, can be given' : ' and no one can change it'}`);
    },
    compute: ({ calendar, trigger, params }, reading, trace) => {
      let day0 = trigger.day;
      if (reading.receiptNextWorkingDay) day0 = nextWorkingDay(calendar, day0, reading);
      if (trace.on) {
        const why = nonWorkingReason(dayFacts(calendar, day0), reading);
        trace.add('day0', `Day 0: ${labelDay(day0)}, the day of receipt${why ? `, taken as it happened although it is not a working day (${why}) (Docketwatch policy; see any alternative)` : ''}. It is not counted.`, day0);
        if (params.extended) trace.add('extension', `Period of ${params.workingDays} working days as extended (${spec.extendable}); the statute's own is ${spec.workingDays}.`);
        trace.add('count', `Counting ${params.workingDays} working days: Saturdays, Sundays and legal public holidays are excluded (5 U.S.C. 552a(d), "excluding Saturdays, Sundays, and legal public holidays").`);
      }
      const due = countWorkingDays(calendar, day0, params.workingDays, reading, trace);
      if (trace.on) trace.add('lastday', `Working day ${params.workingDays} is ${labelDay(due)}.`, due);
      return { day: due };
    },
  });
}

function agencyWorkingReadings({ calendar, trigger }: RuleContext<unknown>, base: Outcome): ReadingFlag[] {
  const flags: ReadingFlag[] = [];
  if (!isWorkingDay(calendar, trigger.day, DEFAULT_READING)) flags.push('receiptNextWorkingDay');
  const to = 'day' in base ? base.day : trigger.day;
  const factsFor = factsOf(calendar);
  let closure = false;
  let shutdown = false;
  for (let d = trigger.day; d <= to; d++) {
    const f = factsFor(d);
    closure ||= f.closure !== undefined;
    shutdown ||= f.shutdown !== undefined;
  }
  if (closure) flags.push('closuresNotWorkingDays');
  if (shutdown) flags.push('shutdownNotWorkingDays');
  return flags;
}

// ---- Limitations, counted in years ----

/**
 * The anniversary `years` after `day`. A period "stated in days or a longer unit" is computed
 * under Fed. R. Civ. P. 6(a)(1), which applies to "any statute that does not specify a method of
 * computing time": the day of the event is excluded, so the last day is the anniversary. A
 * February 29 start ends on February 28 in a common year (the earlier day: nothing is lost).
 */
export function anniversary(day: EpochDay, years: number): EpochDay {
  const { year, month, day: dom } = civilOf(day);
  const target = year + years;
  if (month === 2 && dom === 29 && !isLeap(target)) return epochDayOf(target, 2, 28);
  return epochDayOf(target, month, dom);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function limitationsRule(spec: { id: string; citation: string; triggerLabel: string; years: number }): AnyRule {
  return defineRule<Record<string, never>>({
    id: spec.id,
    citation: spec.citation,
    triggerLabel: spec.triggerLabel,
    readings: ({ computation }) => ['anniversaryDayBefore', 'limitationsNoRoll', ...courtReadings(computation)],
    parse: () => ({}),
    compute: ({ calendar, trigger, computation }, reading, trace) => {
      const end = anniversary(trigger.day, spec.years);
      const last = reading.anniversaryDayBefore ? end - 1 : end;
      if (trace.on) {
        trace.add('day0', `The day the period begins, ${labelDay(trigger.day)}, is excluded (${computation.cite('(1)(A)')}, which applies to "any statute that does not specify a method of computing time").`, trigger.day);
        trace.add('count', `Counting ${spec.years} years by the calendar: the period ends on the anniversary, ${labelDay(end)} (see the alternative for the day before).`, end);
      }
      if (reading.limitationsNoRoll) return { day: last };
      const rolled = continueToOpenDay(calendar, last, true, reading, trace, computation);
      if (trace.on && rolled !== last) trace.add('note', 'Courts differ on whether Rule 6(a)(1)(C) extends a statute of limitations; file by the alternative date if it is earlier.');
      return { day: rolled };
    },
  });
}

// ---- EAJA ----

interface EajaParams {
  final?: EpochDay;
}

/** 28 U.S.C. 2412(d)(1)(B), (d)(2)(G): 30 days after the judgment is "final and not appealable". */
const EAJA: AnyRule = defineRule<EajaParams>({
  id: 'eaja.fees',
  citation: '28 U.S.C. 2412(d)(1)(B) (the application must be submitted "within thirty days of final judgment in the action"), (d)(2)(G) ("final judgment" means "a judgment that is final and not appealable"); the appeal period: Fed. R. App. P. 4(a)(1)(B), computed under Fed. R. App. P. 26(a)(1); the 30 days computed under Fed. R. Civ. P. 6(a)(1)',
  triggerLabel: 'Entry of judgment',
  period: { days: 30 },
  readings: ({ computation }) => courtReadings(computation),
  parse: (r: ParamReader, trigger) => {
    const final = r.day('judgment_final');
    if (final !== undefined && final < trigger.day) throw r.error('judgment_final', 'is before the entry of judgment (trigger)');
    return final !== undefined ? { final } : {};
  },
  compute: ({ calendar, trigger, params, computation }, reading, trace) => {
    let final = params.final;
    if (final === undefined) {
      if (trace.on) trace.add('note', 'The United States is always a party to an EAJA claim, so the judgment becomes final and not appealable when the 60-day appeal period ends (Fed. R. App. P. 4(a)(1)(B)); if an appeal is taken, give judgment_final instead.');
      final = countCourtDays(calendar, trigger.day, 60, true, reading, trace, FRAP_26A);
      if (trace.on) trace.add('note', `The judgment becomes final and not appealable at the end of ${labelDay(final)}; the 30 days count from that day.`, final);
    } else if (trace.on) {
      trace.add('note', `The judgment became final and not appealable on ${labelDay(final)} (judgment_final): the 30 days count from that day.`, final);
    }
    return { day: countCourtDays(calendar, final, 30, true, reading, trace, computation) };
  },
});

export const STATUTE_RULES: AnyRule[] = [
  workingDayRule({
    id: 'privacy_act.amendment_ack',
    citation: '5 U.S.C. 552a(d)(2)(A) (the agency shall, "not later than 10 days (excluding Saturdays, Sundays, and legal public holidays) after the date of receipt of such request, acknowledge in writing such receipt")',
    triggerLabel: 'Receipt of the request to amend the record',
    workingDays: 10,
  }),

  workingDayRule({
    id: 'privacy_act.amendment_appeal_decision',
    citation: '5 U.S.C. 552a(d)(3) (final determination "not later than 30 days (excluding Saturdays, Sundays, and legal public holidays) from the date on which the individual requests such review, unless, for good cause shown, the head of the agency extends such 30-day period")',
    triggerLabel: 'The request for review of the refusal to amend',
    workingDays: 30,
    extendable: 'the head of the agency may extend the 30 days for good cause shown, 5 U.S.C. 552a(d)(3)',
  }),

  limitationsRule({
    id: 'privacy_act.limitations',
    citation: '5 U.S.C. 552a(g)(5) (an action "may be brought ... within two years from the date on which the cause of action arises"); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'The day the cause of action arose',
    years: 2,
  }),

  limitationsRule({
    id: 'foia.limitations',
    citation: '28 U.S.C. 2401(a) (a civil action against the United States is barred "unless the complaint is filed within six years after the right of action first accrues"); computed under Fed. R. Civ. P. 6(a)(1)',
    triggerLabel: 'Exhaustion of administrative remedies (actual or constructive)',
    years: 6,
  }),

  EAJA,
];
