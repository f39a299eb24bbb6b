/**
 * After a calendar change (a closure, a court-closure order), every open deadline is computed
 * again against the new calendar version; the changed ones are announced by the caller.
 */
import type { Calendar } from '../calendar';
import { computeDeadline, type DeadlineRequest, type DeadlineResult } from './engine';

export interface OpenDeadline {
  id: string;
  request: DeadlineRequest;
  /** The due date as last computed. */
  due: string;
  alternativeDue?: string;
}

export interface RecomputedDeadline {
  id: string;
  /** The due date or the alternative date moved. */
  changed: boolean;
  previousDue: string;
  result: DeadlineResult;
}

export function recomputeAll(open: Iterable<OpenDeadline>, calendar: Calendar): RecomputedDeadline[] {
  const out: RecomputedDeadline[] = [];
  for (const d of open) {
    const result = computeDeadline(d.request, calendar);
    const changed = result.due !== d.due || result.alternative?.due !== d.alternativeDue;
    out.push({ id: d.id, changed, previousDue: d.due, result });
  }
  return out;
}
