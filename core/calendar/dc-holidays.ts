/**
 * District of Columbia holidays that are not also federal ones. They matter only for court
 * periods counted forward from an event (FRCP 6(a)(6)(C), FRAP 26(a)(6)(C); "state" includes
 * the District, FRCP 81(d)(2)).
 */
import { epochDayOf, isoOf, weekdayOf } from './days';

/** D.C. Emancipation Day has been a D.C. legal holiday since 2005 (D.C. Code 1-612.02). */
const EMANCIPATION_DAY_FIRST_YEAR = 2005;

export const DC_HOLIDAY_SOURCE = 'D.C. Emancipation Day, April 16, Sat -> Fri, Sun -> Mon, from 2005';

/** April 16, observed on Friday when it falls on a Saturday and on Monday when on a Sunday. */
export function emancipationDay(year: number): { date: string; name: string } | undefined {
  if (year < EMANCIPATION_DAY_FIRST_YEAR) return undefined;
  const april16 = epochDayOf(year, 4, 16);
  const wd = weekdayOf(april16);
  const shift = wd === 6 ? -1 : wd === 0 ? 1 : 0;
  const observed = shift !== 0;
  return { date: isoOf(april16 + shift), name: `D.C. Emancipation Day${observed ? ' (observed)' : ''}` };
}
