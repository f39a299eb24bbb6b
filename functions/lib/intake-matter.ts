/** The matter that public intake lands in until the team files it under a lawsuit. */
import type { Matter } from '../../core/model';
import { COURT_TIME_ZONE } from '../../core/time';
import { config } from './config';
import { getMatter, putMatterIfAbsent } from './matter-store';

export async function ensureIntakeMatter(at: Date): Promise<Matter> {
  const existing = await getMatter(config.intakeMatterId);
  if (existing) return existing;
  const matter: Matter = {
    id: config.intakeMatterId,
    name: 'Public record requests (not yet assigned)',
    timeZone: COURT_TIME_ZONE,
    team: [],
    createdAt: at.toISOString(),
  };
  await putMatterIfAbsent(matter);
  return (await getMatter(config.intakeMatterId)) ?? matter;
}
