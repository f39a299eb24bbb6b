/**
 * The table adapter: every read is a Get or a Query (never a Scan), every multi-record change
 * one transaction, every update guarded by a named condition.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ItemChange } from '../../core/changes';
import type { Deadline, ItemEvent, Matter, TrackedItem } from '../../core/model';
import { ddb } from './clients';
import { config } from './config';
import { AlreadyExistsError, NotFoundError, VersionConflictError } from './errors';
import {
  DEADLINE_SK_PREFIX,
  deadlineToRecord,
  EVENT_SK_PREFIX,
  eventToRecord,
  fromRecord,
  idempotencyPk,
  INDEX,
  ITEM_SK,
  itemPk,
  itemToRecord,
  matterPk,
  MATTERS_PK,
  matterToRecord,
  trackingPk,
  watchKey,
  changedOutboxKey,
  RESTART_PK,
  restartKey,
} from './keys';

const TableName = config.tableName;

/** Creating must never overwrite: a record with this key may not exist yet. */
const IS_NEW = 'attribute_not_exists(PK)';
/** Updating an item needs the item to be there (no upsert of half an item). */
const EXISTS = 'attribute_exists(PK)';
/** Optimistic locking: the record still has the version the change was computed from. */
const UNCHANGED_SINCE_READ = 'version = :base';

export interface IdempotencyRecord {
  requestHash: string;
  status: number;
  body: unknown;
}

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
  if (input.trackingCode) puts.push({ PK: trackingPk(input.trackingCode), SK: 'TRACK', itemId: input.item.id });
  const idem = input.idempotency;
  if (idem) {
    puts.push({
      PK: idempotencyPk(idem.scope, idem.key),
      SK: 'IDEMP',
      ...idem.record,
      expiresAt: Math.floor(idem.now.getTime() / 1000) + idem.ttlSeconds,
    });
  }
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: puts.map((Item) => ({ Put: { TableName, Item, ConditionExpression: IS_NEW } })),
      }),
    );
  } catch (err) {
    if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
      throw new AlreadyExistsError('A record of this item already exists');
    }
    throw err;
  }
}

/**
 * Commits a change to one item as one transaction: the item (if still at its base version), the
 * deadlines it touches (each at its previous version) and the events it appends (new only).
 */
export async function commitChange(c: ItemChange): Promise<void> {
  const versioned = (Item: Record<string, unknown>, base: number) => ({
    Put: { TableName, Item, ConditionExpression: UNCHANGED_SINCE_READ, ExpressionAttributeValues: { ':base': base } },
  });
  const newDeadline = (d: Deadline) => d.version === 1;
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          versioned(itemToRecord(c.item), c.baseVersion),
          ...c.deadlines.map((d) =>
            newDeadline(d)
              ? { Put: { TableName, Item: deadlineToRecord(d, config.dueShards), ConditionExpression: IS_NEW } }
              : versioned(deadlineToRecord(d, config.dueShards), d.version - 1),
          ),
          ...c.events.map((e) => ({ Put: { TableName, Item: eventToRecord(e), ConditionExpression: IS_NEW } })),
          // In the same transaction, what the reminder sweep must act on whatever the dates: a
          // missed deadline joins the watch list (the missed and overdue alerts), a moved one the
          // outbox of "deadline changed" notices.
          ...c.deadlines
            .filter((d) => d.status === 'missed')
            .map((d) => ({ Put: { TableName, Item: { ...watchKey(d.dueInstant, d.id), itemId: d.itemId, deadlineId: d.id, dueInstant: d.dueInstant } } })),
          ...c.deadlines
            .filter((d) => d.status === 'open' && d.version === 1 && d.supersedes)
            .map((d) => ({ Put: { TableName, Item: { ...changedOutboxKey(d.id), itemId: d.itemId, deadlineId: d.id } } })),
        ],
      }),
    );
  } catch (err) {
    // ConditionalCheckFailed: another change landed first. TransactionConflict: one is landing now.
    const lost = (r: { Code?: string }) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict';
    if (err instanceof TransactionCanceledException && err.CancellationReasons?.some(lost)) {
      throw new VersionConflictError(`Item ${c.item.id} changed since it was read`);
    }
    throw err;
  }
}

export async function getIdempotency(scope: string, key: string, now: Date): Promise<IdempotencyRecord | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: idempotencyPk(scope, key), SK: 'IDEMP' }, ConsistentRead: true }));
  // TTL deletion lags by up to days; an expired record no longer counts.
  if (!Item || (typeof Item.expiresAt === 'number' && Item.expiresAt * 1000 < now.getTime())) return undefined;
  return { requestHash: Item.requestHash, status: Item.status, body: Item.body };
}

