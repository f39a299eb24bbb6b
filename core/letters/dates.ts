/**
 * Dates as agencies write them in letters: "October 15, 2025", "Oct. 15th, 2025",
 * "15 October 2025", "10/15/2025", "2025-10-15". A written date that names no real day
 * ("February 30, 2026", "13/01/2026") is returned as impossible, never moved to a nearby day.
 */
import { civilOf, epochDayOf, isoOf, parseIsoDay, type EpochDay } from '../calendar';

export interface LetterDate {
  /** ISO date, or undefined when the written date names no real day. */
  iso?: string;
  index: number;
  text: string;
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const ORD = '(?:st|nd|rd|th)?';
/** One alternation per way of writing a date; the groups of each are read by `civil`. */
export const DATE_SOURCE =
  `\\b${MONTH}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b` +
  `|\\b(\\d{1,2})${ORD}\\s+(?:day\\s+of\\s+)?${MONTH},?\\s+(\\d{4})\\b` +
  `|\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b` +
  `|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`;

function civil(m: RegExpMatchArray): { y: number; mo: number; d: number } {
  if (m[1]) return { y: Number(m[3]), mo: MONTHS[m[1].toLowerCase()]!, d: Number(m[2]) };
  if (m[5]) return { y: Number(m[6]), mo: MONTHS[m[5].toLowerCase()]!, d: Number(m[4]) };
  if (m[7]) return { y: Number(m[9]), mo: Number(m[7]), d: Number(m[8]) };
  return { y: Number(m[10]), mo: Number(m[11]), d: Number(m[12]) };
}

/** The ISO date of year-month-day when that day exists. */
export function realDay(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const c = civilOf(epochDayOf(y, mo, d));
  return c.year === y && c.month === mo && c.day === d ? isoOf(epochDayOf(y, mo, d)) : undefined;
}

/** Every written date in `text`, in order, real or not. */
export function datesIn(text: string): LetterDate[] {
  const out: LetterDate[] = [];
  for (const m of text.matchAll(new RegExp(DATE_SOURCE, 'gi'))) {
    const { y, mo, d } = civil(m);
    const iso = realDay(y, mo, d);
    out.push({ ...(iso ? { iso } : {}), index: m.index, text: m[0] });
  }
  return out;
}

/** The first date in `text`, or undefined; an impossible one is returned as such. */
export function firstDate(text: string): LetterDate | undefined {
  return datesIn(text)[0];
}

export const epochOf = (iso: string): EpochDay => parseIsoDay(iso)!;
