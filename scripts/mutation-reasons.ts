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
  /** The mutated code is (part of) this argument of a call whose callee matches. */
  argumentOf?: { callee: RegExp; arg: number };
  reason: string;
}

const REQUEST = 'core/lifecycle/request-transitions.ts';
const COURT = 'core/lifecycle/court-transitions.ts';

export const REASONS: Reason[] = [
  // ---- the lifecycle's transitions ----
  { file: REQUEST, mutator: 'ConditionalExpression', code: 'open', replacement: 'true', reason: 'unreachable: in a waiting phase the response deadline is always open (a missed one moves the request to exhausted), so the guard never sees none' },
  { file: REQUEST, mutator: 'ConditionalExpression', code: '!last || last.requester_response_received', replacement: 'false', reason: 'unreachable: the tolled phase is entered only by appending an unanswered toll, so in it the last toll exists and is open' },
  { file: REQUEST, mutator: 'LogicalOperator', code: '!last || last.requester_response_received', reason: 'unreachable: the tolled phase is entered only by appending an unanswered toll, so in it the last toll exists and is open' },
  { file: REQUEST, mutator: 'LogicalOperator', code: "x.rule.startsWith(rulePrefix) && x.status === 'superseded'", replacement: "x.rule.startsWith(rulePrefix) || x.status === 'superseded'", reason: 'unreachable: on an open request only response deadlines are ever superseded without a successor (close() supersedes the rest, and a closed item takes no event)' },
  { file: REQUEST, mutator: 'ConditionalExpression', code: "x.status === 'superseded'", replacement: 'true', reason: 'unreachable: while tolled no response deadline is open, met or missed, so every response deadline without a successor is a superseded one' },
  { file: REQUEST, mutator: 'ConditionalExpression', code: 'x.rule.startsWith(rulePrefix)', replacement: 'true', reason: 'unreachable: on an open request only response deadlines are ever superseded without a successor' },
  { file: COURT, mutator: 'ConditionalExpression', code: "item.phase !== 'due'", replacement: 'true', reason: "equivalent: setting the phase to 'due' when it is 'due' leaves the item as it was" },
  { file: COURT, mutator: 'MethodExpression', code: 'open!.due.slice(0, 10)', replacement: 'open!.due', reason: 'equivalent: a 10-character date compares with a longer date-time as with its 10-character prefix, and an extension\'s message is only reached for day-rule deadlines (productions and filings count days)' },
];
