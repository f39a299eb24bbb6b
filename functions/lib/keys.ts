/**
 * Every key, prefix and index name of the table, and the mapping of each entity to and from
 * its stored record. Nothing else in the code base writes a key by hand.
 */
import { createHash } from 'node:crypto';
import type { Deadline, ItemEvent, Matter, TrackedItem } from '../../core/model';
import { TABLE_DEFINITION } from './table-definition';

export const INDEX = {
  byMatter: TABLE_DEFINITION.indexes[0].name,
  byDue: TABLE_DEFINITION.indexes[1].name,
} as const;

type Keys = { PK: string; SK: string };
type Stored<T> = T & Keys & Record<string, unknown>;

const pad = (n: number) => String(n).padStart(8, '0');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const itemPk = (id: string) => `ITEM#${id}`;
export const ITEM_SK = 'ITEM';
export const DEADLINE_SK_PREFIX = 'DEADLINE#';
export const EVENT_SK_PREFIX = 'EVENT#';
export const matterPk = (id: string) => `MATTER#${id}`;
export const MATTERS_PK = 'MATTERS';
export const itemKey = (itemId: string) => ({ PK: itemPk(itemId), SK: ITEM_SK });
/** The deadline record's key (ITEM#<itemId> / DEADLINE#<id>), for direct reads. */
export const deadlineKey = (itemId: string, deadlineId: string) => ({ PK: itemPk(itemId), SK: `${DEADLINE_SK_PREFIX}${deadlineId}` });
export const matterKey = (id: string) => ({ PK: matterPk(id), SK: 'MATTER' });
/** GSI1 sort keys of a matter's items start with their status: open ones are one prefix. */
export const matterItemsPrefix = (status?: 'open' | 'closed') => (status ? `STATUS#${status}#` : 'STATUS#');
/** Tracking codes are bearer secrets: the table keeps only their hash. */
export const trackingPk = (code: string) => `TRACK#${sha256(code)}`;
export const trackingKey = (code: string) => ({ PK: trackingPk(code), SK: 'TRACK' });
/** Idempotency keys are scoped by route so one key cannot replay another route's answer. */
export const idempotencyPk = (scope: string, key: string) => `IDEMP#${sha256(`${scope}\n${key}`)}`;
export const idempotencyKey = (scope: string, key: string) => ({ PK: idempotencyPk(scope, key), SK: 'IDEMP' });
/** Deadlines spread over shards by item id so no one partition takes every due date. */
export const dueShard = (itemId: string, shards: number) => `DUE#${parseInt(sha256(itemId).slice(0, 8), 16) % shards}`;
/** Every shard of the due-time index. */
export const dueShards = (shards: number) => Array.from({ length: shards }, (_, i) => `DUE#${i}`);

/** Items whose workflow failed or never started: the sweep starts a new execution for each. */
export const RESTART_PK = 'WORKFLOW#RESTART';
export const restartKey = (itemId: string) => ({ PK: RESTART_PK, SK: itemId });

/** Days added to the calendar as data: one partition, a handful of records. */
export const CALENDAR_PK = 'CALENDAR';
/** A Supreme Court building closure and a courthouse closure on the same date are two days of data. */
export const calendarDaySk = (kind: string, date: string, court?: string) => `DAY#${date}#${kind}${court ? `#${court}` : ''}`;

export function itemToRecord(item: TrackedItem): Stored<TrackedItem> {
  return {
    ...item,
    PK: itemPk(item.id),
    SK: ITEM_SK,
    GSI1PK: matterPk(item.matterId),
    GSI1SK: `${matterItemsPrefix(item.status)}${item.id}`,
  };
}

export function deadlineToRecord(d: Deadline, shards: number): Stored<Deadline> {
  return {
    ...d,
    PK: itemPk(d.itemId),
    SK: `${DEADLINE_SK_PREFIX}${d.id}`,
    // Sparse index: only open deadlines are on the due-time index.
    ...(d.status === 'open' ? { GSI2PK: dueShard(d.itemId, shards), GSI2SK: `${d.dueInstant}#${d.id}` } : {}),
  };
}

export function eventToRecord(e: ItemEvent): Stored<ItemEvent> {
  return { ...e, PK: itemPk(e.itemId), SK: `${EVENT_SK_PREFIX}${pad(e.seq)}` };
}

export function matterToRecord(m: Matter): Stored<Matter> {
  return { ...m, ...matterKey(m.id), GSI1PK: MATTERS_PK, GSI1SK: m.id };
}

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'expiresAt'];

/** Strips key attributes from a stored record. */
export function fromRecord<T>(record: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!KEY_ATTRIBUTES.includes(k)) out[k] = v;
  return out as T;
}

