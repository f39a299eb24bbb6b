/** A local stack on the test file's table (DynamoDB Local from the global setup), on a free port. */
import { inject } from 'vitest';
import { startLocal, type LocalOptions, type LocalStack } from '../../local/runtime';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function testStack(opts: LocalOptions = {}): Promise<LocalStack> {
  return startLocal({
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'docketwatch-test-')),
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: process.env.TABLE_NAME!,
    sweepIntervalMs: 0,
    quiet: true,
    retryIntervalMs: 0,
    // Tests count what they create; the demo items have a test of their own (restart.test.ts).
    noDemoItems: true,
    ...opts,
  });
}

/** Test code reads answers loosely; the assertions say what shape they must have. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface Api {
  get(path: string, token?: string): Promise<JsonResponse>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<JsonResponse>;
}

export function api(stack: LocalStack): Api {
  return {
    get: (path, token) => fetch(`${stack.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    post: (path, body, headers = {}) =>
      fetch(`${stack.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
