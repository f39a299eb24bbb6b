import { defineConfig } from 'vitest/config';

// `npm run test:mutation` (StrykerJS): the unit tests that exercise the mutated code, run in
// process. No DynamoDB, no spawned CLI (a child process would not see the mutants).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/deadlines/cli.test.ts'],
    testTimeout: 60_000,
    env: { MUTATION_RUN: '1' },
  },
});
