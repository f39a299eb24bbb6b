/** A matter's webhook URLs: created and revoked by an administrator, the secret kept as its hash. */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './clients';
import { conditionFailed, IS_NEW, queryAll, TableName } from './db';
import { NotFoundError } from './errors';
import { fromRecord, HOOK_SK, hookPk, hooksOfMatterPk, hookToRecord, INDEX, type DocketHook } from './keys';
/** A revoked hook stays revoked (who could post when). */
const LIVE = 'attribute_exists(PK) AND attribute_not_exists(revokedAt)';

export async function putHook(hook: DocketHook): Promise<void> {
  await ddb.send(new PutCommand({ TableName, Item: hookToRecord(hook), ConditionExpression: IS_NEW }));
}

export async function getHook(hookId: string): Promise<DocketHook | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: hookPk(hookId), SK: HOOK_SK }, ConsistentRead: true }));
  return Item ? fromRecord<DocketHook>(Item) : undefined;
}

export type HookSummary = Omit<DocketHook, 'secretHash' | 'version'>;

export async function hooksOfMatter(matterId: string): Promise<HookSummary[]> {
  const records = await queryAll({
    TableName,
    IndexName: INDEX.byMatter,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': hooksOfMatterPk(matterId) },
    ScanIndexForward: false,
  });
  return records.map((r) => {
    const { secretHash: _h, version: _v, ...rest } = fromRecord<DocketHook>(r);
    return rest;
  });
}

export async function revokeHook(hookId: string, at: Date): Promise<void> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName,
        Key: { PK: hookPk(hookId), SK: HOOK_SK },
        UpdateExpression: 'SET revokedAt = :at ADD version :one',
        ConditionExpression: LIVE,
        ExpressionAttributeValues: { ':at': at.toISOString(), ':one': 1 },
      }),
    );
  } catch (err) {
    if (conditionFailed(err)) throw new NotFoundError('No live webhook with that id');
    throw err;
  }
}

