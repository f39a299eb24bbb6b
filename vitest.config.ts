import { defineConfig } from 'vitest/config';

// `npm test`: unit (no network), integration and workflow (one DynamoDB Local for the run,
// started by the global setup through local/dynamo.ts, a fresh table per test file), and infra
// (CDK Template assertions). Browser tests have their own config (vitest.e2e.config.ts).
const withDynamo = {
  globalSetup: ['test/support/global-setup.ts'],
  setupFiles: ['test/support/table-per-file.ts'],
};

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: DynamoDB Local and the CDK synth tests each want one.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], ...withDynamo } },
      { extends: true, test: { name: 'workflow', include: ['test/workflow/**/*.test.ts'], ...withDynamo } },
      // A synth with cdk-nag takes seconds alone and far longer on a busy machine.
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 180_000 } },
    ],
  },
});
