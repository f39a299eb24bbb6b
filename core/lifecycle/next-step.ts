/**
 * What an item's workflow does next: end, hand over to a new execution, or wait in its phase
 * until the next event or its next deadline. Pure; the workflow's steps and the writers that
 * wake it (an event, a calendar change) all decide through this one function.
 */
import { nextDeadline } from '../next-deadline';
import type { Deadline, TrackedItem } from '../model';
import { DAY_MS } from '../time';
import { phaseState } from './phases';

/** Hand over to a new execution well before Step Functions' one-year limit on a Standard run. */
export const HANDOVER_AFTER_DAYS = 300;

export interface NextStep {
  closed: boolean;
  phase: string;
  /** What the workflow's phase Choice routes on. */
  phaseState: string;
  /** Until the next deadline ends, or until the hand-over is due if that comes first. */
  waitSeconds: number;
  continueAsNew: boolean;
  nextExecution: string;
}

/**
 * `since` is when the running generation began, read on the same clock as `now`: a generation
 * hands over only after HANDOVER_AFTER_DAYS of its own, so a new one never hands over at once.
 */
export function nextStep(item: TrackedItem, deadlines: readonly Deadline[], now: Date, generation: { execution: string; since: string }): NextStep {
  const handoverAt = Date.parse(generation.since) + HANDOVER_AFTER_DAYS * DAY_MS;
  const continueAsNew = item.status !== 'closed' && now.getTime() >= handoverAt;
  const next = nextDeadline(deadlines);
  const until = Math.min(next ? Date.parse(next.dueInstant) : Infinity, handoverAt);
  // At least one second: Step Functions refuses a zero timeout, and a past deadline fires at once.
  const waitSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  return {
    closed: item.status === 'closed',
    phase: item.phase,
    phaseState: phaseState(item.kind, item.phase),
    waitSeconds,
    continueAsNew,
    nextExecution: nextGeneration(item.id, generation.execution),
  };
}

/** `<id>`, then `<id>-g2`, `<id>-g3`…: still named by the item, and unique per generation. */
export function nextGeneration(itemId: string, current: string): string {
  const n = Number(/-g(\d+)$/.exec(current)?.[1] ?? 1);
  return `${itemId}-g${n + 1}`;
}
