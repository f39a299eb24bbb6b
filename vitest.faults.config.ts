import { defineConfig } from 'vitest/config';

// The fault suite: the real local stack (`npm start`'s own entry, as child processes) under bad
// input, bad tokens, a killed DynamoDB Local, killed and restarted servers, a stop during a
// burst, a restart a year ahead, and many open items. Bounded in count and time; run by .ci/run.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
