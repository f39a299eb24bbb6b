/**
 * The court's docket through HTTP: CourtListener deliveries to a matter's secret URL become
 * proposals (once, however often they are delivered), which a person confirms (the item, its
 * deadlines and workflow follow; an extension records the event on the tracked item) or
 * dismisses (nothing changes). Bad input is a 4xx with nothing written; unusable content is kept.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRawChain } from '../../core/docket/queue';
import type { LocalStack } from '../../local/runtime';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
let admin: Record<string, string>;
let hookPath: string;
// Imported once the stack has set the environment the adapters read at import.
let rawOfMatter: typeof import('../../functions/lib/docket-store').rawOfMatter;
let appendRaw: typeof import('../../functions/lib/docket-store').appendRaw;

const MATTER = 'ctr-v-irs';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/docket/${name}`, import.meta.url), 'utf8');

beforeAll(async () => {
  // Wednesday 21 May 2025: the motion of 12 May was served, its opposition is not yet due.
  stack = await testStack({ clockStart: '2025-05-21T15:00:00Z' });
  http = api(stack);
  admin = { authorization: `Bearer ${stack.teamToken}` };
  ({ rawOfMatter, appendRaw } = await import('../../functions/lib/docket-store'));
  const res = await http.post(`/api/matters/${MATTER}/hooks`, { docketId: 69610442, side: 'plaintiffs', usParty: true }, admin);
  expect(res.status).toBe(201);
  const hook = (await res.json()) as { path: string };
  expect(hook).toMatchObject({ matterId: MATTER, docketId: 69610442, side: 'plaintiffs', usParty: true, court: 'DDC' });
  expect(hook).not.toHaveProperty('secretHash');
  hookPath = hook.path;
});
afterAll(() => stack?.stop());

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${stack.url}/local-idp/sign-in`, { method: 'POST', body: JSON.stringify({ email }) });
  return ((await res.json()) as { token: string }).token;
}

const deliver = (body: string, key?: string, path = hookPath) => http.post(path, body, key ? { 'idempotency-key': key } : {});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const proposals = async (query = `matter=${MATTER}`, headers = admin): Promise<any> => (await fetch(`${stack.url}/api/proposals?${query}`, { headers })).json();
const pendingWith = async (label: RegExp) => (await proposals(`matter=${MATTER}&status=pending`)).proposals.find((p: { label: string }) => label.test(p.label));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const docketOf = async (matter = MATTER): Promise<any> => (await fetch(`${stack.url}/api/matters/${matter}/docket`, { headers: admin })).json();

describe('POST /api/hooks/courtlistener/{secret}', () => {
  it('refuses a wrong secret, malformed JSON, a 5 MB body and a bad Idempotency-Key with a 4xx, writing nothing', async () => {
    const [hookId] = hookPath.split('/').at(-1)!.split('.');
    const refusals = [
      [await deliver(fixture('cl-08-motion-to-dismiss.json'), undefined, `/api/hooks/courtlistener/${hookId}.${'A'.repeat(43)}`), 404],
      [await deliver(fixture('cl-08-motion-to-dismiss.json'), undefined, '/api/hooks/courtlistener/not-a-secret'), 404],
      [await deliver('{"webhook": {"event_type": 1}, "payload": '), 400],
      [await deliver(JSON.stringify({ webhook: { event_type: 1 }, payload: { results: [], padding: 'x'.repeat(5 * 1024 * 1024) } })), 413],
      [await deliver(fixture('cl-08-motion-to-dismiss.json'), 'no spaces allowed'), 400],
    ] as const;
    for (const [res, status] of refusals) {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await res.json()).detail).toBeTruthy();
    }
    expect(await rawOfMatter(MATTER)).toEqual([]);
    expect((await docketOf()).entries).toEqual([]);
  });

  it('a delivery made three times (and the same entry again under another key) makes one proposal set', async () => {
    const body = fixture('cl-08-motion-to-dismiss.json');
    const first = await deliver(body, '0b6f3a52-6c4e-4f44-9d0c-3f6ad1a0c001');
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ status: 'read', entries: 1, proposals: 1 });
    for (let i = 0; i < 2; i++) {
      const again = await deliver(body, '0b6f3a52-6c4e-4f44-9d0c-3f6ad1a0c001');
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ status: 'duplicate', entries: 0, proposals: 0 });
    }
    const sameEntry = await deliver(body, '0b6f3a52-6c4e-4f44-9d0c-3f6ad1a0c002');
    expect(sameEntry.status).toBe(202);
    expect(await sameEntry.json()).toMatchObject({ status: 'read', entries: 0, proposals: 0, duplicates: 1 });

    const list = await proposals();
    expect(list.count).toBe(1);
    expect(list.proposals[0]).toMatchObject({ matterId: MATTER, entry: '12', action: 'filing', rule: 'lcvr7b.opposition', trigger: '2025-05-12', due: '2025-05-27', status: 'pending', source: 'courtlistener', kind: 'filing' });
    // Every delivery that was accepted is kept as it came, in one unbroken chain.
    const raw = await rawOfMatter(MATTER);
    expect(raw.map((r) => [r.seq, r.outcome])).toEqual([[1, 'read'], [2, 'read']]);
    expect(raw[0]!.body).toBe(body);
    expect(verifyRawChain(raw)).toBe(-1);
    expect(verifyRawChain([raw[0]!, { ...raw[1]!, body: raw[1]!.body.replace('Dismiss', 'Compel') }])).toBe(1);
  });

  it('keeps content it cannot use as unrecognised, with the reason, and answers 2xx', async () => {
    const other = await deliver(JSON.stringify({ webhook: { version: 2, event_type: 2, date_created: '2025-05-21T10:00:00-07:00' }, payload: { results: [] } }));
    expect(other.status).toBe(202);
    expect(await other.json()).toMatchObject({ status: 'unrecognised', reason: expect.stringMatching(/not a docket alert/) });
    const foreign = JSON.parse(fixture('cl-16-hearing-set.json'));
    foreign.payload.results[0].docket = 1234;
    const wrongDocket = await deliver(JSON.stringify(foreign));
    expect(await wrongDocket.json()).toMatchObject({ status: 'unrecognised', entries: 0, reason: expect.stringMatching(/docket 1234 is not this matter's/) });
    const raw = await rawOfMatter(MATTER);
    expect(raw.slice(-2).map((r) => r.outcome)).toEqual(['unrecognised', 'unrecognised']);
    expect((await proposals()).count).toBe(1);
  });
});

describe('a delivery kept but not read', () => {
  it('is read with the next delivery to the matter (as if the process stopped after the acknowledgement)', async () => {
    const kept = await appendRaw({ matterId: MATTER, source: 'courtlistener', receivedAt: '2025-05-21T14:00:00.000Z', body: fixture('cl-13-answer-theirs.json') });
    expect(kept.outcome).toBe('received');
    const next = await deliver(fixture('cl-02-appearance.json'), 'after-crash-1');
    expect(await next.json()).toMatchObject({ status: 'read', entries: 1, proposals: 0 });
    const raw = await rawOfMatter(MATTER);
    expect(raw.find((r) => r.seq === kept.seq)).toMatchObject({ outcome: 'read' });
    expect(raw.every((r) => r.outcome !== 'received')).toBe(true);
    const list = await proposals(`matter=${MATTER}&status=pending`);
    expect(list.proposals.map((p: { rule: string }) => p.rule)).toContain('lcvr7n.certified_list');
    // Read once: a third delivery does not read it again.
    await deliver(fixture('cl-03-disclosure-statement.json'), 'after-crash-2');
    expect((await proposals(`matter=${MATTER}&status=pending`)).proposals.filter((p: { rule: string }) => p.rule === 'lcvr7n.certified_list')).toHaveLength(1);
  });
});

describe('confirming and dismissing', () => {
  let itemId: string;

  it('a confirmed proposal creates the item with its deadline, receipt and workflow', async () => {
    const p = await pendingWith(/Opposition to Motion to Dismiss/);
    const res = await http.post(`/api/proposals/${p.id}/confirm`, {}, admin);
    expect(res.status).toBe(201);
    const { proposal, item } = await res.json();
    expect(proposal).toMatchObject({ id: p.id, status: 'confirmed', itemId: item.id, decidedBy: 'lead-counsel' });
    expect(item).toMatchObject({ kind: 'filing', matterId: MATTER, title: p.label, phase: 'due' });
    expect(item.deadlines).toHaveLength(1);
    expect(item.deadlines[0]).toMatchObject({ rule: 'lcvr7b.opposition', due: '2025-05-27', status: 'open' });
    expect(item.deadlines[0].receipt).toContainEqual(expect.objectContaining({ step: 'trigger', date: '2025-05-12' }));
    expect(item.deadlines[0].receipt.map((e: { step: string }) => e.step)).toContain('citation');
    itemId = item.id;
    // The item's own execution runs, named by its id, and waits in the item's phase.
    await stack.workflows.settled(itemId);
    const stored = await (await http.get(`/api/filings/${itemId}`, stack.teamToken)).json();
    expect(stored.workflow).toMatchObject({ execution: itemId, state: 'waiting' });
    // A second confirmation is refused; the item is not doubled.
    expect((await http.post(`/api/proposals/${p.id}/confirm`, {}, admin)).status).toBe(409);
    const deadlines = await (await http.get('/api/deadlines', stack.teamToken)).json();
    expect(deadlines.deadlines.filter((d: { itemId: string }) => d.itemId === itemId)).toHaveLength(1);
  });

  it('an extension granted records the event on the tracked item when confirmed', async () => {
    expect((await deliver(fixture('cl-15-extension-granted.json'), 'ext-1')).status).toBe(202);
    const p = await pendingWith(/Extension granted/);
    expect(p).toMatchObject({ action: 'event', kind: 'event', due: '2025-06-13' });
    const res = await http.post(`/api/proposals/${p.id}/confirm`, {}, admin);
    expect(res.status).toBe(200);
    const { proposal, item } = await res.json();
    expect(proposal).toMatchObject({ status: 'confirmed', itemId });
    expect(item.id).toBe(itemId);
    const open = item.deadlines.filter((d: { status: string }) => d.status === 'open');
    expect(open).toEqual([expect.objectContaining({ rule: 'court_order.fixed', due: '2025-06-13' })]);
    expect(item.deadlines.find((d: { rule: string }) => d.rule === 'lcvr7b.opposition')).toMatchObject({ status: 'superseded' });
    expect(item.events.map((e: { type: string }) => e.type)).toEqual(['created', 'extension_granted']);
  });

  it('a dismissed proposal changes nothing but its status, and needs a reason', async () => {
    expect((await deliver(fixture('cl-16-hearing-set.json'), 'hearing-1')).status).toBe(202);
    const p = await pendingWith(/Motion Hearing/);
    expect(p).toMatchObject({ action: 'hearing', due: '2025-06-02T10:00:00-04:00' });
    const openDeadlines = async () => (await (await http.get('/api/deadlines', stack.teamToken)).json()).deadlines;
    const before = await openDeadlines();
    expect((await http.post(`/api/proposals/${p.id}/dismiss`, {}, admin)).status).toBe(400);
    const res = await http.post(`/api/proposals/${p.id}/dismiss`, { reason: 'Vacated the same day (entry of 5/28)' }, admin);
    expect(res.status).toBe(200);
    expect((await res.json()).proposal).toMatchObject({ status: 'dismissed', reason: 'Vacated the same day (entry of 5/28)' });
    expect(await openDeadlines()).toEqual(before);
    expect((await http.post(`/api/proposals/${p.id}/dismiss`, { reason: 'again' }, admin)).status).toBe(409);
    expect((await http.post(`/api/proposals/${p.id}/confirm`, {}, admin)).status).toBe(409);
  });

  it('edit then confirm: a proposal for review becomes a deadline only with the date a person gives', async () => {
    const body = JSON.parse(fixture('cl-33-order-whose-unknown.json'));
    Object.assign(body.payload.results[0], { date_filed: '2025-05-20', description: 'MINUTE ORDER: Any opposition to the [26] Motion to Intervene shall be filed on or before 6/10/2025. (lcckk2)' });
    expect((await deliver(JSON.stringify(body), 'review-1')).status).toBe(202);
    const p = await pendingWith(/Opposition to the \[26\] Motion to Intervene/);
    expect(p).toMatchObject({ due: null, review: expect.stringMatching(/who must do this/) });
    const refused = await http.post(`/api/proposals/${p.id}/confirm`, {}, admin);
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toMatch(/edit it with the date/);
    expect((await http.post(`/api/proposals/${p.id}/confirm`, { due: '2025-02-30' }, admin)).status).toBe(400);
    const res = await http.post(`/api/proposals/${p.id}/confirm`, { due: '2025-06-10', label: 'Our opposition to the motion to intervene' }, admin);
    expect(res.status).toBe(201);
    const { item } = await res.json();
    expect(item).toMatchObject({ title: 'Our opposition to the motion to intervene' });
    expect(item.deadlines[0]).toMatchObject({ rule: 'court_order.fixed', due: '2025-06-10' });
    expect(item.deadlines[0].receipt).toContainEqual(expect.objectContaining({ step: 'trigger', date: '2025-05-20' }));
  });

  it('a notice without its hour becomes a disclosure notice once a person gives the hour', async () => {
    const body = JSON.parse(fixture('cl-25-disclosure-notice-no-time.json'));
    Object.assign(body.payload.results[0], { date_filed: '2025-05-20' });
    expect((await deliver(JSON.stringify(body), 'notice-1')).status).toBe(202);
    const p = await pendingWith(/Notice of intended disclosure/);
    expect(p).toMatchObject({ action: 'notice', due: null, kind: 'disclosure_notice', review: expect.stringMatching(/no time of day/) });
    for (const edit of [{}, { trigger: '2025-05-20' }]) {
      const refused = await http.post(`/api/proposals/${p.id}/confirm`, edit, admin);
      expect(refused.status).toBe(409);
      expect((await refused.json()).detail).toMatch(/date-time it was given/);
    }
    const res = await http.post(`/api/proposals/${p.id}/confirm`, { trigger: '2025-05-20T16:30:00-04:00' }, admin);
    expect(res.status).toBe(201);
    const { item } = await res.json();
    expect(item).toMatchObject({ kind: 'disclosure_notice', phase: 'window_open' });
    // Tuesday 4:30 pm + 24 hours: Wednesday 4:30 pm.
    expect(item.deadlines.find((d: { status: string }) => d.status === 'open')).toMatchObject({ rule: 'frcp6.hours', due: '2025-05-21T16:30:00-04:00' });
  });

  it("the matter's docket lists each entry with what it proposed and what became of it", async () => {
    const docket = await docketOf();
    const byEntry = Object.fromEntries(docket.entries.map((e: { entry: string | null; key: string; proposals: unknown[] }) => [e.key, e.proposals]));
    expect(byEntry['cl:411200008:2025-05-12.001']).toEqual([expect.objectContaining({ action: 'filing', status: 'confirmed', itemId })]);
    expect(byEntry['cl:411200015:2025-05-20.001']).toEqual([expect.objectContaining({ action: 'event', status: 'confirmed', itemId })]);
    expect(byEntry['cl:411200016:2025-05-13.001']).toEqual([expect.objectContaining({ action: 'hearing', status: 'dismissed', reason: 'Vacated the same day (entry of 5/28)' })]);
    expect(docket.entries.map((e: { receivedAt: string }) => e.receivedAt)).toEqual([...docket.entries.map((e: { receivedAt: string }) => e.receivedAt)].sort().reverse());
  });
});

describe('who may act', () => {
  it("a member acts only in the matters whose team lists them; a revoked URL no longer receives", async () => {
    const appeal = { id: 'ctr-v-irs-cadc', name: 'Center for Taxpayer Rights v. IRS (D.C. Cir.)', team: [{ id: 'associate', name: 'Jordan Lee', email: 'jordan.lee@example.org', role: 'Appellate counsel' }] };
    expect((await http.post('/api/matters', appeal, admin)).status).toBe(201);
    const hook = await (await http.post(`/api/matters/${appeal.id}/hooks`, {}, admin)).json();
    const [jordan, sam] = await Promise.all([signIn('jordan.lee@example.org'), signIn('sam.okafor@example.org')]);
    expect((await http.post(`/api/matters/${appeal.id}/hooks`, {}, { authorization: `Bearer ${jordan}` })).status).toBe(403);

    const body = JSON.parse(fixture('cl-14-minute-order-joint-status.json'));
    body.payload.results[0].docket = 70000001;
    expect((await deliver(JSON.stringify(body), 'appeal-1', hook.path)).status).toBe(202);
    const jordans = await proposals(`matter=${appeal.id}`, { authorization: `Bearer ${jordan}` });
    expect(jordans.count).toBe(1);
    expect((await proposals(`matter=${appeal.id}`, { authorization: `Bearer ${sam}` })).count).toBe(0);
    const id = jordans.proposals[0].id;
    // Another team's matter and its proposals answer as if they did not exist.
    expect((await http.post(`/api/proposals/${id}/dismiss`, { reason: 'not ours' }, { authorization: `Bearer ${sam}` })).status).toBe(404);
    expect((await http.post(`/api/proposals/${id}/confirm`, {}, { authorization: `Bearer ${sam}` })).status).toBe(404);
    expect((await fetch(`${stack.url}/api/matters/${appeal.id}/docket`, { headers: { authorization: `Bearer ${sam}` } })).status).toBe(404);
    expect((await http.post(`/api/proposals/${id}/dismiss`, { reason: 'not ours' }, { authorization: `Bearer ${jordan}` })).status).toBe(200);

    expect((await fetch(`${stack.url}/api/hooks/${hook.id}`, { method: 'DELETE', headers: admin })).status).toBe(204);
    expect((await deliver(JSON.stringify(body), 'appeal-2', hook.path)).status).toBe(404);
    const listed = (await (await fetch(`${stack.url}/api/matters/${appeal.id}/hooks`, { headers: admin })).json()) as { hooks: unknown[] };
    expect(listed.hooks).toEqual([expect.objectContaining({ id: hook.id, revokedAt: expect.any(String) })]);
    expect(JSON.stringify(listed)).not.toMatch(/secret|url|path/i);
  });
});
