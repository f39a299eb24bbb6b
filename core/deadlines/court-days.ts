/**
 * Court periods under Fed. R. Civ. P. 6(a) (and Fed. R. App. P. 26(a), which has the same
 * structure and numbering). Days and hours, forward and backward, the last-day rules, and
 * 6(d)'s three days for service by mail or other consented means.
 */
import { SERVICE_METHODS, type Service } from './service';
import { factsOf, labelDay, type Calendar, type DayFacts, type EpochDay } from '../calendar';
import type { Reading } from './readings';
import type { Trace } from './receipt';

/**
 * Which court's computation rule governs: the District Court's (FRCP 6(a)), the Court of
 * Appeals' (FRAP 26(a), the same structure and numbering) or the Supreme Court's (Rule 30.1).
 */
export interface ComputationRule {
  /** "Fed. R. Civ. P. 6(a)" */
  name: string;
  /** FRCP 6(a) and FRAP 26(a) define "legal holiday" alike; Supreme Court Rule 30.1 more narrowly. */
  kind: 'frcp' | 'scotus';
  cite(sub: string): string;
}

export const FRCP_6A: ComputationRule = { name: 'Fed. R. Civ. P. 6(a)', kind: 'frcp', cite: (sub) => `Fed. R. Civ. P. 6(a)${sub}` };
export const FRAP_26A: ComputationRule = { name: 'Fed. R. App. P. 26(a)', kind: 'frcp', cite: (sub) => `Fed. R. App. P. 26(a)${sub}` };
/**
 * Sup. Ct. R. 30.1: the last day is included unless it is "a Saturday, Sunday, federal legal
 * holiday listed in 5 U.S.C. 6103, or day on which the Court building is closed by order of the
 * Court or the Chief Justice". No state (D.C.) holidays, no "declared by the President" clause.
 */
export const SUPCT_30: ComputationRule = { name: 'Sup. Ct. R. 30.1', kind: 'scotus', cite: () => 'Sup. Ct. R. 30.1' };

export type Court = 'DDC' | 'CADC' | 'SCOTUS';
export const COURTS: readonly Court[] = ['DDC', 'CADC', 'SCOTUS'];
/** Each court counts by its own rule; D.C. is the "state" for both the District Court and the Circuit. */
export const COMPUTATION_OF: Record<Court, ComputationRule> = { DDC: FRCP_6A, CADC: FRAP_26A, SCOTUS: SUPCT_30 };
export const COURT_NAMES: Record<Court, string> = {
  DDC: 'the U.S. District Court for the District of Columbia',
  CADC: 'the U.S. Court of Appeals for the D.C. Circuit',
  SCOTUS: 'the Supreme Court of the United States',
};

/**
 * Why `facts` is not a day on which a period can end, or undefined if it can. "Legal holiday"
 * is defined in (a)(6); an inaccessible clerk's office extends the period under (a)(3).
 */
export function closedReason(facts: DayFacts, reading: Reading, forward: boolean, rule: ComputationRule): string | undefined {
  if (!isClosed(facts, reading, forward, rule)) return undefined;
  if (facts.weekend) return facts.weekend;
  if (rule.kind === 'scotus' && !reading.supremeCourtAsFrcp) {
    if (facts.holiday) return `${facts.holiday.name}, a federal legal holiday listed in 5 U.S.C. 6103 (${rule.cite('')}; ${facts.holiday.citation})`;
    return `the Court building was closed (${facts.supremeCourtClosure}) (${rule.cite('')})`;
  }
  if (facts.holiday) {
    // Inauguration Day is set by statute, not listed in (a)(6)(A): it is "declared ... by Congress", (a)(6)(B).
    const sub = facts.holiday.citation.includes('6103(a)') ? '(6)(A)' : '(6)(B)';
    return `${facts.holiday.name}, a legal holiday (${rule.cite(sub)}; ${facts.holiday.citation})`;
  }
  if (facts.closure && !reading.closuresOrdinaryInCourt) {
    return `federal offices closed by the President (${facts.closure}): a day "declared a holiday by the President", a legal holiday (${rule.cite('(6)(B)')}; Docketwatch policy, see any alternative)`;
  }
  // (a)(6)(C): state (here D.C.) holidays count only for periods measured after an event.
  if (facts.dcHoliday && forward) return `${facts.dcHoliday}, a District of Columbia holiday, a legal holiday for periods counted forward (${rule.cite('(6)(C)')})`;
  const shut = rule.kind === 'scotus' ? facts.supremeCourtClosure : facts.courtClosure;
  if (shut) return `the clerk's office was inaccessible (${shut}) (${rule.cite(rule.kind === 'scotus' ? '' : '(3)')})`;
  return undefined;
}

