/**
 * Workflow adapter: one Standard execution per tracked item, named by the item's id.
 * Locally the same calls reach the embedded ASL runner through AWS_ENDPOINT_URL_SFN.
 */
import { DescribeStateMachineCommand, ExecutionAlreadyExists, InvalidToken, SendTaskSuccessCommand, StartExecutionCommand, TaskDoesNotExist, TaskTimedOut } from '@aws-sdk/client-sfn';
import { nextStep } from '../../core/lifecycle/next-step';
import { sfn } from './sfn-client';
import { config } from './config';
import type { ItemBundle } from './item-store';
import { logger } from './logger';
import { queueRestart } from './workflow-store';

export interface WorkflowInput {
  itemId: string;
}

export function executionArn(name: string): string {
  return `${config.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/** Starts the item's execution; starting one that already exists is a no-op. */
export async function startItemWorkflow(itemId: string, name: string = itemId): Promise<string> {
  const input: WorkflowInput = { itemId };
  try {
    const out = await sfn.send(new StartExecutionCommand({ stateMachineArn: config.stateMachineArn, name, input: JSON.stringify(input) }));
    return out.executionArn ?? executionArn(name);
  } catch (err) {
    if (err instanceof ExecutionAlreadyExists) return executionArn(name);
    throw err;
  }
}

/**
 * Starts a new item's workflow, or, when Step Functions does not answer, marks it not started
 * and queues it for the sweep (one transaction). A failure to queue is not hidden: it fails the
 * request, which the caller's idempotency key makes safe to retry.
 */
export async function startOrQueueWorkflow(itemId: string, at: Date): Promise<'started' | 'not_started'> {
  try {
    await startItemWorkflow(itemId);
    return 'started';
  } catch (err) {
    logger.error('workflow start failed', { itemId, errorName: (err as Error).name });
    await queueRestart(itemId, at, 'not_started');
    return 'not_started';
  }
}

/** Wakes a waiting execution. A token whose wait already ended is not an error. */
export async function wake(taskToken: string, output: unknown): Promise<boolean> {
  try {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return true;
  } catch (err) {
    if (err instanceof TaskTimedOut || err instanceof TaskDoesNotExist || err instanceof InvalidToken) return false;
    throw err;
  }
}

/**
 * After a change to an item, wakes its waiting execution with the next step, so the workflow
 * goes straight to its next wait without reading the table again. A failed wake is logged: the
 * wait still ends at its timeout and reads the table then.
 */
export async function wakeItem(after: ItemBundle, cause: string, at: Date): Promise<void> {
  const { item, deadlines } = after;
  const token = item.workflow.taskToken;
  if (!token) return;
  const step = nextStep(item, deadlines, at, { execution: item.workflow.execution, since: item.workflow.since ?? at.toISOString() });
  await wake(token, { event: cause, next: { ...step, version: item.version } }).catch((e: Error) => logger.warn('wake failed', { itemId: item.id, errorName: e.name }));
}

export async function workflowAnswers(): Promise<boolean> {
  const out = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: config.stateMachineArn }));
  return out.status === 'ACTIVE';
}
