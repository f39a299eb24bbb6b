/** Dates, moments and the years the engine counts in: the checks the body schemas (schema.ts) share. */
import { dateIn } from './time';

export interface FieldError {
  field: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isIsoDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && isIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

/** Clock skew allowed between a client and the server before a moment counts as in the future. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** A date (YYYY-MM-DD) or a date-time with its offset. */
export function isIsoMoment(value: unknown): value is string {
  return typeof value === 'string' && (isIsoDate(value) || isIsoDateTime(value));
}

/** The years a date of an event, a receipt or a calendar day may fall in: the deadline engine counts within them. */
export const ENGINE_YEARS = { first: 1990, last: 2199 } as const;
/** The years a date range of records sought may name (records older than the engine's range exist). */
export const RECORD_YEARS = { first: 1900, last: 2199 } as const;

/** Whether a date or date-time falls within the years given (its calendar date, as written). */
export function inYears(value: string, years: { first: number; last: number }): boolean {
  const year = Number(value.slice(0, 4));
  return year >= years.first && year <= years.last;
}

export const yearsMessage = (years: { first: number; last: number }) => `must fall between ${years.first} and ${years.last}`;

/** A bare date is after today at the court; a date-time is later than now beyond the skew allowed. */
export function isFuture(value: string, now: Date): boolean {
  return isIsoDate(value) ? value > dateIn(now) : Date.parse(value) > now.getTime() + FUTURE_TOLERANCE_MS;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
