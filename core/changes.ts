/**
 * A change to one item: its new state, the deadlines it touches and the events it appends.
 * The store commits a change as one transaction, conditional on the versions it was built on.
 */
import { chainEvent, type NewEvent } from './events';
import type { Deadline, ItemEvent, TrackedItem } from './model';

export interface ItemChange {
  /** The item as it will be stored; its version is one more than `baseVersion`. */
  item: TrackedItem;
  baseVersion: number;
  deadlines: Deadline[];
  events: ItemEvent[];
}

/** Starts a change from the stored item: appends events to its chain and bumps its version. */
export function change(
  item: TrackedItem,
  patch: Partial<TrackedItem>,
  deadlines: Deadline[],
  newEvents: NewEvent[],
): ItemChange {
  let prev = { seq: item.eventSeq, hash: item.lastEventHash };
  const events = newEvents.map((e) => {
    const chained = chainEvent(prev, e);
    prev = { seq: chained.seq, hash: chained.hash };
    return chained;
  });
  return {
    item: { ...item, ...patch, version: item.version + 1, eventSeq: prev.seq, lastEventHash: prev.hash },
    baseVersion: item.version,
    deadlines,
    events,
  };
}

/**
 * Deadlines whose end has passed unmet become missed. A missed FOIA response is constructive
 * exhaustion (5 U.S.C. 552(a)(6)(C)(i)): the requester may sue without an appeal.
 */
export function deadlinesPassed(item: TrackedItem, deadlines: readonly Deadline[], now: Date): ItemChange | undefined {
  const passed = deadlines.filter((d) => d.status === 'open' && Date.parse(d.dueInstant) <= now.getTime());
  if (passed.length === 0) return undefined;
  const missed = passed.map((d) => ({ ...d, status: 'missed' as const, version: d.version + 1, closedAt: d.dueInstant }));
  // A missed response or appeal decision lets the requester sue (552(a)(6)(C)(i)).
  const exhausted = missed.some((d) => d.rule.startsWith('foia.response') || d.rule === 'foia.appeal_decision');
  // The 24-hour window closed with no motion on file: the team must know the agency may now act.
  const windowClosed = item.kind === 'disclosure_notice' && item.phase === 'window_open' && missed.some((d) => d.rule === 'frcp6.hours');
  return change(
    item,
    exhausted ? { phase: 'exhausted' } : windowClosed ? { phase: 'window_closed' } : {},
    missed,
    missed.map((d) => ({
      itemId: item.id,
      type: 'deadline_missed',
      at: d.dueInstant,
      recordedAt: now.toISOString(),
      recordedBy: 'workflow',
      public: false,
      data: { deadlineId: d.id, rule: d.rule, due: d.due, ...(exhausted ? { consequence: 'constructive_exhaustion' } : {}) },
    })),
  );
}
