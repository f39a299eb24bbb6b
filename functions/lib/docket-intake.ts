/**
 * Docket input for a matter, from any source (the CourtListener webhook, an NEF message, the
 * demo): kept as it came (append-only, hashed), then read. Reading never fails the arrival:
 * content the reader cannot use is kept with the reason, and a failure while storing what it
 * read leaves the raw record "received" for another reading.
 */
import { monotonicFactory } from 'ulid';
import { DocketSourceError, readDocket, refsIn, type DocketContext, type DocketEntry, type Proposal, type UnreadEntry } from '../../core/docket';
import type { RawRecord, StoredEntry, StoredProposal } from '../../core/docket/queue';
import { appendRaw, markRaw, putEntryWithProposals, unreadRaw } from './docket-store';
import { getHook } from './hooks-store';
import { logger } from './logger';

const proposalId = monotonicFactory();

export interface Arrival {
  matterId: string;
  source: 'courtlistener' | 'nef';
  body: string;
  receivedAt: Date;
  idempotencyKey?: string;
  hookId?: string;
}

export interface ReadOutcome {
  seq: number;
  outcome: 'received' | 'read' | 'unrecognised';
  reason?: string;
  /** Entries stored now (not seen before), with how many proposals each made. */
  entries: { key: string; entry: string | null; proposals: number }[];
  duplicates: number;
  unread: UnreadEntry[];
}

/** Keeps the arrival, then reads it. Throws DuplicateDeliveryError for a repeated Idempotency-Key. */
export async function receive(arrival: Arrival, ctx: DocketContext, docketId?: number): Promise<ReadOutcome> {
  const raw = await appendRaw({
    matterId: arrival.matterId,
    source: arrival.source,
    receivedAt: arrival.receivedAt.toISOString(),
    body: arrival.body,
    ...(arrival.idempotencyKey ? { idempotencyKey: arrival.idempotencyKey } : {}),
    ...(arrival.hookId ? { hookId: arrival.hookId } : {}),
  });
  try {
    const read = await readRaw(raw, ctx, docketId);
    await readLeftovers(arrival.matterId, raw.seq, ctx, docketId);
    return read;
  } catch (err) {
    // Kept as received: nothing is lost, and a later reading of the record picks it up.
    logger.error('docket reading failed after receipt', { matterId: arrival.matterId, seq: raw.seq, errorName: (err as Error).name });
    return { seq: raw.seq, outcome: 'received', entries: [], duplicates: 0, unread: [] };
  }
}

/** At most this many earlier unread records are read with each arrival. */
const LEFTOVERS = 5;

/**
 * Records kept earlier but not read (the reading failed, or the process stopped after the
 * acknowledgement) are read with the next arrival of their matter. Each entry is stored once, so
 * reading a record again adds only what the first reading did not store.
 */
async function readLeftovers(matterId: string, current: number, ctx: DocketContext, docketId?: number): Promise<void> {
  for (const raw of await unreadRaw(matterId, LEFTOVERS + 1)) {
    if (raw.seq === current) continue;
    // Read as the URL it came to reads (its side, its docket), else as this arrival.
    const hook = raw.hookId ? await getHook(raw.hookId) : undefined;
    await (hook ? readRaw(raw, { side: hook.side, usParty: hook.usParty, court: hook.court }, hook.docketId) : readRaw(raw, ctx, docketId));
    logger.info('docket record read late', { matterId, seq: raw.seq });
  }
}

/** Reads one raw record into entries and proposals, each entry once. */
export async function readRaw(raw: RawRecord, ctx: DocketContext, docketId?: number): Promise<ReadOutcome> {
  let read;
  try {
    read = readDocket(raw.body, ctx);
  } catch (err) {
    // Whatever the reader makes of the content, the sender hears 2xx and the record says why.
    const reason = err instanceof DocketSourceError ? err.message : 'the reader could not read this content';
    await markRaw(raw.matterId, raw.seq, 'unrecognised', reason);
    return { seq: raw.seq, outcome: 'unrecognised', reason, entries: [], duplicates: 0, unread: [] };
  }
  const unread = [...read.unread];
  const stored: ReadOutcome['entries'] = [];
  let duplicates = 0;
  for (const [index, { entry, proposals }] of read.entries.entries()) {
    if (docketId !== undefined && entry.docketId !== undefined && entry.docketId !== docketId) {
      unread.push({ index, reason: `docket ${entry.docketId} is not this matter's CourtListener docket (${docketId})` });
      continue;
    }
    const storedEntry = toStoredEntry(entry, raw);
    const records = proposals.map((p) => toStoredProposal(p, entry, raw));
    storedEntry.proposalIds = records.map((r) => r.id);
    if (await putEntryWithProposals(storedEntry, records)) stored.push({ key: entry.key, entry: entry.entry, proposals: records.length });
    else duplicates++;
  }
  const outcome = stored.length || duplicates || !unread.length ? 'read' : 'unrecognised';
  const reason = unread.length ? unread.map((u) => `entry ${u.index}: ${u.reason}`).join('; ').slice(0, 1000) : undefined;
  await markRaw(raw.matterId, raw.seq, outcome, reason);
  return { seq: raw.seq, outcome, ...(reason ? { reason } : {}), entries: stored, duplicates, unread };
}

function toStoredEntry(entry: DocketEntry, raw: RawRecord): StoredEntry {
  return {
    key: entry.key,
    matterId: raw.matterId,
    entry: entry.entry,
    filedOn: entry.filedOn,
    ...(entry.enteredAt ? { enteredAt: entry.enteredAt } : {}),
    text: entry.text,
    source: entry.source,
    rawSeq: raw.seq,
    refs: refsIn(entry.text),
    proposalIds: [],
    receivedAt: raw.receivedAt,
  };
}

function toStoredProposal(p: Proposal, entry: DocketEntry, raw: RawRecord): StoredProposal {
  return { ...p, id: proposalId(), matterId: raw.matterId, entryKey: entry.key, rawSeq: raw.seq, source: entry.source, createdAt: raw.receivedAt, status: 'pending', version: 1 };
}
