/**
 * Reminder sweep benchmark: sweep time and records read with 1,000 and with 100,000 open
 * deadlines, of which the same 100 are due within the horizon. The sweep Queries the due-time
 * index (GSI2 shards) for what ends within its horizon, so its reads follow the due deadlines,
 * not the stored ones.
 *
 *   npx tsx bench/sweep.ts            (BENCH_SIZES=1000,10000 to choose the sizes)
 *
 * DynamoDB Local in memory, one table per size. The 100 due deadlines belong to 100 items of one
 * matter (3 people); the others are deadline records due 30 to 400 days out, spread over the
 * shards by item id (their item records are not written: nothing in the sweep reads them).
 */
import { LOCAL_AWS_ENV, ensureTable, startDynamo } from '../local/dynamo';
import { batchWrite, countReads, printTable } from './table';

const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const DUE = 100;
const AT = new Date('2026-03-23T12:30:00.000Z');
const DAY = 86_400_000;

const dynamo = await startDynamo();
Object.assign(process.env, LOCAL_AWS_ENV, {
  AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  TABLE_NAME: 'bench-sweep',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
});

// Imported after the environment is set: the adapters read it at import.
const { ddb } = await import('../functions/lib/clients');
const { config } = await import('../functions/lib/config');
const { deadlineToRecord, itemToRecord, matterToRecord, eventToRecord } = await import('../functions/lib/keys');
const { runSweep } = await import('../functions/lib/reminder-sweep');
const { newDeadline } = await import('../core/items');
const { chainEvent, GENESIS_HASH } = await import('../core/events');
const { newId } = await import('../functions/lib/ids');
const { DEMO_MATTER } = await import('../local/demo');
type TrackedItem = import('../core/model').TrackedItem;

const reads = countReads(ddb);

async function load(tableName: string, total: number): Promise<number> {
  const began = performance.now();
  const records: Record<string, unknown>[] = [matterToRecord(DEMO_MATTER)];
  const team = DEMO_MATTER.team.map((p) => p.id);
  // The 100 due: filings due 1 to 10 days after the sweep instant.
  for (let i = 0; i < DUE; i++) {
    const id = newId();
    const at = '2026-03-02T15:00:00.000Z';
    const event = chainEvent({ seq: 0, hash: GENESIS_HASH }, { itemId: id, type: 'submitted', at, recordedAt: at, recordedBy: 'bench', public: false, data: {} });
    const item: TrackedItem = {
      id, kind: 'filing', matterId: DEMO_MATTER.id, title: `Filing ${i}`, phase: 'due', status: 'open', version: 1,
      receivedAt: at, createdAt: at, createdBy: team[0]!, owner: team[0]!, watchers: team,
      workflow: { execution: id, state: 'waiting' }, eventSeq: event.seq, lastEventHash: event.hash,
    };
    const d = newDeadline(id, { rule: 'frcp6.days', trigger: new Date(AT.getTime() - 14 * DAY + (1 + (i % 10)) * DAY).toISOString().slice(0, 10), params: { days: 14 } }, newId());
    records.push(itemToRecord(item), deadlineToRecord(d, config.dueShards), eventToRecord(event));
  }
  // The rest: open deadlines well beyond the horizon (a realistic record, receipt and all).
  const template = newDeadline('template', { rule: 'foia.response', trigger: '2026-03-02', params: { agency: 'IRS' } }, 'template');
  for (let i = DUE; i < total; i++) {
    const dueMs = AT.getTime() + (30 + (i % 370)) * DAY;
    const due = new Date(dueMs).toISOString().slice(0, 10);
    const d = { ...template, id: newId(), itemId: newId(), due, dueInstant: `${due}T03:59:59.999Z` };
    records.push(deadlineToRecord(d, config.dueShards));
  }
  await batchWrite(ddb, tableName, records);
  return performance.now() - began;
}

async function timedSweep(): Promise<{ ms: number; read: number; sent: number }> {
  reads.reset();
  const began = performance.now();
  const report = await runSweep({ at: AT, deliver: async () => {} });
  return { ms: performance.now() - began, read: reads.reset(), sent: report.sent.length };
}

const rows: string[][] = [];
try {
  for (const total of SIZES) {
    // One table per size; the adapters read TABLE_NAME once, so the size's table takes that name
    // in a fresh DynamoDB Local table of the same name (dropped and recreated).
    const { DeleteTableCommand } = await import('@aws-sdk/client-dynamodb');
    const { localClient } = await import('../local/dynamo');
    const admin = localClient(dynamo.endpoint);
    await admin.send(new DeleteTableCommand({ TableName: config.tableName })).catch(() => undefined);
    admin.destroy();
    await ensureTable(dynamo.endpoint, config.tableName);
    if (rows.length === 0) await runSweep({ at: AT, deliver: async () => {} }); // warm up (JIT, time-zone data), untimed
    const loadMs = await load(config.tableName, total);
    const first = await timedSweep(); // sends: 100 deadlines x 3 people + 3 digests
    const repeat = await timedSweep(); // steady state: everything already in the ledger
    rows.push([
      total.toLocaleString('en-US'),
      String(DUE),
      `${(loadMs / 1000).toFixed(1)} s`,
      `${first.ms.toFixed(0)} ms`,
      String(first.read),
      String(first.sent),
      `${repeat.ms.toFixed(0)} ms`,
      String(repeat.read),
    ]);
    console.error(`loaded and swept ${total.toLocaleString('en-US')}`);
  }
} finally {
  await dynamo.stop();
}

printTable(['open deadlines', 'due', 'load', 'sweep (sends)', 'read', 'sent', 'sweep (repeat)', 'read'], rows);
