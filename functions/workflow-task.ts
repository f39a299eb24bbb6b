/**
 * The Task resource of the item lifecycle state machine. Each action reads the item from the
 * table (the source of truth), so an execution restarted from scratch picks up where the item is.
 */
import { deadlinesPassed } from '../core/changes';
import { nextDeadline } from '../core/items';
import { phaseState } from '../core/lifecycle';
import { now } from './lib/clock';
import { VersionConflictError } from './lib/errors';
import { logger } from './lib/logger';
import { count } from './lib/metrics';
import { commitChange, flagForAttention, getItemBundle, setWorkflow } from './lib/store';
import { nextGeneration } from './lib/workflow';

/**
 * Longest single wait. Step Functions allows far more, but a weekly re-check keeps a wait well
 * inside every timer's range and lets a calendar change reach a waiting execution.
 */
export const MAX_WAIT_SECONDS = 7 * 24 * 3600;
/** Hand over to a new execution well before Step Functions' one-year limit on a Standard run. */
export const HANDOVER_AFTER_DAYS = 300;

export type TaskInput =
  | { action: 'sync'; itemId: string; execution?: string; startedAt?: string }
  | { action: 'await'; itemId: string; taskToken: string; version?: number }
  | { action: 'deadlinePassed'; itemId: string }
  | { action: 'flag'; itemId: string; error?: { Error?: string; Cause?: string } };

export interface SyncResult {
  closed: boolean;
  phase: string;
  /** What the workflow's phase Choice routes on. */
  phaseState: string;
  waitSeconds: number;
  /** The item's version after this step: the wait is only set up if nothing changed since. */
  version: number;
  continueAsNew: boolean;
  nextExecution: string;
}

/** The wait's registration found the item changed after the sync: the ASL goes back to sync. */
export class ItemChangedError extends Error {
  override name = 'ItemChangedError';
}

export async function workflowTask(input: TaskInput): Promise<SyncResult | { ok: true }> {
  switch (input.action) {
    case 'sync':
      return sync(input.itemId, input.execution, input.startedAt);
    case 'await':
      await registerWait(input.itemId, input.taskToken, input.version);
      return { ok: true };
    case 'deadlinePassed':
      await markPassed(input.itemId);
      return { ok: true };
    case 'flag':
      logger.error('workflow step failed', { itemId: input.itemId, error: input.error?.Error });
      await flagForAttention(input.itemId, `Workflow step failed: ${input.error?.Error ?? 'unknown error'}`, now());
      return { ok: true };
  }
}

async function sync(itemId: string, execution: string | undefined, startedAt: string | undefined): Promise<SyncResult> {
  const { item, deadlines } = await mustGet(itemId);
  const name = execution ?? item.workflow.execution;
  const at = now();
  const continueAsNew = !!startedAt && at.getTime() - Date.parse(startedAt) > HANDOVER_AFTER_DAYS * 86_400_000;
  const next = nextDeadline(deadlines);
  const untilDue = next ? Math.ceil((Date.parse(next.dueInstant) - at.getTime()) / 1000) : MAX_WAIT_SECONDS;
  // At least one second: Step Functions rejects a zero timeout, and a past deadline fires at once.
  const waitSeconds = Math.min(MAX_WAIT_SECONDS, Math.max(1, untilDue));
  const state = item.status === 'closed' ? 'closed' : continueAsNew ? 'handing_over' : 'running';
  const version = await setWorkflow(itemId, { execution: name, state });
  return {
    closed: item.status === 'closed',
    phase: item.phase,
    phaseState: phaseState(item.kind, item.phase),
    waitSeconds,
    version,
    continueAsNew,
    nextExecution: nextGeneration(itemId, name),
  };
}

async function registerWait(itemId: string, taskToken: string, version: number | undefined): Promise<void> {
  const { item } = await mustGet(itemId);
  try {
    await setWorkflow(itemId, { execution: item.workflow.execution, state: 'waiting', taskToken }, version);
  } catch (err) {
    // An event landed between sync and this wait: its wake went to no one, so re-read now.
    if (err instanceof VersionConflictError) throw new ItemChangedError(err.message);
    throw err;
  }
}

async function markPassed(itemId: string): Promise<void> {
  // A concurrent event may move the item between read and write: re-read and retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    const { item, deadlines } = await mustGet(itemId);
    const change = deadlinesPassed(item, deadlines, now());
    if (!change) return;
    try {
      await commitChange(change);
      count('DeadlinesMissed', change.deadlines.length);
      return;
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err;
    }
  }
  throw new VersionConflictError(`Item ${itemId} kept changing; will retry`);
}

async function mustGet(itemId: string) {
  const bundle = await getItemBundle(itemId);
  if (!bundle) throw new Error(`No item ${itemId}`);
  return bundle;
}

export const handler = workflowTask;
