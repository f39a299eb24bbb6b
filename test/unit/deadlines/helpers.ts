import { computeDeadline, type DeadlineRequest, type DeadlineResult } from '../../../core/deadlines';

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
