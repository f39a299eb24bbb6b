/** The demo matter comes with a docket: at first start its proposals wait under "From the docket". */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { testStack } from '../support/stack';

let stack: LocalStack;

beforeAll(async () => {
  // Friday 6 March 2026, 4:45 pm in Washington.
  stack = await testStack({ clockStart: '2026-03-06T21:45:00Z', noDemoItems: false });
});
afterAll(() => stack?.stop());

it('a dozen entries in both formats, read into proposals that wait for a person', async () => {
  const headers = { authorization: `Bearer ${stack.teamToken}` };
  const docket = (await (await fetch(`${stack.url}/api/matters/ctr-v-irs/docket`, { headers })).json()) as { entries: { source: string; proposals: unknown[] }[] };
  expect(docket.entries.length).toBeGreaterThanOrEqual(12);
  expect(new Set(docket.entries.map((e: { source: string }) => e.source))).toEqual(new Set(['courtlistener', 'nef']));
  // Entries without consequence are listed, with nothing proposed.
  expect(docket.entries.filter((e: { proposals: unknown[] }) => e.proposals.length === 0).length).toBeGreaterThanOrEqual(3);

  const { count, proposals } = (await (await fetch(`${stack.url}/api/proposals?status=pending`, { headers })).json()) as { count: number; proposals: { id: string; label: string; action: string }[] };
  expect(count).toBe(proposals.length);
  const by = (re: RegExp) => proposals.find((p: { label: string }) => re.test(p.label));
  expect(new Set(proposals.map((p: { action: string }) => p.action))).toEqual(new Set(['filing', 'owed', 'notice', 'hearing', 'event']));
  // Motion served 2026-02-26 (Thursday): LCvR 7(b)'s 14 days end Thursday 2026-03-12.
  expect(by(/^Opposition to Motion for Stay Pending Appeal \[91\]/)).toMatchObject({ action: 'filing', rule: 'lcvr7b.opposition', trigger: '2026-02-26', due: '2026-03-12', status: 'pending' });
  // The notice arrived an hour ago, at 3:45 pm Friday: its 24 hours end Saturday, so Monday 3:45 pm (FRCP 6(a)(2)(C)).
  expect(by(/Notice of intended disclosure/)).toMatchObject({ action: 'notice', trigger: '2026-03-06T15:45:00-05:00', due: '2026-03-09T15:45:00-04:00' });
  // Their opposition (2026-03-05) starts the reply clock, 7 days; a later order sets its own date,
  // which stands, with the clerk's line (a day earlier) carried beside it.
  const replies = proposals.filter((p: { label: string }) => /^Reply in support of \[95\] due$/.test(p.label));
  expect(replies).toEqual([
    expect.objectContaining({ action: 'event', rule: 'lcvr7d.reply', trigger: '2026-03-05', due: '2026-03-12' }),
    expect.objectContaining({ action: 'filing', rule: 'court_order.fixed', due: '2026-03-18', clerk: expect.objectContaining({ due: '2026-03-17' }) }),
  ]);
  // Newest first.
  expect(proposals.map((p: { id: string }) => p.id)).toEqual([...proposals.map((p: { id: string }) => p.id)].sort().reverse());
  // Nothing became a deadline by itself: the demo's deadlines are the demo items', none from the docket.
  const due = (await (await fetch(`${stack.url}/api/deadlines`, { headers })).json()) as { deadlines: { item: { title: string } }[] };
  expect(due.deadlines.some((d: { item: { title: string } }) => /\[9\d\]/.test(d.item.title))).toBe(false);
});
