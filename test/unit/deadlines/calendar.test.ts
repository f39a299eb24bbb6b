/**
 * Calendars: legal public holidays on their observed dates, checked against OPM's published
 * tables (opm.gov/policy-data-oversight/pay-leave/federal-holidays), 2024 through 2028.
 */
import { describe, expect, it } from 'vitest';
import {
  dayFacts,
  defaultCalendar,
  emancipationDay,
  federalHolidaysOfYear,
  isoOf,
  labelDay,
  parseIsoDay,
  withDays,
  weekdayName,
} from '../../../core/calendar';

const facts = (date: string, cal = defaultCalendar) => dayFacts(cal, parseIsoDay(date)!);

// OPM "Federal Holidays" tables. "*" in OPM's tables marks an in-lieu day (5 U.S.C. 6103(b),
// E.O. 11582): a holiday on Saturday is observed Friday, on Sunday the following Monday.
// January 1, 2028 is a Saturday: OPM lists Friday, December 31, 2027 in its 2028 table.
const OPM: Record<number, string[]> = {
  2024: ['2024-01-01', '2024-01-15', '2024-02-19', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02', '2024-10-14', '2024-11-11', '2024-11-28', '2024-12-25'],
  2025: ['2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25'],
  2026: ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'],
  2027: ['2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24'],
  2028: ['2027-12-31', '2028-01-17', '2028-02-21', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-10-09', '2028-11-10', '2028-11-23', '2028-12-25'],
};

describe('legal public holidays (5 U.S.C. 6103) against OPM tables', () => {
  for (const [year, dates] of Object.entries(OPM)) {
    it(`${year}: the eleven 6103(a) holidays on OPM's observed dates`, () => {
      const listed = federalHolidaysOfYear(Number(year)).filter((h) => h.citation === '5 U.S.C. 6103(a)').map((h) => h.date);
      expect(listed).toEqual(dates);
      for (const d of dates) expect(facts(d).holiday, d).toMatchObject({ date: d, citation: expect.stringContaining('5 U.S.C. 6103(a)') });
    });
  }

  it('the day lookup finds a New Year observed on December 31 of the year before', () => {
    expect(facts('2027-12-31').holiday?.name).toBe("New Year's Day (observed)");
    expect(facts('2028-01-01').holiday).toBeUndefined(); // Saturday itself is not the holiday
  });

  it('labels in-lieu days as observed', () => {
    expect(facts('2026-07-03').holiday?.name).toBe('Independence Day (observed)');
    expect(facts('2027-07-05').holiday?.name).toBe('Independence Day (observed)');
    expect(facts('2026-07-04').holiday).toBeUndefined();
  });
});

describe('Inauguration Day (5 U.S.C. 6103(c), D.C. area)', () => {
  it('2025-01-20 is both MLK Day and Inauguration Day', () => {
    const h = facts('2025-01-20').holiday!;
    expect(h.name).toContain('Martin Luther King');
    expect(h.name).toContain('Inauguration Day');
  });
  it('falls on January 20 in a weekday year (2033) and moves off a Sunday to Monday (2013)', () => {
    expect(facts('2033-01-20').holiday?.name).toContain('Inauguration Day');
    expect(facts('2013-01-21').holiday?.name).toContain('Inauguration Day');
  });
  it('has no in-lieu day when January 20 is a Saturday (2029)', () => {
    expect(weekdayName(parseIsoDay('2029-01-20')!)).toBe('Saturday');
    expect(facts('2029-01-19').holiday).toBeUndefined();
  });
  it('is only every fourth year', () => {
    expect(facts('2026-01-20').holiday).toBeUndefined();
  });
});

describe('D.C. Emancipation Day (April 16; Saturday -> Friday, Sunday -> Monday)', () => {
  it.each([
    [2026, '2026-04-16'], // Thursday
    [2027, '2027-04-16'], // Friday
    [2022, '2022-04-15'], // Saturday -> Friday
    [2023, '2023-04-17'], // Sunday -> Monday
    [2028, '2028-04-17'], // Sunday -> Monday
  ])('%i is observed on %s', (year, date) => {
    expect(emancipationDay(year)?.date).toBe(date);
    expect(facts(date).dcHoliday).toContain('Emancipation Day');
  });
  it('is not a federal holiday', () => {
    expect(facts('2026-04-16').holiday).toBeUndefined();
  });
});

describe('closures and lapses as data', () => {
  it.each(['2024-12-24', '2025-01-09', '2025-12-24', '2025-12-26'])('%s is an executive-order closure', (d) => {
    expect(facts(d).closure).toMatch(/executive order/);
  });
  it('the 2025 lapse in appropriations runs 2025-10-01 through 2025-11-12', () => {
    expect(facts('2025-09-30').shutdown).toBeUndefined();
    expect(facts('2025-10-01').shutdown).toMatch(/lapse/);
    expect(facts('2025-11-12').shutdown).toMatch(/lapse/);
    expect(facts('2025-11-13').shutdown).toBeUndefined();
  });
});

describe('versions', () => {
  it('adding a day gives a new version; the base calendar is unchanged', () => {
    const next = withDays(defaultCalendar, { courtClosures: ['2026-03-16'] });
    expect(next.version).not.toBe(defaultCalendar.version);
    expect(dayFacts(next, parseIsoDay('2026-03-16')!)).toStrictEqual({ courtClosure: "court closure: clerk's office inaccessible" });
    expect(facts('2026-03-16').courtClosure).toBeUndefined();
  });
  it('the same facts give the same version (content-addressed)', () => {
    const a = withDays(defaultCalendar, { closures: [{ date: '2026-12-24', label: 'E.O. closure' }] });
    const b = withDays(defaultCalendar, { closures: [{ date: '2026-12-24', label: 'E.O. closure' }] });
    expect(a.version).toBe(b.version);
    expect(withDays(a, {}).version).toBe(a.version);
  });
  // Strict: a day's facts hold a key only for what applies to it, never one set to undefined.
  it('each kind of addition is recorded', () => {
    const cal = withDays(defaultCalendar, {
      holidays: ['2026-06-01'],
      dcHolidays: ['2026-06-02'],
      shutdowns: [{ from: '2026-10-01', to: '2026-10-03' }],
    });
    expect(dayFacts(cal, parseIsoDay('2026-06-01')!)).toStrictEqual({ holiday: { date: '2026-06-01', name: 'legal public holiday declared by Congress', citation: 'Act of Congress' } });
    expect(dayFacts(cal, parseIsoDay('2026-06-02')!)).toStrictEqual({ dcHoliday: 'District of Columbia holiday' });
    expect(dayFacts(cal, parseIsoDay('2026-10-02')!)).toStrictEqual({ shutdown: 'lapse in appropriations, 2026-10-01 - 2026-10-03' });
    // Outside the shutdown's range, nothing.
    expect(dayFacts(cal, parseIsoDay('2026-10-05')!)).toStrictEqual({});
  });
  it('rejects a malformed day', () => {
    expect(() => withDays(defaultCalendar, { courtClosures: ['2026-02-30'] })).toThrow(/courtClosures\[0\]/);
  });
});

describe('day arithmetic', () => {
  it('round-trips ISO dates and names weekdays', () => {
    expect(isoOf(parseIsoDay('2024-02-29')!)).toBe('2024-02-29');
    expect(parseIsoDay('2025-02-29')).toBeUndefined();
    expect(labelDay(parseIsoDay('1970-01-01')!)).toBe('1970-01-01 (Thursday)');
    expect(weekdayName(parseIsoDay('2026-03-02')!)).toBe('Monday');
  });
  it('refuses a month or day that is not in the calendar, wherever the arithmetic would land', () => {
    // Day-from-date arithmetic starts its year in March, so month 15 is "March" and 2026-15-01
    // comes out as 2026-03-01: same year and day, another month. Month 13 would be January 2027.
    expect(isoOf(parseIsoDay('2026-03-01')!)).toBe('2026-03-01');
    for (const text of ['2026-15-01', '2026-13-01', '2026-00-15', '2026-04-31', '2026-01-00', '2026-12-32']) {
      expect(parseIsoDay(text), text).toBeUndefined();
    }
  });
});
