/**
 * The proposals queue, pure: what is stored for what arrived (hash-chained like events), and
 * what confirming a proposal asks of the lawyer's own paths (the body a form would send to
 * create an item, or the event a form would record). The adapters commit; nothing here writes.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../events';
import * as v from 'valibot';
import { closed, optionalText, parseBody } from '../schema';
import { isPlainObject } from '../validate';
import { isIsoDate, isIsoDateTime, isIsoMoment, type FieldError } from '../validate';
import type { Proposal, ProposalPlan } from './reader';
import type { DocketEntry } from './sources';

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

// ---------------------------------------------------------------- edit, then confirm

export interface ProposalEdit {
  label?: string;
  /** ISO date or date-time with offset: the trigger the deadline counts from. */
  trigger?: string;
  /** ISO date: the date the lawyer reads in the order (the deadline becomes the order's date). */
  due?: string;
  /** For an event: the tracked item it changes. */
  itemId?: string;
}

const ITEM_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const TRIGGER = 'must be a date (YYYY-MM-DD) or a date-time with offset';
const DUE = 'must be a real date (YYYY-MM-DD)';

/** The lawyer's edit before confirming: each member replaces what the reader found. */
export const EditBody = closed({
  label: optionalText({ max: 200 }),
  trigger: v.optional(v.pipe(v.string(TRIGGER), v.check((s: string) => isIsoMoment(s), TRIGGER), v.description('ISO date or date-time with offset: the trigger the deadline counts from'))),
  due: v.optional(v.pipe(v.string(DUE), v.isoDate(DUE), v.check(isIsoDate, DUE), v.description('The date the order sets (the deadline becomes the order\'s date)'))),
  itemId: optionalText({ max: 26, pattern: ITEM_ID, patternMessage: 'must be an item id' }),
});

/** Why a proposal is dismissed (other members are ignored). */
const REASON = 'is required (at most 500 characters)';
export const DismissBody = v.looseObject({ reason: v.pipe(v.string(REASON), v.trim(), v.nonEmpty(REASON), v.maxLength(500, REASON)) }, REASON);

export function validateEdit(body: unknown): { ok: true; value: ProposalEdit } | { ok: false; errors: FieldError[] } {
  if (body === undefined || body === null) return { ok: true, value: {} };
  const parsed = parseBody(EditBody, body);
  if (!parsed.ok) return parsed;
  const { label, trigger, due, itemId } = parsed.value;
  return { ok: true, value: { ...(label ? { label } : {}), ...(trigger ? { trigger } : {}), ...(due ? { due } : {}), ...(itemId ? { itemId } : {}) } };
}

/** The reason of a dismissal, or the field error. */
export function dismissReason(body: unknown): { ok: true; value: string } | { ok: false; errors: FieldError[] } {
  const parsed = parseBody(DismissBody, isPlainObject(body) ? body : {});
  return parsed.ok ? { ok: true, value: parsed.value.reason } : parsed;
}

export class ProposalNotActionableError extends Error {
  override name = 'ProposalNotActionableError';
}

/** The body a lawyer's form would send to create the item (`validateCourtItem` checks it). */
export type CreateRequest = { kind: 'filing' | 'record_production' | 'disclosure_notice'; body: Record<string, unknown> };
/** The event a lawyer's form would record, on the item it changes. */
export type EventRequest = { event: Record<string, unknown>; itemKind: 'filing' | 'record_production'; refs: string[]; itemId?: string; fallback?: CreateRequest };

/**
 * What confirming does, from the proposal and the lawyer's edit. A proposal marked for review
 * (no plan, or no date) needs the lawyer to give the date: the deadline is then the order's date.
 */
