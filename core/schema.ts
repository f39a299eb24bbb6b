/**
 * The building blocks of every request body's schema (Valibot): one definition gives the
 * TypeScript type, the runtime check and the JSON Schema of the HTTP document. Each block
 * answers with the messages the API has always given, and a body is checked whole, so one 400
 * names every bad field at once (one message per field: the first check it fails).
 */
import * as v from 'valibot';
import { ENGINE_YEARS, inYears, isFuture, isIsoDate, isIsoMoment, isPlainObject, yearsMessage, type FieldError } from './validate';

export type { FieldError };
type AnySchema = v.GenericSchema<unknown, unknown>;
type Issue = v.BaseIssue<unknown>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

// Control characters have no place in a legal record and break exports.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is the agency's problem.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

const absent = (x: unknown) => x === undefined || x === null;
const required = (otherwise: string) => (issue: Issue) => (absent(issue.input) ? 'is required' : otherwise);

/** `team[0].email`: the path as the API has always named fields. */
function fieldOf(issue: Issue): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** The first issue of each field, in the order found: what the answer's `errors` lists. */
export function fieldErrors(issues: readonly Issue[], prefix = ''): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of issues) {
    const own = fieldOf(issue);
    const field = prefix && own ? (own.startsWith('[') ? `${prefix}${own}` : `${prefix}.${own}`) : prefix || own;
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issue.message });
  }
  return out;
}

/** Checks a parsed JSON body against a schema of an object. */
export function parseBody<S extends AnySchema>(schema: S, body: unknown): Parsed<v.InferOutput<S>> {
  if (!isPlainObject(body)) return { ok: false, errors: [{ field: '', message: 'The body must be a JSON object' }] };
  const result = v.safeParse(schema, body, { abortEarly: false });
  return result.success ? { ok: true, value: result.output } : { ok: false, errors: fieldErrors(result.issues) };
}

/**
 * An object that names every field it does not know (Valibot's strict object stops at the
 * first): a typo must not be silently dropped, and the answer lists each one. Typed and
 * documented as a strict object (`additionalProperties: false`).
 */
export function closed<E extends v.ObjectEntries>(entries: E, opts: { unknown?: string | ((key: string) => string); unknownLast?: boolean; optional?: boolean } = {}) {
  const unknown = opts.unknown ?? 'is not a recognised field';
  const message = opts.optional ? 'must be an object' : required('must be an object');
  const strict = v.strictObject(entries, message);
  const loose = v.looseObject(entries, message);
  return {
    ...strict,
    '~run'(dataset: v.UnknownDataset, config: v.Config<Issue>) {
      const input = dataset.value;
      // An array is an object to JavaScript, not to JSON.
      if (!isPlainObject(input)) {
        const out = loose['~run'](Array.isArray(input) ? { value: 0 } : dataset, config) as v.OutputDataset<unknown, Issue>;
        return Array.isArray(input) ? { ...out, value: input } : out;
      }
      // A missing member is checked as undefined, so it answers with its own message ("is
      // required", or what it must be), not the object's.
      const missing = Object.keys(entries).filter((key) => !Object.prototype.hasOwnProperty.call(input, key));
      const filled = { ...input, ...Object.fromEntries(missing.map((key) => [key, undefined])) };
      const out = loose['~run']({ value: filled }, config) as v.OutputDataset<unknown, Issue>;
      const value = out.value as Record<string, unknown>;
      for (const key of missing) if (value[key] === undefined) delete value[key];
      const unknownIssues = Object.keys(input)
        .filter((key) => !Object.prototype.hasOwnProperty.call(entries, key))
        .map((key) => {
          delete value[key];
          return issueOf(typeof unknown === 'string' ? unknown : unknown(key), key, [{ type: 'object', origin: 'key', input, key, value: input[key] }]);
        });
      if (!unknownIssues.length) return out;
      const issues = opts.unknownLast ? [...(out.issues ?? []), ...unknownIssues] : [...unknownIssues, ...(out.issues ?? [])];
      return { typed: false, value, issues } as unknown as v.OutputDataset<unknown, Issue>;
    },
  } as typeof strict;
}

