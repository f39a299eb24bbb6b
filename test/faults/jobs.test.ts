/**
 * A calendar change job killed halfway: the process dies (SIGKILL) while batches are under way;
 * started again on the same data, the job goes on from its last unfinished page and ends with
 * every item it can move moved exactly once (one supersession, one event, one count).
 */
import { afterAll, expect, it } from 'vitest';
import { eventually, json, newDataDir, send, startChild, type ChildStack } from './support';

const ITEMS = 80;
const CLOCK = '2026-03-03T15:00:00Z';
const running: ChildStack[] = [];
afterAll(async () => {
  for (const s of running) await s.stop('SIGKILL').catch(() => undefined);
});

type Job = { status: string; progress: { planned: number; considered: number; moved: number; failed: number } };

it(`a job killed halfway resumes after a restart and moves each of ${ITEMS} items once`, async () => {
  const dataDir = newDataDir();
  // One item a batch: the job takes long enough to be killed in the middle.
  const env = { JOB_BATCH_SIZE: '1' };
  const first = await startChild({ dataDir, clockStart: CLOCK, env });
  running.push(first);
  const auth = { authorization: `Bearer ${first.token}` };
  const ids: string[] = [];
  for (let i = 0; i < ITEMS; i += 10) {
    const made = await Promise.all(
      Array.from({ length: 10 }, (_, j) =>
        send(`${first.url}/api/filings`, json({ matterId: 'ctr-v-irs', title: `Opposition ${i + j}`, rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: '2026-03-02', service: 'electronic' } }, auth)),
      ),
    );
    for (const m of made) {
      expect(m.status).toBe(201);
      ids.push((m.body as { id: string }).id);
    }
  }
  const added = await send(`${first.url}/api/calendar/days`, json({ kind: 'courtClosures', date: '2026-03-16', label: 'Courthouse closed (flood)' }, auth));
  expect(added.status).toBe(202);
  const jobId = (added.body as { job: { id: string } }).job.id;
  const jobOf = async (url: string, token: string) => (await send(`${url}/api/jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } })).body as { job: Job };

  const halfway = await eventually(async () => {
    const { job } = await jobOf(first.url, first.token);
    return job.progress.considered >= 3 ? job : undefined;
  }, 'the first batches');
  await first.stop('SIGKILL');
  // Killed in the middle: running, some items done, most not.
  expect(halfway.status).toBe('running');
  expect(halfway.progress.considered).toBeLessThan(ITEMS);

  const second = await startChild({ dataDir, clockStart: CLOCK, env });
  running.push(second);
  const done = await eventually(async () => {
    const { job } = await jobOf(second.url, second.token);
    return job.status === 'done' ? job : undefined;
  }, 'the resumed job to end', 120_000);
  expect(done.progress.failed).toBe(0);
  // Every item moved is counted once, also one moved in the instant before the kill whose
  // outcome was not yet written (the resumed run finds it on the job's calendar).
  // (The demo matter's own items may add to the count: at least the ITEMS made here move.)
  expect(done.progress.considered).toBe(done.progress.planned);
  expect(done.progress.moved).toBe(done.progress.planned);
  expect(done.progress.moved).toBeGreaterThanOrEqual(ITEMS);

  for (const id of ids) {
    const item = (await send(`${second.url}/api/filings/${id}`, { headers: { authorization: `Bearer ${second.token}` } })).body as {
      deadlines: { status: string; due: string }[];
      events: { type: string; data: { jobId?: string } }[];
    };
    expect(item.deadlines.map((d) => [d.status, d.due]).sort()).toEqual([['open', '2026-03-17'], ['superseded', '2026-03-16']]);
    expect(item.events.filter((e) => e.type === 'calendar_changed' && e.data.jobId === jobId)).toHaveLength(1);
  }
  expect(await second.stop('SIGTERM')).toBe(0);
}, 600_000);