export async function getItem(id: string): Promise<TrackedItem | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: itemPk(id), SK: ITEM_SK }, ConsistentRead: true }));
  return Item ? fromRecord<TrackedItem>(Item) : undefined;
}

/** The item with its deadlines and events (oldest first), in one Query of its partition. */
export async function getItemBundle(id: string): Promise<ItemBundle | undefined> {
  const records = await queryAll({
    TableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': itemPk(id) },
    ConsistentRead: true,
  });
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

export async function findItemIdByTrackingCode(code: string): Promise<string | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: trackingPk(code), SK: 'TRACK' } }));
  return Item ? String(Item.itemId) : undefined;
}

export async function getMatter(id: string): Promise<Matter | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: matterPk(id), SK: 'MATTER' } }));
  return Item ? fromRecord<Matter>(Item) : undefined;
}

export async function listMatters(): Promise<Matter[]> {
  const records = await queryAll({
    TableName,
    IndexName: INDEX.byMatter,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': MATTERS_PK },
  });
  return records.map((r) => fromRecord<Matter>(r));
}

/** Seeds a matter once; a second call leaves the stored one untouched. Returns whether it wrote. */
export async function putMatterIfAbsent(matter: Matter): Promise<boolean> {
  try {
    await ddb.send(new PutCommand({ TableName, Item: matterToRecord(matter), ConditionExpression: IS_NEW }));
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/** Ids of a matter's open items. */
export async function listOpenItemIds(matterId: string): Promise<string[]> {
  const records = await queryAll({
    TableName,
    IndexName: INDEX.byMatter,
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :open)',
    ExpressionAttributeValues: { ':pk': matterPk(matterId), ':open': 'STATUS#open#' },
    ProjectionExpression: 'id',
  });
  return records.map((r) => String(r.id));
}

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
        Key: { PK: itemPk(id), SK: ITEM_SK },
        // The version moves too, so a change computed from an older read cannot put back an old token.
        UpdateExpression: 'SET workflow = :w ADD version :one',
        ConditionExpression: expectedVersion === undefined ? EXISTS : `${EXISTS} AND ${UNCHANGED_SINCE_READ}`,
        ExpressionAttributeValues: { ':w': workflow, ':one': 1, ...(expectedVersion === undefined ? {} : { ':base': expectedVersion }) },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.version);
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    if (expectedVersion !== undefined && (await getItem(id))) throw new VersionConflictError(`Item ${id} changed since the workflow read it`);
    throw new NotFoundError(`No item ${id}`);
  }
}

/**
 * Flags an item for a person to look at and queues its workflow for a restart by the sweep, in
 * one transaction; the reason is kept, nothing else changes.
 */
export async function flagForAttention(id: string, reason: string, at: Date): Promise<void> {
  await ddb.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName,
            Key: { PK: itemPk(id), SK: ITEM_SK },
            UpdateExpression: 'SET attention = :a, workflow.#state = :failed ADD version :one',
            ConditionExpression: EXISTS,
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':a': { reason, at: at.toISOString() }, ':failed': 'failed', ':one': 1 },
          },
        },
        { Put: { TableName, Item: { ...restartKey(id), itemId: id, queuedAt: at.toISOString() } } },
      ],
    }),
  );
}

/** A workflow that could not be started: recorded on the item and queued for the sweep. */
export async function workflowNotStarted(id: string, at: Date): Promise<void> {
  await setWorkflow(id, { execution: id, state: 'not_started' });
  await ddb.send(new PutCommand({ TableName, Item: { ...restartKey(id), itemId: id, queuedAt: at.toISOString() } }));
}

/** Items whose workflow the sweep must start again: one Query of the restart partition. */
export async function workflowsToRestart(): Promise<string[]> {
  const records = await queryAll({ TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': RESTART_PK } });
  return records.map((r) => String(r.itemId));
}

export async function restartDone(id: string): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName, Key: restartKey(id) }));
}

/** Open deadlines whose end is before `instant`, across the due-index shards: one Query each. */
export async function openDeadlinesDueBefore(instant: string): Promise<Deadline[]> {
  const shards = Array.from({ length: config.dueShards }, (_, i) => `DUE#${i}`);
  const pages = await Promise.all(
    shards.map((shard) =>
      queryAll({
        TableName,
        IndexName: INDEX.byDue,
        KeyConditionExpression: 'GSI2PK = :shard AND GSI2SK < :before',
        ExpressionAttributeValues: { ':shard': shard, ':before': instant },
      }),
    ),
  );
  return pages.flat().map((r) => fromRecord<Deadline>(r));
}

/** Every page of a Query (the one way this code base reads many records). */
export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    out.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}