/**
 * An optional member: absent and `null` mean "not given" (and so does `''` with `blank`), and
 * come out as undefined. Documented as nullable, as the API accepts it.
 */
export function optional<S extends AnySchema>(schema: S, blank = false) {
  const inner = v.nullish(schema);
  return {
    ...inner,
    '~run'(dataset: v.UnknownDataset, config: v.Config<Issue>) {
      return dataset.value === null || (blank && dataset.value === '') ? { typed: true, value: undefined } : inner['~run'](dataset, config);
    },
  } as unknown as v.OptionalSchema<S, undefined>;
}

/** Blank text (or null, or nothing) is "not given". */
export const blankable = <S extends AnySchema>(schema: S) => optional(schema, true);

interface TextOptions {
  min?: number;
  max: number;
  pattern?: RegExp;
  patternMessage?: string;
  /** A check no schema keyword says (a time zone Intl knows), after the others. */
  test?: { test: (s: string) => boolean; message: string };
  description?: string;
}

type Pipe<I, O> = v.GenericSchema<I, O>;
type Items = v.PipeItem<any, any, Issue>[];
const piped = <I, O>(first: v.GenericSchema<I, unknown>, ...items: Items) => (v.pipe as (...a: unknown[]) => unknown)(first, ...items) as Pipe<I, O>;

/** Trimmed text with the API's messages; whitespace only is "not given". */
function textPipe(opts: TextOptions, isRequired: boolean): Pipe<string, string> {
  return piped(
    v.string(required('must be a string')),
    v.trim(),
    ...(isRequired ? [v.nonEmpty('is required')] : []),
    ...(opts.min ? [v.minLength(opts.min, `must be at least ${opts.min} characters`)] : []),
    v.maxLength(opts.max, `must be at most ${opts.max} characters`),
    v.check((s: string) => !CONTROL.test(s), 'contains control characters'),
    ...(opts.pattern ? [v.regex(opts.pattern, opts.patternMessage ?? 'has an invalid format')] : []),
    ...(opts.test ? [v.check((s: string) => s === '' || opts.test!.test(s), opts.test.message)] : []),
    ...(opts.description ? [v.description(opts.description)] : []),
  );
}

/** Required trimmed text. */
export const text = (opts: TextOptions) => textPipe(opts, true);

/** Optional trimmed text; blank is not given (and leaves no field in what is stored). */
export const optionalText = (opts: TextOptions) => blankable(piped<string, string | undefined>(textPipe(opts, false), v.transform((s: string) => s || undefined)));

export const email = () => text({ max: 254, pattern: EMAIL, patternMessage: 'must be an email address' });

/** One of the values; `message` says which (default: the list). */
export function oneOf<const T extends readonly string[]>(values: T, message = `must be one of: ${values.join(', ')}`) {
  return v.picklist(values, required(message));
}

export const flag = () => v.boolean((issue) => (issue.input === undefined ? 'is required' : 'must be true or false'));

interface NumberOptions {
  min: number;
  max: number;
  integer?: string | false;
  description?: string;
}

function numberPipe(opts: NumberOptions, isRequired: boolean): Pipe<number, number> {
  const range = `must be between ${opts.min} and ${opts.max}`;
  return piped(
    v.number(isRequired ? required('must be a number') : 'must be a number'),
    v.minValue(opts.min, range),
    v.maxValue(opts.max, range),
    ...(opts.integer ? [v.integer(opts.integer)] : []),
    ...(opts.description ? [v.description(opts.description)] : []),
  );
}

/** A required number in a range (whole with `integer`: its message). */
export const count = (opts: NumberOptions) => numberPipe(opts, true);
export const optionalCount = (opts: NumberOptions) => optional(numberPipe(opts, false));

