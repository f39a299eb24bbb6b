/**
 * After a calendar change (a closure, a court-closure order), every open deadline is computed
 * again against the new calendar version. The ones whose date moved come back with their new
 * result, to be stored and announced; the rest are listed by id only (their dates stand, only
 * the calendar version they can cite changes), so 100,000 receipts are not held in memory.
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
  previousDue: string;
  previousAlternativeDue?: string;
  result: DeadlineResult;
}

export interface Recomputation {
  calendarVersion: string;
  /** Deadlines whose due date or alternative date moved. */
  changed: RecomputedDeadline[];
  /** Ids of deadlines whose dates are the same under the new calendar. */
  unchanged: string[];
}

export function recomputeAll(open: Iterable<OpenDeadline>, calendar: Calendar): Recomputation {
  const changed: RecomputedDeadline[] = [];
  const unchanged: string[] = [];
  for (const d of open) {
    const result = computeDeadline(d.request, calendar);
    if (result.due === d.due && result.alternative?.due === d.alternativeDue) {
      unchanged.push(d.id);
      continue;
    }
    changed.push({
      id: d.id,
      previousDue: d.due,
      ...(d.alternativeDue !== undefined ? { previousAlternativeDue: d.alternativeDue } : {}),
      result,
    });
  }
  return { calendarVersion: calendar.version, changed, unchanged };
}
