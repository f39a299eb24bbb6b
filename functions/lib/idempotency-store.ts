/**
 * Idempotent intake and tracking codes: the stored answer to a request retried with the same
 * `Idempotency-Key`, and the hashed tracking code that finds a requester's item. Both are written
 * by `createItem`, in the item's own transaction.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './clients';
import { TableName } from './db';
import { idempotencyKey, trackingKey } from './keys';

export interface IdempotencyRecord {
  requestHash: string;
  status: number;
  body: unknown;
}

export async function getIdempotency(scope: string, key: string, now: Date): Promise<IdempotencyRecord | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: idempotencyKey(scope, key), ConsistentRead: true }));
  // TTL deletion lags by up to days; an expired record no longer counts.
  if (!Item || (typeof Item.expiresAt === 'number' && Item.expiresAt * 1000 < now.getTime())) return undefined;
  return { requestHash: Item.requestHash, status: Item.status, body: Item.body };
}

export async function findItemIdByTrackingCode(code: string): Promise<string | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: trackingKey(code) }));
  return Item ? String(Item.itemId) : undefined;
}
