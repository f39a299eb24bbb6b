/**
 * What the sweep learns from the transaction that changed a deadline, whatever its date: a
 * deadline the workflow marked missed before any sweep saw it still gets its missed alert, and
 * a deadline moved far beyond the sweep's horizon still gets its "deadline changed" notice now.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { change, deadlinesPassed } from '../../core/changes';
import { newDeadline } from '../../core/items';
import type { LocalStack } from '../../local/runtime';
import { recordingDelivery, seedItem, seedMatter } from '../support/reminders';
import { testStack } from '../support/stack';
import { commitPrepared } from '../support/commit';

let stack: LocalStack;
let runSweep: typeof import('../../functions/lib/reminder-sweep').runSweep;
let store: typeof import('../../functions/lib/item-store');

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z' });
  ({ runSweep } = await import('../../functions/lib/reminder-sweep'));
  store = await import('../../functions/lib/item-store');
});
afterAll(() => stack?.stop());

it('alerts on a deadline the workflow marked missed before any sweep saw it', async () => {
  const matter = await seedMatter();
  // Back-dated: the response was due 2026-01-30, long before the first sweep.
  const { item, deadlines } = await seedItem(matter, [{ rule: 'foia.response', trigger: '2026-01-02', params: {} }], { kind: 'foia', phase: 'awaiting_response' });
  const c = deadlinesPassed(item, deadlines, new Date('2026-03-02T15:00:00Z'))!;
  await commitPrepared(c); // what the workflow's "Deadline reached" step does

  const deliver = recordingDelivery();
  const { sent } = await runSweep({ at: new Date('2026-03-02T15:05:00Z'), deliver });
  const mine = sent.filter((s) => s.itemId === item.id);
  expect(mine.map((s) => s.kind)).toEqual(matter.team.map(() => 'alert'));
  expect(new Set(mine.map((s) => s.recipient))).toEqual(new Set(matter.team.map((p) => p.id)));
  // Once.
  expect((await runSweep({ at: new Date('2026-03-02T15:10:00Z'), deliver })).sent.filter((s) => s.itemId === item.id)).toEqual([]);
});

it('sends the changed notice at once for a deadline moved beyond the horizon, once', async () => {
  const matter = await seedMatter();
  const { item, deadlines } = await seedItem(matter, [{ rule: 'court_order.fixed', trigger: '2026-03-02', params: { date: '2026-03-20' } }]);
  const old = deadlines[0]!;
  const moved = { ...newDeadline(item.id, { rule: 'court_order.fixed', trigger: '2026-03-02', params: { date: '2026-06-30' } }, 'MOVED00000000000000000000A'), supersedes: old.id };
  await commitPrepared(change(item, {}, [{ ...old, status: 'superseded', supersededBy: moved.id, version: old.version + 1 }, moved], []));

  const deliver = recordingDelivery();
  const { sent } = await runSweep({ at: new Date('2026-03-02T16:00:00Z'), deliver });
  const changed = sent.filter((s) => s.itemId === item.id && s.kind === 'changed');
  expect(changed).toHaveLength(matter.team.length);
  expect(deliver.delivered.find((m) => m.deadlineId === moved.id)?.text).toContain('2026-06-30');
  const again = await runSweep({ at: new Date('2026-03-02T17:00:00Z'), deliver });
  expect(again.sent.filter((s) => s.itemId === item.id)).toEqual([]);
});
