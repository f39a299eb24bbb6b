/**
 * What deciding a proposal shares, whatever proposed it (a docket entry, an agency letter): a
 * dismissal needs a reason, and a proposal is decided once, from the status and version it was
 * read in.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dismissReason } from '../../core/docket/queue';
import { ddb } from './clients';
import { conditionFailed, TableName } from './db';
import { badRequest, conflict, VersionConflictError } from './errors';

/** The `{reason}` a dismissal must give. */
export function dismissalReason(body: unknown): string {
  const read = dismissReason(body);
  if (!read.ok) throw badRequest('Say why the proposal is dismissed', read.errors);
  return read.value;
}

/** Someone else's decision landed first: the caller hears 409. */
export async function decidedOnce<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (err instanceof VersionConflictError) throw conflict('Someone decided this proposal meanwhile');
    throw err;
  }
}

/** A proposal is decided once, from the status and version it was read in. */
const STATUS_IS = '#status = :from AND version = :base';

/** Writes the decided proposal if it still has the status and version it was read in; else VersionConflictError. */
export async function putDecision(item: Record<string, unknown>, read: { id: string; status: string; version: number }): Promise<void> {
  try {
    await ddb.send(
      new PutCommand({
        TableName,
        Item: item,
        ConditionExpression: STATUS_IS,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':from': read.status, ':base': read.version },
      }),
    );
  } catch (err) {
    if (conditionFailed(err)) throw new VersionConflictError(`Proposal ${read.id} was decided meanwhile`);
    throw err;
  }
}
