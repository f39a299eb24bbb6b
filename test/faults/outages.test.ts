/**
 * The real local stack through outages: DynamoDB Local killed mid-stream, the server stopped
 * during a burst, stopped cleanly and killed hard, and started again a year later. Every
 * acknowledged write survives, nothing is written twice, and no process is left behind.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, intakeBody, isDynamoLocal, json, newDataDir, send, startChild, type Answer, type ChildStack } from './support';

const running: ChildStack[] = [];
afterAll(async () => {
  for (const s of running) await s.stop('SIGKILL').catch(() => undefined);
});
async function start(opts: Parameters<typeof startChild>[0] = {}) {
  const s = await startChild(opts);
  running.push(s);
  return s;
}

describe('DynamoDB Local killed mid-stream', () => {
  it('keeps every acknowledged write, answers 503 while it is down, and serves again without a restart', async () => {
    const stack = await start({ clockStart: '2026-03-02T15:00:00Z', env: { SWEEP_INTERVAL_MS: '0' } });
    // As the team (the public rate limit would cut the retries short), into the demo matter.
    const team = { authorization: `Bearer ${stack.token}` };
    const body = (i: number) => ({ ...intakeBody(i), matterId: 'ctr-v-irs' });
    const firstPid = stack.dynamoPid()!;
    expect(isDynamoLocal(firstPid)).toBe(true);
    const answers: { key: string; a: Answer }[] = [];
    const intake = async (i: number) => {
      const key = `fault-dynamo-${i}-${'x'.repeat(8)}`;
      answers.push({ key, a: await send(`${stack.url}/api/requests`, json(body(i), { ...team, 'idempotency-key': key })) });
    };
    for (let i = 0; i < 15; i++) await intake(i);
    // DynamoDB Local writes to its files a moment after it acknowledges (DynamoDB itself does not
    // acknowledge before the write is durable): the kill comes after that moment, then the stream
    // goes on into the outage.
    await new Promise((r) => setTimeout(r, 1500));
    process.kill(firstPid, 'SIGKILL');
    for (let i = 15; i < 40; i++) await intake(i);
    // The supervisor starts it again on the same port and data: the server answers as before.
    await eventually(async () => (stack.dynamoPid() !== firstPid && isDynamoLocal(stack.dynamoPid()!) ? true : undefined), 'DynamoDB Local to be started again', 60_000);
    await eventually(async () => ((await send(`${stack.url}/api/health`)).status === 200 ? true : undefined), 'health to answer 200', 60_000);
    for (let i = 40; i < 50; i++) await intake(i);

    const statuses = answers.map((x) => x.a.status);
    const refused = answers.filter((x) => x.a.status !== 201);
    console.log(`dynamo kill: ${answers.length} intakes, ${statuses.filter((s) => s === 201).length} acknowledged, ${statuses.filter((s) => s === 503).length} answered 503, ${statuses.filter((s) => typeof s === 'number' && s >= 500 && s !== 503).length} other 5xx`);
    // Refused while the store was down: 503 with Retry-After, never a bare 500.
    for (const { a } of refused) {
      expect(a.status).toBe(503);
      expect(a.headers?.get('retry-after')).toBe('5');
      expect((a.body as { title: string }).title).toBe('Service unavailable');
    }
    // Every acknowledged write is there.
    const lost: string[] = [];
    for (const { key, a } of answers.filter((x) => x.a.status === 201)) {
      const found = await send(`${stack.url}/api/requests/${(a.body as { id: string }).id}`, { headers: team });
      if (found.status !== 200) lost.push(`${key} (${found.status} ${JSON.stringify(found.body).slice(0, 120)})`);
    }
    console.log(`dynamo kill: acknowledged writes lost: ${lost.length} ${lost.join(' ')}`);
    expect(lost).toEqual([]);
    // A refused request retried with its key is recorded once: replayed if it had landed after all, new if not.
    const retried = await Promise.all(refused.map(async ({ key, a }) => ({ key, before: a, after: await send(`${stack.url}/api/requests`, json(body(Number(key.split('-')[2])), { ...team, 'idempotency-key': key })) })));
    for (const r of retried) expect(r.after.status).toBe(201);
    const codes = new Set([...answers.filter((x) => x.a.status === 201).map((x) => (x.a.body as { id: string }).id), ...retried.map((r) => (r.after.body as { id: string }).id)]);
    expect(codes.size).toBe(answers.length);
  });
});

describe('stopping and starting', () => {
  it('SIGTERM during a burst: every request is answered, or refused before it was read (so it wrote nothing)', async () => {
    const dataDir = newDataDir();
    const stack = await start({ dataDir, clockStart: '2026-03-02T15:00:00Z' });
    const keys = Array.from({ length: 30 }, (_, i) => `burst-${i}-${'y'.repeat(8)}`);
    const burst = keys.map((key, i) => send(`${stack.url}/api/requests`, json(intakeBody(100 + i), { 'idempotency-key': key })));
    await new Promise((r) => setTimeout(r, 150));
    expect(await stack.stop('SIGTERM')).toBe(0);
    const answers = await Promise.all(burst);
    const answered = answers.filter((a) => typeof a.status === 'number').length;
    const notRead = answers.filter((a) => a.status === 'refused' || a.status === 'cut');
    console.log(`sigterm burst: ${answers.length} requests, ${answered} answered, ${notRead.length} refused at the socket`);
    // Whatever was not answered was never committed: after a restart its key is new.
    const again = await start({ dataDir, clockStart: '2026-03-02T15:00:00Z' });
    for (const [i, a] of answers.entries()) {
      const retry = await send(`${again.url}/api/requests`, json(intakeBody(100 + i), { 'idempotency-key': keys[i]! }));
      expect(retry.status).toBe(201);
      const replayed = retry.headers?.get('idempotent-replayed') === 'true';
      expect(replayed, `request ${i} (${a.status})`).toBe(a.status === 201);
    }
    await again.stop('SIGTERM');
  });

  it('a clean stop leaves no DynamoDB Local behind; after a hard kill the next start ends the one left over', async () => {
    const dataDir = newDataDir();
    const first = await start({ dataDir });
    const pid1 = first.dynamoPid()!;
    const made = await send(`${first.url}/api/requests`, json(intakeBody(1)));
    expect(made.status).toBe(201);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(isDynamoLocal(pid1)).toBe(false);

    const second = await start({ dataDir });
    const pid2 = second.dynamoPid()!;
    await second.stop('SIGKILL');
    // Java outlives a hard-killed parent: it is still there, holding the data folder.
    expect(isDynamoLocal(pid2)).toBe(true);
    const third = await start({ dataDir });
    expect(isDynamoLocal(pid2)).toBe(false);
    expect(third.dynamoPid()).not.toBe(pid2);
    expect((await send(`${third.url}/api/track/${(made.body as { trackingCode: string }).trackingCode}`)).status).toBe(200);
    const pid3 = third.dynamoPid()!;
    expect(await third.stop('SIGTERM')).toBe(0);
    expect(isDynamoLocal(pid3)).toBe(false);
  });
});

describe('a restart a year later', () => {
  it('marks every missed deadline once, alerts once, and hands over without a loop', async () => {
    const dataDir = newDataDir();
    const first = await start({ dataDir, clockStart: '2026-03-02T15:00:00Z' });
    const team = { authorization: `Bearer ${first.token}` };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await send(`${first.url}/api/requests`, json({ ...intakeBody(300 + i), matterId: 'ctr-v-irs' }, team));
      ids.push((a.body as { id: string }).id);
    }
    expect(await first.stop('SIGTERM')).toBe(0);

    const later = await start({ dataDir, clockStart: '2027-03-10T15:00:00Z' });
    const token = later.token;
    const get = async (id: string) => (await send(`${later.url}/api/requests/${id}`, { headers: { authorization: `Bearer ${token}` } })).body as {
      phase: string;
      workflow: { execution: string; state: string };
      deadlines: { rule: string; status: string }[];
      events: { type: string; data: { deadlineId?: string } }[];
    };
    for (const id of ids) {
      const item = await eventually(async () => {
        const it = await get(id);
        return it.phase === 'exhausted' && it.workflow.state === 'waiting' ? it : undefined;
      }, `item ${id} to catch up`, 90_000);
      const missed = item.events.filter((e) => e.type === 'deadline_missed');
      expect(new Set(missed.map((e) => e.data.deadlineId)).size).toBe(missed.length);
      expect(item.deadlines.filter((d) => d.rule === 'foia.response').map((d) => d.status)).toEqual(['missed']);
      // At most one hand-over: a new generation never hands over again at once.
      expect(Number(/-g(\d+)$/.exec(item.workflow.execution)?.[1] ?? 1)).toBeLessThanOrEqual(2);
    }
    // The sweep runs (no conflict loop) and a second sweep at the same instant sends nothing again.
    const sweep = (now: string) => send(`${later.url}/local/sweep`, json({ now }, { authorization: `Bearer ${token}` }));
    const one = await sweep('2027-03-10T13:30:00Z');
    expect(one.status).toBe(200);
    const two = await sweep('2027-03-10T13:30:00Z');
    expect(two.status).toBe(200);
    expect((two.body as { sent: unknown[] }).sent).toEqual([]);
    const sent = (one.body as { sent: { deadlineId: string; rung: string; recipient: string }[] }).sent;
    const keys = sent.map((s) => `${s.deadlineId}|${s.rung}|${s.recipient}`);
    expect(new Set(keys).size).toBe(keys.length);
    await later.stop('SIGTERM');
  });
});
