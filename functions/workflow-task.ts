/**
 * The Task resource of the item lifecycle state machine. Each action reads the item from the
 * table (the source of truth), so an execution restarted from scratch picks up where the item is;
 * what the workflow does next is decided by core's `nextStep`.
 */
import { deadlinesPassed } from '../core/changes';
import { nextStep, type NextStep } from '../core/lifecycle/next-step';
import type { TrackedItem } from '../core/model';
import { now } from './lib/clock';
import { NotFoundError, VersionConflictError } from './lib/errors';
import { getItemBundle, updateItem, type ItemBundle } from './lib/item-store';
import { logger } from './lib/logger';
import { count } from './lib/metrics';
import { queueRestart, setWorkflow } from './lib/workflow-store';

export type TaskInput =
  | { action: 'sync'; itemId: string; execution?: string }
  | { action: 'await'; itemId: string; taskToken: string; version?: number }
  | { action: 'deadlinePassed'; itemId: string; execution?: string }
  | { action: 'flag'; itemId: string; error?: { Error?: string; Cause?: string } };

export interface SyncResult extends NextStep {
  /** The item's version after this step: the wait is only set up if nothing changed since. */
  version: number;
}

/** The wait's registration found the item changed after the sync: the ASL goes back to sync. */
export class ItemChangedError extends Error {
  override name = 'ItemChangedError';
}

export async function workflowTask(input: TaskInput): Promise<SyncResult | { ok: true }> {
  switch (input.action) {
    case 'sync':
      return sync(input.itemId, input.execution);
    case 'await':
      await registerWait(input.itemId, input.taskToken, input.version);
      return { ok: true };
    case 'deadlinePassed':
      return markPassed(input.itemId, input.execution);
    case 'flag':
      logger.error('workflow step failed', { itemId: input.itemId, error: input.error?.Error });
      await queueRestart(input.itemId, now(), 'failed', `Workflow step failed: ${input.error?.Error ?? 'unknown error'}`);
      return { ok: true };
  }
}

/**
 * The generation this execution runs. Its first step records when it began, on the same clock
 * the hand-over is measured with, so a new generation never hands over at once.
 */
function generation(item: TrackedItem, execution: string | undefined, at: Date) {
  const name = execution ?? item.workflow.execution;
  const since = item.workflow.execution === name && item.workflow.since ? item.workflow.since : at.toISOString();
  return { execution: name, since };
}

async function sync(itemId: string, execution: string | undefined): Promise<SyncResult> {
  const { item, deadlines } = await mustGet(itemId);
  const at = now();
  const gen = generation(item, execution, at);
  const step = nextStep(item, deadlines, at, gen);
  const state = step.closed ? 'closed' : step.continueAsNew ? 'handing_over' : 'running';
  const version = await setWorkflow(itemId, { execution: gen.execution, state, since: gen.since });
  return { ...step, version };
}

async function registerWait(itemId: string, taskToken: string, version: number | undefined): Promise<void> {
  const { item } = await mustGet(itemId);
  try {
    await setWorkflow(itemId, { ...item.workflow, state: 'waiting', taskToken }, version);
  } catch (err) {
    // An event landed between the step that computed this wait and the wait itself: its wake
    // went to no one, so read the table again.
    if (err instanceof VersionConflictError) throw new ItemChangedError(err.message);
    throw err;
  }
}

/** Marks what has passed unmet as missed, then returns the next step from what is stored now. */
async function markPassed(itemId: string, execution: string | undefined): Promise<SyncResult> {
  const at = now();
  const update = await updateItem(itemId, ({ item, deadlines }) => deadlinesPassed(item, deadlines, at));
  if (!update) throw new NotFoundError(`No item ${itemId}`);
  if (update.change) count('DeadlinesMissed', update.change.deadlines.length);
  return stepOf(update.after, execution, at);
}

function stepOf({ item, deadlines }: ItemBundle, execution: string | undefined, at: Date): SyncResult {
  return { ...nextStep(item, deadlines, at, generation(item, execution, at)), version: item.version };
}

async function mustGet(itemId: string) {
  const bundle = await getItemBundle(itemId);
  if (!bundle) throw new NotFoundError(`No item ${itemId}`);
  return bundle;
}

export const handler = workflowTask;
