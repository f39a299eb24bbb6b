/**
 * Tracked items with their deadlines and events: created all at once, read as one partition,
 * changed only through `updateItem` (read, decide, commit in one transaction, retry conflicts).
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ItemChange } from '../../core/changes';
import type { Deadline, ItemEvent, TrackedItem } from '../../core/model';
import { ddb } from './clients';
import { config } from './config';
import { batchGet, IS_NEW, queryAll, TableName, transactionLost, UNCHANGED_SINCE_READ } from './db';
import { AlreadyExistsError, VersionConflictError } from './errors';
import type { IdempotencyRecord } from './idempotency-store';
import {
  changedOutboxRecord,
  DEADLINE_SK_PREFIX,
  deadlineKey,
  deadlineToRecord,
  EVENT_SK_PREFIX,
  eventToRecord,
  fromRecord,
  idempotencyKey,
  ITEM_SK,
  itemKey,
  itemPk,
  itemToRecord,
  trackingKey,
  watchRecord,
} from './keys';

export interface ItemBundle {
  item: TrackedItem;
  deadlines: Deadline[];
  events: ItemEvent[];
}

export interface CreateItemInput {
  item: TrackedItem;
  deadlines: Deadline[];
  event: ItemEvent;
  trackingCode?: string;
  idempotency?: { scope: string; key: string; record: IdempotencyRecord; ttlSeconds: number; now: Date };
}

/** Item, deadlines, first event, tracking code and idempotency record: all or nothing. */
export async function createItem(input: CreateItemInput): Promise<void> {
  const puts: Record<string, unknown>[] = [
    itemToRecord(input.item),
    ...input.deadlines.map((d) => deadlineToRecord(d, config.dueShards)),
    eventToRecord(input.event),
  ];
  if (input.trackingCode) puts.push({ ...trackingKey(input.trackingCode), itemId: input.item.id });
  const idem = input.idempotency;
  if (idem) {
    puts.push({ ...idempotencyKey(idem.scope, idem.key), ...idem.record, expiresAt: Math.floor(idem.now.getTime() / 1000) + idem.ttlSeconds });
  }
  try {
    await ddb.send(new TransactWriteCommand({ TransactItems: puts.map((Item) => ({ Put: { TableName, Item, ConditionExpression: IS_NEW } })) }));
  } catch (err) {
    if (transactionLost(err)) throw new AlreadyExistsError('A record of this item already exists');
    throw err;
  }
}

/**
 * Commits a change to one item as one transaction: the item (if still at its base version), the
 * deadlines it touches (each at its previous version) and the events it appends (new only).
 * Writers go through `updateItem`; this is its commit step.
 */
async function commitChange(c: ItemChange): Promise<void> {
  const versioned = (Item: Record<string, unknown>, base: number) => ({
    Put: { TableName, Item, ConditionExpression: UNCHANGED_SINCE_READ, ExpressionAttributeValues: { ':base': base } },
  });
  const isNew = (d: Deadline) => d.version === 1;
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          versioned(itemToRecord(c.item), c.baseVersion),
          ...c.deadlines.map((d) =>
            isNew(d)
              ? { Put: { TableName, Item: deadlineToRecord(d, config.dueShards), ConditionExpression: IS_NEW } }
              : versioned(deadlineToRecord(d, config.dueShards), d.version - 1),
          ),
          ...c.events.map((e) => ({ Put: { TableName, Item: eventToRecord(e), ConditionExpression: IS_NEW } })),
          // In the same transaction, what the reminder sweep must act on whatever the dates: a
          // missed deadline joins the watch list (the missed and overdue alerts), a moved one the
          // outbox of "deadline changed" notices.
          ...c.deadlines.filter((d) => d.status === 'missed').map((d) => ({ Put: { TableName, Item: watchRecord(d) } })),
          ...c.deadlines.filter((d) => d.status === 'open' && d.version === 1 && d.supersedes).map((d) => ({ Put: { TableName, Item: changedOutboxRecord(d) } })),
        ],
      }),
    );
  } catch (err) {
    // A condition failed: another change landed first. A conflict: one is landing now.
    if (transactionLost(err, true)) throw new VersionConflictError(`Item ${c.item.id} changed since it was read`);
    throw err;
  }
}

