/**
 * The Task resource of the job state machine (statemachines/calendar-job.asl.json): plan a page,
 * recompute a batch, finish or fail the job. Each action reads the job from the table.
 */
import { failJob, finishJob, planPage, recomputeBatch, type PlannedPage } from './lib/calendar-job';

export type JobTaskInput =
  | { action: 'plan'; jobId: string; cursor: string }
  | { action: 'batch'; jobId: string; itemIds: string[] }
  | { action: 'finish'; jobId: string }
  | { action: 'fail'; jobId: string; error?: { Error?: string; Cause?: string } };

export async function jobTask(input: JobTaskInput): Promise<PlannedPage | { moved: number } | { status: string }> {
  switch (input.action) {
    case 'plan':
      return planPage(input.jobId, input.cursor);
    case 'batch':
      return recomputeBatch(input.jobId, input.itemIds);
    case 'finish':
      return finishJob(input.jobId);
    case 'fail':
      return failJob(input.jobId, input.error);
  }
}

export const handler = jobTask;
