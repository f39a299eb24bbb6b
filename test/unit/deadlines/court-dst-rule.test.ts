/**
 * The court's clock changes against the U.S. daylight saving rule written out by hand (15 U.S.C.
 * 260a), not read from any time-zone database: since 2007 Eastern time moves from EST (UTC-5)
 * to EDT (UTC-4) at 02:00 EST on the second Sunday of March and back at 02:00 EDT on the first
 * Sunday of November; from 1987 to 2006 on the first Sunday of April and the last Sunday of
 * October. A wall-clock time the spring change skips is read with the offset before it (later
 * by the gap); a time the autumn change repeats is its earlier, daylight-time instant.
 */
import { describe, expect, it } from 'vitest';
import { courtTime, courtTimeFromLocal, formatCourtTime } from '../../../core/deadlines/time';
import { atLocalHour } from '../../../core/reminders';
import { offsetAt, offsetChanges } from '../../../core/time';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
const EST = -5 * HOUR;
const EDT = -4 * HOUR;

/** The day of the month of the `n`th Sunday (n = -1: the last) of a month (1-12). */
function sunday(year: number, month: number, n: number): number {
  if (n > 0) {
    const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return 1 + ((7 - firstWeekday) % 7) + (n - 1) * 7;
  }
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** The two changes of a year as UTC instants: 02:00 EST is 07:00Z, 02:00 EDT is 06:00Z. */
function dstRule(year: number): { start: number; end: number; startDay: number; endDay: number; startMonth: number; endMonth: number } {
  const [startMonth, startDay, endMonth, endDay] = year >= 2007 ? [3, sunday(year, 3, 2), 11, sunday(year, 11, 1)] : [4, sunday(year, 4, 1), 10, sunday(year, 10, -1)];
  return { start: Date.UTC(year, startMonth - 1, startDay, 7), end: Date.UTC(year, endMonth - 1, endDay, 6), startDay, endDay, startMonth, endMonth };
}

/** The oracle's offset at an instant. */
const offsetOf = (epochMs: number) => {
  const { start, end } = dstRule(new Date(epochMs).getUTCFullYear());
  return epochMs >= start && epochMs < end ? EDT : EST;
};

/** The oracle's instant for a wall-clock time (`local`: the wall clock read as UTC). */
function instantOf(local: number): number {
  const { start, end } = dstRule(new Date(local).getUTCFullYear());
  const gapStart = start + EST; // 02:00 on the wall clock
  const overlapStart = end + EDT - HOUR; // 01:00 on the wall clock, the first time
  if (local >= gapStart && local < gapStart + HOUR) return local - EST; // skipped: later by the gap
  if (local >= overlapStart && local < overlapStart + HOUR) return local - EDT; // repeated: the earlier
  return local >= gapStart + HOUR && local < overlapStart ? local - EDT : local - EST;
}

describe('the U.S. rule worked by hand, against the court clock', () => {
  it('the worked rule itself: 2026 changes on 8 March and 1 November, 2006 on 2 April and 29 October', () => {
    expect(dstRule(2026)).toMatchObject({ startMonth: 3, startDay: 8, endMonth: 11, endDay: 1 });
    expect(dstRule(2025)).toMatchObject({ startDay: 9, endDay: 2 });
    expect(dstRule(2030)).toMatchObject({ startDay: 10, endDay: 3 });
    expect(dstRule(2006)).toMatchObject({ startMonth: 4, startDay: 2, endMonth: 10, endDay: 29 });
    expect(new Date(dstRule(2026).start).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(dstRule(2026).end).toISOString()).toBe('2026-11-01T06:00:00.000Z');
  });

  it('finds exactly the two changes of each year from 1990 to 2199, to the millisecond', () => {
    for (let year = 1990; year <= 2199; year++) {
      const { start, end } = dstRule(year);
      expect(offsetChanges(Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)), String(year)).toEqual([
        { at: start, offset: EDT },
        { at: end, offset: EST },
      ]);
      for (const [at, offset] of [[start - 1, EST], [start, EDT], [end - 1, EDT], [end, EST]] as const) {
        expect(courtTime(at).offsetMs, new Date(at).toISOString()).toBe(offset);
        expect(offsetAt(at), new Date(at).toISOString()).toBe(offset);
      }
    }
  });

  it('changes on a window edge count only from their own instant on', () => {
    const { start } = dstRule(2026);
    expect(offsetChanges(start, start + DAY)).toEqual([]);
    expect(offsetChanges(start - DAY, start)).toEqual([]);
    expect(offsetChanges(start - 1, start + 1)).toEqual([{ at: start, offset: EDT }]);
  });

  it('every half hour of the wall clock from 2025 to 2030 names the instant the rule gives', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (let local = Date.UTC(2025, 0, 1); local < Date.UTC(2031, 0, 1); local += 30 * MINUTE, checked++) {
      const t = courtTimeFromLocal(local);
      if (t.epochMs !== instantOf(local) || t.offsetMs !== offsetOf(t.epochMs)) wrong.push(new Date(local).toISOString());
    }
    expect(checked).toBe((6 * 365 + 1) * 48); // 2028 is a leap year
    expect(wrong).toEqual([]);
  });

  for (const year of [2025, 2026, 2027, 2028, 2029, 2030]) {
    it(`${year}: the skipped hour moves forward, the repeated hour is the earlier; the minutes either side are ordinary`, () => {
      const { startMonth, startDay, endMonth, endDay } = dstRule(year);
      const spring = (h: number, m: number) => formatCourtTime(courtTimeFromLocal(Date.UTC(year, startMonth - 1, startDay, h, m)));
      const autumn = (h: number, m: number) => formatCourtTime(courtTimeFromLocal(Date.UTC(year, endMonth - 1, endDay, h, m)));
      const date = (month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const spr = date(startMonth, startDay);
      const aut = date(endMonth, endDay);
      expect(spring(1, 59)).toBe(`${spr}T01:59:00-05:00`);
      expect(spring(2, 0)).toBe(`${spr}T03:00:00-04:00`);
      expect(spring(2, 30)).toBe(`${spr}T03:30:00-04:00`);
      expect(spring(2, 59)).toBe(`${spr}T03:59:00-04:00`);
      expect(spring(3, 0)).toBe(`${spr}T03:00:00-04:00`);
      expect(autumn(0, 59)).toBe(`${aut}T00:59:00-04:00`);
      expect(autumn(1, 0)).toBe(`${aut}T01:00:00-04:00`);
      expect(autumn(1, 59)).toBe(`${aut}T01:59:00-04:00`);
      expect(autumn(2, 0)).toBe(`${aut}T02:00:00-05:00`);
      // The reminders' 08:00 (and any hour) on the court's clock resolves the same way.
      const zone = 'America/New_York';
      expect(new Date(atLocalHour(spr, 2, zone)).toISOString()).toBe(`${spr}T07:00:00.000Z`);
      expect(new Date(atLocalHour(spr, 3, zone)).toISOString()).toBe(`${spr}T07:00:00.000Z`);
      expect(new Date(atLocalHour(aut, 1, zone)).toISOString()).toBe(`${aut}T05:00:00.000Z`);
      expect(new Date(atLocalHour(aut, 2, zone)).toISOString()).toBe(`${aut}T07:00:00.000Z`);
      for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += DAY) {
        const iso = new Date(day).toISOString().slice(0, 10);
        expect(atLocalHour(iso, 8, zone), iso).toBe(instantOf(day + 8 * HOUR));
      }
    });
  }
});
