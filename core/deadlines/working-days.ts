/**
 * FOIA working days: not a Saturday, Sunday or legal public holiday (5 U.S.C. 552(a)(6)(A)(i),
 * "excepting Saturdays, Sundays, and legal public holidays"; holidays per 5 U.S.C. 6103).
 * Executive-order closures and shutdown days are working days by default (DESIGN.md policy).
 */
import { dayFacts, factsOf, isoOf, labelDay, type Calendar, type DayFacts, type EpochDay } from '../calendar';
import type { Reading } from './readings';
import type { Trace } from './receipt';

/** The hot path of every FOIA count: no strings. */
function isNonWorking(facts: DayFacts, reading: Reading): boolean {
  return Boolean(facts.weekend || facts.holiday || (facts.closure && reading.closuresNotWorkingDays) || (facts.shutdown && reading.shutdownNotWorkingDays));
}

/** Why `facts` is not a FOIA working day under `reading`, or undefined if it is one. */
export function nonWorkingReason(facts: DayFacts, reading: Reading): string | undefined {
  if (!isNonWorking(facts, reading)) return undefined;
  if (facts.weekend) return facts.weekend;
  if (facts.holiday) return `${facts.holiday.name}, a legal public holiday (${facts.holiday.citation})`;
  if (facts.closure && reading.closuresNotWorkingDays) return `federal offices closed (${facts.closure}); alternative reading`;
  if (facts.shutdown && reading.shutdownNotWorkingDays) return `${facts.shutdown}; alternative reading`;
  return undefined;
}

export function isWorkingDay(calendar: Calendar, day: EpochDay, reading: Reading): boolean {
  return !isNonWorking(dayFacts(calendar, day), reading);
}

export function nextWorkingDay(calendar: Calendar, day: EpochDay, reading: Reading): EpochDay {
  let d = day;
  while (!isWorkingDay(calendar, d, reading)) d++;
  return d;
}

/** Days on which a tolled clock does not run, inclusive. */
export interface TolledSpan {
  first: EpochDay;
  last: EpochDay;
  why: string;
}

/**
 * The day on which `count` working days after `day0` end. Day 0 itself never counts; tolled
 * days and non-working days are skipped, each noted in the trace.
 */
export function countWorkingDays(
  calendar: Calendar,
  day0: EpochDay,
  count: number,
  reading: Reading,
  trace: Trace,
  tolled: readonly TolledSpan[] = [],
): EpochDay {
  const factsFor = factsOf(calendar);
  let day = day0;
  let n = 0;
  const shutdownDays: EpochDay[] = [];
  while (n < count) {
    day++;
    const toll = tollOn(tolled, day);
    if (toll) {
      if (trace.on) trace.add('tolled', `${labelDay(day)}: not counted, the clock is tolled (${toll.why})`, day);
      continue;
    }
    const facts = factsFor(day);
    if (isNonWorking(facts, reading)) {
      if (trace.on) trace.add('skip', `${labelDay(day)}: not a working day: ${nonWorkingReason(facts, reading)}`, day);
      continue;
    }
    n++;
    if (!trace.on) continue;
    if (facts.closure) {
      trace.add('counted', `${labelDay(day)}: counted as working day ${n} although federal offices were closed (${facts.closure}); closure days count as FOIA working days (DOJ guidance; Docketwatch policy)`, day);
    }
    if (facts.shutdown) shutdownDays.push(day);
  }
  if (trace.on && shutdownDays.length) {
    const [first, last] = [shutdownDays[0]!, shutdownDays[shutdownDays.length - 1]!];
    trace.add('counted', `${shutdownDays.length} working day(s) from ${isoOf(first)} to ${isoOf(last)} fell during the ${dayFacts(calendar, first).shutdown}; they are counted: a lapse in appropriations does not stop FOIA clocks (Docketwatch policy)`);
  }
  return day;
}

function tollOn(tolled: readonly TolledSpan[], day: EpochDay): TolledSpan | undefined {
  for (const t of tolled) if (day >= t.first && day <= t.last) return t;
  return undefined;
}
