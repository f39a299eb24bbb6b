/**
 * The Task resource of the item lifecycle state machine. Each action reads the item from the
 * table (the source of truth), so an execution restarted from scratch picks up where the item is.
 */
import { deadlinesPassed } from '../core/changes';
import { nextDeadline } from '../core/items';
import { now } from './lib/clock';
import { VersionConflictError } from './lib/errors';
import { logger } from './lib/logger';
import { commitChange, flagForAttention, getItemBundle, setWorkflow } from './lib/store';

/**
 * Longest single wait. Step Functions allows far more, but a weekly re-check keeps a wait well
 * inside every timer's range and lets a calendar change reach a waiting execution.
 */
export const MAX_WAIT_SECONDS = 7 * 24 * 3600;

export type TaskInput =
  | { action: 'sync'; itemId: string; execution?: string }
  | { action: 'await'; itemId: string; taskToken: string }
  | { action: 'deadlinePassed'; itemId: string }
  | { action: 'flag'; itemId: string; error?: { Error?: string; Cause?: string } };

export interface SyncResult {
  closed: boolean;
  phase: string;
  waitSeconds: number;
}

export async function workflowTask(input: TaskInput): Promise<SyncResult | { ok: true }> {
  switch (input.action) {
    case 'sync':
      return sync(input.itemId, input.execution);
    case 'await': {
      const bundle = await mustGet(input.itemId);
      await setWorkflow(input.itemId, { execution: bundle.item.workflow.execution, state: 'waiting', taskToken: input.taskToken });
      return { ok: true };
    }
    case 'deadlinePassed':
      await markPassed(input.itemId);
      return { ok: true };
    case 'flag':
      logger.error('workflow step failed', { itemId: input.itemId, error: input.error?.Error });
      await flagForAttention(input.itemId, `Workflow step failed: ${input.error?.Error ?? 'unknown error'}`, now());
      return { ok: true };
  }
}

async function sync(itemId: string, execution?: string): Promise<SyncResult> {
  const { item, deadlines } = await mustGet(itemId);
  if (item.status === 'closed') {
    await setWorkflow(itemId, { execution: execution ?? item.workflow.execution, state: 'closed' });
    return { closed: true, phase: item.phase, waitSeconds: 1 };
  }
  const next = nextDeadline(deadlines);
  const untilDue = next ? Math.ceil((Date.parse(next.dueInstant) - now().getTime()) / 1000) : MAX_WAIT_SECONDS;
  // At least one second: Step Functions rejects a zero timeout, and a past deadline fires at once.
  const waitSeconds = Math.min(MAX_WAIT_SECONDS, Math.max(1, untilDue));
  await setWorkflow(itemId, { execution: execution ?? item.workflow.execution, state: 'running' });
  return { closed: false, phase: item.phase, waitSeconds };
}

async function markPassed(itemId: string): Promise<void> {
  // A concurrent event may move the item between read and write: re-read and retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    const { item, deadlines } = await mustGet(itemId);
    const change = deadlinesPassed(item, deadlines, now());
    if (!change) return;
    try {
      await commitChange(change);
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
