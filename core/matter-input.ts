/** Validation of a new matter and its team. */
import type { Matter } from './model';
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
  const team: Matter['team'] = [];
  if (!Array.isArray(body.team) || body.team.length === 0) r.fail('team', 'must list at least one person');
  else if (body.team.length > 100) r.fail('team', 'must list at most 100 people');
  else {
    const seen = new Set<string>();
    body.team.forEach((p, i) => {
      const path = `team[${i}]`;
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
  if (r.errors.length || !id || !name) return { ok: false, errors: r.errors };
  return {
    ok: true,
    value: { id, name, ...(court ? { court } : {}), ...(docket ? { docket } : {}), timeZone, team, createdAt: now.toISOString() },
  };
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
