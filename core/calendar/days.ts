/**
 * Calendar dates as whole days since 1970-01-01 ("epoch days"). Deadline arithmetic walks
 * day by day, so it works on plain integers: no time zone, no DST, no allocation.
 */
export type EpochDay = number;

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from civil date (H. Hinnant's algorithm, proleptic Gregorian). */
export function epochDayOf(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date from days (inverse of epochDayOf). */
export function civilOf(days: EpochDay): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The epoch day of a strict ISO date (YYYY-MM-DD), or undefined if it is not a real date. */
export function parseIsoDay(text: string): EpochDay | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = epochDayOf(year, month, day);
  const back = civilOf(days);
  return back.year === year && back.month === month && back.day === day ? days : undefined;
}

export function isoOf(days: EpochDay): string {
  const { year, month, day } = civilOf(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday ... 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(days: EpochDay): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function weekdayName(days: EpochDay): WeekdayName {
  return WEEKDAYS[weekdayOf(days)]!;
}

/** "2026-03-07 (Saturday)": how a lawyer reads a date in a receipt. */
export function labelDay(days: EpochDay): string {
  return `${isoOf(days)} (${weekdayName(days)})`;
}

/** A dated fact of the calendar: a holiday, a closure, a court closure, with what it was. */
export interface DayNote {
  date: string;
  label: string;
  /** The order that made the day what it is (an executive order, a court-closure order). */
  order?: string;
  /**
   * A court closure's building: `SCOTUS` for the Supreme Court's; absent for the Prettyman
   * courthouse, which the District Court and the Court of Appeals for the D.C. Circuit share.
   */
  court?: 'SCOTUS';
}

/** A span of days, such as a lapse in appropriations. */
export interface DayRange {
  from: string;
  to: string;
  label: string;
}
