/**
 * Workflows that failed or never started: a new generation is started for each queued item, and
 * reads the item from the table. Run by the scheduled sweep before its reminders.
 */
import { nextGeneration } from '../../core/lifecycle/next-step';
import { getItem } from './item-store';
import { logger } from './logger';
import { startItemWorkflow } from './workflow';
import { restartDone, workflowsToRestart } from './workflow-store';

/** Starts the queued workflows; returns the items restarted. One that fails stays queued. */
export async function restartQueuedWorkflows(): Promise<string[]> {
  const restarted: string[] = [];
  for (const itemId of await workflowsToRestart()) {
    const item = await getItem(itemId);
    if (item?.status === 'open') {
      try {
        await startItemWorkflow(itemId, nextGeneration(itemId, item.workflow.execution));
      } catch (err) {
        logger.error('workflow restart failed', { itemId, errorName: (err as Error).name });
        continue;
      }
      restarted.push(itemId);
    }
    await restartDone(itemId);
  }
  return restarted;
}
