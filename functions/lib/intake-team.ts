/**
 * Who public requests in the intake matter go to: the deployment's `intakeTeam` setting
 * (INTAKE_TEAM), read and checked at import by the functions that use it. Apart from config, so
 * that the other functions do not load the matter schema to read it.
 */
import { parseIntakeTeam } from '../../core/matter-input';
import type { Person } from '../../core/model';

function intakeTeamOf(setting: string | undefined): Person[] {
  if (setting === undefined || setting === '') return [];
  const parsed = parseIntakeTeam(setting, 'INTAKE_TEAM');
  if (!parsed.ok) throw new Error(`Invalid INTAKE_TEAM: ${parsed.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  return parsed.value;
}

export const intakeTeam: Person[] = intakeTeamOf(process.env.INTAKE_TEAM);
