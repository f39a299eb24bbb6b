/**
 * The reminder ledger, the watch list and the stored notifications (keys in keys.ts).
 *
 * Exactly once: a send is claimed by a conditional Put of its ledger entry before delivery
 * (only one sweep can create it), and marked delivered afterwards in one transaction with the
 * notification record. An entry left pending (the sweep crashed or delivery failed) sits on
 * GSI1 under REMIND#PENDING; a later sweep takes it over once its claim is older than the lease,
 * by a conditional update on the claim id, and delivers the same message.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DeleteCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import type { NotificationKind } from '../../core/reminders';
import type { Deadline, TrackedItem } from '../../core/model';
import { ddb } from './clients';
import { config } from './config';
import { queryAll } from './store';
import {
  deadlineKey,
  digestsPk,
  fromRecord,
  INDEX,
  itemKey,
  ledgerKey,
  notificationSk,
  notificationsPk,
  NOTIFICATIONS_PK,
  PENDING_SENDS_PK,
  pendingSendSk,
  REMIND_WATCH_PK,
  watchKey,
  CHANGED_OUTBOX_PK,
  changedOutboxKey,
} from './keys';

const TableName = config.tableName;

/** A send is claimed once: the ledger entry for (deadline, version, rung, recipient) may not exist yet. */
const NOT_YET_CLAIMED = 'attribute_not_exists(PK)';
/** Only the holder of the current claim may take it over or mark it delivered. */
const STILL_MY_CLAIM = '#status = :pending AND claimId = :claim';
/** A notification record is written once, by the transaction that closes its ledger entry. */
const NEW_RECORD = 'attribute_not_exists(PK)';

/** Ledger entries are kept this long after delivery; by then no rung can name them again. */
const LEDGER_TTL_SECONDS = 120 * 24 * 3600;

export interface Notification {
  id: string;
  itemId: string | null;
  deadlineId: string | null;
  kind: NotificationKind;
  rung: string;
  recipient: string;
  sentAt: string;
  subject: string;
}

/** What a sweep wants to send, before it is claimed. */
export interface Outbound {
  deadlineId: string;
  deadlineVersion: number;
  itemId: string | null;
  kind: NotificationKind;
  rung: string;
  recipient: string;
  subject: string;
  text: string;
}

/** A claimed send: the ledger entry's key, the claim, and the message it will deliver. */
export interface Claim extends Outbound {
  PK: string;
  SK: string;
  claimId: string;
  claimedAt: string;
  notificationId: string;
  attempts: number;
}

export const ledgerKeyOf = (o: Pick<Outbound, 'deadlineId' | 'deadlineVersion' | 'rung' | 'recipient'>) =>
  ledgerKey(o.deadlineId, o.deadlineVersion, o.rung, o.recipient);

const keyString = (k: { PK: string; SK: string }) => `${k.PK}\n${k.SK}`;

const isConditionFailure = (err: unknown) => (err as Error).name === 'ConditionalCheckFailedException';

/** Which of these ledger entries exist already (a read that spares most conditional writes). */
export async function existingLedgerEntries(keys: { PK: string; SK: string }[]): Promise<Set<string>> {
  const found = await batchGet(keys, 'PK, SK');
  return new Set(found.map((r) => keyString(r as { PK: string; SK: string })));
}

export const ledgerKeyString = keyString;

/** Claims a send. Undefined when another sweep (or an earlier run) claimed it first. */
export async function claimSend(o: Outbound, at: Date): Promise<Claim | undefined> {
  const claimedAt = at.toISOString();
  const key = ledgerKeyOf(o);
  const claim: Claim = { ...o, ...key, claimId: randomUUID(), claimedAt, notificationId: ulid(at.getTime()), attempts: 1 };
  try {
    await ddb.send(
      new PutCommand({
        TableName,
        Item: { ...claim, status: 'pending', GSI1PK: PENDING_SENDS_PK, GSI1SK: pendingSendSk(claimedAt, key.PK, key.SK) },
        ConditionExpression: NOT_YET_CLAIMED,
      }),
    );
    return claim;
  } catch (err) {
    if (isConditionFailure(err)) return undefined;
    throw err;
  }
}

/** Pending sends claimed before `before` (their sweep is over: it crashed or delivery failed). */
export async function stalePendingSends(before: Date, limit = 200): Promise<Claim[]> {
  const { Items = [] } = await ddb.send(
    new QueryCommand({
      TableName,
      IndexName: INDEX.byMatter,
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :before',
      ExpressionAttributeValues: { ':pk': PENDING_SENDS_PK, ':before': before.toISOString() },
      Limit: limit,
    }),
  );
  return Items.map(toClaim);
}

