/**
 * Scale benchmark: a calendar change and the deadlines list with 1,000, 10,000 and 100,000 open
 * items on DynamoDB Local, through the local stack's HTTP API and its job state machine.
 *
 *   npx tsx bench/scale.ts            (BENCH_SCALE_SIZES=1000,10000 to choose the sizes)
 *
 * Each size runs in a fresh process with its own DynamoDB Local in memory (the adapters read
 * their table name once). The items are filings of one matter, triggered over the 30 days before
 * the clock, each with one open deadline 14 to 90 days after its trigger (FRCP 6(a)). Printed:
 *  - a day that can move many deadlines (a closure 10 days out: inside most counting periods)
 *    and a day that can move none (a closure after every due date): the request's latency, the
 *    job's time, the records read (index entries and items), the index entries read, the items
 *    the job loaded and moved (planning computes each deadline in the day's range again and
 *    loads only the items whose deadline moves);
 *  - the baseline, measured in the same run: reading every open deadline, which is where the
 *    request began before a calendar change was a job (it then loaded each item in turn);
 *  - GET /api/deadlines?within=P3D, and with include=missed: latency, deadlines returned,
 *    records read (the list is one answer, not paged: a window holding a sixth of 100,000 open
 *    items would be tens of megabytes).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { printTable } from './table';

const NOW = '2026-06-01T14:00:00.000Z';
const MANY = '2026-06-11';
const NONE = '2027-09-01';
const EXTRA_NONE = ['2027-09-02', '2027-09-03'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const DAY = 86_400_000;

interface Result {
  size: number;
  loadMs: number;
  baseline: { ms: number; read: number };
  changes: { day: string; requestMs: number; jobMs: number; read: number; scanned: number; considered: number; moved: number }[];
  lists: { what: string; ms: number; returned: number; read: number }[];
}

if (process.argv[2] === '--one') {
  console.log(JSON.stringify(await measure(Number(process.argv[3]))));
  process.exit(0);
}

const sizes = (process.env.BENCH_SCALE_SIZES ?? '1000,10000,100000').split(',').map(Number);
const results: Result[] = [];
for (const size of sizes) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', String(size)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`size ${size} failed (${run.status})`);
  results.push(JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Result);
  console.error(`measured ${size.toLocaleString('en-US')} open items`);
}

const n = (x: number) => x.toLocaleString('en-US');
const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
console.log('\nCalendar change (POST /api/calendar/days, then its job)');
printTable(
  ['open items', 'day', 'request', 'job', 'read', 'index read', 'considered', 'moved', 'baseline read', 'read / baseline'],
  results.flatMap((r) =>
    r.changes.map((c) => [n(r.size), c.day === MANY ? `${c.day} (many)` : `${c.day} (none)`, ms(c.requestMs), ms(c.jobMs), n(c.read), n(c.scanned), n(c.considered), n(c.moved), n(r.baseline.read), (c.read / r.baseline.read).toFixed(2)]),
  ),
);
console.log('\nBaseline: every open deadline read (where the request began before; it then loaded each item)');
printTable(['open items', 'time', 'read'], results.map((r) => [n(r.size), ms(r.baseline.ms), n(r.baseline.read)]));
console.log('\nDeadlines list (GET /api/deadlines)');
printTable(['open items', 'query', 'latency', 'returned', 'read', 'read / returned'], results.flatMap((r) => r.lists.map((l) => [n(r.size), l.what, ms(l.ms), n(l.returned), n(l.read), l.returned ? (l.read / l.returned).toFixed(2) : '-'])));

async function measure(size: number): Promise<Result> {
  const { startDynamo } = await import('../local/dynamo');
  const dynamo = await startDynamo();
  const { startLocal } = await import('../local/runtime');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  const stack = await startLocal({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'docketwatch-bench-')), dynamoEndpoint: dynamo.endpoint, tableName: 'bench-scale', quiet: true, noDemoItems: true, sweepIntervalMs: 0, clockStart: NOW });
  try {
    const { ddb } = await import('../functions/lib/clients');
    const { config } = await import('../functions/lib/config');
    const { countReads, batchWrite } = await import('./table');
    const { deadlineToRecord, eventToRecord, itemToRecord } = await import('../functions/lib/keys');
    const { newCourtItem } = await import('../core/court-items');
    const { getMatter } = await import('../functions/lib/matter-store');
    const { newId } = await import('../functions/lib/ids');
    const { openDeadlinesDueBefore } = await import('../functions/lib/due-index');
    const reads = countReads(ddb);
    const matter = (await getMatter('ctr-v-irs'))!;

    const began = performance.now();
    const records: Record<string, unknown>[] = [];
    const now = Date.parse(NOW);
    for (let i = 0; i < size; i++) {
      const trigger = new Date(now - (i % 30) * DAY).toISOString().slice(0, 10);
      const built = newCourtItem(
        { kind: 'filing', matterId: matter.id, title: `Filing ${i}`, at: trigger, deadline: { rule: 'frcp6.days', trigger, params: { days: 14 + (i % 77) } } } as never,
        { id: newId(), now: new Date(now), createdBy: 'lead-counsel', matter, newDeadlineId: newId },
      );
      // As the workflow leaves it: waiting (no token to wake: no execution runs for these).
      records.push(itemToRecord({ ...built.item, workflow: { execution: built.item.id, state: 'waiting' } }), eventToRecord(built.event), ...built.deadlines.map((d) => deadlineToRecord(d, config.dueShards)));
    }
    await batchWrite(ddb, config.tableName, records);
    const loadMs = performance.now() - began;

    reads.reset();
    const b0 = performance.now();
    await openDeadlinesDueBefore('9999-12-31');
    const baseline = { ms: performance.now() - b0, read: reads.reset() };

    const auth = { authorization: `Bearer ${stack.teamToken}` };
    // Untimed: the handlers' first import and JIT (cold starts are bench/cold-start's subject).
    await fetch(`${stack.url}/api/calendar/days`, { headers: auth });
    await fetch(`${stack.url}/api/deadlines?within=P1D`, { headers: auth });
    const changes: Result['changes'] = [];
    // The request does the same work whatever the day: for the day that moves nothing, its
    // latency is the median of three such requests (two more days first); for the other, its own.
    const requestTimes: number[] = [];
    for (const day of [...EXTRA_NONE, NONE, MANY]) {
      reads.reset();
      const t0 = performance.now();
      const res = await fetch(`${stack.url}/api/calendar/days`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'courtClosures', date: day, label: 'Bench closure' }) });
      requestTimes.push(performance.now() - t0);
      const requestMs = day === MANY ? requestTimes.at(-1)! : median(requestTimes.slice(-3));
      if (res.status !== 202) throw new Error(`POST /api/calendar/days answered ${res.status}`);
      const { job } = (await res.json()) as { job: { id: string } };
      await stack.workflows.settled(job.id, 3_600_000);
      const jobMs = performance.now() - t0;
      const read = reads.reset();
      const done = (await (await fetch(`${stack.url}/api/jobs/${job.id}`, { headers: auth })).json()) as { job: { status: string; progress: { scanned: number; considered: number; moved: number; failed: number } } };
      if (done.job.status !== 'done' || done.job.progress.failed) throw new Error(`job ${job.id}: ${JSON.stringify(done.job)}`);
      if (EXTRA_NONE.includes(day)) continue;
      console.error(`  ${size}: ${day}: request ${requestMs.toFixed(0)} ms, job ${jobMs.toFixed(0)} ms, read ${read}, ${JSON.stringify(done.job.progress)}`);
      changes.push({ day, requestMs, jobMs, read, scanned: done.job.progress.scanned, considered: done.job.progress.considered, moved: done.job.progress.moved });
    }

    const lists: Result['lists'] = [];
    for (const [what, path] of [
      ['within 3 days', '/api/deadlines?within=P3D'],
      ['include=missed', '/api/deadlines?within=P3D&include=missed'],
    ] as const) {
      reads.reset();
      const t0 = performance.now();
      const res = await fetch(`${stack.url}${path}`, { headers: auth });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      const body = (await res.json()) as { deadlines: unknown[] };
      lists.push({ what, ms: performance.now() - t0, returned: body.deadlines.length, read: reads.reset() });
    }
    return { size, loadMs, baseline, changes, lists };
  } finally {
    await stack.stop();
    await dynamo.stop();
  }
}
