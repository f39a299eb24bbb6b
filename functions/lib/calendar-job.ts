/**
 * A calendar change as a job (statemachines/calendar-job.asl.json runs it): find, a page of the
 * due-time index at a time, the open deadlines the new day can move; recompute their items in
 * batches through the one write path; end with the job's summary. Every step can run again: an
 * item's outcome is written once, and a recomputation already made is recognised on the item.
 */
import { dayInPeriod, movedBy, nextDate, recomputeForCalendar, versionsAfter, type CalendarDay } from '../../core/calendar-change';
import type { Calendar } from '../../core/calendar';
import { COLLECTION_OF_KIND } from '../../core/collections';
import type { Deadline, ItemEvent } from '../../core/model';
import { loadCalendarHistory } from './calendar-store';
import { now } from './clock';
import { config } from './config';
import { ddb } from './clients';
import { TableName } from './db';
import { newId } from './ids';
import { updateItem } from './item-store';
import { earlierRunningJob, endJob, getJob, notePlannedPage, outcomesOf, recordOutcome, type ItemOutcome, type Job } from './job-store';
import { dueShards, fromRecord, INDEX } from './keys';
import { logger } from './logger';
import { wakeItem } from './workflow';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';

/** Index entries read per page: one Lambda call plans one page. */
export const PAGE_SIZE = 1000;
/** Items of a batch recomputed at once: each is a Query and a transaction. */
const IN_FLIGHT = 5;

export interface PlannedPage {
  batches: string[][];
  /** The next page's cursor, empty after the last page. */
  cursor: string;
  more: boolean;
  /** An earlier job still runs: nothing planned, the same page is planned again after a wait. */
  waiting: boolean;
}

/** Where planning stands: the shard of the index, the key to go on from, and the page's number. */
interface Cursor {
  shard: number;
  after?: Record<string, unknown>;
  page: number;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor: string): Cursor {
  if (!cursor) return { shard: 0, page: 1 };
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
}

/**
 * One page of the due-time index from the day on (a deadline due before the day cannot move),
 * kept to the deadlines triggered by the day (the rest of their counting period is after it) and,
 * of those, to the ones the calendar in force moves.
 */
export async function planPage(jobId: string, cursor: string): Promise<PlannedPage> {
  const job = await mustGetRunning(jobId);
  if (!job) return { batches: [], cursor: '', more: false, waiting: false };
  const earlier = await earlierRunningJob(job);
  if (earlier) {
    logger.info('calendar job waits for an earlier one', { jobId, earlier });
    return { batches: [], cursor, more: true, waiting: true };
  }
  const at = decode(cursor);
  const shards = dueShards(config.dueShards);
  const page = await ddb.send(
    new QueryCommand({
      TableName,
      IndexName: INDEX.byDue,
      KeyConditionExpression: 'GSI2PK = :shard AND GSI2SK >= :day',
      FilterExpression: '#trigger <= :triggeredBy AND #due >= :day',
      ExpressionAttributeNames: { '#trigger': 'trigger', '#due': 'due' },
      ExpressionAttributeValues: { ':shard': shards[at.shard], ':day': job.day.date, ':triggeredBy': `${nextDate(job.day.date)}T23:59:59.999Z` },
      Limit: PAGE_SIZE,
      ...(at.after ? { ExclusiveStartKey: at.after } : {}),
    }),
  );
  // The index holds whole deadline records: each one the day falls within is computed again on
  // the calendar in force here, and only items with a deadline that moves are loaded later. A
  // deadline on a calendar this page does not know (newer than it) is left to the batch to judge.
  const { calendar, history } = await loadCalendarHistory();
  const known = new Set(history);
  const found = (page.Items ?? [])
    .map((r) => fromRecord<Deadline>(r))
    .filter((d) => dayInPeriod(job.day.date, d) && (!known.has(d.calendarVersion) || movedBy(d, calendar)));
  const itemIds = [...new Set(found.map((d) => d.itemId))];
  await notePlannedPage(jobId, at.page, { scanned: page.ScannedCount ?? 0, planned: itemIds.length }, cursor);
  const again = job.runs > 1 ? await movedWithoutOutcome(job, page.Items ?? [], new Set(itemIds)) : [];
  const next: Cursor | undefined = page.LastEvaluatedKey
    ? { shard: at.shard, after: page.LastEvaluatedKey, page: at.page + 1 }
    : at.shard + 1 < shards.length
      ? { shard: at.shard + 1, page: at.page + 1 }
      : undefined;
  const batches: string[][] = [];
  // One batch is one Lambda call: 25 items take a few seconds at most.
  const size = config.jobBatchSize;
  const todo = [...itemIds, ...again];
  for (let i = 0; i < todo.length; i += size) batches.push(todo.slice(i, i + size));
  return { batches, cursor: next ? encode(next) : '', more: next !== undefined, waiting: false };
}

/**
 * On a resumed run, the items this job moved in the instant before its last run stopped, whose
 * outcome was not written: their deadline no longer moves (it is on this job's calendar now),
 * so planning would not find them, and the job's counts would lag. Their new deadline sits later
 * in the same shard (a closure only moves a deadline later), so a page at or after the resume
 * point holds it; the batch recognises the move on the item and counts it once. They were
 * counted as planned on the page where they were first found.
 */
