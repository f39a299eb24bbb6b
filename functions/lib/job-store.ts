/**
 * Background jobs in the table: the job record with its counters, and one outcome record per
 * item it touched. Counters move only in the transaction that writes an item's outcome, once, so
 * a retried batch or a resumed job never counts (or moves) an item twice.
 */
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarDay } from '../../core/calendar-change';
import type { Collection } from '../../core/collections';
import { ddb } from './clients';
import { batchGet, conditionFailed, EXISTS, IS_NEW, TableName, transactionLost } from './db';
import { fromRecord, INDEX, JOB_ITEM_SK_PREFIX, jobItemKey, jobKey, JOBS_PK } from './keys';

export type JobStatus = 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  kind: 'calendar_change';
  status: JobStatus;
  createdAt: string;
  createdBy: string;
  /** The day whose addition this job carries to every deadline it can move. */
  day: CalendarDay;
  calendarVersion: string;
  /** Index entries read while finding the deadlines the day can move. */
  scanned: number;
  /** Items found with a deadline the day moves (an item found on two pages is processed once). */
  planned: number;
  /** Pages of the index planned so far: a re-planned page is not counted again. */
  pagesPlanned: number;
  /** Where a resumed job starts: the first page not yet finished. */
  resumeFrom: string;
  /** Items processed, and of those moved and failed. */
  considered: number;
  moved: number;
  failed: number;
  /** Items moved per matter. */
  byMatter: Record<string, number>;
  /** Executions that ran this job (a resume starts the next one). */
  runs: number;
  finishedAt?: string;
  error?: string;
  version: number;
}

export type ItemOutcome =
  | { itemId: string; matterId: string; title: string; collection: Collection; outcome: 'moved'; moved: { rule: string; from: string; to: string }[] }
  | { itemId: string; matterId: string; title: string; collection: Collection; outcome: 'unchanged' }
  | { itemId: string; matterId?: string; title?: string; outcome: 'failed'; error: string }
  | { itemId: string; outcome: 'gone' };

/** Only a running job is worked on or finished. */
const IS_RUNNING = '#status = :running';
/** A page is counted once: only a page after the last one counted. */
const PAGE_IS_NEW = 'pagesPlanned < :page';

export function newJob(fields: Pick<Job, 'id' | 'createdAt' | 'createdBy' | 'day' | 'calendarVersion'>): Job {
  return { ...fields, kind: 'calendar_change', status: 'running', scanned: 0, planned: 0, pagesPlanned: 0, resumeFrom: '', considered: 0, moved: 0, failed: 0, byMatter: {}, runs: 1, version: 1 };
}

export function jobToRecord(job: Job): Record<string, unknown> {
  return { ...job, ...jobKey(job.id), GSI1PK: JOBS_PK, GSI1SK: `${job.createdAt}#${job.id}` };
}

export async function getJob(id: string): Promise<Job | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: jobKey(id), ConsistentRead: true }));
  return Item ? fromRecord<Job>(Item) : undefined;
}

/** The newest jobs first. */
export async function listJobs(limit: number): Promise<Job[]> {
  const out = await ddb.send(
    new QueryCommand({ TableName, IndexName: INDEX.byMatter, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': JOBS_PK }, ScanIndexForward: false, Limit: limit }),
  );
  return (out.Items ?? []).map((r) => fromRecord<Job>(r));
}

/**
 * A job created before this one that still runs, if any. Jobs run one after another: a job that
 * planned while an earlier one was still moving deadlines could pass a deadline the earlier job
 * then moved (on the calendar it had read, without this job's day) onto the day this job closes.
 * Jobs are few (one per calendar day added), so every earlier one is read.
 */
export async function earlierRunningJob(job: Pick<Job, 'id' | 'createdAt'>): Promise<string | undefined> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName,
        IndexName: INDEX.byMatter,
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :mine',
        FilterExpression: IS_RUNNING,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': JOBS_PK, ':mine': `${job.createdAt}#${job.id}`, ':running': 'running' },
        ProjectionExpression: 'id',
        ExclusiveStartKey,
      }),
    );
    const found = page.Items?.[0];
    if (found) return String(found.id);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return undefined;
}

/** Counts one page of the index (once) and moves the resume point to it. */
export async function notePlannedPage(jobId: string, page: number, found: { scanned: number; planned: number }, pageCursor: string): Promise<void> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName,
        Key: jobKey(jobId),
        UpdateExpression: 'SET pagesPlanned = :page, resumeFrom = :cursor ADD scanned :scanned, planned :planned, version :one',
        ConditionExpression: `${EXISTS} AND ${PAGE_IS_NEW}`,
        ExpressionAttributeValues: { ':page': page, ':cursor': pageCursor, ':scanned': found.scanned, ':planned': found.planned, ':one': 1 },
      }),
    );
  } catch (err) {
    if (!conditionFailed(err)) throw err;
  }
}