export function confirmRequest(p: StoredProposal, edit: ProposalEdit): CreateRequest | EventRequest {
  const plan: ProposalPlan = p.plan;
  const trigger = edit.trigger ?? p.trigger ?? undefined;
  const label = edit.label ?? p.label;
  if ('event' in plan) {
    const at = trigger ?? p.trigger!;
    const data = { ...plan.data, ...(plan.event === 'extension_granted' && edit.due ? { newDue: edit.due } : {}) };
    const fallback = plan.fallback && p.rule ? createFor(p, { create: plan.fallback.create, params: plan.fallback.params, triggerType: plan.fallback.triggerType }, label, at, edit) : undefined;
    return { event: { type: plan.event, at, ...data }, itemKind: plan.itemKind, refs: plan.refs, ...(edit.itemId ? { itemId: edit.itemId } : {}), ...(fallback ? { fallback } : {}) };
  }
  if ('create' in plan && plan.create === 'disclosure_notice' && p.due === null) {
    // The window counts from the hour the notice was given: the person reading it supplies it.
    if (!edit.trigger || !isIsoDateTime(edit.trigger)) throw new ProposalNotActionableError('This notice has no time of day: edit it with the date-time it was given (trigger, with its offset) before confirming, or dismiss it');
    return createFor(p, plan, label, edit.trigger, edit);
  }
  if ('none' in plan || p.due === null) {
    if (!edit.due) throw new ProposalNotActionableError('This proposal is marked for review and has no date: edit it with the date (due) before confirming, or dismiss it');
    if (!trigger) throw new ProposalNotActionableError('Give the trigger date (trigger) with the date');
    const asCreate = 'create' in plan ? plan : { create: 'filing' as const, params: {}, triggerType: 'order_entered' };
    return createFor(p, { ...asCreate, create: asCreate.create === 'disclosure_notice' ? 'filing' : asCreate.create }, label, trigger, edit, true);
  }
  return createFor(p, plan, label, trigger!, edit);
}

function createFor(p: StoredProposal, plan: { create: CreateRequest['kind']; params: Record<string, unknown>; triggerType?: string }, title: string, trigger: string, edit: ProposalEdit, byDate = false): CreateRequest {
  const matterId = p.matterId;
  if (plan.create === 'disclosure_notice') {
    return { kind: 'disclosure_notice', body: { matterId, title, receivedAt: trigger, summary: p.evidence.slice(0, 2000) } };
  }
  const fixed = byDate || edit.due !== undefined;
  if (plan.create === 'record_production') {
    if (!fixed && p.rule === 'lcvr7n.certified_list') return { kind: 'record_production', body: { matterId, title, lcvr7n: { answerServed: String(plan.params.answer_served ?? trigger) } } };
    const order = fixed ? { orderedAt: trigger, due: edit.due } : plan.params.days !== undefined ? { orderedAt: trigger, days: plan.params.days } : { orderedAt: trigger, due: plan.params.date };
    return { kind: 'record_production', body: { matterId, title, order } };
  }
  const service = plan.params.service;
  const { service: _s, ...params } = plan.params;
  if (fixed) {
    return { kind: 'filing', body: { matterId, title, rule: 'court_order.fixed', trigger: { type: plan.triggerType ?? 'order_entered', at: trigger }, params: { date: edit.due } } };
  }
  return {
    kind: 'filing',
    body: {
      matterId,
      title,
      rule: p.rule,
      trigger: { type: plan.triggerType ?? 'other', at: trigger, ...(typeof service === 'string' ? { service } : {}) },
      ...(Object.keys(params).length ? { params } : {}),
    },
  };
}

/**
 * The tracked items an event may change, best first: items created from proposals of the entries
 * the event cites (by number), or of entries that cite the same papers.
 */
export function eventTargets(refs: readonly string[], proposals: readonly StoredProposal[], entries: readonly StoredEntry[]): string[] {
  if (!refs.length) return [];
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const scored: { itemId: string; score: number; createdAt: string }[] = [];
  for (const p of proposals) {
    if (p.status !== 'confirmed' || !p.itemId) continue;
    const from = byKey.get(p.entryKey);
    if (!from) continue;
    const direct = from.entry !== null && refs.includes(from.entry);
    const shared = from.refs.some((r) => refs.includes(r));
    if (direct || shared) scored.push({ itemId: p.itemId, score: direct ? 2 : 1, createdAt: p.decidedAt ?? p.createdAt });
  }
  scored.sort((a, b) => b.score - a.score || b.createdAt.localeCompare(a.createdAt));
  return [...new Set(scored.map((s) => s.itemId))];
}
