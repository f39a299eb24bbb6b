/**
 * Reading a rule's parameters. Each rule reads what it needs; whatever is left that is not
 * free text is an error (a misspelt `calender_days` must not be silently dropped).
 * Values may arrive as strings (CLI, forms): whole numbers and JSON lists are accepted as text.
 */
import type { EpochDay } from '../calendar';
import { DeadlineInputError } from './errors';
import { parseMoment } from './time';

/** Accepted anywhere and ignored: notes for people, never inputs to a computation. */
export const FREE_TEXT_PARAMS: readonly string[] = [
  'note', 'notes', 'event', 'received_via', 'agency', 'component', 'description', 'label', 'title',
  'matter', 'party', 'requester', 'source', 'comment', 'reference',
];

/** Upper bounds that catch typos (a year typed as a count) without limiting real periods. */
export const LIMITS = { days: 3660, working_days: 2600, hours: 8784 } as const;

export class ParamReader {
  private readonly params: Record<string, unknown>;
  private readonly read = new Set<string>();

  constructor(params: unknown) {
    if (params === undefined || params === null) this.params = {};
    else if (typeof params === 'object' && !Array.isArray(params)) this.params = params as Record<string, unknown>;
    else throw new DeadlineInputError('must be an object of named parameters', 'params');
  }

  has(name: string): boolean {
    return this.value(name) !== undefined;
  }

  /** Whether a rule has read `name` (so the engine knows which parameters are left over). */
  consumed(name: string): boolean {
    return this.read.has(name);
  }

  /** Whether `name` was given, without marking it read. */
  given(name: string): boolean {
    const v = this.params[name];
    return v !== undefined && v !== null;
  }

  /** Free text (a name as intake writes it), trimmed; undefined when absent or empty. */
  text(name: string): string | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string') throw this.error(name, `must be text, not ${JSON.stringify(raw)}`);
    return raw.trim() || undefined;
  }

  /** true / false, also as the text "true" / "false" (the CLI passes strings). */
  bool(name: string): boolean | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    if (raw === true || raw === 'true') return true;
    if (raw === false || raw === 'false') return false;
    throw this.error(name, `must be true or false, not ${JSON.stringify(raw)}`);
  }

  /** A whole number in [min, max], or undefined when absent. */
  int(name: string, bounds: { min: number; max: number }): number | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    const n = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw this.error(name, `must be a whole number, not ${JSON.stringify(raw)}`);
    if (n < bounds.min) throw this.error(name, n < 0 ? `must not be negative (got ${n})` : `must be at least ${bounds.min} (got ${n})`);
    if (n > bounds.max) throw this.error(name, `must be at most ${bounds.max} (got ${n})`);
    return n;
  }

  /** An ISO date or date-time (taken as its date at the court). */
  day(name: string): EpochDay | undefined {
    const raw = this.value(name);
    return raw === undefined ? undefined : parseMoment(raw, `params.${name}`).day;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    if (typeof raw === 'string' && (values as readonly string[]).includes(raw)) return raw as T;
    throw this.error(name, `must be one of ${values.map((v) => `"${v}"`).join(', ')}, not ${JSON.stringify(raw)}`);
  }

  /** A list, given as an array or as JSON text (the CLI passes strings). */
  list(name: string): unknown[] | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    let value = raw;
    if (typeof raw === 'string') {
      try {
        value = JSON.parse(raw);
      } catch {
        throw this.error(name, 'must be a JSON list');
      }
    }
    if (!Array.isArray(value)) throw this.error(name, 'must be a list');
    return value;
  }

  /** Throws for the first parameter no one read that is not free text. */
  finish(ruleId: string): void {
    for (const name of Object.keys(this.params)) {
      // null is no value, as value() and given() read it.
      if (this.read.has(name) || FREE_TEXT_PARAMS.includes(name) || this.params[name] === undefined || this.params[name] === null) continue;
      throw this.error(name, `is not a parameter of ${ruleId}`);
    }
  }

  error(name: string, message: string): DeadlineInputError {
    return new DeadlineInputError(message, `params.${name}`);
  }

  private value(name: string): unknown {
    this.read.add(name);
    const v = this.params[name];
    return v === null ? undefined : v;
  }
}
