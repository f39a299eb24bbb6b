/**
 * The proposals queue, pure: what is stored for what arrived (hash-chained like events). What
 * confirming a proposal asks of the lawyer's own paths is in confirm.ts, with the request
 * schemas, so the functions that only store and list proposals do not load them. The adapters
 * commit; nothing here writes.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../events';
import type { ProposalEdit } from './confirm';
import type { Proposal } from './reader';
import type { DocketEntry } from './sources';

export type { ProposalEdit };

export type ProposalStatus = 'pending' | 'confirming' | 'confirmed' | 'dismissed';

export interface StoredProposal extends Proposal {
  id: string;
  matterId: string;
  /** The entry it came from (its dedup key), and where that arrived (the raw record's sequence number). */
  entryKey: string;
  rawSeq: number;
  source: DocketEntry['source'];
  createdAt: string;
  status: ProposalStatus;
  /** The item it created or changed, once confirmed (chosen before the write, so a retry finds it). */
  itemId?: string;
  /** The lawyer's changes, when confirmed after editing. */
  edit?: ProposalEdit;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
  version: number;
}

export interface StoredEntry {
  key: string;
  matterId: string;
  entry: string | null;
  filedOn: string;
  enteredAt?: string;
  text: string;
  source: DocketEntry['source'];
  rawSeq: number;
  /** Entry numbers the text cites ("re [12]"): how an event finds the item it changes. */
  refs: string[];
  proposalIds: string[];
  receivedAt: string;
}

export interface RawRecord {
  matterId: string;
  seq: number;
  source: 'courtlistener' | 'nef';
  receivedAt: string;
  /** The body exactly as received. */
  body: string;
  bodySha256: string;
  idempotencyKey?: string;
  hookId?: string;
  /** What reading it gave: read, or unrecognised with the reason. */
  outcome: 'received' | 'read' | 'unrecognised';
  reason?: string;
  prevHash: string;
  hash: string;
}

export const RAW_GENESIS = '0'.repeat(64);

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The next link of a matter's chain of raw input; an edited or removed record breaks it. */
export function chainRaw(prev: { seq: number; hash: string }, raw: Omit<RawRecord, 'seq' | 'prevHash' | 'hash' | 'bodySha256' | 'outcome' | 'reason'>): RawRecord {
  const body = { ...raw, seq: prev.seq + 1, bodySha256: sha(raw.body), prevHash: prev.hash };
  // The outcome is written later (after reading) and so stays outside the hash.
  const { body: _text, ...hashed } = body;
  return { ...body, outcome: 'received', hash: sha(canonicalJson(hashed)) };
}

/** Index of the first raw record whose body hash, link or hash does not hold; -1 when whole. */
export function verifyRawChain(records: readonly RawRecord[]): number {
  let prev = { seq: 0, hash: RAW_GENESIS };
  for (const [i, r] of records.entries()) {
    const { hash, outcome: _o, reason: _r, body, ...rest } = r;
    if (r.seq !== prev.seq + 1 || r.prevHash !== prev.hash || sha(body) !== r.bodySha256 || sha(canonicalJson(rest)) !== hash) return i;
    prev = { seq: r.seq, hash };
  }
  return -1;
}

/** What a cited docket entry is called: "re 12 MOTION to Dismiss", "granting 20 Motion", "the 40 Order". */
const CITED_PAPER = "(?:(?:[A-Z][A-Za-z'-]*|in|for|to|of)\\s+){0,4}?(?:MOTION|Motion|ORDER|Order|MEMORANDUM|Memorandum|NOTICE|Notice|OPPOSITION|Opposition|REPLY|Reply|RESPONSE|Response|STATUS REPORT|Status Report|COMPLAINT|Complaint|ANSWER|Answer|Brief|BRIEF|Stipulation|STIPULATION)\\b";
const REFS = new RegExp(`\\[(\\d{1,4})\\]|\\bECF No\\. (\\d{1,4})|(?:^|[\\s(])(\\d{1,4})\\s+(?=${CITED_PAPER})`, 'g');

/**
 * Entry numbers cited in an entry's text: "[12]" in notices of electronic filing, a bare "12"
 * before the paper's name in docket reports ("re 12 MOTION to Dismiss"), "ECF No. 20".
 */
export function refsIn(text: string): string[] {
  const out: string[] = [];
  // "(Attachments: # 1 Memorandum in Support ...)" numbers attachments, not docket entries.
  const cited = text.replace(/\(Attachments?:[^)]*(?:\([^)]*\)[^)]*)*\)/gi, ' ');
  for (const m of cited.matchAll(REFS)) {
    const n = m[1] ?? m[2] ?? m[3]!;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}
