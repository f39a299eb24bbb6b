/**
 * The shapes court rules share: a period of days counted under the court's computation rule,
 * Rule 6(d)'s three days where service calls for them, a period the court may set instead of
 * the rule's own, and "the later of" two dates.
 */
import { labelDay, type EpochDay } from '../calendar';
import { addServiceDays, countCourtDays, noteServiceWithout6d, SERVICE_METHODS, type ComputationRule, type Court, type Service } from './court-days';
import { LIMITS, type ParamReader } from './params';
import type { ReadingFlag } from './readings';
import type { Trace } from './receipt';
import { defineRule, type AnyRule } from './rule';

export const CLOSURE_READING: readonly ReadingFlag[] = ['closuresOrdinaryInCourt'];
const SUPREME_COURT_READING: readonly ReadingFlag[] = ['supremeCourtAsFrcp'];

/** The readings that can move a court period: which days are legal holidays, by the court's rule. */
export function courtReadings(computation: ComputationRule): readonly ReadingFlag[] {
  return computation.kind === 'scotus' ? SUPREME_COURT_READING : CLOSURE_READING;
}

export function readDays(r: ParamReader, ruleId: string): number {
  const days = r.int('days', { min: 1, max: LIMITS.days });
  if (days === undefined) throw r.error('days', `is required for ${ruleId} (a whole number of days)`);
  return days;
}

/** `direction`: `after` (default) or `before` where the rule allows counting backward. */
export function readForward(r: ParamReader, ruleId: string, backwardAllowed: boolean, backwardOnly = false): boolean {
  const direction = r.oneOf('direction', ['after', 'before'] as const) ?? (backwardOnly ? 'before' : 'after');
  if (direction === 'before' && !backwardAllowed && !backwardOnly) throw r.error('direction', `${ruleId} counts forward from its trigger; "before" does not apply`);
  if (direction === 'after' && backwardOnly) throw r.error('direction', `${ruleId} counts backward from its trigger; "after" does not apply`);
  return direction === 'after';
}

/** `service`: only forward periods after service can take Fed. R. Civ. P. 6(d)'s 3 days. */
export function readService(r: ParamReader, forward: boolean, fallback?: Service): Service | undefined {
  const service = r.oneOf('service', SERVICE_METHODS) ?? fallback;
  if (!forward && (service === 'mail' || service === 'consented_other')) {
    throw r.error('service', 'Fed. R. Civ. P. 6(d) adds days only to a period that runs after service; it cannot apply to a period counted backward');
  }
  return service;
}

/** A rule's fixed period, or one the court directed where the rule lets it. */
export interface FixedPeriod {
  days: number;
  /** The court set this period instead of the rule's own. */
  courtDirected: boolean;
  /** `days` was given and is the rule's own period. */
  echoed: boolean;
}

export interface PeriodTerms {
  id: string;
  days: number;
  /** The rule's words that let the court set another time, e.g. 'LCvR 7(b): "or at such other time as the Court may direct"'. */
  courtMaySet?: string;
  /** Why nobody can change the period (e.g. Fed. R. Civ. P. 6(b)(2)). */
  fixedBecause?: string;
}

export function readFixedPeriod(r: ParamReader, terms: PeriodTerms): FixedPeriod {
  const given = r.int('days', { min: 1, max: LIMITS.days });
  if (given === undefined) return { days: terms.days, courtDirected: false, echoed: false };
  if (given === terms.days) return { days: terms.days, courtDirected: false, echoed: true };
  if (terms.courtMaySet) return { days: given, courtDirected: true, echoed: false };
  throw r.error(
    'days',
    `${terms.id} runs ${terms.days} days and the rule does not let the court set another period${terms.fixedBecause ? ` (${terms.fixedBecause})` : ''}; for a date the court fixed by order use court_order.fixed`,
  );
}

