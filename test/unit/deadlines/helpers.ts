import { expect } from 'vitest';
import { computeDeadline, DeadlineInputError, type DeadlineRequest, type DeadlineResult } from '../../../core/deadlines';

export function due(rule: string, trigger: string, params?: Record<string, unknown>): DeadlineResult {
  return computeDeadline({ rule, trigger, ...(params ? { params } : {}) });
}

export function steps(result: DeadlineResult, step: string): string[] {
  return result.receipt.filter((e) => e.step === step).map((e) => e.text);
}

/** The message of the error a request is refused with, or 'no error'. */
export function messageOf(req: DeadlineRequest): string {
  try {
    computeDeadline(req);
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
}

/** The field and message of the DeadlineInputError `run` is refused with; fails if it is not refused so. */
export function refusal(run: () => unknown): { field: string | undefined; message: string } {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DeadlineInputError);
    return { field: (err as DeadlineInputError).field, message: (err as DeadlineInputError).message };
  }
  throw new Error('expected a DeadlineInputError');
}
