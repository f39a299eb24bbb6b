/**
 * Why each surviving mutant is allowed to survive: an equivalent mutant (no input can tell it
 * from the code), or one that changes only what no reachable state shows. `code` is part of the
 * mutated code as written, all of it (or any part of it, with `partial`); `file`, `replacement`,
 * `context` (tested against the whole lines the mutant spans) and `argumentOf` narrow the match.
 * scripts/mutation-allow.ts applies these to the last report and writes stryker-allow.md.
 */
export interface Reason {
  file?: string;
  mutator: string;
  code: string;
  partial?: boolean;
  replacement?: string;
  context?: RegExp;
  /** Where on its line the mutated code starts (1-based), when the line holds the same code twice. */
  column?: number;
  /** The mutated code lies in this top-level function (the same line can be in two). */
  inFunction?: string;
  /** The mutated code is (part of) this argument of a call whose callee matches. */
  argumentOf?: { callee: RegExp; arg: number };
  /**
   * A memo: without it the same work is done again, so the tests may run past Stryker's timeout
   * (Timeout) or not (Survived), by the machine's load. Either result uses the reason.
   */
  slow?: true;
  reason: string;
}

const REQUEST = 'core/lifecycle/request-transitions.ts';
const COURT = 'core/lifecycle/court-transitions.ts';

const SILENT_ONLY = 'equivalent: it changes only what is done when the trace is SILENT (alternative readings), whose add() is a no-op; the text it would be given comes from pure calls';

