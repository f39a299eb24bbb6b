/** Validation of a new matter and its team. */
import * as v from 'valibot';
import type { Matter, Person } from './model';
import { closed, email, fieldErrors, optionalText, parseBody, text, type Parsed } from './schema';
import { COURT_TIME_ZONE } from './time';
import type { FieldError } from './validate';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const id = () => text({ max: 64, pattern: ID, patternMessage: 'must be lower-case letters, digits and dashes' });

export const PersonBody = closed({ id: id(), name: text({ max: 200 }), email: email(), role: text({ max: 100 }) });

/** A team: 1 to 100 people, each with a unique id, a name, an email and a role. */
export const TeamBody = v.pipe(
  v.array(PersonBody, 'must list at least one person'),
  v.minLength(1, 'must list at least one person'),
  v.maxLength(100, 'must list at most 100 people'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!Array.isArray(dataset.value)) return;
    const seen = new Set<unknown>();
    dataset.value.forEach((p: { id?: unknown }, i: number) => {
      if (p?.id !== undefined && seen.has(p.id)) addIssue({ message: 'is listed twice', path: [{ type: 'array', origin: 'value', input: dataset.value, key: i, value: p }, { type: 'object', origin: 'value', input: p, key: 'id', value: p.id }] as never });
      if (typeof p?.id === 'string') seen.add(p.id);
    });
  }),
);

export const MatterBody = closed({
  id: id(),
  name: text({ max: 300 }),
  court: optionalText({ max: 200 }),
  docket: optionalText({ max: 100 }),
  timeZone: optionalText({ max: 64, test: { test: validZone, message: 'must be an IANA time zone such as America/New_York' } }),
  team: TeamBody,
});
export type MatterBody = v.InferInput<typeof MatterBody>;

export function validateMatter(body: unknown, now: Date): Parsed<Matter> {
  const parsed = parseBody(MatterBody, body);
  if (!parsed.ok) return parsed;
  const { id: matterId, name, court, docket, timeZone, team } = parsed.value;
  return { ok: true, value: { id: matterId, name, ...(court ? { court } : {}), ...(docket ? { docket } : {}), timeZone: timeZone ?? COURT_TIME_ZONE, team: team as Person[], createdAt: now.toISOString() } };
}

/**
 * Who is responsible for public requests no one has filed under a matter yet: a deployment
 * setting (JSON text or an already parsed list), checked like a matter's team. A list with no
 * one in it is an error: public requests would reach nobody.
 */
export function parseIntakeTeam(setting: unknown, field = 'intakeTeam'): { ok: true; value: Person[] } | { ok: false; errors: FieldError[] } {
  let value = setting;
  if (typeof setting === 'string') {
    try {
      value = JSON.parse(setting);
    } catch {
      return { ok: false, errors: [{ field, message: 'must be a JSON list of people ({id, name, email, role})' }] };
    }
  }
  const result = v.safeParse(TeamBody, value, { abortEarly: false });
  return result.success ? { ok: true, value: result.output as Person[] } : { ok: false, errors: fieldErrors(result.issues, field) };
}

export function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
