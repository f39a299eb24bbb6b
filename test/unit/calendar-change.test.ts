/**
 * What a calendar change job relies on in core: the versions the calendar went through are in
 * the order its days were added; a deadline already computed on a later version is never
 * recomputed on an earlier one; only a day inside a counting period can move a deadline.
 */
import { describe, expect, it } from 'vitest';
import { calendarOf, calendarVersions, dayInPeriod, nextDate, recomputeForCalendar, versionsAfter, type CalendarDay } from '../../core/calendar-change';
import { defaultCalendar } from '../../core/calendar';
import { newCourtItem } from '../../core/court-items';
import type { Matter } from '../../core/model';

const day = (date: string, addedAt: string, label = `closed ${date}`): CalendarDay => ({ kind: 'courtClosures', date, label, addedBy: 'lead-counsel', addedAt });
const first = day('2026-03-16', '2026-03-03T10:00:00.000Z');
const second = day('2026-03-17', '2026-03-03T10:00:01.000Z');
const matter: Matter = { id: 'm', name: 'M', team: [{ id: 'lead-counsel', name: 'Lead', email: 'lead@example.org', role: 'Lead counsel' }] } as Matter;
let ids = 0;
const newId = () => `d${++ids}`;

/** An opposition to a motion served 2026-03-02: 14 days, due Monday 2026-03-16 on a calendar with nothing added. */
function opposition(calendar = defaultCalendar) {
  return newCourtItem(
    { kind: 'filing', matterId: 'm', title: 'Opposition', at: '2026-03-02', deadline: { rule: 'lcvr7b.opposition', trigger: '2026-03-02', params: { service: 'electronic' } } } as never,
    { id: 'item-1', now: new Date('2026-03-03T15:00:00Z'), createdBy: 'lead-counsel', matter, newDeadlineId: newId, calendar },
  );
}

describe('calendar versions', () => {
  it('go from the built-in calendar through each day in the order it was added, to the calendar in force', () => {
    const history = calendarVersions([second, first]);
    expect(history).toEqual([defaultCalendar.version, calendarOf([first]).version, calendarOf([first, second]).version]);
    expect(new Set(history).size).toBe(3);
    // The calendar in force does not depend on the order the days are read in.
    expect(calendarOf([second, first]).version).toBe(history.at(-1));
  });

  it('after a version: the later ones; after the newest or an unknown one: none', () => {
    const history = calendarVersions([first, second]);
    expect([...versionsAfter(history, history[0]!)]).toEqual(history.slice(1));
    expect([...versionsAfter(history, history[2]!)]).toEqual([]);
    expect([...versionsAfter(history, 'cal-unknown')]).toEqual([]);
  });
});

describe('recomputeForCalendar', () => {
  it('moves a deadline on an older calendar, naming the day and the job', () => {
    const { item, deadlines } = opposition();
    expect(deadlines[0]!.due).toBe('2026-03-16');
    const change = recomputeForCalendar(item, deadlines, calendarOf([first]), { day: first, now: new Date('2026-03-03T16:00:00Z'), recordedBy: 'lead-counsel', newDeadlineId: newId, jobId: 'job-1' })!;
    expect(change.deadlines.map((d) => [d.status, d.due])).toEqual([['superseded', '2026-03-16'], ['open', '2026-03-17']]);
    expect(change.events[0]!.data).toMatchObject({ day: '2026-03-16', jobId: 'job-1', moved: [{ rule: 'lcvr7b.opposition', from: '2026-03-16', to: '2026-03-17' }] });
  });

  it('leaves alone a deadline already computed on a newer calendar: a stale recomputation never moves it back', () => {
    const newest = calendarOf([first, second]);
    const { item, deadlines } = opposition(newest);
    expect(deadlines[0]!.due).toBe('2026-03-18');
    const history = calendarVersions([first, second]);
    const stale = calendarOf([first]);
    const why = { day: first, now: new Date('2026-03-03T16:00:00Z'), recordedBy: 'lead-counsel', newDeadlineId: newId };
    expect(recomputeForCalendar(item, deadlines, stale, { ...why, newer: versionsAfter(history, stale.version) })).toBeUndefined();
    // Without the guard the stale calendar would move it back to the 17th.
    expect(recomputeForCalendar(item, deadlines, stale, why)!.deadlines.at(-1)!.due).toBe('2026-03-17');
  });
});

describe('dayInPeriod', () => {
  const period = { trigger: '2026-03-02', due: '2026-03-16' };
  it.each([
    ['2026-03-01', false],
    ['2026-03-02', true],
    ['2026-03-09', true],
    ['2026-03-16', true],
    ['2026-03-17', false],
  ])('%s: %s', (date, inside) => expect(dayInPeriod(date, period)).toBe(inside));

  it('keeps the day before a trigger recorded as a UTC instant (its date in court may be the day before)', () => {
    expect(dayInPeriod('2026-03-01', { trigger: '2026-03-02T03:00:00Z', due: '2026-03-16' })).toBe(true);
    expect(dayInPeriod('2026-02-28', { trigger: '2026-03-02T03:00:00Z', due: '2026-03-16' })).toBe(false);
  });

  it('nextDate crosses months and leap days', () => {
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });
});
