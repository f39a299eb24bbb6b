/**
 * The local twin keeps a bounded number of executions waiting in memory: beyond the bound, the
 * one whose wait ends last is set aside and its item waits in the table. A set-aside execution
 * still does what a waiting one does: an event on its item wakes it (a fresh run reads the
 * item, as after a restart), and its deadline passing marks the deadline missed. Here the bound
 * is one, so every second item is set aside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
let team: Record<string, string>;

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-09T12:00:00Z', maxWaitingExecutions: 1 });
  http = api(stack);
  team = { authorization: `Bearer ${stack.teamToken}` };
});
afterAll(() => stack?.stop());

/** Resolves at the named execution's next wait or end. */
function nextSettle(name: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`${name} neither waited nor ended within ${timeoutMs} ms`))), timeoutMs);
    const on = (n: string) => n === name && (off(), resolve());
    const off = () => {
      clearTimeout(timer);
      stack.workflows.events.off('waiting', on).off('ended', on);
    };
    stack.workflows.events.on('waiting', on).on('ended', on);
  });
}

const statusOf = (name: string) => stack.workflows.list().find((e) => e.name === name)?.status;

async function newRequest(n: number): Promise<{ id: string; deadlines: { dueInstant: string }[] }> {
  const res = await http.post(
    '/api/requests',
    { kind: 'foia', agency: 'IRS', matterId: 'ctr-v-irs', requester: { name: `Bound ${n}`, email: `bound${n}@example.org` }, description: `Records, request ${n}.`, feeWaiver: { requested: false }, expedited: { requested: false } },
    team,
  );
  expect(res.status).toBe(201);
  return res.json();
}

describe('executions beyond the bound wait in the table', () => {
  let notice: string;

  it('sets aside the execution whose wait ends last; it still counts as waiting', async () => {
    // A 24-hour notice: its wait ends tomorrow, before any request's 20 working days.
    const res = await http.post('/api/notices', { matterId: 'ctr-v-irs', receivedAt: '2026-03-09T07:00:00-04:00', summary: 'Intent to share 300 addresses' }, team);
    const created = await res.json();
    expect(res.status, JSON.stringify(created)).toBe(201);
    notice = created.id;
    await stack.workflows.settled(notice);
    expect(stack.workflows.waitingCounts()).toEqual({ inMemory: 1, setAside: 0 });

    const request = await newRequest(1);
    await stack.workflows.settled(request.id);
    expect(stack.workflows.waitingCounts()).toEqual({ inMemory: 1, setAside: 1 });
    // The request's run ended without a Catch (nothing marked, nothing failed); the notice's waits on.
    await expect.poll(() => statusOf(request.id), { timeout: 10_000 }).toBe('ABORTED');
    expect(statusOf(notice)).toBe('RUNNING');
    expect(stack.workflows.isWaiting(request.id)).toBe(true);
    const item = await (await http.get(`/api/requests/${request.id}`, stack.teamToken)).json();
    expect(item.deadlines.map((d: { status: string }) => d.status)).toEqual(['open']);
  });

  it('an event on a set-aside item wakes it: a fresh run reads the item and ends with it', async () => {
    const request = await newRequest(2);
    await stack.workflows.settled(request.id);
    expect(stack.workflows.waitingCounts().setAside).toBe(2);
    const ended = nextSettle(request.id);
    const res = await http.post(`/api/requests/${request.id}/events`, { type: 'withdrawn', at: '2026-03-09' }, team);
    expect(res.status).toBe(200);
    await ended;
    await expect.poll(() => statusOf(request.id), { timeout: 10_000 }).toBe('SUCCEEDED');
    expect(stack.workflows.isWaiting(request.id)).toBe(false);
    expect(stack.workflows.waitingCounts()).toEqual({ inMemory: 1, setAside: 1 });
  });

  it('a set-aside execution whose deadline passes marks it missed, as its wait would', async () => {
    const request = await newRequest(3);
    await stack.workflows.settled(request.id);
    const setAside = stack.workflows.waitingCounts().setAside;
    expect(setAside).toBe(2);
    const woken = nextSettle(request.id);
    await stack.setClock(new Date(Date.parse(request.deadlines[0]!.dueInstant) + 3_600_000).toISOString());
    await woken;
    // The fresh run finds the deadline past: its wait is one second, whose timeout marks it.
    await expect.poll(async () => (await (await http.get(`/api/requests/${request.id}`, stack.teamToken)).json()).deadlines[0].status, { timeout: 15_000 }).toBe('missed');
    const item = await (await http.get(`/api/requests/${request.id}`, stack.teamToken)).json();
    expect(item.events.filter((e: { type: string }) => e.type === 'deadline_missed').map((e: { recordedBy: string }) => e.recordedBy)).toEqual(['workflow']);
    // The notice's window closed too; every open item still waits, in memory or in the table.
    for (const id of [notice, request.id]) expect(stack.workflows.isWaiting(id)).toBe(true);
  });
});
