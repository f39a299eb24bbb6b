// @ts-check
/**
 * `npm run test:mutation`: StrykerJS over the deadline engine, the calendars and the
 * lifecycle's transitions, against the unit tests (vitest.mutation.config.ts). Not part of
 * `npm test`: a full run takes a long while on two cores, so it is incremental (only mutants
 * in changed code, or covered by changed tests, run again) and uses at most two processes.
 * stryker-allow.md lists the surviving mutants of the last run, each with its reason or as open.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // Worker threads: each test file still gets a fresh one, but a thread starts in about half the
  // time of a process, and a mutant covered by twenty files starts twenty of them.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false, pool: 'threads' },
  mutate: [
    'core/deadlines/**/*.ts',
    'core/calendar/**/*.ts',
    // The lifecycle's transitions (core/lifecycle/request-transitions.ts, court-transitions.ts;
    // core/transitions.ts before they moved into that folder).
    'core/transitions.ts',
    'core/lifecycle/**/*transitions*.ts',
  ],
  // String literals are the receipts' and labels' wording and the calendar's data tables: their
  // mutants are many, slow to run on two cores, and say nothing about the arithmetic. Dates in
  // the tables are checked against OPM's lists by the calendar and property tests instead.
  mutator: { excludedMutations: ['StringLiteral'] },
  coverageAnalysis: 'perTest',
  // Static mutants (in module-level code: the rule table, the trigger sets, the calendar's data)
  // are left out: each one reloads every unit test file (about 20 s on two cores, against well
  // under a second for a mutant the per-test coverage narrows), and in core/deadlines they are a
  // third of the mutants and three quarters of the time. What they would change is read at import
  // by every test: the rule ids by the RULE_IDS contract tests, the trigger sets by their own
  // tests, the holiday dates by the hand-written OPM table of the property tests.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'json', 'html', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  // A mutant that loops forever is killed by the timeout: keep it short, the tests take well under a second.
  timeoutMS: 5_000,
  // Stryker rewrites tsconfig.json paths with the TypeScript 5 compiler API, which TypeScript 7
  // no longer has; this tsconfig needs no rewrite (no extends, no references), so point it at none.
  tsconfigFile: 'stryker.no-tsconfig.json',
  // Stryker puts `// @ts-nocheck` atop the files it copies, which would break the test that holds
  // the committed web/event-types.js equal to what its generator writes: only TypeScript gets it.
  // The test files keep it too, since incremental mode knows a test by its line in the sandbox.
  disableTypeChecks: '{core,test}/**/*.ts',
  // Only what the unit tests read is copied into the sandbox (they import the demo matter from
  // local/ and the form and status generators from scripts/).
  ignorePatterns: ['.local', 'cdk.out', 'reports', 'test-results', '.bench', 'infra', 'bench', 'statemachines', 'test/e2e', 'test/infra', 'test/integration', 'test/workflow'],
};
