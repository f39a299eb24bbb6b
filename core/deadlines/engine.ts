/**
 * computeDeadline: validate the request, run the rule under the default reading with a
 * receipt, then under each alternative reading the rule lists, and report any that differs.
 */
import { defaultCalendar, isoOf, labelDay, type Calendar } from '../calendar';
import { APPEAL_RULES } from './appeals';
import { COURT_RULES } from './court';
import { COMPUTATION_OF, COURT_NAMES, COURTS } from './court-days';
import { DeadlineInputError } from './errors';
import { FOIA_RULES } from './foia';
import { LIMITS, ParamReader } from './params';
import { ALTERNATIVE_REASONS, DEFAULT_READING, readingWith, type ReadingFlag } from './readings';
import { Receipt, SILENT, type ReceiptEntry } from './receipt';
import type { AnyRule, Outcome, RuleContext } from './rule';
import { STATUTE_RULES } from './statutes';
import { COURT_TIME_ZONE, endOfDayInstant, formatCourtTime, labelCourtTime, parseMoment, toIsoInstant, type Moment } from './time';

export interface DeadlineRequest {
  rule: string;
  trigger: string;
  params?: Record<string, unknown>;
}

export interface DeadlineResult {
  /** ISO date for day rules; ISO date-time with offset for hour rules. */
  due: string;
  /** When the deadline ends, ISO UTC: 23:59:59.999 at the court on `due` for day rules. */
  dueInstant: string;
  alternative?: { due: string; reason: string };
  rule: { id: string; citation: string };
  calendarVersion: string;
  receipt: ReceiptEntry[];
}

const RULES = new Map<string, AnyRule>([...FOIA_RULES, ...COURT_RULES, ...APPEAL_RULES, ...STATUTE_RULES].map((r) => [r.id, r]));

/** Every rule id the engine knows: the contract with handlers, workflows and the CLI. */
export const RULE_IDS: readonly string[] = Object.freeze([...RULES.keys()]);

export function computeDeadline(req: DeadlineRequest, calendar: Calendar = defaultCalendar): DeadlineResult {
  if (typeof req !== 'object' || req === null) throw new DeadlineInputError('a deadline request must be an object {rule, trigger, params?}');
  const rule = RULES.get(req.rule);
  if (!rule) throw new DeadlineInputError(`unknown rule ${JSON.stringify(req.rule)}; known rules: ${RULE_IDS.join(', ')}`, 'rule');
  const trigger = parseMoment(req.trigger, 'trigger');
  if (rule.hours && !trigger.at) {
    throw new DeadlineInputError(`${rule.id} counts hours: give the trigger as a date-time with offset (e.g. 2026-03-06T15:00:00-05:00)`, 'trigger');
  }
  const reader = new ParamReader(req.params);
  // Each court counts by its own rule; D.C. is the "state" of both the District Court and the Circuit.
  const ownCourt = rule.court ?? 'DDC';
  const court = reader.oneOf('court', COURTS) ?? ownCourt;
  const ctx: RuleContext<unknown> = { calendar, trigger, court, computation: COMPUTATION_OF[court], params: rule.parse(reader, trigger) };
  const echoed = ownPeriodParams(reader, rule);
  reader.finish(rule.id);

  const receipt = new Receipt();
  describeTrigger(receipt, rule, req.trigger, trigger);
  if (court !== ownCourt) receipt.add('note', `Counted under ${ctx.computation.name}, the rule of ${COURT_NAMES[court]} (court = ${court}).`);
  for (const text of echoed) receipt.add('note', text);
  const outcome = rule.compute(ctx, DEFAULT_READING, receipt);
  const due = formatDue(outcome);
  const dueInstant = instantOf(outcome);
  receipt.add('due', `Due: ${'day' in outcome ? `${labelDay(outcome.day)}, by 11:59 pm ${COURT_TIME_ZONE}` : labelCourtTime(outcome.at)} (${dueInstant}).`, 'day' in outcome ? outcome.day : due.slice(0, 10));
  const alternative = findAlternative(rule, ctx, outcome, receipt);
  const citation = rule.citationFor?.(ctx.params) ?? rule.citation;
  receipt.add('citation', `Rule: ${citation}.`);
  receipt.add('calendar', `Calendar ${calendar.version}: legal public holidays (5 U.S.C. 6103) on their observed dates, Inauguration Day (D.C. area), executive-order closures, lapses in appropriations, D.C. Emancipation Day and court closures as recorded.`);

  return {
    due,
    dueInstant,
    ...(alternative ? { alternative } : {}),
    rule: { id: rule.id, citation },
    calendarVersion: calendar.version,
    receipt: receipt.entries,
  };
}