/** Receipt lines for a period the court directed, or a `days` that repeats the rule's own. */
export function notePeriod(trace: Trace, terms: PeriodTerms, period: FixedPeriod): void {
  if (!trace.on) return;
  if (period.courtDirected) {
    trace.add('note', `Period of ${period.days} days as the Court directed (the rule's own period is ${terms.days} days; ${terms.courtMaySet}).`);
  } else if (period.echoed) {
    trace.add('note', `days = ${period.days} is the rule's own period: nothing changes.`);
  }
  if (terms.fixedBecause) trace.add('note', `This period cannot be extended: ${terms.fixedBecause}.`);
}

export function courtDirectedCitation(citation: string, period: FixedPeriod): string {
  return period.courtDirected ? `${citation}; the period of ${period.days} days as the Court directed` : citation;
}

/** The later of a computed end and a date given as a parameter, with the reason in the receipt. */
export function laterOf(end: EpochDay, other: EpochDay | undefined, trace: Trace, what: string): EpochDay {
  if (other === undefined || other <= end) {
    if (other !== undefined && trace.on) trace.add('note', `${capitalise(what)}, ${labelDay(other)}, is not later: the period above governs.`, other);
    return end;
  }
  if (trace.on) trace.add('note', `${capitalise(what)}, ${labelDay(other)}, is later than ${labelDay(end)}: it governs.`, other);
  return other;
}

export interface PeriodSpec {
  id: string;
  citation: string;
  triggerLabel: string;
  /** A fixed count (local rules, FRCP 12(a)(2)) or read from `days`. */
  days?: number;
  court?: Court;
  backwardAllowed?: boolean;
  /** The rule counts backward from its trigger (a conference, a hearing). */
  backwardOnly?: boolean;
  defaultService?: Service;
  /** Why 6(d) cannot apply, when the trigger is not a party's being served under Rule 5(b). */
  no6d?: string;
  courtMaySet?: string;
  fixedBecause?: string;
  /** Receipt notes that always apply (an exemption, who acts). */
  notes?: readonly string[];
  /** A receipt note that depends on the parameters (what the trigger is taken to be). */
  describe?: (params: PeriodParams) => string | undefined;
}

export interface PeriodParams {
  period: FixedPeriod;
  forward: boolean;
  service?: Service;
}

/** A period of days under the court's computation rule, then 6(d)'s 3 days where service calls for them. */
export function periodRule(spec: PeriodSpec): AnyRule {
  const terms = (days: number): PeriodTerms => ({ id: spec.id, days, ...(spec.courtMaySet ? { courtMaySet: spec.courtMaySet } : {}), ...(spec.fixedBecause ? { fixedBecause: spec.fixedBecause } : {}) });
  return defineRule<PeriodParams>({
    id: spec.id,
    citation: spec.citation,
    triggerLabel: spec.triggerLabel,
    ...(spec.court ? { court: spec.court } : {}),
    readings: ({ computation }) => courtReadings(computation),
    citationFor: (p) => courtDirectedCitation(spec.citation, p.period),
    parse: (r) => {
      const period: FixedPeriod = spec.days === undefined ? { days: readDays(r, spec.id), courtDirected: false, echoed: false } : readFixedPeriod(r, terms(spec.days));
      const forward = readForward(r, spec.id, spec.backwardAllowed ?? false, spec.backwardOnly ?? false);
      const service = spec.no6d ? r.oneOf('service', SERVICE_METHODS) : readService(r, forward, spec.defaultService);
      return { period, forward, ...(service ? { service } : {}) };
    },
    compute: ({ calendar, trigger, params, computation }, reading, trace) => {
      if (spec.days !== undefined) notePeriod(trace, terms(spec.days), params.period);
      if (trace.on) {
        const described = spec.describe?.(params);
        if (described) trace.add('note', described);
        for (const note of spec.notes ?? []) trace.add('note', note);
      }
      const end = countCourtDays(calendar, trigger.day, params.period.days, params.forward, reading, trace, computation);
      if (!params.service) return { day: end };
      if (spec.no6d) {
        noteServiceWithout6d(trace, params.service, spec.no6d);
        return { day: end };
      }
      return { day: addServiceDays(calendar, end, params.service, reading, trace) };
    },
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
