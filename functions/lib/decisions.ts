/**
 * What deciding a proposal shares, whatever proposed it (a docket entry, an agency letter): a
 * dismissal needs a reason, and a proposal is decided once, from the status and version it was
 * read in.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { isPlainObject } from '../../core/validate';
import { ddb } from './clients';
import { conditionFailed, TableName } from './db';
import { badRequest, conflict, VersionConflictError } from './errors';

/** The `{reason}` a dismissal must give. */
export function dismissalReason(body: unknown): string {
  const reason = isPlainObject(body) && typeof body.reason === 'string' ? body.reason.trim() : '';
  if (!reason || reason.length > 500) throw badRequest('Say why the proposal is dismissed', [{ field: 'reason', message: 'is required (at most 500 characters)' }]);
  return reason;
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