/** Takes over a stale claim; undefined if another sweep took it or it was delivered meanwhile. */
export async function reclaim(c: Claim, at: Date): Promise<Claim | undefined> {
  const claimedAt = at.toISOString();
  const claimId = randomUUID();
  try {
    await ddb.send(
      new UpdateCommand({
        TableName,
        Key: { PK: c.PK, SK: c.SK },
        UpdateExpression: 'SET claimId = :new, claimedAt = :at, GSI1SK = :sk ADD attempts :one',
        ConditionExpression: STILL_MY_CLAIM,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':claim': c.claimId,
          ':new': claimId,
          ':at': claimedAt,
          ':sk': pendingSendSk(claimedAt, c.PK, c.SK),
          ':one': 1,
        },
      }),
    );
    return { ...c, claimId, claimedAt, attempts: c.attempts + 1 };
  } catch (err) {
    if (isConditionFailure(err)) return undefined;
    throw err;
  }
}

/**
 * Closes a delivered claim and stores the notification, in one transaction. Undefined when the
 * claim was no longer ours (nothing is written then).
 */
export async function markDelivered(c: Claim, at: Date): Promise<Notification | undefined> {
  const sentAt = at.toISOString();
  const notification: Notification = {
    id: c.notificationId,
    itemId: c.itemId,
    deadlineId: c.kind === 'digest' ? null : c.deadlineId,
    kind: c.kind,
    rung: c.rung,
    recipient: c.recipient,
    sentAt,
    subject: c.subject,
  };
  const sk = notificationSk(sentAt, c.notificationId);
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName,
              Key: { PK: c.PK, SK: c.SK },
              UpdateExpression: 'SET #status = :delivered, deliveredAt = :at, expiresAt = :ttl REMOVE GSI1PK, GSI1SK',
              ConditionExpression: STILL_MY_CLAIM,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':pending': 'pending',
                ':claim': c.claimId,
                ':delivered': 'delivered',
                ':at': sentAt,
                ':ttl': Math.floor(at.getTime() / 1000) + LEDGER_TTL_SECONDS,
              },
            },
          },
          {
            Put: {
              TableName,
              Item: {
                ...notification,
                PK: c.itemId ? notificationsPk(c.itemId) : digestsPk(c.recipient),
                SK: sk,
                GSI1PK: NOTIFICATIONS_PK,
                GSI1SK: sk,
              },
              ConditionExpression: NEW_RECORD,
            },
          },
        ],
      }),
    );
    return notification;
  } catch (err) {
    if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) return undefined;
    throw err;
  }
}

/** The ledger entry as stored (tests and the bench look at it). */
export async function getLedgerEntry(o: Pick<Outbound, 'deadlineId' | 'deadlineVersion' | 'rung' | 'recipient'>) {
  const [found] = await batchGet([ledgerKeyOf(o)]);
  return found ? { status: String(found.status), attempts: Number(found.attempts) } : undefined;
}

export interface Watched {
  itemId: string;
  deadlineId: string;
  dueInstant: string;
}

/** Follows a deadline past its end: a missed one keeps alerting until it is met or its item closed. */
export async function watchDeadline(d: Pick<Deadline, 'id' | 'itemId' | 'dueInstant'>): Promise<void> {
  await ddb.send(new PutCommand({ TableName, Item: { ...watchKey(d.dueInstant, d.id), itemId: d.itemId, deadlineId: d.id, dueInstant: d.dueInstant } }));
}

export async function unwatchDeadline(w: Watched): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName, Key: watchKey(w.dueInstant, w.deadlineId) }));
}

/** Moved deadlines waiting for their "deadline changed" notice: one Query of the outbox partition. */
export async function changedOutbox(): Promise<{ itemId: string; deadlineId: string }[]> {
  const records = await queryAll({ TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': CHANGED_OUTBOX_PK } });
  return records.map((r) => ({ itemId: String(r.itemId), deadlineId: String(r.deadlineId) }));
}

/** Once its notices are claimed in the ledger (or it moved again, or closed), the entry goes. */
export async function clearChangedOutbox(deadlineId: string): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName, Key: changedOutboxKey(deadlineId) }));
}

