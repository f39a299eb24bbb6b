/**
 * A deadline passing with no event: the workflow's wait ends on its own timeout, computed from
 * the deadline, and the workflow marks the deadline missed. The runtime clock is moved before
 * the item exists, so the wait's own timeout is all that can end it (nothing ends waits by
 * hand), and no sweep runs (its reconciliation would mark the deadline too).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-09T12:00:00Z', sweepIntervalMs: 0 });
  http = api(stack);
});
afterAll(() => stack?.stop());

/** Resolves at the named execution's next wait or end, whichever comes first. */
function nextSettle(name: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${name} neither waited again nor ended within ${timeoutMs} ms`));
    }, timeoutMs);
    const on = (n: string) => n === name && (off(), resolve());
    const off = () => {
      clearTimeout(timer);
      stack.workflows.events.off('waiting', on).off('ended', on);
    };
    stack.workflows.events.on('waiting', on).on('ended', on);
  });
}

it('marks a 24-hour notice missed when its window closes, by the wait’s own timeout', async () => {
  // Received Monday 9 March, 10:00 EDT: the window closes Tuesday 10 March, 10:00 EDT (14:00Z).
  const closes = Date.parse('2026-03-10T14:00:00Z');
  // The runtime clock, moved to three seconds before that; no wait is ended by it.
  const { setClock } = await import('../../functions/lib/clock');
  setClock(new Date(closes - 3000).toISOString());
  const res = await http.post(
    '/api/notices',
    { matterId: 'ctr-v-irs', receivedAt: '2026-03-09T10:00:00-04:00', summary: 'Intent to share addresses of 300 ITIN filers with ICE' },
    { authorization: `Bearer ${stack.teamToken}` },
  );
  expect(res.status).toBe(201);
  const notice = await res.json();
  expect(notice.deadlines[0].due).toBe('2026-03-10T10:00:00-04:00');
  await stack.workflows.settled(notice.id);
  expect(stack.workflows.isWaiting(notice.id)).toBe(true);
  const waiting = await (await http.get(`/api/notices/${notice.id}`, stack.teamToken)).json();
  expect(waiting.deadlines[0].status).toBe('open');

  // The wait ends by itself when the window closes; the workflow then marks the deadline and waits again.
  await nextSettle(notice.id, 10_000);
  const after = await (await http.get(`/api/notices/${notice.id}`, stack.teamToken)).json();
  expect(after.deadlines[0].status).toBe('missed');
  expect(after.phase).toBe('window_closed');
  const marked = (after.events as { type: string; recordedAt: string; recordedBy: string }[]).filter((e) => e.type === 'deadline_missed');
  expect(marked.map((e) => e.recordedBy)).toEqual(['workflow']);
  // Marked once the window had closed, and promptly: the timeout matched the deadline.
  const at = Date.parse(marked[0]!.recordedAt);
  expect(at).toBeGreaterThanOrEqual(closes);
  expect(at - closes).toBeLessThan(2000);
});
