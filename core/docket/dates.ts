/**
 * Dates written in docket text ("on or before October 24, 2025", "by 6/6/2025", "set for
 * 6/2/2025 at 10:00 AM"), read with chrono-node's strict English parser. Only dates that name a
 * day, month and year (a year may be implied from the entry's date) count; relative phrases
 * ("within 14 days") are periods, read by the docket reader and counted by the engine, never by
 * chrono's arithmetic. A written date that does not exist ("2/30/2026") is reported, not dropped.
 */
import { strict } from 'chrono-node/en';
import { courtDateTime } from './sources';

export interface TextDate {
  /** ISO date. */
  day: string;
  /** ISO date-time with the court's offset, when the text gives a time of day. */
  at?: string;
  index: number;
  /** The words chrono read. */
  text: string;
}

/** Dates named in `text`, in order. `reference` (ISO date) settles a missing year. */
export function datesIn(text: string, reference: string): TextDate[] {
  const ref = new Date(`${reference}T12:00:00Z`);
  const out: TextDate[] = [];
  for (const r of strict.parse(text, { instant: ref, timezone: 0 }, { forwardDate: true })) {
    const s = r.start;
    if (!s.isCertain('day') || !s.isCertain('month')) continue;
    const y = s.get('year')!;
    const m = s.get('month')!;
    const d = s.get('day')!;
    const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const at = s.isCertain('hour') ? courtDateTime(day, s.get('hour')!, s.get('minute') ?? 0) : undefined;
    out.push({ day, ...(at ? { at } : {}), index: r.index, text: r.text });
  }
  return out;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const WRITTEN_DATE = new RegExp(`\\b(?:\\d{1,2}/\\d{1,2}/\\d{2,4}|(?:${MONTHS}) \\d{1,2}, \\d{4})\\b`, 'gi');

/** Written dates chrono could not read as a real day (February 30, 13/1/2026). */
export function impossibleDates(text: string, reference: string): string[] {
  const read = datesIn(text, reference);
  const out: string[] = [];
  for (const m of text.matchAll(WRITTEN_DATE)) {
    const start = m.index;
    const covered = read.some((r) => start >= r.index && start < r.index + r.text.length);
    if (!covered) out.push(m[0]);
  }
  return out;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  'twenty-one': 21, 'twenty-eight': 28, thirty: 30, 'forty-five': 45, sixty: 60, ninety: 90,
};

/** "14", "fourteen", "fourteen (14)": a whole number of days, or undefined. */
export function numberOf(words: string): number | undefined {
  const digits = /\d+/.exec(words);
  if (digits) return Number(digits[0]);
  return NUMBER_WORDS[words.trim().toLowerCase()];
}

export const NUMBER_PATTERN = `(\\d+|${Object.keys(NUMBER_WORDS).join('|')})(?: \\(\\d+\\))?`;