/** Watched deadlines that ended before `instant`: one Query of the watch partition. */
export async function watchedEndedBefore(instant: string): Promise<Watched[]> {
  const out: Watched[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'PK = :pk AND SK < :before',
        ExpressionAttributeValues: { ':pk': REMIND_WATCH_PK, ':before': instant },
        ExclusiveStartKey,
      }),
    );
    for (const r of page.Items ?? []) out.push({ itemId: String(r.itemId), deadlineId: String(r.deadlineId), dueInstant: String(r.dueInstant) });
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

/** Deadlines by (item, id) and their items, in BatchGets. */
export async function getDeadlinesAndItems(
  deadlines: { itemId: string; deadlineId: string }[],
  itemIds: string[],
): Promise<{ deadlines: Map<string, Deadline>; items: Map<string, TrackedItem> }> {
  const keys = [...deadlines.map((d) => deadlineKey(d.itemId, d.deadlineId)), ...[...new Set(itemIds)].map(itemKey)];
  const records = await batchGet(keys);
  const out = { deadlines: new Map<string, Deadline>(), items: new Map<string, TrackedItem>() };
  for (const r of records) {
    if (String(r.SK).startsWith('DEADLINE#')) {
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

export interface NotificationPage {
  notifications: Notification[];
  /** Opaque cursor for the next page, when there is one. */
  next?: string;
}

/** A cursor that does not decode to a key of the listed partition. */
export class BadCursorError extends Error {
  override name = 'BadCursorError';
}

/** Notifications newest first: of one item (its partition) or of all (GSI1). One Query. */
export async function listNotifications(opts: { itemId?: string; limit: number; cursor?: string }): Promise<NotificationPage> {
  const byItem = opts.itemId !== undefined;
  const start = opts.cursor ? decodeCursor(opts.cursor) : undefined;
  if (start && (byItem ? start.PK !== notificationsPk(opts.itemId!) : start.GSI1PK !== NOTIFICATIONS_PK)) {
    throw new BadCursorError('The cursor belongs to another listing');
  }
  const page = await ddb.send(
    new QueryCommand({
      TableName,
      ...(byItem
        ? { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': notificationsPk(opts.itemId!) } }
        : { IndexName: INDEX.byMatter, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': NOTIFICATIONS_PK } }),
      ScanIndexForward: false,
      Limit: opts.limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  const notifications = (page.Items ?? []).map((r) => {
    const n = fromRecord<Notification>(r);
    return { id: n.id, itemId: n.itemId, deadlineId: n.deadlineId, kind: n.kind, rung: n.rung, recipient: n.recipient, sentAt: n.sentAt, subject: n.subject };
  });
  return { notifications, ...(page.LastEvaluatedKey ? { next: Buffer.from(JSON.stringify(page.LastEvaluatedKey)).toString('base64url') } : {}) };
}

function decodeCursor(cursor: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError('The cursor is not one this API gave out');
  }
  const allowed = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK']);
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.entries(value).some(([k, v]) => !allowed.has(k) || typeof v !== 'string' || v.length > 300)
  ) {
    throw new BadCursorError('The cursor is not one this API gave out');
  }
  return value as Record<string, string>;
}

function toClaim(r: Record<string, unknown>): Claim {
  return {
    PK: String(r.PK),
    SK: String(r.SK),
    deadlineId: String(r.deadlineId),
    deadlineVersion: Number(r.deadlineVersion),
    itemId: r.itemId === null || r.itemId === undefined ? null : String(r.itemId),
    kind: r.kind as NotificationKind,
    rung: String(r.rung),
    recipient: String(r.recipient),
    subject: String(r.subject),
    text: String(r.text),
    claimId: String(r.claimId),
    claimedAt: String(r.claimedAt),
    notificationId: String(r.notificationId),
    attempts: Number(r.attempts ?? 1),
  };
}

/** BatchGetItem in chunks of 100, retrying unprocessed keys; consistent reads. */
async function batchGet(keys: { PK: string; SK: string }[], projection?: string): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((k) => [keyString(k), { PK: k.PK, SK: k.SK }])).values()];
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = unique.slice(i, i + 100);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const res = await ddb.send(
        new BatchGetCommand({
          RequestItems: {
            [TableName]: {
              Keys: pending,
              ConsistentRead: true,
              ...(projection ? { ProjectionExpression: projection } : {}),
            },
          },
        }),
      );
      out.push(...(res.Responses?.[TableName] ?? []));
      pending = res.UnprocessedKeys?.[TableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return out;
}
