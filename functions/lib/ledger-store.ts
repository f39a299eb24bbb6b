/**
 * The reminder ledger: what was sent, once.
 *
 * Exactly once: a send is claimed by a conditional Put of its ledger entry before delivery
 * (only one sweep can create it), and marked delivered afterwards in one transaction with the
 * notification record. An entry left pending (the sweep crashed or delivery failed) sits on
 * GSI1 under REMIND#PENDING; a later sweep takes it over once its claim is older than the lease,
 * by a conditional update on the claim id, and delivers the same message.
 */
import { PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import type { NotificationKind } from '../../core/reminders';
import type { SendIdentity } from '../../core/sweep-plan';
import { ddb } from './clients';
import { batchGet, conditionFailed, keyString, TableName, transactionLost } from './db';
import { digestsPk, INDEX, ledgerKey, notificationSk, notificationsPk, NOTIFICATIONS_PK, PENDING_SENDS_PK, pendingSendSk } from './keys';
import type { Notification } from './notification-log';

/** A send is claimed once: the ledger entry for (deadline, version, rung, recipient) may not exist yet. */
const NOT_YET_CLAIMED = 'attribute_not_exists(PK)';
/** Only the holder of the current claim may take it over or mark it delivered. */
const STILL_MY_CLAIM = '#status = :pending AND claimId = :claim';
/** A notification record is written once, by the transaction that closes its ledger entry. */
const NEW_RECORD = 'attribute_not_exists(PK)';

/** Ledger entries are kept this long after delivery; by then no rung can name them again. */
const LEDGER_TTL_SECONDS = 120 * 24 * 3600;

/** What a sweep wants to send, before it is claimed: the send and its words. */
export interface Outbound extends SendIdentity {
  /** The recipient's e-mail address, read from the matter's team when the send is claimed. */
  address: string;
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
    if (conditionFailed(err)) return undefined;
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
    if (conditionFailed(err)) return undefined;
    throw err;
  }
}

/**
 * Closes a delivered claim and stores the notification, in one transaction. Undefined when the
 * claim was no longer ours (nothing is written then).
 */
export async function markDelivered(c: Claim, at: Date, messageId?: string): Promise<Notification | undefined> {
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
    ...(messageId ? { channel: 'email' as const, messageId } : {}),
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
    if (transactionLost(err)) return undefined;
    throw err;
  }
}

/** The ledger entry as stored (tests and the bench look at it). */
export async function getLedgerEntry(o: Pick<Outbound, 'deadlineId' | 'deadlineVersion' | 'rung' | 'recipient'>) {
  const [found] = await batchGet([ledgerKeyOf(o)]);
  return found ? { status: String(found.status), attempts: Number(found.attempts) } : undefined;
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
    address: typeof r.address === 'string' ? r.address : '',
    subject: String(r.subject),
    text: String(r.text),
    claimId: String(r.claimId),
    claimedAt: String(r.claimedAt),
    notificationId: String(r.notificationId),
    attempts: Number(r.attempts ?? 1),
  };
}
