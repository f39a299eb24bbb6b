/**
 * GET /api/feeds: a member's own calendar feeds (newest first, live and revoked, never a secret),
 * read with one Query of the member's index partition. Also holds the OpenAPI enums of
 * POST /api/filings and what core/court-items.ts accepts to lists written out here and in README.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCourtItem } from '../../core/court-items';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

    // The clock is set for each creation, so the order is the clock's, not the machine's speed.
    const clock = await import('../../functions/lib/clock');
    clock.freezeClock('2026-03-06T18:01:00.000Z');
    const phone = await create(jordan, { label: 'Phone' });
    clock.freezeClock('2026-03-06T18:02:00.000Z');
    const laptop = await create(jordan, { label: 'Laptop', matter: 'ctr-v-irs' });
    const samsFeed = await create(sam, {});
    clock.setClock('2026-03-06T18:03:00.000Z');
    expect([phone.createdAt, laptop.createdAt]).toEqual(['2026-03-06T18:01:00.000Z', '2026-03-06T18:02:00.000Z']);

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
    expect(Date.parse(after[1]!.revokedAt!)).toBeGreaterThanOrEqual(Date.parse('2026-03-06T18:03:00.000Z'));
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
  // Written out here, not imported: the document and the validator are both checked against it.
  const TRIGGERS = ['motion_served', 'order_entered', 'hearing_set', 'judgment_entered', 'answer_served', 'complaint_served', 'other'];
  const SERVICE = ['electronic', 'mail', 'hand', 'consented_other'];
  /** The rules README.md's Deadlines table lists, less FOIA's agency clocks (`foia.*`), which are not filings. */
  const courtRulesInReadme = () => {
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const section = readme.slice(readme.indexOf('## Deadlines'), readme.indexOf('\n## ', readme.indexOf('## Deadlines') + 1));
    const firstCells = section.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split('|')[1]!);
    return firstCells.flatMap((cell) => [...cell.matchAll(/`([a-z0-9_.+]+)`/g)].map((m) => m[1]!)).filter((r) => !r.startsWith('foia.'));
  };
  const now = new Date('2026-03-06T18:00:00Z');
  const body = (trigger: Record<string, unknown>, rule = 'lcvr7b.opposition') => ({ matterId: 'ctr-v-irs', title: 't', rule, trigger: { at: '2026-03-02', ...trigger } });

  it('lists exactly the trigger types, service methods and court rules the validator accepts', async () => {
    const doc = await (await http.get('/api/openapi.json')).json();
    // The filing from a rule (the other shape names a trigger set).
    const schema = doc.paths['/api/filings'].post.requestBody.content['application/json'].schema.oneOf.find((s: { properties: object }) => 'rule' in s.properties);
    expect(schema.properties.trigger.properties.type.enum).toEqual(TRIGGERS);
    expect(schema.properties.trigger.properties.service.enum).toEqual(SERVICE);
    const rules = courtRulesInReadme();
    expect(rules).toContain('lcvr7b.opposition');
    expect([...schema.properties.rule.enum].sort()).toEqual([...rules].sort());

    for (const type of TRIGGERS) expect(validateCourtItem('filing', body({ type }), now).ok, type).toBe(true);
    expect(validateCourtItem('filing', body({ type: 'served_by_owl' }), now).ok).toBe(false);
    for (const service of SERVICE) expect(validateCourtItem('filing', body({ type: 'motion_served', service }), now).ok, service).toBe(true);
    expect(validateCourtItem('filing', body({ type: 'motion_served', service: 'carrier_pigeon' }), now).ok).toBe(false);
    const params: Record<string, Record<string, unknown>> = { 'frcp6.days': { days: 14 }, 'frcp6.days+mail': { days: 14 }, 'frcp6.hours': { hours: 24 }, 'court_order.fixed': { date: '2026-03-20' } };
    for (const rule of rules) {
      const trigger = rule === 'frcp6.hours' ? { type: 'order_entered', at: '2026-03-02T10:00:00-05:00' } : { type: 'motion_served' };
      const result = validateCourtItem('filing', { ...body(trigger, rule), ...(params[rule] ? { params: params[rule] } : {}) }, now);
      // A known rule: it may still want parameters of its own, but the rule itself is accepted.
      expect(result.ok || !result.errors.some((e) => e.field === 'rule'), `${rule}: ${JSON.stringify(result)}`).toBe(true);
    }
    for (const rule of ['frcp6.days', 'lcvr7b.opposition', 'court_order.fixed', 'frcp6.hours']) {
      const trigger = rule === 'frcp6.hours' ? { type: 'order_entered', at: '2026-03-02T10:00:00-05:00' } : { type: 'motion_served' };
      expect(validateCourtItem('filing', { ...body(trigger, rule), ...(params[rule] ? { params: params[rule] } : {}) }, now).ok, rule).toBe(true);
    }
    expect(validateCourtItem('filing', body({ type: 'motion_served' }, 'foia.response'), now).ok).toBe(false);
  });
});
