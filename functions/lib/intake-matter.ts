/**
 * The matter that public intake lands in until the team files a request under a lawsuit. Its
 * team is the deployment's `intakeTeam` setting (INTAKE_TEAM), so a public request has
 * watchers from its first minute; a deployment with a new setting brings the stored team
 * up to date at the next public request.
 */
import type { Matter, Person } from '../../core/model';
import { COURT_TIME_ZONE } from '../../core/time';
import { config } from './config';
import { intakeTeam } from './intake-team';
import { logger } from './logger';
import { getMatter, putMatterIfAbsent, replaceMatterTeam } from './matter-store';

export const INTAKE_MATTER_NAME = 'Public record requests (not yet assigned)';

export async function ensureIntakeMatter(at: Date): Promise<Matter> {
  const team = intakeTeam;
  if (team.length === 0) logger.warn('INTAKE_TEAM is empty: public requests have no one to remind');
  const existing = await getMatter(config.intakeMatterId);
  if (existing) {
    if (team.length === 0 || sameTeam(existing.team, team)) return existing;
    return replaceMatterTeam(existing, team);
  }
  const matter: Matter = { id: config.intakeMatterId, name: INTAKE_MATTER_NAME, timeZone: COURT_TIME_ZONE, team, createdAt: at.toISOString() };
  await putMatterIfAbsent(matter);
  return (await getMatter(config.intakeMatterId)) ?? matter;
}

function sameTeam(a: readonly Person[], b: readonly Person[]): boolean {
  const line = (p: Person) => JSON.stringify([p.id, p.name, p.email, p.role]);
  return a.length === b.length && a.every((p, i) => line(p) === line(b[i]!));
}
