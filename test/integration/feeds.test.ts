/**
 * GET /api/feeds: a member's own calendar feeds (newest first, live and revoked, never a secret),
 * read with one Query of the member's index partition. Also keeps the OpenAPI enums of
 * POST /api/filings equal to what core/court-items.ts accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCourtItem } from '../../core/court-items';
import { TRIGGER_TYPES } from '../../core/openapi';
import type { LocalStack } from '../../local/runtime';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
let jordan: string;
let sam: string;

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-06T18:00:00Z' });
  http = api(stack);
  [jordan, sam] = await Promise.all([signIn('jordan.lee@example.org'), signIn('sam.okafor@example.org')]);
});
afterAll(() => stack?.stop());

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${stack.url}/local-idp/sign-in`, { method: 'POST', body: JSON.stringify({ email }) });
  return ((await res.json()) as { token: string }).token;
}

const create = async (token: string, body: Record<string, unknown>) => {
  const res = await http.post('/api/feeds', body, { authorization: `Bearer ${token}` });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; url: string; path: string; createdAt: string };
};
const list = async (token: string) => {
  const res = await http.get('/api/feeds', token);
  expect(res.status).toBe(200);
  return { res, body: (await res.json()) as { feeds: { id: string; createdAt: string; revokedAt?: string; label?: string; filter: Record<string, string> }[] } };
};
const revoke = (token: string, id: string) => fetch(`${stack.url}/api/feeds/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });

describe('GET /api/feeds', () => {
  it('lists only the member’s own feeds, newest first, with revocations and without any secret', async () => {
    expect((await list(jordan)).body).toEqual({ feeds: [] });

    const phone = await create(jordan, { label: 'Phone' });
    await new Promise((ok) => setTimeout(ok, 5));
    const laptop = await create(jordan, { label: 'Laptop', matter: 'ctr-v-irs' });
    const samsFeed = await create(sam, {});

    const { res, body } = await list(jordan);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(body.feeds.map((f) => f.id)).toEqual([laptop.id, phone.id]);
    expect(body.feeds[0]).toEqual({ id: laptop.id, label: 'Laptop', filter: { matter: 'ctr-v-irs' }, createdAt: laptop.createdAt });
    expect(body.feeds[1]).toEqual({ id: phone.id, label: 'Phone', filter: {}, createdAt: phone.createdAt });
    // No secret, no hash, no owner: nothing that opens a calendar.
    const text = JSON.stringify(body);
    for (const feed of [phone, laptop]) expect(text).not.toContain(feed.path.split('/')[3]!.split('.')[1]!);
    expect(text).not.toMatch(/secret|Hash|url|path|owner/);

    expect((await revoke(jordan, phone.id)).status).toBe(204);
    const after = (await list(jordan)).body.feeds;
    expect(after.map((f) => f.id)).toEqual([laptop.id, phone.id]);
    expect(after[1]!.revokedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    expect(after[0]!.revokedAt).toBeUndefined();

    expect((await list(sam)).body.feeds.map((f) => f.id)).toEqual([samsFeed.id]);
  });

  it('needs a team token: none, or a feed token as a bearer, gets 401', async () => {
    expect((await http.get('/api/feeds')).status).toBe(401);
    const feed = await create(jordan, {});
    expect((await http.get('/api/feeds', feed.path.split('/')[3])).status).toBe(401);
  });

  it('reads the member’s partition of the index with a Query, never a Scan', async () => {
    const { ddb } = await import('../../functions/lib/clients');
    const sent: string[] = [];
    const original = ddb.send.bind(ddb);
    const spy = (command: { constructor: { name: string } }, ...rest: unknown[]) => {
      sent.push(command.constructor.name);
      return (original as (...a: unknown[]) => unknown)(command, ...rest);
    };
    (ddb as unknown as { send: typeof spy }).send = spy;
    try {
      const { feedsOfOwner } = await import('../../functions/lib/feed-store');
      const feeds = await feedsOfOwner('associate');
      expect(feeds.length).toBeGreaterThan(0);
    } finally {
      (ddb as unknown as { send: typeof original }).send = original;
    }
    expect(sent).toEqual(['QueryCommand']);
  });
});

describe('POST /api/filings contract in the OpenAPI document', () => {
  it('lists exactly the trigger types and court rules the validator accepts', async () => {
    const doc = await (await http.get('/api/openapi.json')).json();
    const schema = doc.paths['/api/filings'].post.requestBody.content['application/json'].schema;
    expect(schema.properties.trigger.properties.type.enum).toEqual(TRIGGER_TYPES);
    const now = new Date('2026-03-06T18:00:00Z');
    const body = (type: string, rule = 'lcvr7b.opposition') => ({ matterId: 'ctr-v-irs', title: 't', rule, trigger: { type, at: '2026-03-02' } });
    for (const type of TRIGGER_TYPES) expect(validateCourtItem('filing', body(type), now).ok, type).toBe(true);
    expect(validateCourtItem('filing', body('served_by_owl'), now).ok).toBe(false);
    for (const rule of schema.properties.rule.enum as string[]) expect(validateCourtItem('filing', body('motion_served', rule), now).ok, rule).toBe(true);
    expect(validateCourtItem('filing', body('motion_served', 'foia.response'), now).ok).toBe(false);
  });
});