// ---- Personal calendar feeds -----------------------------------------------------------------
// A feed URL carries `<feedId>.<secret>`. The record is found by its id (a Get); the secret is
// kept only as its hash, so a copy of the table cannot read anyone's calendar.

export interface CalendarFeed {
  id: string;
  /** The team member it belongs to (token `sub`). */
  owner: string;
  /** Their verified e-mail address when the feed was made: how a matter's team may list them. */
  ownerEmail?: string;
  label?: string;
  secretHash: string;
  /** Filters the feed applies, chosen at creation. */
  filter: { matter?: string; person?: string };
  createdAt: string;
  /** Revoked feeds are kept (who had access when), never served. */
  revokedAt?: string;
  version: number;
}

export const feedPk = (feedId: string) => `FEED#${feedId}`;
export const FEED_SK = 'FEED';
/** GSI1 partition of one member's feeds (their list, newest first, by creation time). */
export const feedsOfOwnerPk = (owner: string) => `FEEDS#${owner}`;
export const feedOfOwnerSk = (createdAt: string, feedId: string) => `${createdAt}#${feedId}`;

export function feedToRecord(feed: CalendarFeed): Stored<CalendarFeed> {
  return { ...feed, PK: feedPk(feed.id), SK: FEED_SK, GSI1PK: feedsOfOwnerPk(feed.owner), GSI1SK: feedOfOwnerSk(feed.createdAt, feed.id) };
}

// ---------------------------------------------------------------------------------------------
// Reminders and notifications.
//
//   REMIND#<deadlineId>  LEDGER#v<version>#<rung>#<recipient>   ledger: one per send, written
//                        before delivery with a condition; while pending it sits on GSI1 under
//                        REMIND#PENDING (sorted by claim time) so a later sweep finds it.
//   REMIND#WATCH         <dueInstant>#<deadlineId>              deadlines the sweep follows
//                        after their end (missed ones keep alerting until met or closed).
//   NOTIFY#<itemId>      <sentAt>#<notificationId>              what was sent, newest last; on
//                        GSI1 under NOTIFICATIONS for the list across items.
//   DIGEST#<personId>    <sentAt>#<notificationId>              digests (no item).
// ---------------------------------------------------------------------------------------------

/** One ledger entry per (deadline, deadline version, rung, recipient): the unit sent once. */
export const ledgerKey = (deadlineId: string, version: number, rung: string, recipient: string) => ({
  PK: `REMIND#${deadlineId}`,
  SK: `LEDGER#v${version}#${rung}#${recipient}`,
});
/** GSI1 partition of ledger entries claimed but not yet delivered. */
export const PENDING_SENDS_PK = 'REMIND#PENDING';
export const pendingSendSk = (claimedAt: string, pk: string, sk: string) => `${claimedAt}#${pk}#${sk}`;

export const REMIND_WATCH_PK = 'REMIND#WATCH';
/** Moved deadlines whose "deadline changed" notice is not sent yet, whatever their new date. */
export const CHANGED_OUTBOX_PK = 'REMIND#CHANGED';
export const changedOutboxKey = (deadlineId: string) => ({ PK: CHANGED_OUTBOX_PK, SK: deadlineId });
export const watchKey = (dueInstant: string, deadlineId: string) => ({ PK: REMIND_WATCH_PK, SK: `${dueInstant}#${deadlineId}` });
/** The watch-list record of a deadline past its end. */
export const watchRecord = (d: { id: string; itemId: string; dueInstant: string }) => ({ ...watchKey(d.dueInstant, d.id), itemId: d.itemId, deadlineId: d.id, dueInstant: d.dueInstant });
/** The outbox record of a moved deadline whose "changed" notice is not sent yet. */
export const changedOutboxRecord = (d: { id: string; itemId: string }) => ({ ...changedOutboxKey(d.id), itemId: d.itemId, deadlineId: d.id });
export const restartRecord = (itemId: string, queuedAt: string) => ({ ...restartKey(itemId), itemId, queuedAt });

export const notificationsPk = (itemId: string) => `NOTIFY#${itemId}`;
export const digestsPk = (personId: string) => `DIGEST#${personId}`;
/** GSI1 partition of every notification, newest last. Tens a day; shard by day if that ever grows to hundreds a second. */
export const NOTIFICATIONS_PK = 'NOTIFICATIONS';
export const notificationSk = (sentAt: string, id: string) => `${sentAt}#${id}`;

