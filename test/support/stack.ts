/** A local stack on the test file's table (DynamoDB Local from the global setup), on a free port. */
import { inject } from 'vitest';
import { startLocal, type LocalOptions, type LocalStack } from '../../local/runtime';
import { mkdtempSync, readFileSync } from 'node:fs';
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

/** An ID token from the local identity provider's key, as Cognito would issue one for `sub`. */
export async function mintToken(stack: LocalStack, sub: string, email: string, groups: string[] = ['team'], extra: Record<string, unknown> = {}): Promise<string> {
  const { importJWK, SignJWT } = await import('jose');
  const jwk = JSON.parse(readFileSync(join(stack.dataDir, 'idp-key.json'), 'utf8')) as { kid?: string };
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email, 'cognito:groups': groups, token_use: 'id', ...extra })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid ?? 'local' })
    .setSubject(sub)
    .setIssuer(`${stack.url}/local-idp`)
    .setAudience('docketwatch-local')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(await importJWK(jwk as never, 'ES256'));
}
