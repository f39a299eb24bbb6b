// @ts-check
/**
 * The StringLiteral pass of `npm run test:mutation`: string mutants in the deadline engine,
 * where rule ids, parameter names, service methods, reading flags, link ids and the court's
 * names are strings that decide what is computed. The main pass (stryker.config.mjs) leaves
 * StringLiteral out; this one runs nothing else. Receipt and error wording survive it by design
 * where no test pins the sentence: scripts/mutation-reasons.ts says so for exactly those
 * (a string written into a receipt line or an error message), nothing wider.
 *
 * Static mutants (strings in module-level tables) are run as well: a rule's id or a trigger
 * set's link there decides behaviour, and each costs one run of the unit tests.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base from './stryker.config.mjs';

const OTHERS = ['ArithmeticOperator', 'ArrayDeclaration', 'ArrowFunction', 'AssignmentOperator', 'BlockStatement', 'BooleanLiteral', 'CallExpression', 'ConditionalExpression', 'EqualityOperator', 'LogicalOperator', 'MethodExpression', 'ObjectLiteral', 'OptionalChaining', 'Regex', 'UnaryOperator', 'UpdateOperator'];

export default {
  ...base,
  mutate: ['core/deadlines/**/*.ts'],
  mutator: { excludedMutations: OTHERS },
  incrementalFile: 'reports/stryker-incremental-strings.json',
  jsonReporter: { fileName: 'reports/mutation/strings.json' },
  htmlReporter: { fileName: 'reports/mutation/strings.html' },
};
