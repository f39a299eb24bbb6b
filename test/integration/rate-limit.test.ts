/**
 * The public rate limit (the local twin of WAF's rate rule): the public is throttled with a
 * problem+json 429 and Retry-After; the legal team's intake, with its token, is not counted.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
beforeAll(async () => {
  stack = await testStack({ publicRateLimit: 3 });
  http = api(stack);
});
afterAll(() => stack?.stop());

it('throttles the public past the limit with a problem+json 429, and never the team', async () => {
  for (let i = 0; i < 3; i++) expect((await http.post('/api/requests', validIntake())).status).toBe(201);
  const limited = await http.post('/api/requests', validIntake());
  expect(limited.status).toBe(429);
  expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(limited.headers.get('retry-after')).toBe('60');
  expect(await limited.json()).toMatchObject({ status: 429, title: 'Too many requests' });
  for (let i = 0; i < 5; i++) {
    expect((await http.post('/api/requests', validIntake(), { authorization: `Bearer ${stack.teamToken}` })).status).toBe(201);
  }
  // A token that does not verify counts as the public.
  expect((await http.post('/api/requests', validIntake(), { authorization: 'Bearer forged' })).status).toBe(429);
});