/** The hot path of every court count: no strings. */
export function isClosed(facts: DayFacts, reading: Reading, forward: boolean, rule: ComputationRule = FRCP_6A): boolean {
  // Each court's own building: the D.C. courthouse's closures do not close the Supreme Court's.
  const shut = rule.kind === 'scotus' ? facts.supremeCourtClosure : facts.courtClosure;
  if (rule.kind === 'scotus' && !reading.supremeCourtAsFrcp) return Boolean(facts.weekend || facts.holiday || shut);
  return Boolean(facts.weekend || facts.holiday || (facts.closure && !reading.closuresOrdinaryInCourt) || (facts.dcHoliday && forward) || shut);
}

/**
 * Moves `day` forward (or, for backward periods, backward) to a day that is not closed.
 * A court closure on the last day of a backward period also moves it backward: (a)(3) says
 * "extended", but (a)(5) counts backward and filing earlier can never miss (judgement call).
 */
export function continueToOpenDay(calendar: Calendar, day: EpochDay, forward: boolean, reading: Reading, trace: Trace, rule: ComputationRule): EpochDay {
  const factsFor = factsOf(calendar);
  let d = day;
  if (!isClosed(factsFor(d), reading, forward, rule)) return d;
  while (isClosed(factsFor(d), reading, forward, rule)) {
    if (trace.on) trace.add('skip', `${labelDay(d)}: the period cannot end on this day: ${closedReason(factsFor(d), reading, forward, rule)}`, d);
    d += forward ? 1 : -1;
  }
  if (trace.on) {
    trace.add(
      'rollforward',
      forward
        ? `The period continues to run until the end of the next day that is not a Saturday, Sunday or legal holiday: ${labelDay(d)} (${rule.cite('(1)(C)')}).`
        : `Counting backward, the "next day" is the day before: the period ends on ${labelDay(d)}, the nearest earlier day that is not a Saturday, Sunday or legal holiday (${rule.cite('(1)(C)')}, ${rule.cite('(5)')}).`,
      d,
    );
  }
  return d;
}

/** (a)(1): exclude the trigger day, count every day, include the last day unless closed. */
export function countCourtDays(calendar: Calendar, trigger: EpochDay, days: number, forward: boolean, reading: Reading, trace: Trace, rule: ComputationRule): EpochDay {
  const last = trigger + (forward ? days : -days);
  if (trace.on) {
    trace.add('day0', `The day of the event, ${labelDay(trigger)}, is excluded (${rule.cite('(1)(A)')}).`, trigger);
    trace.add(
      'count',
      `Counting ${days} days ${forward ? 'forward' : 'backward'}: every day counts, including intermediate Saturdays, Sundays and legal holidays (${rule.cite('(1)(B)')}${forward ? '' : `; backward per ${rule.cite('(5)')}`}).`,
    );
    trace.add('lastday', `Day ${days} is ${labelDay(last)}; the last day is included (${rule.cite('(1)(C)')}).`, last);
  }
  return continueToOpenDay(calendar, last, forward, reading, trace, rule);
}


/** How a receipt names each method of service, with the part of Rule 5(b)(2) it is. */
export const SERVICE_WORDS: Record<Service, string> = {
  electronic: 'electronic service (Rule 5(b)(2)(E))',
  mail: 'service by mail (Rule 5(b)(2)(C))',
  hand: 'service by hand (Rule 5(b)(2)(A)-(B))',
  consented_other: 'service by other means consented to (Rule 5(b)(2)(F))',
};

/**
 * Fed. R. Civ. P. 6(d): "3 days are added after the period would otherwise expire under Rule
 * 6(a)" for service under Rule 5(b)(2)(C), (D) or (F). If the third day is closed, the last-day
 * rule applies again (advisory committee's note to the 2005 amendment).
 */
export function addServiceDays(calendar: Calendar, periodEnd: EpochDay, service: Service, reading: Reading, trace: Trace): EpochDay {
  if (service !== 'mail' && service !== 'consented_other') {
    if (trace.on) trace.add('service', `${capitalise(SERVICE_WORDS[service])}: Fed. R. Civ. P. 6(d) adds no days (it applies only to Rule 5(b)(2)(C), (D) and (F); electronic service was removed from it in 2016).`);
    return periodEnd;
  }
  const third = periodEnd + 3;
  if (trace.on) trace.add('service', `${capitalise(SERVICE_WORDS[service])}: 3 days are added after the period would otherwise expire under Rule 6(a), ${labelDay(periodEnd)}, giving ${labelDay(third)} (Fed. R. Civ. P. 6(d)).`, third);
  return continueToOpenDay(calendar, third, true, reading, trace, FRCP_6A);
}

/** For periods that do not run from a party's being served under Rule 5(b): 6(d) adds nothing. */
export function noteServiceWithout6d(trace: Trace, service: Service | undefined, why: string): void {
  if (service && trace.on) trace.add('service', `${capitalise(SERVICE_WORDS[service])} noted; Fed. R. Civ. P. 6(d) adds no days: ${why}.`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export { SERVICE_METHODS, type Service };
