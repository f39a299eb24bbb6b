/**
 * The append-only event log: each event carries the hash of the one before it, so an edited or
 * removed event breaks the chain and `verifyChain` finds it.
 */
import { createHash } from 'node:crypto';
import type { ItemEvent } from './model';

export const GENESIS_HASH = '0'.repeat(64);

export type NewEvent = Omit<ItemEvent, 'seq' | 'prevHash' | 'hash'>;

export function chainEvent(prev: { seq: number; hash: string }, event: NewEvent): ItemEvent {
  const seq = prev.seq + 1;
  const body = { ...event, seq, prevHash: prev.hash };
  return { ...body, hash: hashOf(body) };
}

/** Index of the first event whose hash or link does not hold, or -1 when the chain is whole. */
export function verifyChain(events: readonly ItemEvent[]): number {
  let prev = { seq: 0, hash: GENESIS_HASH };
  for (const [i, e] of events.entries()) {
    const { hash, ...body } = e;
    if (e.seq !== prev.seq + 1 || e.prevHash !== prev.hash || hashOf(body) !== hash) return i;
    prev = { seq: e.seq, hash };
  }
  return -1;
}

function hashOf(body: Omit<ItemEvent, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** JSON with keys sorted at every level, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
