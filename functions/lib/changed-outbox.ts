/**
 * The outbox of "deadline changed" notices: the transaction that moves a deadline adds an entry,
 * the sweep clears it once the notices are claimed in the ledger.
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './clients';
import { queryAll, TableName } from './db';
import { CHANGED_OUTBOX_PK, changedOutboxKey } from './keys';

/** Moved deadlines waiting for their "deadline changed" notice: one Query of the outbox partition. */
export async function changedOutbox(): Promise<{ itemId: string; deadlineId: string }[]> {
  const records = await queryAll({ TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': CHANGED_OUTBOX_PK } });
  return records.map((r) => ({ itemId: String(r.itemId), deadlineId: String(r.deadlineId) }));
}

/** Once its notices are claimed in the ledger (or it moved again, or closed), the entry goes. */
export async function clearChangedOutbox(deadlineId: string): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName, Key: changedOutboxKey(deadlineId) }));
}

