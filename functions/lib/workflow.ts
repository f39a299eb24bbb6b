/**
 * Workflow adapter: one Standard execution per tracked item, named by the item's id.
 * Locally the same calls reach the embedded ASL runner through AWS_ENDPOINT_URL_SFN.
 */
import {
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { sfn } from './clients';
import { config } from './config';

export interface WorkflowInput {
  itemId: string;
}

export function executionArn(name: string): string {
  return `${config.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/** `<id>`, then `<id>-g2`, `<id>-g3`…: still named by the item, and unique per generation. */
export function nextGeneration(itemId: string, current: string): string {
  const n = Number(/-g(\d+)$/.exec(current)?.[1] ?? 1);
  return `${itemId}-g${n + 1}`;
}

/** Starts the item's execution; starting one that already exists is a no-op. */
export async function startItemWorkflow(itemId: string, name: string = itemId): Promise<string> {
  const input: WorkflowInput = { itemId };
  try {
    const out = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: config.stateMachineArn, name, input: JSON.stringify(input) }),
    );
    return out.executionArn ?? executionArn(name);
  } catch (err) {
    if (err instanceof ExecutionAlreadyExists) return executionArn(name);
    throw err;
  }
}

/** Wakes a waiting execution. A token whose wait already ended is not an error. */
export async function wake(taskToken: string, output: unknown): Promise<boolean> {
  try {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return true;
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'TaskTimedOut' || name === 'TaskDoesNotExist' || name === 'InvalidToken') return false;
    throw err;
  }
}

export async function workflowAnswers(): Promise<boolean> {
  const out = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: config.stateMachineArn }));
  return out.status === 'ACTIVE';
}
