import { defineConfig } from 'vitest/config';

// `npm run test:mutation` (StrykerJS): the unit tests that exercise the mutated code, run in
// process. No DynamoDB, no spawned CLI (a child process would not see the mutants).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // The CLI tests spawn a child process, which would not see the mutants (and fails in the sandbox);
    // the report generator's test checks the tooling, not the mutated code.
    exclude: ['test/unit/deadlines/cli.test.ts', 'test/unit/docket/cli.test.ts', 'test/unit/letters/mail.test.ts', 'test/unit/mutation-allow.test.ts'],
    testTimeout: 60_000,
    env: { MUTATION_RUN: '1' },
  },
});