// ---------------------------------------------------------------------------------------------
// The court's docket: webhook URLs, what arrived (kept as it came, append-only), the entries
// read from it and the proposals they made.
//
//   HOOK#<hookId>        HOOK                 a matter's webhook URL (the secret only as its hash);
//                                             on GSI1 under HOOKS#<matterId> for the matter's list
//   DOCKET#<matterId>    RAW#<seq>            each delivery or message as received, hash-chained
//   DOCKET#<matterId>    RAWHEAD              the chain's last sequence number and hash
//   DOCKET#<matterId>    DELIVERY#<sha(key)>  an Idempotency-Key already received (the delivery's seq)
//   DOCKET#<matterId>    UNREAD#<seq>         a raw record not read yet (written with it, deleted when read)
//   DOCKET#<matterId>    ENTRY#<entryKey>     a docket entry once (CourtListener id + sequence, NEF case/doc/time)
//   DOCKET#<matterId>    PROP#<proposalId>    a proposal and what became of it (ULID: newest last)
//   PROPOSAL#<id>        PROPOSAL             which matter a proposal belongs to (Get by id)
// ---------------------------------------------------------------------------------------------

export interface DocketHook {
  id: string;
  matterId: string;
  secretHash: string;
  /** CourtListener's docket id; entries of another docket are kept as unrecognised. */
  docketId?: number;
  /** How the reader places the team on this docket. */
  side: 'plaintiffs' | 'defendants';
  usParty: boolean;
  court: 'DDC' | 'CADC';
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  version: number;
}

export const hookPk = (hookId: string) => `HOOK#${hookId}`;
export const HOOK_SK = 'HOOK';
export const hooksOfMatterPk = (matterId: string) => `HOOKS#${matterId}`;

export function hookToRecord(hook: DocketHook): Stored<DocketHook> {
  return { ...hook, PK: hookPk(hook.id), SK: HOOK_SK, GSI1PK: hooksOfMatterPk(hook.matterId), GSI1SK: `${hook.createdAt}#${hook.id}` };
}

export const docketPk = (matterId: string) => `DOCKET#${matterId}`;
export const rawSk = (seq: number) => `RAW#${pad(seq)}`;
export const RAW_SK_PREFIX = 'RAW#';
export const RAW_HEAD_SK = 'RAWHEAD';
export const deliverySk = (idempotencyKey: string) => `DELIVERY#${sha256(idempotencyKey)}`;
export const unreadSk = (seq: number) => `UNREAD#${pad(seq)}`;
export const UNREAD_SK_PREFIX = 'UNREAD#';
export const entrySk = (entryKey: string) => `ENTRY#${entryKey}`;
export const ENTRY_SK_PREFIX = 'ENTRY#';
export const proposalSk = (id: string) => `PROP#${id}`;
export const PROPOSAL_SK_PREFIX = 'PROP#';
export const proposalPointerKey = (id: string) => ({ PK: `PROPOSAL#${id}`, SK: 'PROPOSAL' });

// ---------------------------------------------------------------------------------------------
// Background jobs (a calendar change recomputing what a day moves).
//
//   JOB#<jobId>   JOB              the job: what it does, its counters, its state; on GSI1 under
//                                  JOBS (newest last) for the dashboard's list
//   JOB#<jobId>   ITEM#<itemId>    what the job did to one item, written once: a retried batch
//                                  skips what is written and never counts an item twice
// ---------------------------------------------------------------------------------------------

export const jobPk = (jobId: string) => `JOB#${jobId}`;
export const JOB_SK = 'JOB';
export const jobKey = (jobId: string) => ({ PK: jobPk(jobId), SK: JOB_SK });
export const JOBS_PK = 'JOBS';
export const JOB_ITEM_SK_PREFIX = 'ITEM#';
export const jobItemKey = (jobId: string, itemId: string) => ({ PK: jobPk(jobId), SK: `${JOB_ITEM_SK_PREFIX}${itemId}` });

// ---------------------------------------------------------------------------------------------
// Mail in: each message once (by the hash of its bytes and by its Message-ID), its raw bytes in
// chunks beside it, and the events its letter proposes.
//
//   MAIL#<sha256>        MAIL                 what arrived and what reading made of it; on GSI1
//                                             under MAILBOX, newest last
//   MAIL#<sha256>        RAW#<n>              the message's bytes, in order (written before MAIL)
//   MAILID#<sha(id)>     MAILID               a Message-ID already received (the message's hash)
//   LETTERPROP#<id>      LETTERPROP           an event a letter proposes, and what became of it;
//                                             on GSI1 under LETTERPROPS, newest last
// ---------------------------------------------------------------------------------------------

export const mailPk = (sha: string) => `MAIL#${sha}`;
export const MAIL_SK = 'MAIL';
export const mailRawSk = (n: number) => `RAW#${pad(n)}`;
export const MAIL_RAW_PREFIX = 'RAW#';
export const MAILBOX_PK = 'MAILBOX';
export const messageIdKey = (messageId: string) => ({ PK: `MAILID#${sha256(messageId)}`, SK: 'MAILID' });
export const letterProposalKey = (id: string) => ({ PK: `LETTERPROP#${id}`, SK: 'LETTERPROP' });
export const LETTER_PROPOSALS_PK = 'LETTERPROPS';
