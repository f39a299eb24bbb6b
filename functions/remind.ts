/**
 * The scheduled sweep (EventBridge hourly; a timer locally). For now it is the safety net under
 * the workflows: it finds open deadlines already past and marks them missed. The reminder ladder
 * and digests build on this.
 */
import { now } from './lib/clock';
import { logger } from './lib/logger';
import { openDeadlinesDueBefore } from './lib/store';
import { workflowTask } from './workflow-task';

export async function sweep(at: Date = now()): Promise<{ at: string; overdue: number }> {
  const overdue = await openDeadlinesDueBefore(at.toISOString());
  const items = [...new Set(overdue.map((d) => d.itemId))];
  for (const itemId of items) await workflowTask({ action: 'deadlinePassed', itemId });
  logger.info('sweep', { overdue: overdue.length, items: items.length });
  return { at: at.toISOString(), overdue: overdue.length };
}

export const handler = async () => sweep();
