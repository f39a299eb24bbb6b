/**
 * A calendar change (a closure day, a court closure, a holiday added as data) reaches every open
 * deadline: each is recomputed under the new calendar, and one that moves is superseded by its
 * recomputation, never overwritten, with an event saying why.
 */
import { defaultCalendar, withDays, type Calendar, type CalendarAdditions } from './calendar';
import { change, type ItemChange } from './changes';
import { newDeadline } from './items';
import type { Deadline, TrackedItem } from './model';
import * as v from 'valibot';
import { closed, date, oneOf, rule, text } from './schema';
import { dateIn } from './time';

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

/** The calendar the days make, in the order they were added. */
export function calendarOf(days: readonly CalendarDay[]): Calendar {
  return days.length ? withDays(defaultCalendar, additionsOf(days)) : defaultCalendar;
}

/**
 * The versions the calendar went through as its days were added, oldest first, ending with the
 * one in force. Days are only ever added, so these versions are ordered: a deadline computed on
 * a later one must never be recomputed on an earlier one (a recomputation holding a calendar it
 * read before another day was added would move a deadline back).
 */
export function calendarVersions(days: readonly CalendarDay[]): string[] {
  const ordered = inOrderAdded(days);
  return [defaultCalendar.version, ...ordered.map((_, i) => calendarOf(ordered.slice(0, i + 1)).version)];
}

/** The days in the order they were added (ties, one request's days, by date and kind). */
export function inOrderAdded(days: readonly CalendarDay[]): CalendarDay[] {
  return [...days].sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

/** Versions later than `version` in the calendar's history (none when it is the newest or unknown). */
export function versionsAfter(history: readonly string[], version: string): Set<string> {
  const at = history.lastIndexOf(version);
  return new Set(at < 0 ? [] : history.slice(at + 1));
}

/**
 * Whether a day lies in a deadline's counting period (triggered on or before it, due on or after
 * it): only then can adding the day move the deadline. A trigger recorded as an instant counts
 * from its date in court (Eastern time), which may be the day before its UTC date.
 */
export function dayInPeriod(day: string, d: Pick<Deadline, 'trigger' | 'due'>): boolean {
  const triggered = d.trigger.length > 10 ? dateIn(new Date(d.trigger)) : d.trigger;
  return triggered <= day && d.due.slice(0, 10) >= day;
}

/** The calendar date after `date` (YYYY-MM-DD). */
export function nextDate(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** The deadline computed again, from its own rule, trigger and parameters, on `calendar`. */
function recomputed(d: Deadline, calendar: Calendar, id: string): Deadline {
  return newDeadline(d.itemId, { rule: d.rule, trigger: d.trigger, params: d.params }, id, calendar);
}

const datesDiffer = (a: Deadline, b: Deadline) => a.due !== b.due || a.alternative?.due !== b.alternative?.due;

/**
 * Whether `calendar` moves this open deadline (its date or its alternative date): what the job's
 * planning asks of each deadline the day falls within, so only items that will move are loaded.
 */
export function movedBy(d: Deadline, calendar: Calendar): boolean {
  if (d.status !== 'open' || d.calendarVersion === calendar.version) return false;
  return datesDiffer(d, recomputed(d, calendar, d.id));
}

export function recomputeForCalendar(
  item: TrackedItem,
  deadlines: readonly Deadline[],
  calendar: Calendar,
  why: {
    day: CalendarDay;
    now: Date;
    recordedBy: string;
    newDeadlineId: () => string;
    /** The job making the change, named on the event so a retried batch knows it moved this item. */
    jobId?: string;
    /** Versions newer than `calendar`: a deadline already computed on one of them is left alone. */
    newer?: ReadonlySet<string>;
  },
): ItemChange | undefined {
  const touched: Deadline[] = [];
  const moved: { rule: string; from: string; to: string }[] = [];
  for (const d of deadlines) {
    if (d.status !== 'open' || d.calendarVersion === calendar.version || why.newer?.has(d.calendarVersion)) continue;
    const next = { ...recomputed(d, calendar, why.newDeadlineId()), label: d.label, ...(d.link ? { link: d.link } : {}), supersedes: d.id };
    if (!datesDiffer(d, next)) continue;
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
      data: { calendarVersion: calendar.version, day: why.day.date, kind: why.day.kind, reason: why.day.label, moved, ...(why.jobId ? { jobId: why.jobId } : {}) },
    },
  ]);
}