/** The outcomes already written for these items, by item id. */
export async function outcomesOf(jobId: string, itemIds: readonly string[]): Promise<Map<string, ItemOutcome>> {
  const records = await batchGet(itemIds.map((id) => jobItemKey(jobId, id)));
  return new Map(records.map((r) => [String(r.itemId), fromRecord<ItemOutcome>(r)]));
}

/**
 * Writes an item's outcome and moves the job's counters, in one transaction. An outcome already
 * written (a retried batch) changes nothing and answers false.
 */
export async function recordOutcome(jobId: string, outcome: ItemOutcome): Promise<boolean> {
  // Batches run side by side and each outcome moves the job's counters: two landing at once
  // cancel one another (TransactionConflict), which the SDK does not retry. Try again, jittered.
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOutcome(jobId, outcome);
    } catch (err) {
      if (!conflicted(err) || attempt >= OUTCOME_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 25 * attempt));
    }
  }
}

const OUTCOME_ATTEMPTS = 8;
const conflicted = (err: unknown) => transactionLost(err, true) && !transactionLost(err);

async function writeOutcome(jobId: string, outcome: ItemOutcome): Promise<boolean> {
  const moved = outcome.outcome === 'moved';
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: { ...outcome, ...jobItemKey(jobId, outcome.itemId) }, ConditionExpression: IS_NEW } },
          {
            Update: {
              TableName,
              Key: jobKey(jobId),
              UpdateExpression: `ADD considered :one, moved :moved, failed :failed, version :one${moved ? ' SET byMatter.#matter = if_not_exists(byMatter.#matter, :zero) + :one' : ''}`,
              ConditionExpression: EXISTS,
              ExpressionAttributeValues: { ':one': 1, ':moved': moved ? 1 : 0, ':failed': outcome.outcome === 'failed' ? 1 : 0, ...(moved ? { ':zero': 0 } : {}) },
              ...(moved ? { ExpressionAttributeNames: { '#matter': outcome.matterId } } : {}),
            },
          },
        ],
      }),
    );
    return true;
  } catch (err) {
    if (transactionLost(err)) return false;
    throw err;
  }
}

/** What the job moved, a page at a time, for the summary. */
export async function movedItems(jobId: string, limit: number): Promise<Extract<ItemOutcome, { outcome: 'moved' }>[]> {
  const out: Extract<ItemOutcome, { outcome: 'moved' }>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        FilterExpression: 'outcome = :moved',
        ExpressionAttributeValues: { ':pk': jobKey(jobId).PK, ':prefix': JOB_ITEM_SK_PREFIX, ':moved': 'moved' },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    for (const r of page.Items ?? []) if (out.length < limit) out.push(fromRecord(r));
    ExclusiveStartKey = out.length < limit ? page.LastEvaluatedKey : undefined;
  } while (ExclusiveStartKey);
  return out;
}

/** Records a new job with the day it carries, in one transaction: neither exists without the other. */
export async function createJobWithDay(job: Job, dayRecord: Record<string, unknown>, dayExists: () => Error): Promise<void> {
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: dayRecord, ConditionExpression: IS_NEW } },
          { Put: { TableName, Item: jobToRecord(job), ConditionExpression: IS_NEW } },
        ],
      }),
    );
  } catch (err) {
    if (transactionLost(err)) throw dayExists();
    throw err;
  }
}

/** Ends a running job as done or failed; a job already ended stays as it ended. */
export async function endJob(jobId: string, status: Exclude<JobStatus, 'running'>, at: Date, error?: string): Promise<boolean> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName,
        Key: jobKey(jobId),
        UpdateExpression: `SET #status = :status, finishedAt = :at${error ? ', #error = :error' : ''} ADD version :one`,
        ConditionExpression: `${EXISTS} AND ${IS_RUNNING}`,
        ExpressionAttributeNames: { '#status': 'status', ...(error ? { '#error': 'error' } : {}) },
        ExpressionAttributeValues: { ':status': status, ':at': at.toISOString(), ':running': 'running', ':one': 1, ...(error ? { ':error': error } : {}) },
      }),
    );
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

/**
 * Takes a job up again (a failed one, or one whose execution ended with the process that ran
 * it): running once more, one run more. Answers the run number, or undefined for a job that is
 * done or not there.
 */
export async function reopenJob(jobId: string): Promise<number | undefined> {
  try {
    const out = await ddb.send(
      new UpdateCommand({
        TableName,
        Key: jobKey(jobId),
        UpdateExpression: 'SET #status = :running REMOVE finishedAt, #error ADD runs :one, version :one',
        ConditionExpression: `${EXISTS} AND #status <> :done`,
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: { ':running': 'running', ':done': 'done', ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Number(out.Attributes?.runs);
  } catch (err) {
    if (conditionFailed(err)) return undefined;
    throw err;
  }
}