/** Writers racing on one item (people, the workflow, the sweep, a calendar change) settle within a few tries. */
const UPDATE_ATTEMPTS = 10;
/** Jittered pause between tries, growing with the attempt, so racing writers do not collide in lockstep. */
const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));

export interface ItemUpdate {
  /** What was read for the decision. */
  before: ItemBundle;
  /** What was committed; absent when the decision was to change nothing. */
  change?: ItemChange;
  /** The item, its deadlines and its events as they stand after the commit. */
  after: ItemBundle;
}

/**
 * The one way to change an item: read it, let the pure `decide` return a change (or nothing),
 * commit it in one transaction, and on a version conflict read and decide again (bounded,
 * jittered). Undefined when there is no such item; errors `decide` throws pass through unchanged.
 */
export async function updateItem(id: string, decide: (bundle: ItemBundle) => ItemChange | undefined): Promise<ItemUpdate | undefined> {
  for (let attempt = 1; ; attempt++) {
    const before = await getItemBundle(id);
    if (!before) return undefined;
    const change = decide(before);
    if (!change) return { before, after: before };
    try {
      await commitChange(change);
      return { before, change, after: applied(before, change) };
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err;
      if (attempt >= UPDATE_ATTEMPTS) throw new VersionConflictError(`The item kept changing while this change was made; try again`);
      await pause(attempt);
    }
  }
}

/** The bundle with a committed change laid over it, without reading it again. */
function applied(before: ItemBundle, c: ItemChange): ItemBundle {
  const touched = new Map(c.deadlines.map((d) => [d.id, d]));
  const deadlines = [...before.deadlines.map((d) => touched.get(d.id) ?? d), ...c.deadlines.filter((d) => !before.deadlines.some((x) => x.id === d.id))];
  return { item: c.item, deadlines, events: [...before.events, ...c.events] };
}

export async function getItem(id: string): Promise<TrackedItem | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: itemKey(id), ConsistentRead: true }));
  return Item ? fromRecord<TrackedItem>(Item) : undefined;
}

/** The item with its deadlines and events (oldest first), in one Query of its partition. */
export async function getItemBundle(id: string): Promise<ItemBundle | undefined> {
  const records = await queryAll({ TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': itemPk(id) }, ConsistentRead: true });
  let item: TrackedItem | undefined;
  const deadlines: Deadline[] = [];
  const events: ItemEvent[] = [];
  for (const r of records) {
    const sk = String(r.SK);
    if (sk === ITEM_SK) item = fromRecord<TrackedItem>(r);
    else if (sk.startsWith(DEADLINE_SK_PREFIX)) deadlines.push(fromRecord<Deadline>(r));
    else if (sk.startsWith(EVENT_SK_PREFIX)) events.push(fromRecord<ItemEvent>(r));
  }
  return item ? { item, deadlines, events } : undefined;
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

/** Items by id (BatchGet). Missing ids are absent. */
export async function getItems(ids: readonly string[]): Promise<Map<string, TrackedItem>> {
  const records = await batchGet(ids.map(itemKey));
  return new Map(records.map((r) => fromRecord<TrackedItem>(r)).map((item) => [item.id, item]));
}

/** Deadlines by (item, id) and their items, in BatchGets. */
export async function getDeadlinesAndItems(
  deadlines: readonly { itemId: string; deadlineId: string }[],
  itemIds: readonly string[],
): Promise<{ deadlines: Map<string, Deadline>; items: Map<string, TrackedItem> }> {
  const records = await batchGet([...deadlines.map((d) => deadlineKey(d.itemId, d.deadlineId)), ...itemIds.map(itemKey)]);
  const out = { deadlines: new Map<string, Deadline>(), items: new Map<string, TrackedItem>() };
  for (const r of records) {
    if (String(r.SK).startsWith(DEADLINE_SK_PREFIX)) {
      const d = fromRecord<Deadline>(r);
      out.deadlines.set(d.id, d);
    } else {
      const item = fromRecord<TrackedItem>(r);
      out.items.set(item.id, item);
    }
  }
  return out;
}

export async function getDeadline(itemId: string, deadlineId: string): Promise<Deadline | undefined> {
  const [r] = await batchGet([deadlineKey(itemId, deadlineId)]);
  return r ? fromRecord<Deadline>(r) : undefined;
}
