/**
 * The table's generic reads and the translation of DynamoDB's conditional failures into typed
 * errors. Every paged Query goes through `queryAll`, every BatchGet through `batchGet`.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ddb } from './clients';
import { config } from './config';

export const TableName = config.tableName;

/** Creating must never overwrite: a record with this key may not exist yet. */
export const IS_NEW = 'attribute_not_exists(PK)';
/** Updating needs the record to be there (no upsert of half a record). */
export const EXISTS = 'attribute_exists(PK)';
/** Optimistic locking: the record still has the version the change was computed from. */
export const UNCHANGED_SINCE_READ = 'version = :base';

/** BatchGetItem's limit per call. */
const BATCH = 100;
/** Unprocessed keys are asked again this many times, with backoff, before the read fails. */
const BATCH_ATTEMPTS = 10;

/** A single conditional write (Put, Update, Delete) whose condition did not hold. */
export function conditionFailed(err: unknown): boolean {
  return err instanceof ConditionalCheckFailedException;
}

/**
 * A transaction cancelled because a condition did not hold, or (with `orConflict`) because
 * another transaction on the same records was landing at that moment.
 */
export function transactionLost(err: unknown, orConflict = false): boolean {
  if (!(err instanceof TransactionCanceledException)) return false;
  return (err.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed' || (orConflict && r.Code === 'TransactionConflict'));
}

/** Every page of a Query. */
export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    out.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

export type Key = { PK: string; SK: string };
export const keyString = (k: Key) => `${k.PK}\n${k.SK}`;

/**
 * Records by key, in BatchGets of 100, consistent reads; unprocessed keys are asked again with
 * backoff and a bounded number of times. Missing keys are simply absent from the answer.
 */
export async function batchGet(keys: readonly Key[], projection?: string): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((k) => [keyString(k), { PK: k.PK, SK: k.SK }])).values()];
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < unique.length; i += BATCH) {
    let pending: Record<string, unknown>[] | undefined = unique.slice(i, i + BATCH);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt >= BATCH_ATTEMPTS) throw new Error('BatchGet kept returning unprocessed keys');
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const res = await ddb.send(
        new BatchGetCommand({
          RequestItems: { [TableName]: { Keys: pending, ConsistentRead: true, ...(projection ? { ProjectionExpression: projection } : {}) } },
        }),
      );
      out.push(...(res.Responses?.[TableName] ?? []));
      pending = res.UnprocessedKeys?.[TableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return out;
}
