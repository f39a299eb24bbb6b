/**
 * A day added while a request is being written: the writer read the calendar before the day
 * existed, and the day's job planned (and ended) before the writer's commit, so the job never
 * sees the new deadline. The interleaving is made exactly: a middleware on the real DynamoDB
 * client holds the writer's commit while the administrator adds the day and its job runs to the
 * end. The writer then reads the calendar again and moves its own deadline, named on the day's
 * job.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
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

type Deadline = { status: string; due: string; calendarVersion: string };
type Item = { deadlines: Deadline[]; events: { type: string; data: Record<string, unknown> }[] };

/** Runs `write`; its first transaction waits until `day` is added and that day's job has ended. */
async function withDayAddedMidWrite<T>(day: Record<string, unknown>, write: () => Promise<T>): Promise<{ result: T; jobId: string }> {
  const { ddb } = await import('../../functions/lib/clients');
  let jobId: string | undefined;
  let held = false;
  let jobStatus: string | undefined;
  ddb.middlewareStack.add(
    (next) => async (args) => {
      if (!held && 'TransactItems' in (args.input as object)) {
        held = true;
        const res = await http.post('/api/calendar/days', day, admin);
        expect(res.status).toBe(202);
        jobId = ((await res.json()) as { job: { id: string } }).job.id;
        await stack.workflows.settled(jobId, 30_000);
        // The job ended before the write landed.
        jobStatus = ((await (await http.get(`/api/jobs/${jobId}`, stack.teamToken)).json()) as { job: { status: string } }).job.status;
      }
      return next(args);
    },
    { step: 'initialize', name: 'addDayMidWrite' },
  );
  try {
    const result = await write();
    expect(held).toBe(true);
    expect(jobStatus).toBe('done');
    return { result, jobId: jobId! };
  } finally {
    ddb.middlewareStack.remove('addDayMidWrite');
  }
}

const open = (item: Item) => item.deadlines.filter((d) => d.status === 'open');

it('a filing written while a court closure is added on its due date is moved past the closure', async () => {
  const filing = { matterId: 'ctr-v-irs', title: 'Opposition', rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: '2026-03-02', service: 'electronic' } };
  // 14 days after service: Monday 2026-03-16.
  const before = await http.post('/api/filings', { ...filing, title: 'Opposition (before)' }, admin);
  expect(open(await before.json()).map((d) => d.due)).toEqual(['2026-03-16']);

  const { result, jobId } = await withDayAddedMidWrite({ kind: 'courtClosures', date: '2026-03-16', label: 'Courthouse closed (burst pipe)' }, () => http.post('/api/filings', filing, admin));
  expect(result.status).toBe(201);
  const answered = (await result.json()) as Item & { id: string };
  expect(open(answered).map((d) => d.due)).toEqual(['2026-03-17']);
  const stored = (await (await http.get(`/api/filings/${answered.id}`, stack.teamToken)).json()) as Item;
  expect(stored.deadlines.map((d) => [d.status, d.due]).sort()).toEqual([['open', '2026-03-17'], ['superseded', '2026-03-16']]);
  expect(stored.events.filter((e) => e.type === 'calendar_changed').map((e) => [e.data.day, e.data.jobId])).toEqual([['2026-03-16', jobId]]);
});

it('a record request taken in while a holiday is added on its twentieth working day is due a working day later', async () => {
  const first = await http.post('/api/requests', validIntake({ matterId: 'ctr-v-irs' }), admin);
  expect(first.status).toBe(201);
  const due = ((await first.json()) as { deadlines: { rule: string; due: string }[] }).deadlines.find((d) => d.rule === 'foia.response')!.due;

  const { result, jobId } = await withDayAddedMidWrite({ kind: 'holidays', date: due, label: 'National day of mourning' }, () => http.post('/api/requests', validIntake({ matterId: 'ctr-v-irs' }), admin));
  expect(result.status).toBe(201);
  const receipt = (await result.json()) as { id: string; deadlines: { rule: string; due: string }[] };
  const moved = receipt.deadlines.find((d) => d.rule === 'foia.response')!.due;
  expect(moved > due).toBe(true);
  const stored = (await (await http.get(`/api/requests/${receipt.id}`, stack.teamToken)).json()) as Item;
  expect(open(stored).find((d) => d.due === moved)).toBeDefined();
  expect(stored.events.filter((e) => e.type === 'calendar_changed').map((e) => [e.data.day, e.data.jobId])).toEqual([[due, jobId]]);
});
