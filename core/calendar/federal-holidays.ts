/**
 * Legal public holidays (5 U.S.C. 6103) on the days federal offices observe them.
 *
 * 6103(a) holidays come from @18f/us-federal-holidays (Saturday -> Friday, Sunday -> Monday,
 * as 6103(b) and Executive Order 11582 provide). Inauguration Day (6103(c)) is added here.
 */
import { allForYear } from '@18f/us-federal-holidays';
import { epochDayOf, parseIsoDay, weekdayOf, type EpochDay } from './days';

/** Identifies the holiday rules; part of every calendar's version hash. */
export const FEDERAL_HOLIDAY_SOURCE = '5 U.S.C. 6103 via @18f/us-federal-holidays@4; 6103(c) Inauguration Day';

export interface Holiday {
  date: string;
  /** e.g. "Independence Day (observed)" */
  name: string;
  citation: string;
}

/** Holidays fixed to a calendar date; if observed on another day we say "(observed)". */
const FIXED_DATES: Record<string, string> = {
  "New Year's Day": '01-01',
  'Juneteenth National Independence Day': '06-19',
  'Independence Day': '07-04',
  'Veterans Day': '11-11',
  'Christmas Day': '12-25',
};

/**
 * The holidays of `year` as OPM lists them: a New Year's Day that falls on a Saturday is
 * observed on December 31 and belongs to the next year's list (OPM prints it there too).
 */
export function federalHolidaysOfYear(year: number): Holiday[] {
  const list: Holiday[] = allForYear(year).map((h) => {
    const fixed = FIXED_DATES[h.name];
    const observed = fixed !== undefined && h.dateString.slice(5) !== fixed;
    return { date: h.dateString, name: observed ? `${h.name} (observed)` : h.name, citation: '5 U.S.C. 6103(a)' };
  });
  const inauguration = inaugurationDay(year);
  if (inauguration) list.push(inauguration);
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * 5 U.S.C. 6103(c): January 20 of each fourth year after 1965, for employees in the D.C. area;
 * if it is a Sunday, the next day. No Saturday -> Friday shift (6103(c) has none; OPM agrees).
 * Treated as a holiday for every clock: the court and the agency offices Docketwatch tracks
 * (IRS, ICE, DHS, Treasury headquarters) are in the D.C. area (judgement call).
 */
function inaugurationDay(year: number): Holiday | undefined {
  if (year < 1969 || (year - 1965) % 4 !== 0) return undefined;
  const jan20 = epochDayOf(year, 1, 20);
  const wd = weekdayOf(jan20);
  if (wd === 6) return undefined;
  const date = `${year}-01-${wd === 0 ? '21' : '20'}`;
  return { date, name: 'Inauguration Day (D.C. area)', citation: '5 U.S.C. 6103(c)' };
}

const byYear = new Map<number, Map<EpochDay, Holiday>>();

/** Holidays observed on dates in `year`, keyed by day (includes next year's Dec 31 New Year's). */
function observedIn(year: number): Map<EpochDay, Holiday> {
  let map = byYear.get(year);
  if (map) return map;
  map = new Map();
  for (const h of [...federalHolidaysOfYear(year), ...federalHolidaysOfYear(year + 1)]) {
    if (!h.date.startsWith(`${year}-`)) continue;
    const day = parseIsoDay(h.date)!;
    const same = map.get(day);
    // 2025-01-20 was both MLK Day and Inauguration Day: keep both names.
    map.set(day, same ? { ...same, name: `${same.name}; ${h.name}`, citation: `${same.citation}, ${h.citation}` } : h);
  }
  byYear.set(year, map);
  return map;
}

export function federalHolidayOn(day: EpochDay, year: number): Holiday | undefined {
  return observedIn(year).get(day);
}
