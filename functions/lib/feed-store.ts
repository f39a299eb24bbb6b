/**
 * Personal calendar feeds: created, listed by their owner, revoked. The URL's secret is kept
 * only as its hash (keys.ts).
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './clients';
import { conditionFailed, IS_NEW, queryAll, TableName } from './db';
import { NotFoundError } from './errors';
import { FEED_SK, feedPk, feedsOfOwnerPk, feedToRecord, fromRecord, INDEX, type CalendarFeed } from './keys';

/** Only the feed's owner (or an admin, checked by the caller) revokes it, and only once. */
const OWNED_AND_LIVE = 'attribute_exists(PK) AND (#owner = :owner OR :admin = :yes) AND attribute_not_exists(revokedAt)';

export async function putFeed(feed: CalendarFeed): Promise<void> {
  await ddb.send(new PutCommand({ TableName, Item: feedToRecord(feed), ConditionExpression: IS_NEW }));
}

export async function getFeed(feedId: string): Promise<CalendarFeed | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: feedPk(feedId), SK: FEED_SK }, ConsistentRead: true }));
  return Item ? fromRecord<CalendarFeed>(Item) : undefined;
}

/** What a member may see of their feed: never the secret's hash. */
export type FeedSummary = Omit<CalendarFeed, 'secretHash' | 'owner' | 'version'>;

/**
 * A member's own feeds, live and revoked, newest first: one Query of their partition of GSI1
 * (index reads are eventually consistent on AWS; a feed created a moment ago may lag).
 */
export async function feedsOfOwner(owner: string): Promise<FeedSummary[]> {
  const records = await queryAll({
    TableName,
    IndexName: INDEX.byMatter,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': feedsOfOwnerPk(owner) },
    ScanIndexForward: false,
  });
  return records.map((r) => {
    const { id, label, filter, createdAt, revokedAt } = fromRecord<CalendarFeed>(r);
    return { id, ...(label ? { label } : {}), filter: filter ?? {}, createdAt, ...(revokedAt ? { revokedAt } : {}) };
  });
}

/** Marks a feed revoked; NotFoundError when it does not exist, is someone else's or is already revoked. */
export async function revokeFeed(feedId: string, by: { owner: string; admin: boolean }, at: Date): Promise<void> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName,
        Key: { PK: feedPk(feedId), SK: FEED_SK },
        UpdateExpression: 'SET revokedAt = :at ADD version :one',
        ConditionExpression: OWNED_AND_LIVE,
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':at': at.toISOString(), ':one': 1, ':owner': by.owner, ':admin': by.admin ? 'yes' : 'no', ':yes': 'yes' },
      }),
    );
  } catch (err) {
    if (conditionFailed(err)) throw new NotFoundError('No live feed with that id belongs to you');
    throw err;
  }
}

