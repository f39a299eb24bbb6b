/**
 * How a proposal is decided and written, whatever proposed it (a docket entry, an agency letter):
 * once, from the status and version it was read in. The routes' side is decide-routes.ts.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './clients';
import { conditionFailed, TableName } from './db';
import { VersionConflictError } from './errors';

export interface Decidable {
  id: string;
  status: string;
  version: number;
}

/** The proposal as decided: its new status, by whom and when, and what the decision says. */
export function decided<P extends Decidable>(p: P, to: P['status'], fields: { at: Date; by: string; reason?: string; itemId?: string }): P {
  return {
    ...p,
    status: to,
    decidedAt: fields.at.toISOString(),
    decidedBy: fields.by,
    ...(fields.reason ? { reason: fields.reason } : {}),
    ...(fields.itemId ? { itemId: fields.itemId } : {}),
    version: p.version + 1,
  };
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
