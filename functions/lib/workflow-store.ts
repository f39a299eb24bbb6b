/**
 * What the workflow is doing with an item (recorded on the item), and the restart queue of items
 * whose workflow failed or never started: the sweep starts a new generation for each.
 */
import { DeleteCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TrackedItem } from '../../core/model';
import { ddb } from './clients';
import { conditionFailed, EXISTS, queryAll, TableName, transactionLost, UNCHANGED_SINCE_READ } from './db';
import { NotFoundError, VersionConflictError } from './errors';
import { getItem } from './item-store';
import { itemKey, RESTART_PK, restartKey, restartRecord } from './keys';

/**
 * Records what the workflow is doing with the item; the token is how an event wakes it. With
 * `expectedVersion`, only if nothing changed the item since the workflow last read it (else
 * VersionConflictError). Returns the item's new version.
 */
export async function setWorkflow(id: string, workflow: TrackedItem['workflow'], expectedVersion?: number): Promise<number> {
  try {
    const out = await ddb.send(
      new UpdateCommand({
        TableName,
        Key: itemKey(id),
        // The version moves too, so a change computed from an older read cannot put back an old token.
        UpdateExpression: 'SET workflow = :w ADD version :one',
        ConditionExpression: expectedVersion === undefined ? EXISTS : `${EXISTS} AND ${UNCHANGED_SINCE_READ}`,
        ExpressionAttributeValues: { ':w': workflow, ':one': 1, ...(expectedVersion === undefined ? {} : { ':base': expectedVersion }) },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.version);
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    if (expectedVersion !== undefined && (await getItem(id))) throw new VersionConflictError(`Item ${id} changed since the workflow read it`);
    throw new NotFoundError(`No item ${id}`);
  }
}

/**
 * Marks the item's workflow with `state` (and, for a failure, the reason a person must look)
 * and queues it for a restart by the sweep: one transaction, so an item is never marked without
 * being queued, nor queued without being marked.
 */
export async function queueRestart(id: string, at: Date, state: 'failed' | 'not_started', attentionReason?: string): Promise<void> {
  const attention = attentionReason ? { ':a': { reason: attentionReason, at: at.toISOString() } } : {};
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName,
              Key: itemKey(id),
              UpdateExpression: `SET ${attentionReason ? 'attention = :a, ' : ''}workflow.#state = :state ADD version :one`,
              ConditionExpression: EXISTS,
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ...attention, ':state': state, ':one': 1 },
            },
          },
          { Put: { TableName, Item: restartRecord(id, at.toISOString()) } },
        ],
      }),
    );
  } catch (err) {
    if (transactionLost(err)) throw new NotFoundError(`No item ${id}`);
    throw err;
  }
}

/** Items whose workflow the sweep must start again: one Query of the restart partition. */
export async function workflowsToRestart(): Promise<string[]> {
  const records = await queryAll({ TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': RESTART_PK } });
  return records.map((r) => String(r.itemId));
}

export async function restartDone(id: string): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName, Key: restartKey(id) }));
}
