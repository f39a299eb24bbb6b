import { defineConfig } from 'vitest/config';
// Temporary: the root config's globalSetup (DynamoDB Local) is not needed by infra tests.
export default defineConfig({ test: { include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, maxWorkers: 1 } });
