/** recomputeAll: what moved after a calendar change, with what it was, and what did not. */
import { describe, expect, it } from 'vitest';
import { defaultCalendar, withDays } from '../../../core/calendar';
import { recomputeAll, type OpenDeadline } from '../../../core/deadlines';

describe('recomputeAll', () => {
  const open: OpenDeadline[] = [
    // Its alternative moves (another closure in the count), its date does not.
    { id: 'a', request: { rule: 'foia.response', trigger: '2024-12-20' }, due: '2025-01-22', alternativeDue: '2025-01-24' },
    // Moves: the court closes on its last day.
    { id: 'b', request: { rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 14 } }, due: '2026-03-16' },
    // Untouched.
    { id: 'c', request: { rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 10 } }, due: '2026-03-12' },
  ];
  const changed = withDays(defaultCalendar, { courtClosures: ['2026-03-16'], closures: ['2025-01-10'] });

  it('lists a deadline whose date or alternative moved, with the previous values, and leaves the rest', () => {
    const out = recomputeAll(open, changed);
    expect(out.calendarVersion).toBe(changed.version);
    expect(out.changed.map((c) => [c.id, c.previousDue, c.previousAlternativeDue, c.result.due, c.result.alternative?.due])).toEqual([
      ['a', '2025-01-22', '2025-01-24', '2025-01-22', '2025-01-27'],
      ['b', '2026-03-16', undefined, '2026-03-17', undefined],
    ]);
    expect(out.changed[1]).not.toHaveProperty('previousAlternativeDue');
    expect(out.unchanged).toEqual(['c']);
  });

  it('with the same calendar, nothing moved', () => {
    const out = recomputeAll(open.slice(1), defaultCalendar);
    expect(out.changed).toEqual([]);
    expect(out.unchanged).toEqual(['b', 'c']);
  });
});
