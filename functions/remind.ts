/**
 * The scheduled sweep (EventBridge hourly; a timer locally; `npm run remind` on demand): first
 * the workflows queued for a restart, then the reminder ladder, digests, "deadline changed"
 * notices, and the safety net under the workflows (open deadlines already past are marked missed
 * and alerted). See functions/lib/reminder-sweep.ts and functions/lib/workflow-restarts.ts.
 */
import { runSweep, type SweepReport } from './lib/reminder-sweep';
import { restartQueuedWorkflows } from './lib/workflow-restarts';

export type ScheduledReport = Omit<SweepReport, 'sent'> & { sent: number; restarted: string[] };

/** The scheduled event carries nothing the sweep needs: it runs at the clock's now. */
export const handler = async (): Promise<ScheduledReport> => {
  const restarted = await restartQueuedWorkflows();
  const report = await runSweep();
  // The async invocation's result is not read by anyone; keep it small and free of subjects.
  return { ...report, restarted, sent: report.sent.length };
};
