/**
 * A small reader for untrusted JSON: each accessor records a field error with its dotted path
 * instead of throwing, so one 400 answer names every bad field at once.
 */
import { dateIn } from './time';

export interface FieldError {
  field: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is the agency's problem.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

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

export class Reader {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }

  /** Rejects fields not in `allowed`: a typo must not be silently dropped. */
  only(obj: Record<string, unknown>, prefix: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.fail(join(prefix, key), 'is not a recognised field');
    }
  }

  object(obj: Record<string, unknown>, field: string, path: string, required: boolean): Record<string, unknown> | undefined {
    const value = obj[field];
    if (value === undefined || value === null) return required ? this.fail(path, 'is required') : undefined;
    if (!isPlainObject(value)) return this.fail(path, 'must be an object');
    return value;
  }

  string(
    obj: Record<string, unknown>,
    field: string,
    path: string,
    opts: { required?: boolean; min?: number; max: number; pattern?: RegExp; patternMessage?: string },
  ): string | undefined {
    const value = obj[field];
    if (value === undefined || value === null || value === '') {
      return opts.required ? this.fail(path, 'is required') : undefined;
    }
    if (typeof value !== 'string') return this.fail(path, 'must be a string');
    const trimmed = value.trim();
    if (opts.required && trimmed === '') return this.fail(path, 'is required');
    if (trimmed.length < (opts.min ?? 0)) return this.fail(path, `must be at least ${opts.min} characters`);
    if (trimmed.length > opts.max) return this.fail(path, `must be at most ${opts.max} characters`);
    // Control characters have no place in a legal record and break exports.
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(trimmed)) return this.fail(path, 'contains control characters');
    if (opts.pattern && !opts.pattern.test(trimmed)) return this.fail(path, opts.patternMessage ?? 'has an invalid format');
    return trimmed === '' ? undefined : trimmed;
  }

  email(obj: Record<string, unknown>, field: string, path: string): string | undefined {
    return this.string(obj, field, path, { required: true, max: 254, pattern: EMAIL, patternMessage: 'must be an email address' });
  }

  boolean(obj: Record<string, unknown>, field: string, path: string): boolean | undefined {
    const value = obj[field];
    if (typeof value !== 'boolean') return this.fail(path, value === undefined ? 'is required' : 'must be true or false');
    return value;
  }

  number(obj: Record<string, unknown>, field: string, path: string, opts: { min: number; max: number }): number | undefined {
    const value = obj[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(path, 'must be a number');
    if (value < opts.min || value > opts.max) return this.fail(path, `must be between ${opts.min} and ${opts.max}`);
    return value;
  }

  date(obj: Record<string, unknown>, field: string, path: string, years: { first: number; last: number } = ENGINE_YEARS): string | undefined {
    const value = obj[field];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string' || !isIsoDate(value)) return this.fail(path, 'must be a date (YYYY-MM-DD)');
    if (!inYears(value, years)) return this.fail(path, yearsMessage(years));
    return value;
  }

  oneOf<T extends string>(obj: Record<string, unknown>, field: string, path: string, allowed: readonly T[]): T | undefined {
    const value = obj[field];
    if (value === undefined || value === null) return this.fail(path, 'is required');
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      return this.fail(path, `must be one of: ${allowed.join(', ')}`);
    }
    return value as T;
  }
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}
