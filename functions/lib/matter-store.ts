/** Matters, and the items of a matter by status (GSI1). */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Matter, TrackedItem } from '../../core/model';
import { ddb } from './clients';
import { conditionFailed, IS_NEW, queryAll, TableName } from './db';
import { fromRecord, INDEX, matterItemsPrefix, matterKey, matterPk, MATTERS_PK, matterToRecord } from './keys';

export async function getMatter(id: string): Promise<Matter | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: matterKey(id) }));
  return Item ? fromRecord<Matter>(Item) : undefined;
}

export async function listMatters(): Promise<Matter[]> {
  const records = await queryAll({ TableName, IndexName: INDEX.byMatter, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': MATTERS_PK } });
  return records.map((r) => fromRecord<Matter>(r));
}

/** Creates a matter once; a second call leaves the stored one untouched. Returns whether it wrote. */
export async function putMatterIfAbsent(matter: Matter): Promise<boolean> {
  try {
    await ddb.send(new PutCommand({ TableName, Item: matterToRecord(matter), ConditionExpression: IS_NEW }));
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

/** Ids of a matter's open items. */
export async function listOpenItemIds(matterId: string): Promise<string[]> {
  const records = await queryAll({
    TableName,
    IndexName: INDEX.byMatter,
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :open)',
    ExpressionAttributeValues: { ':pk': matterPk(matterId), ':open': matterItemsPrefix('open') },
    ProjectionExpression: 'id',
  });
  return records.map((r) => String(r.id));
}

/** Every item of a matter, open and closed. */
export async function itemsOfMatter(matterId: string): Promise<TrackedItem[]> {
  const records = await queryAll({
    TableName,
    IndexName: INDEX.byMatter,
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :status)',
    ExpressionAttributeValues: { ':pk': matterPk(matterId), ':status': matterItemsPrefix() },
  });
  return records.map((r) => fromRecord<TrackedItem>(r));
}
