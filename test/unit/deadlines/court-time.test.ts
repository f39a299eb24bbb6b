/**
 * Wall-clock times at the court resolved to instants (the docket reader gives times as the court
 * states them): a time the autumn change repeats is its earlier instant, a time the spring change
 * skips is read with the offset before it, as Temporal's "compatible" does.
 */
import { describe, expect, it } from 'vitest';
import { courtTimeFromLocal, formatCourtTime } from '../../../core/deadlines/time';

const at = (y: number, m: number, d: number, h: number, min: number) => formatCourtTime(courtTimeFromLocal(Date.UTC(y, m - 1, d, h, min)));

describe('courtTimeFromLocal', () => {
  it('an ordinary time, in winter and in summer', () => {
    expect(at(2026, 1, 15, 9, 30)).toBe('2026-01-15T09:30:00-05:00');
    expect(at(2026, 7, 15, 9, 30)).toBe('2026-07-15T09:30:00-04:00');
  });

  it('01:30 on Sunday 1 November 2026 happens twice: the first, still daylight time', () => {
    const t = courtTimeFromLocal(Date.UTC(2026, 10, 1, 1, 30));
    expect(new Date(t.epochMs).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(formatCourtTime(t)).toBe('2026-11-01T01:30:00-04:00');
  });

  it('02:30 on Sunday 8 March 2026 does not happen: read with the offset before the change, 03:30 daylight time', () => {
    const t = courtTimeFromLocal(Date.UTC(2026, 2, 8, 2, 30));
    expect(new Date(t.epochMs).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(formatCourtTime(t)).toBe('2026-03-08T03:30:00-04:00');
  });
});