async function movedWithoutOutcome(job: Job & { day: CalendarDay }, records: Record<string, unknown>[], planned: ReadonlySet<string>): Promise<string[]> {
  const candidates = [
    ...new Set(
      records
        .map((r) => fromRecord<Deadline>(r))
        .filter((d) => d.supersedes !== undefined && d.calendarVersion === job.calendarVersion && dayInPeriod(job.day.date, d) && !planned.has(d.itemId))
        .map((d) => d.itemId),
    ),
  ];
  if (!candidates.length) return [];
  const done = await outcomesOf(job.id, candidates);
  return candidates.filter((id) => !done.has(id));
}

/** Recomputes each item of a batch not yet done by this job; answers how many it moved. */
export async function recomputeBatch(jobId: string, itemIds: readonly string[]): Promise<{ moved: number }> {
  const job = await mustGetRunning(jobId);
  if (!job) return { moved: 0 };
  const done = await outcomesOf(jobId, itemIds);
  const todo = itemIds.filter((id) => !done.has(id));
  let calendar = await loadCalendarHistory();
  let moved = 0;
  for (let i = 0; i < todo.length; i += IN_FLIGHT) {
    const outcomes = await Promise.all(
      todo.slice(i, i + IN_FLIGHT).map(async (itemId) => {
        const outcome = await recomputeItem(job, itemId, calendar, false);
        if (outcome !== 'newer calendar') return outcome;
        // A deadline on a calendar this batch has not seen: a day was added since it read the
        // calendar. Read it again rather than move that deadline back to an older calendar; a
        // version still unknown then is an older release's built-in calendar.
        calendar = await loadCalendarHistory();
        return (await recomputeItem(job, itemId, calendar, true)) as ItemOutcome;
      }),
    );
    for (const outcome of outcomes) {
      if (outcome.outcome === 'moved') moved++;
      await recordOutcome(jobId, outcome);
    }
  }
  return { moved };
}

async function recomputeItem(
  job: Job,
  itemId: string,
  { calendar, history }: { calendar: Calendar; history: string[] },
  unknownIsOlder: boolean,
): Promise<ItemOutcome | 'newer calendar'> {
  const at = now();
  let earlier: ItemEvent | undefined;
  let unknownCalendar = false;
  try {
    const update = await updateItem(itemId, ({ item, deadlines, events }) => {
      // This job moved the item already (a batch retried after the commit): nothing to do again.
      earlier = events.find((e) => e.type === 'calendar_changed' && e.data.jobId === job.id);
      if (earlier) return undefined;
      const known = new Set(history);
      unknownCalendar = !unknownIsOlder && deadlines.some((d) => d.status === 'open' && !known.has(d.calendarVersion));
      if (unknownCalendar) return undefined;
      return recomputeForCalendar(item, deadlines, calendar, {
        day: job.day,
        now: at,
        recordedBy: job.createdBy,
        newDeadlineId: newId,
        jobId: job.id,
        newer: versionsAfter(history, calendar.version),
      });
    });
    if (!update) return { itemId, outcome: 'gone' };
    if (unknownCalendar && !earlier) return 'newer calendar';
    const { item } = update.after;
    const movedEvent = update.change?.events.find((e) => e.type === 'calendar_changed') ?? earlier;
    const where = { itemId, matterId: item.matterId, title: item.title, collection: COLLECTION_OF_KIND[item.kind] };
    if (!movedEvent) return { ...where, outcome: 'unchanged' };
    // Waking twice is harmless (a wait already ended refuses the token); not waking would leave
    // the execution waiting for the old deadline.
    await wakeItem(update.after, 'calendar_changed', at);
    return { ...where, outcome: 'moved', moved: movedEvent.data.moved as { rule: string; from: string; to: string }[] };
  } catch (err) {
    logger.error('calendar job item failed', { jobId: job.id, itemId, errorName: (err as Error).name });
    return { itemId, outcome: 'failed', error: (err as Error).message };
  }
}

export async function finishJob(jobId: string): Promise<{ status: string }> {
  const ended = await endJob(jobId, 'done', now());
  const job = await getJob(jobId);
  logger.info('calendar job ended', { jobId, ended, moved: job?.moved, considered: job?.considered, failed: job?.failed });
  return { status: job?.status ?? 'gone' };
}

export async function failJob(jobId: string, error: { Error?: string; Cause?: string } | undefined): Promise<{ status: string }> {
  logger.error('calendar job failed', { jobId, error: error?.Error });
  await endJob(jobId, 'failed', now(), `A step failed: ${error?.Error ?? 'unknown error'}`);
  return { status: 'failed' };
}

async function mustGetRunning(jobId: string): Promise<(Job & { day: CalendarDay }) | undefined> {
  const job = await getJob(jobId);
  if (!job) throw new Error(`No job ${jobId}`);
  return job.status === 'running' ? job : undefined;
}