/**
 * A `days` or `working_days` the rule did not read itself: the rule's own period is accepted
 * and changes nothing; any other number is an error, since the rule does not let it change.
 */
function ownPeriodParams(reader: ParamReader, rule: AnyRule): string[] {
  const notes: string[] = [];
  for (const name of ['days', 'working_days'] as const) {
    if (reader.consumed(name) || !reader.given(name)) continue;
    const value = reader.int(name, { min: 1, max: LIMITS[name] });
    const own = rule.period?.[name];
    if (own === undefined) throw reader.error(name, `is not a parameter of ${rule.id}`);
    if (value !== own) throw reader.error(name, `${rule.id} runs ${own} ${name === 'days' ? 'days' : 'working days'} (${rule.citation}); it cannot be changed here`);
    notes.push(`${name} = ${value} is the rule's own period: nothing changes.`);
  }
  return notes;
}

function describeTrigger(receipt: Receipt, rule: AnyRule, text: string, trigger: Moment): void {
  if (rule.hours) {
    receipt.add('trigger', `${rule.triggerLabel}: ${labelCourtTime(trigger.at!)}.`, trigger.day);
    return;
  }
  receipt.add('trigger', `${rule.triggerLabel}: ${labelDay(trigger.day)}.`, trigger.day);
  if (trigger.at) {
    receipt.add('timezone', `The trigger ${text.trim()} is ${labelCourtTime(trigger.at)}: its date at the court is ${isoOf(trigger.day)}.`, trigger.day);
  }
}

/**
 * Runs each alternative reading. One that differs is the alternative; if several differ, the
 * alternative applies them together (each is also listed in the receipt with its own date).
 */
function findAlternative(rule: AnyRule, ctx: RuleContext<unknown>, base: Outcome, receipt: Receipt): DeadlineResult['alternative'] {
  const differing: Array<{ flag: ReadingFlag; outcome: Outcome }> = [];
  for (const flag of rule.readings(ctx, base)) {
    const outcome = rule.compute(ctx, readingWith([flag]), SILENT);
    if (!sameOutcome(outcome, base)) differing.push({ flag, outcome });
  }
  if (differing.length === 0) return undefined;
  for (const { flag, outcome } of differing) {
    receipt.add('alternative', `Alternative reading: if ${ALTERNATIVE_REASONS[flag]}, the deadline is ${formatDue(outcome)}.`, formatDue(outcome).slice(0, 10));
  }
  if (differing.length > 1) {
    const combined = rule.compute(ctx, readingWith(differing.map((d) => d.flag)), SILENT);
    if (!sameOutcome(combined, base)) {
      receipt.add('alternative', `Under all of these alternative readings together, the deadline is ${formatDue(combined)}.`, formatDue(combined).slice(0, 10));
      return { due: formatDue(combined), reason: `If ${differing.map((d) => ALTERNATIVE_REASONS[d.flag]).join('; and if ')}.` };
    }
  }
  const first = differing[0]!;
  return { due: formatDue(first.outcome), reason: `If ${ALTERNATIVE_REASONS[first.flag]}.` };
}

function formatDue(outcome: Outcome): string {
  return 'day' in outcome ? isoOf(outcome.day) : formatCourtTime(outcome.at);
}

function instantOf(outcome: Outcome): string {
  return 'day' in outcome ? endOfDayInstant(outcome.day) : toIsoInstant(outcome.at.epochMs);
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  if ('day' in a && 'day' in b) return a.day === b.day;
  if ('at' in a && 'at' in b) return a.at.epochMs === b.at.epochMs;
  return false;
}