/** A calendar date (YYYY-MM-DD) within the years given; optional: blank is not given. */
export function optionalDate(years: { first: number; last: number } = ENGINE_YEARS, message = 'must be a date (YYYY-MM-DD)') {
  return blankable(datePipe(years, message, false));
}

export function date(years: { first: number; last: number } = ENGINE_YEARS, message = 'must be a date (YYYY-MM-DD)') {
  return datePipe(years, message, true);
}

function datePipe(years: { first: number; last: number }, message: string, isRequired: boolean): Pipe<string, string> {
  return piped(
    v.string(isRequired ? required(message) : message),
    ...(isRequired ? [v.nonEmpty('is required')] : []),
    v.isoDate(message),
    v.check(isIsoDate, message),
    v.check((s: string) => inYears(s, years), yearsMessage(years)),
  );
}

interface MomentOptions {
  /** The message for what is neither a date nor a date-time with offset. */
  message?: string;
  /** Whether absent (or blank) says "is required" or the format message. */
  requiredMessage?: boolean;
  /** A bare date is refused with this message (an hour-precise count needs the hour). */
  dateTimeOnly?: string;
  /** Refused when later than now (beyond the clock skew allowed); the message. */
  past?: { now: Date; message?: string };
  description?: string;
}

/**
 * A date (that day at the court) or a date-time with its offset, within the engine's years.
 * JSON Schema cannot say "date or date-time", so the document carries a description.
 */
export function moment(opts: MomentOptions = {}): Pipe<string, string> {
  const message = opts.message ?? 'must be a date (YYYY-MM-DD) or a date-time with offset';
  const blank = opts.requiredMessage === false ? message : 'is required';
  return piped(
    v.string((issue) => (absent(issue.input) ? blank : message)),
    v.nonEmpty(blank),
    ...(opts.dateTimeOnly ? [v.check((s: string) => !isIsoDate(s), opts.dateTimeOnly)] : []),
    v.check(isIsoMoment, message),
    v.check((s) => inYears(s, ENGINE_YEARS), yearsMessage(ENGINE_YEARS)),
    ...(opts.past ? [v.check((s: string) => !isFuture(s, opts.past!.now), opts.past.message ?? 'must not be in the future')] : []),
    v.description(opts.description ?? 'ISO date (that day at the court) or date-time with offset'),
  );
}

/** Any JSON object (not an array): parameters whose names the engine checks. */
export function anyObject() {
  const loose = v.looseObject({}, 'must be an object');
  const schema = {
    ...loose,
    '~run'(dataset: v.UnknownDataset) {
      const input = dataset.value;
      return isPlainObject(input) ? { typed: true, value: { ...input } } : { typed: false, value: input, issues: [issueOf('must be an object', input)] };
    },
  } as unknown as v.GenericSchema<Record<string, unknown>, Record<string, unknown>>;
  return v.optional(schema);
}

function issueOf(message: string, input: unknown, path?: unknown[]): Issue {
  return { kind: 'schema', type: 'custom', input, expected: null, received: typeof input, message, ...(path ? { path } : {}) } as unknown as Issue;
}

/** A refinement beside a schema: a rule across fields, reported on `field` unless it already has an error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rule<T extends Record<string, unknown>>(field: string, test: (value: Partial<T>) => string | undefined): v.RawCheckAction<any> {
  return v.rawCheck<any>(({ dataset, addIssue }) => {
    if (!isPlainObject(dataset.value)) return;
    const message = test(dataset.value as Partial<T>);
    if (message) addIssue({ message, path: field.split('.').map((key) => ({ type: 'object', origin: 'value', input: dataset.value, key, value: undefined })) as never });
  });
}

/** Drops undefined members so stored records carry no empty fields. */
export function defined<T extends Record<string, unknown>>(obj: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, x]) => x !== undefined)) as never;
}
