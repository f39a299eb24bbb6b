/**
 * A calendar change (a closure day, a court closure, a holiday added as data) reaches every open
 * deadline: each is recomputed under the new calendar, and one that moves is superseded by its
 * recomputation, never overwritten, with an event saying why.
 */
import type { Calendar, CalendarAdditions } from './calendar';
import { change, type ItemChange } from './changes';
import { newDeadline } from './items';
import type { Deadline, TrackedItem } from './model';
import * as v from 'valibot';
import { closed, date, oneOf, rule, text } from './schema';

export const CALENDAR_DAY_KINDS = ['holidays', 'closures', 'dcHolidays', 'courtClosures'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** A day an administrator adds: a court closure is the D.C. courthouse's unless it names the Supreme Court building. */
export const CalendarDayBody = v.pipe(
  closed({
    kind: oneOf(CALENDAR_DAY_KINDS),
    date: date(),
    label: text({ max: 300 }),
    court: v.optional(v.pipe(oneOf(['SCOTUS']), v.description('A court closure of the Supreme Court building; without it, the D.C. courthouse (District Court and D.C. Circuit)'))),
  }),
  rule<{ kind: string; court: unknown }>('court', (b) => (b.court !== undefined && b.kind !== 'courtClosures' ? 'only a court closure names a court' : undefined)),
);

export interface CalendarDay {
  kind: CalendarDayKind;
  date: string;
  label: string;
  /** A court closure of the Supreme Court building rather than the D.C. courthouse. */
  court?: 'SCOTUS';
  addedBy: string;
  addedAt: string;
}

export function additionsOf(days: readonly CalendarDay[]): CalendarAdditions {
  const out: Record<CalendarDayKind, { date: string; label: string; court?: 'SCOTUS' }[]> = { holidays: [], closures: [], dcHolidays: [], courtClosures: [] };
  for (const d of days) out[d.kind].push({ date: d.date, label: d.label, ...(d.kind === 'courtClosures' && d.court ? { court: d.court } : {}) });
  return out;
}

export function recomputeForCalendar(
  item: TrackedItem,
  deadlines: readonly Deadline[],
  calendar: Calendar,
  why: { day: CalendarDay; now: Date; recordedBy: string; newDeadlineId: () => string },
): ItemChange | undefined {
  const touched: Deadline[] = [];
  const moved: { rule: string; from: string; to: string }[] = [];
  for (const d of deadlines) {
    if (d.status !== 'open' || d.calendarVersion === calendar.version) continue;
    const next = { ...newDeadline(item.id, { rule: d.rule, trigger: d.trigger, params: d.params }, why.newDeadlineId(), calendar), label: d.label, ...(d.link ? { link: d.link } : {}), supersedes: d.id };
    if (next.due === d.due && next.alternative?.due === d.alternative?.due) continue;
    touched.push({ ...d, status: 'superseded', supersededBy: next.id, version: d.version + 1, closedAt: why.now.toISOString() }, next);
    moved.push({ rule: d.rule, from: d.due, to: next.due });
  }
  if (moved.length === 0) return undefined;
  return change(item, {}, touched, [
    {
      itemId: item.id,
      type: 'calendar_changed',
      at: why.now.toISOString(),
      recordedAt: why.now.toISOString(),
      recordedBy: why.recordedBy,
      public: false,
      data: { calendarVersion: calendar.version, day: why.day.date, kind: why.day.kind, reason: why.day.label, moved },
    },
  ]);
}
