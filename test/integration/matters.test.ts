/** An administrator creates a matter with its team; items can then be filed under it. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
let admin: Record<string, string>;

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-03T15:00:00Z' });
  http = api(stack);
  admin = { authorization: `Bearer ${stack.teamToken}` };
});
afterAll(() => stack?.stop());

const matter = {
  id: 'ctr-v-irs-appeal',
  name: 'Center for Taxpayer Rights v. IRS (D.C. Cir.)',
  court: 'U.S. Court of Appeals for the D.C. Circuit',
  docket: 'No. 26-5006',
  team: [{ id: 'appellate', name: 'Riley Chen', email: 'riley.chen@example.org', role: 'Appellate counsel' }],
};

it('creates a matter once, and its team watches the items filed under it', async () => {
  const res = await http.post('/api/matters', matter, admin);
  expect(res.status).toBe(201);
  expect((await res.json()).team).toEqual(matter.team);
  expect((await http.post('/api/matters', matter, admin)).status).toBe(409);
  const filing = await (
    await http.post('/api/filings', { matterId: matter.id, title: 'Reply brief', rule: 'lcvr7d.reply', trigger: { type: 'other', at: '2026-03-02' } }, admin)
  ).json();
  expect(filing.watchers).toEqual(['appellate']);
});

it('names every bad field, and only an administrator may create one', async () => {
  const bad = await http.post('/api/matters', { id: 'Bad Id', name: '', timeZone: 'Mars/Olympus', team: [{ id: 'x', name: 'X', email: 'nope', role: 'r' }, { id: 'x', name: 'Y', email: 'y@example.org', role: 'r' }] }, admin);
  expect(bad.status).toBe(400);
  expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(['id', 'name', 'team[0].email', 'team[1].id', 'timeZone']);
  const signIn = await fetch(`${stack.url}/local-idp/sign-in`, { method: 'POST', body: JSON.stringify({ email: 'sam.okafor@example.org' }) });
  const { token } = (await signIn.json()) as { token: string };
  expect((await http.post('/api/matters', { ...matter, id: 'other' }, { authorization: `Bearer ${token}` })).status).toBe(403);
});
