/**
 * Thousands of generated bad bodies through the HTTP API: each gets a 4xx, none is stored.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localClient } from '../../local/dynamo';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;

beforeAll(async () => {
  stack = await testStack({ publicRateLimit: 1_000_000 });
  http = api(stack);
});
afterAll(() => stack?.stop());

async function countRecords(): Promise<number> {
  const client = localClient(stack.dynamoEndpoint);
  const out = await client.send(new ScanCommand({ TableName: stack.tableName, Select: 'COUNT', ConsistentRead: true }));
  client.destroy();
  return out.Count ?? 0;
}

const REQUIRED_PATHS = ['kind', 'agency', 'requester', 'requester.name', 'requester.email', 'description', 'feeWaiver', 'feeWaiver.requested', 'expedited', 'expedited.requested'];
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constant(''),
  fc.constant('x'.repeat(20_000)),
  fc.constant('bad\u0000value'),
);

function setPath(obj: Record<string, unknown>, path: string, value: unknown, remove = false) {
  const parts = path.split('.');
  let cur = obj as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) cur = (cur[p] as Record<string, unknown>) ?? {};
  const last = parts.at(-1)!;
  if (remove) delete cur[last];
  else cur[last] = value;
}

/** A valid body with one thing broken that the contract forbids. */
const brokenBody = fc.oneof(
  fc.constantFrom(...REQUIRED_PATHS).map((path) => {
    const body = structuredClone(validIntake()) as Record<string, unknown>;
    setPath(body, path, undefined, true);
    return body;
  }),
  fc.tuple(fc.constantFrom(...REQUIRED_PATHS), wrongValue)
    // A boolean is the right type for the two flags: anything else there is wrong.
    .filter(([path, value]) => !(path.endsWith('.requested') && typeof value === 'boolean'))
    .map(([path, value]) => {
    const body = structuredClone(validIntake()) as Record<string, unknown>;
    // Some wrong values are fine for some fields only by accident (a long description is
    // still too long; an empty object for requester lacks its fields): all stay invalid.
    setPath(body, path, value);
    return body;
  }),
  fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in validIntake())), fc.jsonValue()).map(([k, v]) => ({ ...validIntake(), [k]: v })),
  fc.string().filter((s) => !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s.trim())).map((email) => validIntake({ requester: { name: 'A', email } })),
  fc.string().filter((s) => s !== 'foia' && s !== 'privacy_act').map((kind) => validIntake({ kind })),
  fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }),
);

it('answers every generated bad body with a 4xx and stores nothing', async () => {
  const before = await countRecords();
  await fc.assert(
    fc.asyncProperty(brokenBody, async (body) => {
      const res = await http.post('/api/requests', JSON.stringify(body));
      await res.arrayBuffer();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }),
    { numRuns: 2_000 },
  );
  expect(await countRecords()).toBe(before);
}, 240_000);

it('answers raw non-JSON bytes with a 4xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 200 }), async (raw) => {
      fc.pre((() => { try { JSON.parse(raw); return false; } catch { return true; } })());
      const res = await http.post('/api/requests', raw);
      await res.arrayBuffer();
      expect(res.status).toBe(400);
    }),
    { numRuns: 300 },
  );
});
