/**
 * Where the law can be read two ways, Docketwatch computes the default reading (DESIGN.md,
 * "Deadline policy") and reports the other one beside it. Each flag switches one question to
 * its alternative answer; a rule lists the flags that can change its result.
 */
export interface Reading {
  /** FOIA: a request received on a non-working day counts from the next working day. */
  receiptNextWorkingDay: boolean;
  /** FOIA: executive-order closure days are not working days. */
  closuresNotWorkingDays: boolean;
  /** FOIA: days of a lapse in appropriations are not working days. */
  shutdownNotWorkingDays: boolean;
  /** FOIA tolling: the clock runs again on the day the requester's answer arrives. */
  answerDayCounts: boolean;
  /** FOIA start cap: "ten days" after receipt by a designated component are calendar days. */
  capInCalendarDays: boolean;
  /** Agency calendar-day periods ending on a non-working day roll to the next working day. */
  agencyPeriodRolls: boolean;
  /** Court: executive-order closure days are ordinary days, not legal holidays. */
  closuresOrdinaryInCourt: boolean;
  /** Court hours: counted on the wall clock rather than as elapsed time across a DST change. */
  wallClockHours: boolean;
  /** LCvR 7(n): the dispositive motion filed does not bring the certified list due. */
  motionDoesNotTrigger: boolean;
  /** Supreme Court periods computed as FRCP 6(a) / FRAP 26(a) would, not under Sup. Ct. R. 30.1. */
  supremeCourtAsFrcp: boolean;
  /** A disclosure notice's hours read as elapsed clock hours that never roll off a weekend or holiday. */
  hoursNoRoll: boolean;
  /** A statute of limitations is not extended off a weekend or holiday by FRCP 6(a)(1)(C). */
  limitationsNoRoll: boolean;
  /** A period in years ends the day before the anniversary (the day of accrual counted as day one). */
  anniversaryDayBefore: boolean;
  /** FRAP 4(a)(3)'s 14 days counted from the clerk's service of the first notice rather than its filing. */
  crossAppealFromService: boolean;
}

export type ReadingFlag = keyof Reading;

export const DEFAULT_READING: Readonly<Reading> = Object.freeze({
  receiptNextWorkingDay: false,
  closuresNotWorkingDays: false,
  shutdownNotWorkingDays: false,
  answerDayCounts: false,
  capInCalendarDays: false,
  agencyPeriodRolls: false,
  closuresOrdinaryInCourt: false,
  wallClockHours: false,
  motionDoesNotTrigger: false,
  supremeCourtAsFrcp: false,
  hoursNoRoll: false,
  limitationsNoRoll: false,
  anniversaryDayBefore: false,
  crossAppealFromService: false,
});

/** Completes "Alternative: ... if ...". */
export const ALTERNATIVE_REASONS: Record<ReadingFlag, string> = {
  receiptNextWorkingDay: 'a request received on a Saturday, Sunday or holiday is treated as received on the next working day',
  closuresNotWorkingDays: 'days federal offices were closed by executive order are not counted as working days',
  shutdownNotWorkingDays: 'days during the lapse in appropriations are not counted as working days',
  answerDayCounts: "the clock runs again on the day the requester's answer arrives (that day counts)",
  capInCalendarDays: 'the "ten days" start cap of 5 U.S.C. 552(a)(6)(A)(ii) is read as ten calendar days',
  agencyPeriodRolls: 'a period ending on a Saturday, Sunday or legal public holiday rolls forward to the next working day',
  closuresOrdinaryInCourt: 'days federal offices were closed by executive order are not "legal holidays" under the rule\'s "declared by the President" clause',
  wallClockHours: 'hours are counted on the wall clock across the daylight-saving change instead of as elapsed time',
  motionDoesNotTrigger: 'the motion filed is not a "dispositive motion" that calls for the record (e.g. a jurisdictional motion to dismiss) and only the 30-day period governs',
  supremeCourtAsFrcp: 'the period is computed as Fed. R. Civ. P. 6(a) and Fed. R. App. P. 26(a) compute it (executive-order closures and D.C. holidays as legal holidays) rather than under Sup. Ct. R. 30.1',
  hoursNoRoll: 'the notice period is read as 24 elapsed clock hours that do not continue past a Saturday, Sunday or legal holiday: the earliest moment the agency may act',
  limitationsNoRoll: 'Fed. R. Civ. P. 6(a)(1)(C) does not extend a statute of limitations that ends on a Saturday, Sunday or legal holiday',
  anniversaryDayBefore: 'the years are counted with the day the claim arose as the first day, so the period ends the day before the anniversary',
  crossAppealFromService: "the 14 days are counted from the clerk's service of the first notice of appeal (Fed. R. App. P. 3(d)) rather than from its filing",
};

export function readingWith(flags: readonly ReadingFlag[]): Reading {
  const reading = { ...DEFAULT_READING };
  for (const f of flags) reading[f] = true;
  return reading;
}
