/**
 * The scheduled sweep (EventBridge hourly; a timer locally; `npm run remind` on demand): the
 * reminder ladder, digests, "deadline changed" notices, and the safety net under the workflows
 * (open deadlines already past are marked missed and alerted). See functions/lib/reminder-sweep.ts.
 */
import { runSweep, type SweepReport } from './lib/reminder-sweep';

/** The scheduled event carries nothing the sweep needs: it runs at the clock's now. */
export const handler = async (): Promise<Omit<SweepReport, 'sent'> & { sent: number }> => {
  const report = await runSweep();
  // The async invocation's result is not read by anyone; keep it small and free of subjects.
  return { ...report, sent: report.sent.length };
};
