/** The shape of a rule in the rules table. */
import type { Calendar, EpochDay } from '../calendar';
import type { ComputationRule, Court } from './court-days';
import type { ParamReader } from './params';
import type { Reading, ReadingFlag } from './readings';
import type { Trace } from './receipt';
import type { CourtTime, Moment } from './time';

/** A day rule ends on a date (at 23:59:59.999 at the court); an hour rule at an instant. */
export type Outcome = { day: EpochDay } | { at: CourtTime };

export interface RuleContext<P> {
  calendar: Calendar;
  trigger: Moment;
  /** The court whose computation rule counts the period (the `court` parameter, or the rule's own). */
  court: Court;
  computation: ComputationRule;
  params: P;
}

export interface RuleDef<P> {
  id: string;
  citation: string;
  /** What the trigger is, in a lawyer's words: "Service of the motion". */
  triggerLabel: string;
  /**
   * The alternative readings that could change this result (given the default outcome), so
   * that ones that cannot apply are not computed: a cheap, conservative filter.
   */
  readings(ctx: RuleContext<P>, base: Outcome): readonly ReadingFlag[];
  /** Hour rules need a date-time trigger and give a date-time. */
  hours?: boolean;
  /** The court whose rules count this period when `court` is not given (D.D.C. if absent). */
  court?: Court;
  /**
   * The rule's own fixed period, for rules that do not read `days` / `working_days` themselves:
   * the same number is accepted and changes nothing; another is an error.
   */
  period?: { days?: number; working_days?: number };
  /** The citation for these parameters, when they change it (a period the court directed). */
  citationFor?(params: P): string;
  /** Validates and normalises parameters; throws DeadlineInputError. */
  parse(reader: ParamReader, trigger: Moment): P;
  compute(ctx: RuleContext<P>, reading: Reading, trace: Trace): Outcome;
}

/** A rule with its parameter type erased, so rules of different shapes share one table. */
export type AnyRule = RuleDef<unknown>;

export function defineRule<P>(rule: RuleDef<P>): AnyRule {
  return rule as unknown as AnyRule;
}
