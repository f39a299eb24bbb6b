// @ts-check
/**
 * The StringLiteral pass of `npm run test:mutation`: string mutants in the deadline engine,
 * where rule ids, parameter names, service methods, reading flags, link ids and the court's
 * names are strings that decide what is computed. The main pass (stryker.config.mjs) leaves
 * StringLiteral out; this one runs nothing else. Receipt and error wording survive it by design
 * where no test pins the sentence: scripts/mutation-reasons.ts says so for exactly those
 * (a string written into a receipt line or an error message), nothing wider.
 *
 * As in the main pass, static mutants are left out: the strings of module-level tables (rule ids,
 * citations, trigger-set links) are read by every test at import; the strings of the code that
 * runs per computation (parameter names, reading flags, units, toll types, the court) are run.
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
