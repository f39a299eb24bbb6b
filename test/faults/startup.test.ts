/**
 * Start-up with many open items: the server answers as soon as it is up, and the workflows of
 * the open items resume behind it in bounded batches (no flood of requests at the table).
 * The times are printed, not asserted: speed is for the benchmarks.
 */
import { afterAll, expect, it } from 'vitest';
import { LOCAL_AWS_ENV } from '../../local/dynamo';
import { eventually, newDataDir, send, startChild, type ChildStack } from './support';

const OPEN_ITEMS = 1_000;
const running: ChildStack[] = [];
afterAll(async () => {
  for (const s of running) await s.stop('SIGKILL').catch(() => undefined);
});

it(`starts, and resumes ${OPEN_ITEMS} open items in batches behind a server that already answers`, async () => {
  const dataDir = newDataDir();
  const empty = await startChild({ dataDir, clockStart: '2026-03-02T15:00:00Z' });
  running.push(empty);
  const endpoint = /DynamoDB:\s+(http:\/\/\S+)/.exec(empty.output())![1]!;

  // Seeded straight into the table through the project's own builders and adapter (HTTP intake
  // of a thousand requests would measure intake, not start-up).
  Object.assign(process.env, LOCAL_AWS_ENV, { AWS_ENDPOINT_URL_DYNAMODB: endpoint, TABLE_NAME: 'docketwatch', POWERTOOLS_LOG_LEVEL: 'SILENT' });
  const { createItem } = await import('../../functions/lib/item-store');
  const { getMatter } = await import('../../functions/lib/matter-store');
  const { newRecordRequest } = await import('../../core/items');
  const { validateIntake } = await import('../../core/intake');
  const { newId } = await import('../../functions/lib/ids');
  const matter = (await getMatter('ctr-v-irs'))!;
  const now = new Date('2026-03-02T15:00:00Z');
  const ids: string[] = [];
  for (let i = 0; i < OPEN_ITEMS; i += 20) {
    await Promise.all(
      Array.from({ length: 20 }, async (_, j) => {
        const input = validateIntake(
          { kind: 'foia', agency: 'IRS', requester: { name: `R ${i + j}`, email: `r${i + j}@example.org` }, description: 'Records of the data-sharing agreement.', feeWaiver: { requested: false }, expedited: { requested: false }, matterId: matter.id },
          { team: true, now },
        );
        if (!input.ok) throw new Error(JSON.stringify(input.errors));
        const built = newRecordRequest(input.value, { id: newId(), now, createdBy: 'lead-counsel', matter, newDeadlineId: newId });
        await createItem(built);
        ids.push(built.item.id);
      }),
    );
  }
  expect(await empty.stop('SIGTERM')).toBe(0);

  const full = await startChild({ dataDir, clockStart: '2026-03-02T16:00:00Z' });
  running.push(full);
  const healthyAfter = Date.now();
  expect((await send(`${full.url}/api/health`)).status).toBe(200);
  const get = async (id: string) => (await send(`${full.url}/api/requests/${id}`, { headers: { authorization: `Bearer ${full.token}` } })).body as { workflow: { state: string } };
  // The last of them waits again once its batch comes round.
  await eventually(async () => ((await get(ids.at(-1)!)).workflow.state === 'waiting' ? true : undefined), 'the last item to resume', 600_000);
  const resumedMs = Date.now() - healthyAfter;
  console.log(`start-up: ${empty.startupMs} ms with 0 open items (demo items only), ${full.startupMs} ms with ${OPEN_ITEMS} more; all resumed ${resumedMs} ms after it answered`);
  expect(full.output()).not.toMatch(/socket usage at capacity/);
  expect(await full.stop('SIGTERM')).toBe(0);
}, 900_000);
