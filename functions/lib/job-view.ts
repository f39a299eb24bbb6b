/** A job as the API shows it: what it does, where it stands, and (when asked) what it moved. */
import type { Job } from './job-store';

export function jobView(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    createdAt: job.createdAt,
    createdBy: job.createdBy,
    day: { kind: job.day.kind, date: job.day.date, label: job.day.label, ...(job.day.court ? { court: job.day.court } : {}) },
    calendarVersion: job.calendarVersion,
    progress: {
      /** Items found so far with a deadline the day moves (grows while pages are read). */
      planned: job.planned,
      considered: job.considered,
      moved: job.moved,
      failed: job.failed,
      /** Index entries read to find them. */
      scanned: job.scanned,
      done: job.status !== 'running',
    },
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(job.error ? { error: job.error } : {}),
  };
}
