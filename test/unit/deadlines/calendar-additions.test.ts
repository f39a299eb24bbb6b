/** Adding days to a calendar: each refusal, replacement of a day's note, ranges, and the version. */
import { describe, expect, it } from 'vitest';
import { dayFacts, defaultCalendar, parseIsoDay, withDays } from '../../../core/calendar';

const facts = (cal: ReturnType<typeof withDays>, iso: string) => dayFacts(cal, parseIsoDay(iso)!);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(RangeError);
    return (err as Error).message;
  }
  return 'no error';
};

describe('withDays refuses', () => {
  it.each<[string, Parameters<typeof withDays>[1], string]>([
    ['a malformed day', { closures: ['2026-13-01'] }, 'closures[0]: "2026-13-01" is not a valid ISO date (YYYY-MM-DD)'],
    ['a second malformed day, by its index', { holidays: ['2026-06-01', '06/02/2026'] }, 'holidays[1]: "06/02/2026" is not a valid ISO date (YYYY-MM-DD)'],
    ['a note without a label', { dcHolidays: [{ date: '2026-06-02', label: '' }] }, 'dcHolidays[0]: a label is required'],
    ['a range with a bad start', { shutdowns: [{ from: '2026-10-32', to: '2026-11-01' }] }, 'shutdowns[0].from: "2026-10-32" is not a valid ISO date'],
    ['a range with a bad end', { shutdowns: [{ from: '2026-10-01', to: 'soon' }] }, 'shutdowns[0].to: "soon" is not a valid ISO date'],
    ['a range that ends before it starts', { shutdowns: [{ from: '2026-10-05', to: '2026-10-01' }] }, 'shutdowns[0]: "to" is before "from"'],
  ])('%s', (_name, additions, message) => {
    expect(refusal(() => withDays(defaultCalendar, additions))).toBe(message);
  });

  it('takes a one-day range', () => {
    const cal = withDays(defaultCalendar, { shutdowns: [{ from: '2026-10-01', to: '2026-10-01', label: 'one day' }] });
    expect(facts(cal, '2026-10-01')).toEqual({ shutdown: 'one day' });
    expect(facts(cal, '2026-10-02')).toEqual({});
    expect(facts(cal, '2026-09-30')).toEqual({});
  });
});

describe('withDays', () => {
  it('keeps the base days, adds the new ones in date order, and a later note for a day replaces the earlier', () => {
    const a = withDays(defaultCalendar, { courtClosures: [{ date: '2026-03-16', label: 'snow' }, { date: '2026-03-10', label: 'power' }] });
    expect(a.courtClosures).toEqual([{ date: '2026-03-10', label: 'power' }, { date: '2026-03-16', label: 'snow' }]);
    const b = withDays(a, { courtClosures: [{ date: '2026-03-16', label: 'flood' }] });
    expect(b.courtClosures).toEqual([{ date: '2026-03-10', label: 'power' }, { date: '2026-03-16', label: 'flood' }]);
    expect(facts(b, '2026-03-16')).toEqual({ courtClosure: 'flood' });
    // The base closures stay.
    expect(b.closures).toEqual(defaultCalendar.closures);
  });

  it('lists a lapse once however often it is added, sorted by start', () => {
    const range = { from: '2026-10-01', to: '2026-10-03', label: 'lapse' };
    const cal = withDays(withDays(defaultCalendar, { shutdowns: [range] }), { shutdowns: [range, { from: '2026-01-05', to: '2026-01-06' }] });
    expect(cal.shutdowns.map((r) => `${r.from}..${r.to}`)).toEqual(['2025-10-01..2025-11-12', '2026-01-05..2026-01-06', '2026-10-01..2026-10-03']);
    expect(cal.shutdowns.find((r) => r.from === '2026-01-05')!.label).toBe('lapse in appropriations, 2026-01-05 - 2026-01-06');
  });

  it('gives different contents different versions, and equal contents one', () => {
    const v = (adds: Parameters<typeof withDays>[1]) => withDays(defaultCalendar, adds).version;
    const versions = new Set([v({}), v({ holidays: ['2026-06-01'] }), v({ closures: ['2026-06-01'] }), v({ dcHolidays: ['2026-06-01'] }), v({ courtClosures: ['2026-06-01'] }), v({ shutdowns: [{ from: '2026-06-01', to: '2026-06-01' }] })]);
    expect(versions.size).toBe(6);
    expect(v({})).toBe(defaultCalendar.version);
    expect(defaultCalendar.version).toMatch(/^cal-[0-9a-f]{8}$/);
  });

  it('weekends are Saturday and Sunday only, with the other facts of the day', () => {
    const cal = withDays(defaultCalendar, { courtClosures: ['2026-03-07'] });
    expect(facts(cal, '2026-03-07')).toEqual({ weekend: 'Saturday', courtClosure: "court closure: clerk's office inaccessible" });
    expect(facts(cal, '2026-03-08')).toEqual({ weekend: 'Sunday' });
    for (const d of ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']) expect(facts(cal, d), d).toEqual({});
  });

  it('a declared holiday on a federal one keeps the federal one', () => {
    const cal = withDays(defaultCalendar, { holidays: [{ date: '2026-07-03', label: 'declared again' }] });
    expect(facts(cal, '2026-07-03').holiday).toEqual({ date: '2026-07-03', name: 'Independence Day (observed)', citation: '5 U.S.C. 6103(a)' });
  });
});
