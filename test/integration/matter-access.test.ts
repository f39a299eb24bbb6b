/**
 * Matters are a boundary: a member of one matter neither reads nor writes another matter's
 * items, sees only their own matters' deadlines, feeds and export, and only the notifications
 * sent to them; an administrator acts in all. The tracking code stays the only public key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
import { api, mintToken, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
let admin: string;
let demoMember: string;
let otherMember: string;
let unverified: string;
let demoItem: string;
let otherItem: string;


beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z' });
  http = api(stack);
  admin = stack.teamToken;
  // On the demo matter by id; on the other matter by verified e-mail only (a Cognito subject).
  demoMember = await mintToken(stack, 'associate', 'jordan.lee@example.org', ['team']);
  otherMember = await mintToken(stack, '3f1c9a9e-cognito-sub', 'kim.tran@example.org', ['team']);
  unverified = await mintToken(stack, 'mallory', 'kim.tran@example.org', ['team'], { email_verified: 'false' });
  const created = await http.post(
    '/api/matters',
    { id: 'other-matter', name: 'Another client v. DHS', timeZone: 'America/New_York', team: [{ id: 'kim', name: 'Kim Tran', email: 'kim.tran@example.org', role: 'Counsel' }] },
    auth(admin),
  );
  expect(created.status).toBe(201);
  const a = await http.post('/api/requests', validIntake({ matterId: 'ctr-v-irs' }), auth(demoMember));
  expect(a.status).toBe(201);
  demoItem = (await a.json()).id;
  const b = await http.post('/api/requests', validIntake({ matterId: 'other-matter', agency: 'DHS' }), auth(otherMember));
  expect(b.status).toBe(201);
  otherItem = (await b.json()).id;
});
afterAll(() => stack?.stop());

describe('a member of another matter', () => {
  it('gets 404 for the item, as for one that does not exist, and cannot record an event on it', async () => {
    expect((await http.get(`/api/requests/${otherItem}`, demoMember)).status).toBe(404);
    expect((await http.get(`/api/requests/${demoItem}`, otherMember)).status).toBe(404);
    const ev = await http.post(`/api/requests/${otherItem}/events`, { type: 'acknowledged', at: '2026-03-02', trackingNumber: 'X-1' }, auth(demoMember));
    expect(ev.status).toBe(404);
    const stored = await (await http.get(`/api/requests/${otherItem}`, admin)).json();
    expect(stored.events.map((e: { type: string }) => e.type)).toEqual(['submitted']);
  });

  it('cannot create an item, a request or a feed in a matter that is not theirs (403), nor name an unknown matter (400)', async () => {
    const filing = { matterId: 'other-matter', title: 'Opposition', rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: '2026-03-02', service: 'electronic' } };
    expect((await http.post('/api/filings', filing, auth(demoMember))).status).toBe(403);
    expect((await http.post('/api/requests', validIntake({ matterId: 'other-matter' }), auth(demoMember))).status).toBe(403);
    expect((await http.post('/api/feeds', { matter: 'other-matter' }, auth(demoMember))).status).toBe(403);
    expect((await http.post('/api/feeds', { matter: 'no-such-matter' }, auth(demoMember))).status).toBe(400);
    expect((await http.post('/api/filings', filing, auth(otherMember))).status).toBe(201);
  });

  it('gets the page of their own matter only: another matter is a 404, as one that does not exist', async () => {
    const page = await http.get('/api/matters/other-matter', otherMember);
    expect(page.status).toBe(200);
    const body = await page.json();
    expect(body.matter).toMatchObject({ id: 'other-matter', name: 'Another client v. DHS' });
    expect(body.items.map((i: { id: string }) => i.id)).toContain(otherItem);
    // Every item is of this matter: the filing the test above created here is listed too.
    expect(body.items.every((i: { matterId: string }) => i.matterId === 'other-matter')).toBe(true);
    const request = body.items.find((i: { id: string }) => i.id === otherItem);
    const [response] = request.deadlines.filter((d: { rule: string }) => d.rule === 'foia.response');
    expect(response.receipt.length).toBeGreaterThan(0);
    expect(response.summary[0]).toMatch(/^Receipt of the request/);
    expect((await http.get('/api/matters/other-matter', demoMember)).status).toBe(404);
    expect((await http.get('/api/matters/ctr-v-irs', otherMember)).status).toBe(404);
    expect((await http.get('/api/matters/no-such-matter', admin)).status).toBe(404);
    expect((await http.get('/api/matters/other-matter', admin)).status).toBe(200);
  });

  it('sees only their own matters in the matter list, the deadlines, the calendar and the export', async () => {
    const matterIds = async (token: string) => ((await (await http.get('/api/matters', token)).json()).matters as { id: string }[]).map((m) => m.id).sort();
    expect(await matterIds(otherMember)).toEqual(['other-matter']);
    expect(await matterIds(admin)).toContain('other-matter');
    expect(await matterIds(demoMember)).not.toContain('other-matter');

    const itemsIn = async (token: string) => new Set(((await (await http.get('/api/deadlines', token)).json()).deadlines as { itemId: string }[]).map((d) => d.itemId));
    expect((await itemsIn(otherMember)).has(otherItem)).toBe(true);
    expect((await itemsIn(otherMember)).has(demoItem)).toBe(false);
    expect((await itemsIn(demoMember)).has(otherItem)).toBe(false);
    expect((await itemsIn(admin)).has(otherItem)).toBe(true);

    const csv = async (token: string) => (await http.get('/api/export.csv', token)).text();
    expect(await csv(demoMember)).not.toContain('Another client v. DHS');
    expect(await csv(otherMember)).toContain('Another client v. DHS');
    expect(await csv(otherMember)).not.toContain('Center for Taxpayer Rights');
    const ics = await (await http.get('/api/calendar.ics', demoMember)).text();
    expect(ics).not.toContain(otherItem);
  });

  it('gets a personal feed that shows only the matters whose team lists them', async () => {
    const created = await (await http.post('/api/feeds', { label: 'mine' }, auth(otherMember))).json();
    const ics = await (await fetch(`${stack.url}${created.path}`)).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(otherItem);
    expect(ics).not.toContain(demoItem);
  });

  it('is not taken for a team member on an unverified e-mail address', async () => {
    expect((await http.get(`/api/requests/${otherItem}`, unverified)).status).toBe(404);
    const ids = ((await (await http.get('/api/matters', unverified)).json()).matters as { id: string }[]).map((m) => m.id);
    expect(ids).not.toContain('other-matter');
  });

  it('sees only the notifications sent to them; an administrator sees all', async () => {
    await stack.setClock('2026-03-03T13:30:00Z');
    await stack.sweep();
    const list = async (token: string, q = '') => ((await (await http.get(`/api/notifications${q}`, token)).json()).notifications as { recipient: string; itemId: string | null }[]);
    const kims = await list(otherMember);
    expect(kims.length).toBeGreaterThan(0);
    expect(new Set(kims.map((n) => n.recipient))).toEqual(new Set(['kim']));
    const jordans = await list(demoMember);
    expect(jordans.every((n) => n.recipient === 'associate')).toBe(true);
    expect(jordans.some((n) => n.itemId === otherItem)).toBe(false);
    const all = await list(admin, '?limit=100');
    expect(new Set(all.map((n) => n.recipient)).has('kim')).toBe(true);
    expect((await http.get(`/api/notifications?item=${otherItem}`, demoMember)).status).toBe(404);
  });
});
