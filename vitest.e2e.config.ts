import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium driven by playwright-core against a local stack.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
