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
    ['a court closure of a building kept with no list of its own', { courtClosures: [{ date: '2026-03-16', label: 'snow', court: 'CADC' as 'SCOTUS' }] }, 'courtClosures[0].court: only "SCOTUS" (the Supreme Court building) is kept apart from the D.C. courthouse'],
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
  it('keeps the order a closure cites and the building a court closure names', () => {
    const cal = withDays(defaultCalendar, {
      closures: [{ date: '2026-12-24', label: 'Christmas Eve', order: 'E.O. 14999' }],
      courtClosures: [{ date: '2026-03-16', label: 'snow', court: 'SCOTUS' }],
    });
    expect(cal.closures.find((n) => n.date === '2026-12-24')).toEqual({ date: '2026-12-24', label: 'Christmas Eve', order: 'E.O. 14999' });
    expect(cal.courtClosures).toEqual([{ date: '2026-03-16', label: 'snow', court: 'SCOTUS' }]);
    expect(facts(cal, '2026-03-16')).toEqual({ supremeCourtClosure: 'snow' });
  });

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

describe('calendar edges', () => {
  it('parses only real dates', async () => {
    const { parseIsoDay: parse } = await import('../../../core/calendar');
    for (const bad of ['2026-02-30', '2026-04-31', '2025-02-29', '2026-13-01', '2026-00-10', '2026-03-00', '2026-3-01']) expect(parse(bad), bad).toBeUndefined();
    expect(parse('2024-02-29')).toBe(parse('2024-03-01')! - 1);
  });

  it('the default calendar adds no holidays, D.C. holidays or court closures of its own', () => {
    expect([defaultCalendar.holidays, defaultCalendar.dcHolidays, defaultCalendar.courtClosures]).toEqual([[], [], []]);
  });

  it('keeps two lapses that start on one day, shorter first', () => {
    const cal = withDays(defaultCalendar, { shutdowns: [{ from: '2026-10-01', to: '2026-10-09' }, { from: '2026-10-01', to: '2026-10-03' }] });
    expect(cal.shutdowns.filter((r) => r.from === '2026-10-01').map((r) => r.to)).toEqual(['2026-10-03', '2026-10-09']);
    const sameEnd = withDays(defaultCalendar, { shutdowns: [{ from: '2026-10-02', to: '2026-10-09' }, { from: '2026-10-01', to: '2026-10-09' }] });
    expect(sameEnd.shutdowns.filter((r) => r.to === '2026-10-09').map((r) => r.from)).toEqual(['2026-10-01', '2026-10-02']);
  });
});

describe('holidays by year', () => {
  it('D.C. Emancipation Day from 2005, observed when it falls on a weekend', async () => {
    const { emancipationDay } = await import('../../../core/calendar');
    expect(emancipationDay(2004)).toBeUndefined();
    expect(emancipationDay(2005)).toEqual({ date: '2005-04-15', name: 'D.C. Emancipation Day (observed)' });
    expect(emancipationDay(2026)).toEqual({ date: '2026-04-16', name: 'D.C. Emancipation Day' });
    expect(emancipationDay(2028)).toEqual({ date: '2028-04-17', name: 'D.C. Emancipation Day (observed)' });
  });

  it('names a fixed-date holiday "(observed)" only when it moved, and lists the year in date order', async () => {
    const { federalHolidaysOfYear } = await import('../../../core/calendar');
    const y2026 = federalHolidaysOfYear(2026);
    expect(y2026.find((h) => h.date === '2026-07-03')!.name).toBe('Independence Day (observed)');
    expect(y2026.find((h) => h.date === '2026-01-01')!.name).toBe("New Year's Day");
    expect(y2026.find((h) => h.date === '2026-01-19')!.name).toBe('Birthday of Martin Luther King, Jr.');
    const y2025 = federalHolidaysOfYear(2025);
    expect(y2025.map((h) => h.date)).toEqual([...y2025.map((h) => h.date)].sort());
    expect(y2025.filter((h) => h.date === '2025-01-20').map((h) => h.citation)).toEqual(['5 U.S.C. 6103(a)', '5 U.S.C. 6103(c)']);
  });

  it('Inauguration Day every fourth year from 1969, moved from a Sunday, never from a Saturday', async () => {
    const { federalHolidaysOfYear } = await import('../../../core/calendar');
    const inauguration = (year: number) => federalHolidaysOfYear(year).filter((h) => h.citation === '5 U.S.C. 6103(c)').map((h) => h.date);
    expect(inauguration(1965)).toEqual([]);
    expect(inauguration(1969)).toEqual(['1969-01-20']);
    expect(inauguration(2026)).toEqual([]);
    // January 20, 2013 was a Sunday: Monday the 21st.
    expect(inauguration(2013)).toEqual(['2013-01-21']);
    // January 20, 2029 is a Saturday: no day off.
    expect(inauguration(2029)).toEqual([]);
  });
});
