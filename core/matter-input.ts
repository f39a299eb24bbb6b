/** Validation of a new matter and its team. */
import type { Matter, Person } from './model';
import { COURT_TIME_ZONE } from './time';
import { isPlainObject, Reader, type FieldError } from './validate';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function validateMatter(body: unknown, now: Date): { ok: true; value: Matter } | { ok: false; errors: FieldError[] } {
  const r = new Reader();
  if (!isPlainObject(body)) return { ok: false, errors: [{ field: '', message: 'The body must be a JSON object' }] };
  r.only(body, '', ['id', 'name', 'court', 'docket', 'timeZone', 'team']);
  const id = r.string(body, 'id', 'id', { required: true, max: 64, pattern: ID, patternMessage: 'must be lower-case letters, digits and dashes' });
  const name = r.string(body, 'name', 'name', { required: true, max: 300 });
  const court = r.string(body, 'court', 'court', { max: 200 });
  const docket = r.string(body, 'docket', 'docket', { max: 100 });
  const timeZone = r.string(body, 'timeZone', 'timeZone', { max: 64 }) ?? COURT_TIME_ZONE;
  if (!validZone(timeZone)) r.fail('timeZone', 'must be an IANA time zone such as America/New_York');
  const team = readTeam(r, body.team, 'team');
  if (r.errors.length || !id || !name) return { ok: false, errors: r.errors };
  return {
    ok: true,
    value: { id, name, ...(court ? { court } : {}), ...(docket ? { docket } : {}), timeZone, team, createdAt: now.toISOString() },
  };
}

/** A team: 1 to 100 people, each with a unique id, a name, an email and a role. */
function readTeam(r: Reader, value: unknown, field: string): Person[] {
  const team: Person[] = [];
  if (!Array.isArray(value) || value.length === 0) r.fail(field, 'must list at least one person');
  else if (value.length > 100) r.fail(field, 'must list at most 100 people');
  else {
    const seen = new Set<string>();
    value.forEach((p, i) => {
      const path = `${field}[${i}]`;
      if (!isPlainObject(p)) return void r.fail(path, 'must be an object');
      r.only(p, path, ['id', 'name', 'email', 'role']);
      const pid = r.string(p, 'id', `${path}.id`, { required: true, max: 64, pattern: ID, patternMessage: 'must be lower-case letters, digits and dashes' });
      const pname = r.string(p, 'name', `${path}.name`, { required: true, max: 200 });
      const email = r.email(p, 'email', `${path}.email`);
      const role = r.string(p, 'role', `${path}.role`, { required: true, max: 100 });
      if (pid && seen.has(pid)) r.fail(`${path}.id`, 'is listed twice');
      if (pid) seen.add(pid);
      if (pid && pname && email && role) team.push({ id: pid, name: pname, email, role });
    });
  }
  return team;
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
  const r = new Reader();
  const team = readTeam(r, value, field);
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, value: team };
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
