/**
 * Runs of a job on its state machine: one execution per run, named by the job and the run, so a
 * resumed job starts a new execution and a repeated start of the same run is a no-op.
 */
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from './sfn-client';
import { config } from './config';

export interface JobRunInput {
  jobId: string;
  /** The page to start from: empty for a new job, the job's resume point for a resumed one. */
  cursor: string;
}

export const runName = (jobId: string, run: number) => (run <= 1 ? jobId : `${jobId}-run${run}`);

export async function startJobRun(jobId: string, run: number, cursor: string): Promise<void> {
  const input: JobRunInput = { jobId, cursor };
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn: config.jobMachineArn, name: runName(jobId, run), input: JSON.stringify(input) }));
  } catch (err) {
    if (!(err instanceof ExecutionAlreadyExists)) throw err;
  }
}
