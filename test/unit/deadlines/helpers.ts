import { computeDeadline, type DeadlineResult } from '../../../core/deadlines';

export function due(rule: string, trigger: string, params?: Record<string, unknown>): DeadlineResult {
  return computeDeadline({ rule, trigger, ...(params ? { params } : {}) });
}

export function steps(result: DeadlineResult, step: string): string[] {
  return result.receipt.filter((e) => e.step === step).map((e) => e.text);
}
