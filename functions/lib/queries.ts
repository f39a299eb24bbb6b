/**
 * Reads and writes of the status views (deadline list, calendar feed, export, feed tokens).
 * Gets, Queries and BatchGets only, never a Scan; the lead's store.ts keeps the item writes.
 */
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Deadline, Matter, TrackedItem } from '../../core/model';
import { ddb } from './clients';
import { config } from './config';
import { NotFoundError } from './errors';
import { DEADLINE_SK_PREFIX, FEED_SK, feedPk, feedsOfOwnerPk, feedToRecord, fromRecord, INDEX, ITEM_SK, itemPk, matterPk, type CalendarFeed } from './keys';
import { listMatters, listOpenItemIds, openDeadlinesDueBefore, queryAll } from './store';

const TableName = config.tableName;

/** A new feed never overwrites one that exists (ids are ULIDs, but a write must not assume it). */
const IS_NEW = 'attribute_not_exists(PK)';
/** Only the feed's owner (or an admin, checked by the caller) revokes it, and only once. */
const OWNED_AND_LIVE = 'attribute_exists(PK) AND (#owner = :owner OR :admin = :yes) AND attribute_not_exists(revokedAt)';

/** BatchGet's limit per call. */
const BATCH = 100;
/** The end of time for a sort key that starts with an ISO instant. */
const FOREVER = '9999-12-31T23:59:59.999Z';

/** Items by id, through BatchGet (100 per call, unprocessed keys retried). Missing ids are absent. */
export async function getItems(ids: readonly string[]): Promise<Map<string, TrackedItem>> {
  const out = new Map<string, TrackedItem>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + BATCH).map((id) => ({ PK: itemPk(id), SK: ITEM_SK }));
    for (let attempt = 0; keys?.length; attempt++) {
      if (attempt > 0) await new Promise((ok) => setTimeout(ok, Math.min(1000, 50 * 2 ** attempt)));
      const res = await ddb.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys } } }));
      for (const r of res.Responses?.[TableName] ?? []) {
        const item = fromRecord<TrackedItem>(r);
        out.set(item.id, item);
      }
      keys = res.UnprocessedKeys?.[TableName]?.Keys as Record<string, unknown>[] | undefined;
      if (attempt > 8 && keys?.length) throw new Error('BatchGet kept returning unprocessed keys');
    }
  }
  return out;
}

/** Every deadline of an item, whatever its status (one Query of its partition). */
export async function deadlinesOfItem(itemId: string): Promise<Deadline[]> {
  const records = await queryAll({
    TableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :d)',
    ExpressionAttributeValues: { ':pk': itemPk(itemId), ':d': DEADLINE_SK_PREFIX },
  });
  return records.map((r) => fromRecord<Deadline>(r));
}

/** Every item of a matter, open and closed (GSI1). */
export async function itemsOfMatter(matterId: string): Promise<TrackedItem[]> {
  const records = await queryAll({
    TableName,
    IndexName: INDEX.byMatter,
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :status)',
    ExpressionAttributeValues: { ':pk': matterPk(matterId), ':status': 'STATUS#' },
  });
  return records.map((r) => fromRecord<TrackedItem>(r));
}

export interface OpenDeadlines {
  deadlines: Deadline[];
  items: Map<string, TrackedItem>;
  matters: Matter[];
}

/**
 * Open deadlines ending before `before` (all of them without it), their items and the matters;
 * with `missedSince`, also the missed deadlines of open items that ended after that instant.
 */
export async function openDeadlinesWithItems(before?: string, missedSince?: string): Promise<OpenDeadlines> {
  const [open, matters] = await Promise.all([openDeadlinesDueBefore(before ?? FOREVER), listMatters()]);
  const deadlines = missedSince ? [...open, ...(await recentlyMissed(missedSince, matters))] : open;
  const items = await getItems(deadlines.map((d) => d.itemId));
  return { deadlines, items, matters };
}

/**
 * Missed deadlines of open items that ended after `since`. Missed deadlines leave the due index
 * (it is sparse), so this is one Query per open item: the dashboard asks for it, the calendar
 * does not. Items are read only for matters that have open items.
 */
export async function recentlyMissed(since: string, matters: readonly Matter[]): Promise<Deadline[]> {
  const ids = (await Promise.all(matters.map((m) => listOpenItemIds(m.id)))).flat();
  const out: Deadline[] = [];
  for (let i = 0; i < ids.length; i += 16) {
    const lists = await Promise.all(ids.slice(i, i + 16).map(deadlinesOfItem));
    for (const d of lists.flat()) if (d.status === 'missed' && d.dueInstant >= since) out.push(d);
  }
  return out;
}

/**
 * For the calendar: the other records of every supersedes chain among these deadlines, by id,
 * so each event's UID (the chain's root) and SEQUENCE can be computed. One Query per item that
 * has a moved deadline; items whose deadlines never moved cost nothing.
 */
export async function chainsOf(deadlines: readonly Deadline[]): Promise<Map<string, Deadline>> {
  const byId = new Map(deadlines.map((d) => [d.id, d]));
  const moved = [...new Set(deadlines.filter((d) => d.supersedes).map((d) => d.itemId))];
  const histories = await Promise.all(moved.map(deadlinesOfItem));
  for (const d of histories.flat()) if (!byId.has(d.id)) byId.set(d.id, d);
  return byId;
}

/** Every item of every matter with all its deadlines, for the export. */
export async function everything(): Promise<{ items: TrackedItem[]; deadlinesByItem: Map<string, Deadline[]>; matters: Matter[] }> {
  const matters = await listMatters();
  const items = (await Promise.all(matters.map((m) => itemsOfMatter(m.id)))).flat();
  const deadlinesByItem = new Map<string, Deadline[]>();
  // A few at a time: an export of hundreds of items should not open hundreds of sockets.
  for (let i = 0; i < items.length; i += 16) {
    const slice = items.slice(i, i + 16);
    const lists = await Promise.all(slice.map((it) => deadlinesOfItem(it.id)));
    slice.forEach((it, j) => deadlinesByItem.set(it.id, lists[j] ?? []));
  }
  return { items, deadlinesByItem, matters };
}

// ---- feeds ---------------------------------------------------------------------------------

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
    if ((err as Error).name === 'ConditionalCheckFailedException') throw new NotFoundError(`No live feed ${feedId} of yours`);
    throw err;
  }
}