export const REASONS: Reason[] = [
  // ---- the trace: SILENT for alternative readings, a Receipt for the answer ----
  { mutator: 'ConditionalExpression', code: 'trace.on', replacement: 'true', reason: SILENT_ONLY },
  { mutator: 'ConditionalExpression', code: '!trace.on', replacement: 'false', reason: `${SILENT_ONLY} (what it skips only adds lines to the trace)` },

  // ---- wording (the StringLiteral pass): the sentence, never the step tag, the field or a value ----
  { mutator: 'StringLiteral', code: '', partial: true, argumentOf: { callee: /^(trace|receipt)\.add$/, arg: 1 }, reason: 'receipt wording: the sentence of a receipt line (its step tag, date and the dates it names are what the tests hold)' },
  { mutator: 'StringLiteral', code: '', partial: true, argumentOf: { callee: /^(r|reader|this)\.error$/, arg: 1 }, reason: 'error wording: the message of a refused parameter (the parameter it names is the first argument, and the refusal itself is tested)' },

  // ---- FOIA clocks ----
  { file: 'core/deadlines/foia-tolling.ts', mutator: 'ArrayDeclaration', code: '[]', replacement: '["Stryker was here"]', reason: 'equivalent: a string in the list of tolled spans has no first or last day, so no day falls in it' },
  { file: 'core/deadlines/working-days.ts', mutator: 'ArrayDeclaration', code: '[]', replacement: '["Stryker was here"]', reason: 'equivalent: a string in the list of tolled spans has no first or last day, so no day falls in it' },
  { file: 'core/deadlines/foia-tolling.ts', mutator: 'ConditionalExpression', code: 'last > toll.sent', replacement: 'true', reason: 'equivalent: when the last tolled day is not after the day sent, the span would run from the next day to an earlier one and hold no day' },
  { file: 'core/deadlines/foia-tolling.ts', mutator: 'EqualityOperator', code: 'last > toll.sent', replacement: 'last >= toll.sent', reason: 'equivalent: when the last tolled day is the day sent, the span would run from the next day to that day and hold no day' },
  { file: 'core/deadlines/foia.ts', mutator: 'ConditionalExpression', code: 'first !== undefined', replacement: 'true', reason: 'equivalent: `undefined > day` is false, so without the check an absent first receipt still passes' },
  { file: 'core/deadlines/foia.ts', mutator: 'ArrayDeclaration', code: '[]', replacement: '["Stryker was here"]', reason: 'equivalent: an unknown reading flag leaves the default reading, whose date is the default\'s, so nothing is reported (a tolls list of one string adds only a reading that cannot move an appeal window)' },
  { file: 'core/deadlines/foia.ts', mutator: 'ObjectLiteral', code: '{ agency }', replacement: '{}', context: /unit, regulation: regulation!/, reason: 'equivalent: the agency as given is read only for the note that no regulation is on file, and here one is' },
  ...[
    'params.firstReceived !== undefined || !isWorkingDay(calendar, trigger.day, DEFAULT_READING)',
    'params.firstReceived !== undefined',
    'anyDayBetween(calendar, from, to, (f) => f.closure !== undefined)',
    'anyDayBetween(calendar, from, to, (f) => f.shutdown !== undefined)',
    'f.closure !== undefined',
    'f.shutdown !== undefined',
    'params.tolls.length',
    'test(factsFor(d))',
  ].map((code): Reason => ({ file: 'core/deadlines/foia.ts', mutator: 'ConditionalExpression', code, replacement: 'true', reason: 'equivalent: it only offers one more reading to try; a reading that cannot move the date gives the default\'s date and is not reported (the list is there to skip needless runs)' })),
  { file: 'core/deadlines/foia.ts', mutator: 'EqualityOperator', code: 'f.closure !== undefined', replacement: 'f.closure === undefined', reason: 'equivalent: it offers the closure reading whenever a day of the span is no closure, that is always; a reading that cannot move the date is not reported' },
  { file: 'core/deadlines/foia.ts', mutator: 'BooleanLiteral', code: 'false', replacement: 'true', context: /^\s*return false;$/, reason: 'equivalent: anyDayBetween then offers every reading it is asked about; a reading that cannot move the date is not reported' },
  { file: 'core/deadlines/working-days.ts', mutator: 'ConditionalExpression', code: '!isNonWorking(facts, reading)', replacement: 'false', reason: 'equivalent: for a working day none of the conditions below holds either, so the reason is undefined all the same' },
  { file: 'core/deadlines/working-days.ts', mutator: 'ConditionalExpression', code: 'facts.holiday', replacement: 'true', reason: 'unreachable: a reason is asked only under the default reading (receipts are written for it alone), where a non-working day that is no weekend is a holiday' },
  ...['facts.closure && reading.closuresNotWorkingDays', 'facts.shutdown && reading.shutdownNotWorkingDays'].flatMap((code): Reason[] => ['ConditionalExpression', 'LogicalOperator'].map((mutator) => ({ file: 'core/deadlines/working-days.ts', mutator, code, reason: 'unreachable: a reason is asked only under the default reading (receipts are written for it alone), where closure and lapse days are working days' }))),

  // ---- the Privacy Act's working days ----
  { file: 'core/deadlines/statutes.ts', mutator: 'EqualityOperator', code: 'given > spec.workingDays', replacement: 'given >= spec.workingDays', reason: "equivalent: a working_days equal to the statute's own has returned on the line above" },
  { file: 'core/deadlines/statutes.ts', mutator: 'ConditionalExpression', code: '!isWorkingDay(calendar, trigger.day, DEFAULT_READING)', replacement: 'true', reason: "equivalent: it only offers the next-working-day reading for a receipt on a working day too, where the next working day is that day: the default's date, not reported" },
  { file: 'core/deadlines/statutes.ts', mutator: 'ArrayDeclaration', code: '[]', replacement: '["Stryker was here"]', context: /const flags: ReadingFlag\[\] = \[\];/, reason: "equivalent: an unknown reading flag leaves the default reading, whose date is the default's, so nothing is reported" },
  ...[
    { mutator: 'BooleanLiteral', code: 'false', replacement: 'true', context: /let (closure|shutdown) = false;/ },
    { mutator: 'ConditionalExpression', code: 'f.closure !== undefined', replacement: 'true' },
    { mutator: 'ConditionalExpression', code: 'f.shutdown !== undefined', replacement: 'true' },
    { mutator: 'EqualityOperator', code: 'f.closure !== undefined', replacement: 'f.closure === undefined' },
    { mutator: 'EqualityOperator', code: 'f.shutdown !== undefined', replacement: 'f.shutdown === undefined' },
    { mutator: 'ConditionalExpression', code: 'closure', replacement: 'true', context: /if \(closure\) flags\.push/ },
    { mutator: 'ConditionalExpression', code: 'shutdown', replacement: 'true', context: /if \(shutdown\) flags\.push/ },
  ].map((r): Reason => ({ file: 'core/deadlines/statutes.ts', ...r, reason: "equivalent: it only offers the closure or lapse reading more often; a reading that cannot move the date gives the default's date and is not reported (the scan is there to skip needless runs)" })),

  // ---- the engine, its parameters and times ----
  { file: 'core/deadlines/readings.ts', mutator: 'ObjectLiteral', code: '{ ...DEFAULT_READING }', replacement: '{}', reason: 'equivalent: every flag of the default reading is false, and every reader tests a flag for truth, so an absent flag reads the same' },
  { file: 'core/deadlines/errors.ts', mutator: 'ConditionalExpression', code: 'field !== undefined', replacement: 'true', reason: 'equivalent: the field is then present as undefined, and every reader of it takes that as absent (`err.field ?? ...`, or a truthiness test)' },
  { file: 'core/deadlines/chain.ts', mutator: 'ConditionalExpression', code: 'found', replacement: 'false', slow: true, reason: 'equivalent: a memo; without it the link is computed again, to the same result' },
  { file: 'core/deadlines/chain.ts', mutator: 'CallExpression', code: 'visiting.delete(id);', reason: 'equivalent: the link is memoised right after, so it is never resolved again to meet its stale mark' },
  { file: 'core/deadlines/chain.ts', mutator: 'CallExpression', code: 'done.set(id, chained);', slow: true, reason: 'equivalent: a memo; without it the link is computed again, to the same result' },
  { file: 'core/deadlines/chain.ts', mutator: 'ConditionalExpression', code: 'err instanceof DeadlineInputError', replacement: 'true', reason: 'unreachable: computeDeadline refuses bad input only with DeadlineInputError; any other error would be a defect, which no input produces' },
  { file: 'core/deadlines/engine.ts', mutator: 'BooleanLiteral', code: 'false', replacement: 'true', reason: 'unreachable: a rule gives only dates or only instants, so two outcomes are never one of each' },
  { file: 'core/deadlines/engine.ts', mutator: 'ConditionalExpression', code: "'at' in a && 'at' in b", replacement: 'true', reason: 'unreachable: a rule gives only dates or only instants, so two outcomes are never one of each' },
  { file: 'core/deadlines/engine.ts', mutator: 'LogicalOperator', code: "'day' in a && 'day' in b", reason: 'unreachable: a rule gives only dates or only instants, so two outcomes are never one of each' },
  { file: 'core/deadlines/engine.ts', mutator: 'LogicalOperator', code: "'at' in a && 'at' in b", reason: 'unreachable: a rule gives only dates or only instants, so two outcomes are never one of each' },
  { file: 'core/deadlines/engine.ts', mutator: 'ConditionalExpression', code: "name === 'days'", replacement: 'true', reason: 'unreachable: no rule has its own period in working days, so only days reach this message' },
  { file: 'core/deadlines/engine.ts', mutator: 'ConditionalExpression', code: '!sameOutcome(combined, base)', replacement: 'true', reason: 'unreachable: every alternative reading moves a date one way for its rule (FOIA readings later; a court closure read as ordinary earlier, wall-clock hours by the hour of a clock change), so readings that each differ never together give the default back' },
  { file: 'core/deadlines/params.ts', mutator: 'ConditionalExpression', code: "typeof raw === 'string'", replacement: 'true', context: /values as readonly string\[\]/, reason: 'equivalent: a value that is not text is in no list of allowed strings, so it is refused with the same words' },
  { file: 'core/deadlines/params.ts', mutator: 'ConditionalExpression', code: "typeof n !== 'number'", replacement: 'false', reason: 'equivalent: Number.isInteger is false for anything that is not a number, so the same values are refused with the same words (the typeof is there for the type checker)' },
  { file: 'core/deadlines/agency-regulations.ts', mutator: 'MethodExpression', code: 'agency.trim()', replacement: 'agency', reason: 'equivalent: its one caller passes the agency as ParamReader.text gives it, already trimmed' },
  { file: 'core/deadlines/time.ts', mutator: 'ConditionalExpression', code: 'instant === undefined', replacement: 'true', slow: true, reason: 'equivalent: a memo; without it the instant is computed again, to the same value' },
  { file: 'core/deadlines/time.ts', mutator: 'CallExpression', code: 'endOfDayCache.set(day, instant);', slow: true, reason: 'equivalent: a memo; without it the instant is computed again, to the same value' },
  { file: 'core/deadlines/time.ts', mutator: 'CallExpression', code: 'zoneYears.set(year, info);', slow: true, reason: "equivalent: a memo; without it the year's offsets are read again, to the same values" },
  ...['back.year === year', 'back.day === day'].map((code): Reason => ({ file: 'core/calendar/days.ts', mutator: 'ConditionalExpression', code, replacement: 'true', reason: 'equivalent: a text that is no real date never comes back in its own month (day 00 or past the month\'s end moves the month; a month outside 01-12 comes back inside it), so the month comparison alone decides, as a run over every YYYY-MM-DD from 0000 to 9999 confirms' })),
  { file: 'core/calendar/federal-holidays.ts', mutator: 'ConditionalExpression', code: '!h.date.startsWith(`${year}-`)', replacement: 'false', reason: "unobservable: the days it would add lie in other years, and federalHolidayOn's one caller (not exported from core/calendar) asks each year's map only for days of that year" },
  { file: 'core/calendar/index.ts', mutator: 'LogicalOperator', code: "n.court ?? ''", reason: "equivalent: a note's court is SCOTUS or absent (toNote refuses others), and the keys stay two apart (`date|` and `date|undefined` instead of `date|SCOTUS` and `date|`)" },
  { file: 'core/calendar/index.ts', mutator: 'ConditionalExpression', code: 'found', replacement: 'false', slow: true, reason: "equivalent: a memo; without it the calendar's index is built again, to the same maps" },
  { file: 'core/deadlines/time.ts', mutator: 'ArithmeticOperator', code: 'epochDayOf(year, 1, 1) * DAY_MS', replacement: 'epochDayOf(year, 1, 1) / DAY_MS', slow: true, reason: "equivalent for the years the engine takes (1990 on): the zone's changes are then read from 1970-01-01 instead of the year's start, where the offset is EST as on every January 1, and the last change before any instant of the year is the same one" },
  { file: 'core/calendar/index.ts', mutator: 'ConditionalExpression', code: '!known', replacement: 'true', slow: true, reason: "equivalent: a memo; without it the day's facts are computed again, to equal (frozen) values" },
  { file: 'core/calendar/index.ts', mutator: 'CallExpression', code: 'facts.set(day, known);', slow: true, reason: "equivalent: a memo; without it the day's facts are computed again, to equal (frozen) values" },
  { file: 'core/calendar/federal-holidays.ts', mutator: 'CallExpression', code: 'byYear.set(year, map);', slow: true, reason: "equivalent: a memo; without it the year's holidays are built again, to the same map" },
  { file: 'core/calendar/federal-holidays.ts', mutator: 'ConditionalExpression', code: 'map', replacement: 'false', slow: true, reason: "equivalent: a memo not read; the year's holidays are built again, to the same map" },
  { file: 'core/deadlines/time.ts', mutator: 'Regex', code: '/\\[[^\\]]+\\]$/', reason: 'equivalent: the date-time pattern admits a zone annotation only at the end, so the first one found is the last' },
  { file: 'core/deadlines/time.ts', mutator: 'ConditionalExpression', code: 'offsetMs < 0', replacement: 'true', reason: 'equivalent for the court: America/New_York is always behind UTC, so its offset is never zero or positive' },
  { file: 'core/deadlines/time.ts', mutator: 'EqualityOperator', code: 'offsetMs < 0', replacement: 'offsetMs <= 0', reason: 'equivalent for the court: America/New_York is always behind UTC, so its offset is never zero' },

  // ---- trigger sets ----
  { file: 'core/deadlines/trigger-sets.ts', mutator: 'ConditionalExpression', code: "typeof id === 'string'", replacement: 'true', reason: 'equivalent: the sets are a Map keyed by their ids, which holds nothing for a value that is not text, so it is refused the same way' },
  { file: 'core/deadlines/trigger-sets.ts', mutator: 'ArrayDeclaration', code: '[]', replacement: '["Stryker was here"]', context: /for \(const name of new Set\(set\.links\.flatMap\(\(l\) => l\.pass \?\? \[\]\)\)\)/, reason: 'unobservable: it adds the name "Stryker was here" to those a set passes on, which changes only a request that gives a parameter of that very name' },
  { file: 'core/deadlines/trigger-sets.ts', mutator: 'ArrayDeclaration', code: '[]', replacement: '["Stryker was here"]', context: /\(l\.pass \?\? \[\]\)\.filter\(\(p\) => passed\.has\(p\)\)/, reason: 'equivalent: a name is kept only if it was passed, and only the names a link lists are' },

  // ---- court rules ----
  { file: 'core/deadlines/appeals.ts', mutator: 'ConditionalExpression', code: 'params.firstNoticeServed === undefined', replacement: 'false', reason: 'equivalent: it only offers the reading that counts from the clerk\'s service; without first_notice_served that reading counts from the filing, gives the default\'s date and is not reported' },
  { file: 'core/deadlines/appeals.ts', mutator: 'ConditionalExpression', code: 'params.firstNoticeServed !== undefined', replacement: 'true', reason: 'unreachable: the reading that counts from service is offered only when first_notice_served is given (see the readings above)' },
  { file: 'core/deadlines/appeals.ts', mutator: 'ConditionalExpression', code: 'params.lastMotionDisposed !== undefined', replacement: 'true', context: /params\.lastMotionDisposed > trigger\.day/, reason: 'equivalent: `undefined > day` is false, so without the check an absent order still counts from the notice' },
  { file: 'core/deadlines/appeals.ts', mutator: 'EqualityOperator', code: 'params.lastMotionDisposed > trigger.day', replacement: 'params.lastMotionDisposed >= trigger.day', reason: 'equivalent: an order entered the day of the notice counts from that same day, and the note is written only when the day counted from is another' },
  ...[{ code: "rule.kind === 'scotus'", column: 16 }, { code: "rule.kind === 'scotus'", column: 80 }].map(({ code, column }): Reason => ({ file: 'core/deadlines/court-days.ts', mutator: 'ConditionalExpression', code, replacement: 'false', inFunction: 'closedReason', column, reason: 'unreachable: for the Supreme Court the block above has returned unless the reading is supremeCourtAsFrcp, and a reason is written only under the default reading (receipts are written for it alone), where it is not' })),
  { file: 'core/deadlines/court-days.ts', mutator: 'ConditionalExpression', code: 'shut', replacement: 'true', inFunction: 'closedReason', reason: 'equivalent: a reason is asked only of a closed day (the first line returns otherwise), and a closed day that none of the reasons above fits is closed by `shut`, isClosed\'s last term, so it is set' },
  { file: 'core/deadlines/court-period.ts', mutator: 'BooleanLiteral', code: 'false', replacement: 'true', context: /if \(terms\.courtMaySet\) return \{ days: given, courtDirected: true, echoed: false \}/, reason: 'equivalent: a period the Court directed is noted as such; `echoed` is read only for one it did not' },
  { file: 'core/deadlines/court-period.ts', mutator: 'BooleanLiteral', code: 'false', replacement: 'true', context: /readDays\(r, spec\.id\), courtDirected: false, echoed: false/, column: 121, reason: 'equivalent: `echoed` is read only by notePeriod, which runs only for a rule with a period of its own, not one read from `days`' },
  { file: 'core/deadlines/court-period.ts', mutator: 'ConditionalExpression', code: 'spec.days !== undefined', replacement: 'true', context: /notePeriod\(trace, terms\(spec\.days\)/, reason: 'equivalent: for a rule whose period is the request\'s `days` the period is neither court-directed nor repeated and no such rule is fixed by statute, so notePeriod writes nothing' },
  { mutator: 'ConditionalExpression', code: ' !== undefined', partial: true, replacement: 'true', context: /(?:\.\.\.\(|return )(\w+) !== undefined \? \{ \1 \}/, reason: 'equivalent: the parameter is then present as undefined, which every reader of it takes as absent' },
  { file: 'core/deadlines/statutes.ts', mutator: 'ConditionalExpression', code: 'final !== undefined', replacement: 'true', context: /final < trigger\.day/, reason: 'equivalent: `undefined < day` is false, so without the check an absent judgment_final still passes' },
  { file: 'core/deadlines/court.ts', mutator: 'ConditionalExpression', code: 'date !== undefined', replacement: 'true', context: /date < trigger\.day/, reason: 'equivalent: `undefined < day` is false, so without the check an absent date still passes' },
  { file: 'core/deadlines/court.ts', mutator: 'ConditionalExpression', code: 'params.motion === undefined', replacement: 'false', reason: 'equivalent: it only offers the reading that a motion does not trigger the list; without a motion that reading gives the default\'s date and is not reported' },

  // ---- strings that are read only as a unit, or only when nobody reads them ----
  { file: 'core/deadlines/foia.ts', mutator: 'StringLiteral', code: "'calendar'", reason: "equivalent: every reader of the unit asks only whether it is 'working'" },
  { file: 'core/deadlines/foia-tolling.ts', mutator: 'StringLiteral', code: "''", context: /const why = trace\.on \?/, reason: 'equivalent: the text of a span is built only for a receipt; with SILENT nobody reads it' },

  { file: 'core/deadlines/chain.ts', mutator: 'StringLiteral', code: "'request'", reason: 'unreachable: every refusal computeDeadline gives for a request object, as a link builds it, names its field; only a request that is no object has none' },
  { file: 'core/deadlines/court-days.ts', mutator: 'StringLiteral', code: "''", inFunction: 'closedReason', context: /rule\.cite\(/, reason: "equivalent: only Sup. Ct. R. 30.1 is cited with no sub-rule, and its cite ignores the sub-rule it is given" },
  { file: 'core/deadlines/court-days.ts', mutator: 'StringLiteral', code: "'scotus'", inFunction: 'closedReason', context: /const shut = |\(shut\) return/, reason: 'unreachable: for the Supreme Court the block above has returned unless the reading is supremeCourtAsFrcp, and a reason is written only under the default reading (receipts are written for it alone), where it is not' },
  { file: 'core/deadlines/court-period.ts', mutator: 'StringLiteral', code: "'before'", context: /backwardOnly \? 'before' : 'after'/, reason: "equivalent: a rule that counts only backward reads any direction but 'after' as backward, and refuses none of them" },
  { file: 'core/deadlines/court.ts', mutator: 'StringLiteral', code: "'court_order.fixed'", argumentOf: { callee: /^readForward$/, arg: 1 }, reason: 'equivalent: the rule id is written only into the refusal of a direction the rule does not allow, and a court order allows both' },
  { file: 'core/deadlines/engine.ts', mutator: 'StringLiteral', code: "'day'", argumentOf: { callee: /^receipt\.add$/, arg: 2 }, reason: "equivalent: for a day rule the due date's first ten characters are the ISO date the receipt would make of the day" },
  { file: 'core/deadlines/time.ts', mutator: 'StringLiteral', code: "'+'", inFunction: 'formatOffset', reason: 'equivalent for the court: America/New_York is always behind UTC, so its offset is never positive' },
  ...['`federal offices closed (${facts.closure}); alternative reading`', '`${facts.shutdown}; alternative reading`'].map((code): Reason => ({ file: 'core/deadlines/working-days.ts', mutator: 'StringLiteral', code, reason: 'unreachable: a reason is asked only under the default reading (receipts are written for it alone), where closure and lapse days are working days' })),

  // ---- the lifecycle's transitions ----
  { file: REQUEST, mutator: 'ConditionalExpression', code: 'open', replacement: 'true', reason: 'unreachable: in a waiting phase the response deadline is always open (a missed one moves the request to exhausted), so the guard never sees none' },
  { file: REQUEST, mutator: 'ConditionalExpression', code: '!last || last.requester_response_received', replacement: 'false', reason: 'unreachable: the tolled phase is entered only by appending an unanswered toll, so in it the last toll exists and is open' },
  { file: REQUEST, mutator: 'LogicalOperator', code: '!last || last.requester_response_received', reason: 'unreachable: the tolled phase is entered only by appending an unanswered toll, so in it the last toll exists and is open' },
  { file: REQUEST, mutator: 'LogicalOperator', code: "x.rule.startsWith(rulePrefix) && x.status === 'superseded'", replacement: "x.rule.startsWith(rulePrefix) || x.status === 'superseded'", reason: 'unreachable: on an open request only response deadlines are ever superseded without a successor (close() supersedes the rest, and a closed item takes no event)' },
  { file: REQUEST, mutator: 'ConditionalExpression', code: "x.status === 'superseded'", replacement: 'true', reason: 'unreachable: while tolled no response deadline is open, met or missed, so every response deadline without a successor is a superseded one' },
  { file: COURT, mutator: 'OptionalChaining', code: "filed?.status", reason: 'unreachable: while a filing is due one of its deadlines is open or missed and not yet filed (each filing files one; the item is filed once none is open), so there is always a first' },
  { file: COURT, mutator: 'ConditionalExpression', code: 'filed', replacement: 'true', reason: 'unreachable: while a filing is due one of its deadlines is open or missed and not yet filed, so there is always a first' },
  { file: COURT, mutator: 'ConditionalExpression', code: 'filed && item.triggerSet', replacement: 'true', reason: 'equivalent: there is always a first deadline (see above), and a deadline of a filing outside a trigger set has no link, so no deadline follows it' },
  { file: COURT, mutator: 'LogicalOperator', code: 'filed && item.triggerSet', reason: 'equivalent: there is always a first deadline (see above), and a deadline of a filing outside a trigger set has no link, so no deadline follows it' },
  { file: COURT, mutator: 'ConditionalExpression', code: "item.phase !== 'due'", replacement: 'true', reason: "equivalent: setting the phase to 'due' when it is 'due' leaves the item as it was" },
  { file: COURT, mutator: 'MethodExpression', code: 'open!.due.slice(0, 10)', replacement: 'open!.due', context: /if \(newDue <= open!\.due\.slice\(0, 10\)\)/, column: 17, reason: 'equivalent in the comparison: a 10-character date compares with a longer date-time as with its 10-character prefix (the message\'s date is held by a test of an hour deadline)' },
];
