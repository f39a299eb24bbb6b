/**
 * The job store on DynamoDB Local: outcomes written side by side (as the Map's batches write
 * them) each land once and move the job's counters once, although every write touches the same
 * job record; a second write of an outcome changes nothing. On AWS two transactions on one record
 * landing together cancel one another (TransactionConflict); DynamoDB Local serialises them, so
 * that answer is given here by a middleware on the real client, as DynamoDB gives it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { testStack } from '../support/stack';

let stack: LocalStack;
beforeAll(async () => {
  stack = await testStack();
});
afterAll(() => stack?.stop());

it('outcomes written at once by many writers are each counted once', async () => {
  const { createJobWithDay, getJob, newJob, recordOutcome } = await import('../../functions/lib/job-store');
  const { calendarDayRecord } = await import('../../functions/lib/calendar-store');
  const day = { kind: 'courtClosures' as const, date: '2031-01-06', label: 'Test closure', addedBy: 'lead-counsel', addedAt: '2030-12-01T12:00:00.000Z' };
  const job = newJob({ id: '01JOBSTORETEST0000000000000', createdAt: day.addedAt, createdBy: 'lead-counsel', day, calendarVersion: 'cal-test' });
  await createJobWithDay(job, calendarDayRecord(day), () => new Error('the day exists'));

  const { ddb } = await import('../../functions/lib/clients');
  const { TransactionCanceledException } = await import('@aws-sdk/client-dynamodb');
  let conflicts = 0;
  let transactions = 0;
  const CONFLICTS = 12;
  ddb.middlewareStack.add(
    (next) => async (args) => {
      if ('TransactItems' in (args.input as object) && transactions++ % 5 === 0 && conflicts < CONFLICTS) {
        conflicts++;
        throw new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }] });
      }
      return next(args);
    },
    { step: 'initialize', name: 'answerTransactionConflict' },
  );
  const N = 60;
  const outcomes = Array.from({ length: N }, (_, i) =>
    i % 3 === 0
      ? { itemId: `item-${i}`, outcome: 'unchanged' as const, matterId: 'ctr-v-irs', title: `Item ${i}`, collection: 'filings' as const }
      : { itemId: `item-${i}`, outcome: 'moved' as const, matterId: i % 2 ? 'ctr-v-irs' : 'ctr-v-ice', title: `Item ${i}`, collection: 'filings' as const, moved: [{ rule: 'frcp6.days', from: '2031-01-06', to: '2031-01-07' }] },
  );
  const written = await Promise.all(outcomes.map((o) => recordOutcome(job.id, o as never))).finally(() => ddb.middlewareStack.remove('answerTransactionConflict'));
  expect(conflicts).toBe(CONFLICTS);
  expect(written.every(Boolean)).toBe(true);
  // Written again (a retried batch): nothing changes.
  expect(await Promise.all(outcomes.slice(0, 5).map((o) => recordOutcome(job.id, o as never)))).toEqual([false, false, false, false, false]);

  const after = await getJob(job.id);
  const moved = outcomes.filter((o) => o.outcome === 'moved');
  expect(after).toMatchObject({ considered: N, moved: moved.length, failed: 0 });
  expect(after!.byMatter).toEqual({
    'ctr-v-irs': moved.filter((o) => o.matterId === 'ctr-v-irs').length,
    'ctr-v-ice': moved.filter((o) => o.matterId === 'ctr-v-ice').length,
  });
});
