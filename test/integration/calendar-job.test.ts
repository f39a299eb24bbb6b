/**
 * The calendar change job on the local stack: a day that can move nothing reads almost nothing;
 * a failed job is resumed by an administrator and moves every item once; two changes in quick
 * succession both reach every deadline, and no deadline ever moves back. (A job whose process
 * is killed halfway and restarted: test/faults/jobs.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { api, testStack, type Api } from '../support/stack';

// Two items a batch, so a dozen items make six batches and a stop can land between them.
process.env.JOB_BATCH_SIZE = '2';

let stack: LocalStack;
let http: Api;
let admin: Record<string, string>;
const CLOCK = '2026-03-03T15:00:00Z';

beforeAll(async () => {
  stack = await testStack({ clockStart: CLOCK });
  http = api(stack);
  admin = { authorization: `Bearer ${stack.teamToken}` };
});
afterAll(() => stack?.stop());

type Deadline = { id: string; status: string; due: string; supersedes?: string; supersededBy?: string; calendarVersion: string };
type Item = { id: string; deadlines: Deadline[]; events: { type: string; data: Record<string, unknown> }[] };

/** Oppositions to a motion served on 2026-03-02: 14 days (LCvR 7(b)), due Monday 2026-03-16. */
async function oppositions(n: number, title: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await http.post('/api/filings', { matterId: 'ctr-v-irs', title: `${title} ${i + 1}`, rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: '2026-03-02', service: 'electronic' } }, admin);
    expect(res.status).toBe(201);
    ids.push((await res.json()).id);
  }
  return ids;
}

async function addDay(date: string, label: string) {
  const res = await http.post('/api/calendar/days', { kind: 'courtClosures', date, label }, admin);
  expect(res.status).toBe(202);
  return (await res.json()) as { calendarVersion: string; job: { id: string } };
}

const jobOf = async (id: string) => (await http.get(`/api/jobs/${id}`, stack.teamToken)).json();
const itemOf = async (id: string): Promise<Item> => (await http.get(`/api/filings/${id}`, stack.teamToken)).json();

/** The item's deadlines as one chain, oldest first: each superseded one points at the next. */
function chain(item: Item): Deadline[] {
  const byId = new Map(item.deadlines.map((d) => [d.id, d]));
  let d = item.deadlines.find((x) => !x.supersedes);
  const out: Deadline[] = [];
  while (d) {
    out.push(d);
    d = d.supersededBy ? byId.get(d.supersededBy) : undefined;
  }
  expect(out).toHaveLength(item.deadlines.length);
  return out;
}

// Each test creates its items over HTTP and waits for whole runs.
describe('a calendar change job', { timeout: 120_000 }, () => {
  it('a day after every open deadline reads nothing, moves nothing, and ends done', async () => {
    await oppositions(2, 'Untouched opposition');
    const { job } = await addDay('2027-06-01', 'Courthouse closed (far off)');
    await stack.workflows.settled(job.id, 30_000);
    const done = await jobOf(job.id);
    expect(done.job).toMatchObject({ status: 'done', progress: { planned: 0, considered: 0, moved: 0, failed: 0, scanned: 0, done: true } });
    expect(done.summary).toEqual({ byMatter: [], items: [] });
  });

  it('a failed job is resumed by an administrator and finishes what is left', async () => {
    const ids = await oppositions(6, 'Reply');
    const { endJob } = await import('../../functions/lib/job-store');
    const { job } = await addDay('2026-03-16', 'Courthouse closed (power)');
    // Failed after its first batch: the run's later steps see a job no longer running and stop.
    await new Promise<void>((resolve) => {
      const onTask = (execution: string, state: string) => {
        if (execution !== job.id || state !== 'Recompute a batch') return;
        stack.workflows.events.off('task', onTask);
        void endJob(job.id, 'failed', new Date(), 'stopped by the test').then(() => resolve());
      };
      stack.workflows.events.on('task', onTask);
    });
    await stack.workflows.settled(job.id, 30_000);
    const failed = await jobOf(job.id);
    expect(failed.job).toMatchObject({ status: 'failed', error: 'stopped by the test' });

    const member = (await (await fetch(`${stack.url}/local-idp/sign-in`, { method: "POST", body: JSON.stringify({ email: "jordan.lee@example.org" }) })).json()) as { token: string };
    expect((await http.post(`/api/jobs/${job.id}/resume`, {}, { authorization: `Bearer ${member.token}` })).status).toBe(403);
    expect((await http.post('/api/jobs/01NOSUCHJOB0000000000000000/resume', {}, admin)).status).toBe(404);
    const resumed = await http.post(`/api/jobs/${job.id}/resume`, {}, admin);
    expect(resumed.status).toBe(202);
    await stack.workflows.settled(`${job.id}-run2`, 30_000);
    const done = await jobOf(job.id);
    // The two oppositions of the first test and the six replies, each once.
    expect(done.job).toMatchObject({ status: 'done', progress: { planned: ids.length + 2, considered: ids.length + 2, moved: ids.length + 2, failed: 0 } });
    for (const id of ids) {
      const item = await itemOf(id);
      expect(chain(item).map((d) => [d.status, d.due])).toEqual([['superseded', '2026-03-16'], ['open', '2026-03-17']]);
      expect(item.events.filter((e) => e.type === 'calendar_changed' && e.data.jobId === job.id)).toHaveLength(1);
    }
    // A job that is done is not resumed again.
    expect((await http.post(`/api/jobs/${job.id}/resume`, {}, admin)).status).toBe(409);
  });

  it('two changes in quick succession both reach every deadline, and none moves back', async () => {
    const ids = await oppositions(4, 'Surreply');
    // Due 2026-03-17 (the 16th is closed already); then the 17th closes, and the 18th.
    const first = await addDay('2026-03-17', 'Courthouse closed (snow)');
    const second = await addDay('2026-03-18', 'Courthouse closed (snow, second day)');
    await Promise.all([stack.workflows.settled(first.job.id, 30_000), stack.workflows.settled(second.job.id, 30_000)]);
    for (const job of [first.job, second.job]) expect((await jobOf(job.id)).job).toMatchObject({ status: 'done', progress: { failed: 0 } });
    for (const id of ids) {
      const steps = chain(await itemOf(id));
      expect(steps.at(-1)).toMatchObject({ status: 'open', due: '2026-03-19', calendarVersion: second.calendarVersion });
      // Every supersession moved the deadline later, never earlier.
      for (let i = 1; i < steps.length; i++) expect(steps[i]!.due > steps[i - 1]!.due).toBe(true);
    }
  });
});
