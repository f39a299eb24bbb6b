import { defineConfig } from 'vitest/config';

// Unit, integration, workflow and infra tests. Integration and workflow tests share one
// DynamoDB Local started by the global setup through the same local/ start and stop as `npm start`.
export default defineConfig({
  test: {
    include: ['test/{unit,integration,workflow,infra}/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: DynamoDB Local and the CDK synth tests both want one.
    maxWorkers: 2,
  },
});
