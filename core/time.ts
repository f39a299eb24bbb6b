/** Small time helpers on Intl alone (no polyfill needed for these). */
export const COURT_TIME_ZONE = 'America/New_York';

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(instant: Date, timeZone: string = COURT_TIME_ZONE): string {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, f);
  }
  return f.format(instant);
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
