/** The demo matter and who the local team token speaks for: data only, so the API's examples can quote it. */
import type { Matter, Person } from '../core/model';
import { COURT_TIME_ZONE } from '../core/time';

export const DEMO_MATTER: Matter = {
  id: 'ctr-v-irs',
  name: 'Center for Taxpayer Rights v. IRS',
  court: 'U.S. District Court for the District of Columbia',
  docket: 'No. 1:25-cv-00457-CKK',
  timeZone: COURT_TIME_ZONE,
  team: [
    { id: 'lead-counsel', name: 'Alex Rivera', email: 'alex.rivera@example.org', role: 'Lead counsel' },
    { id: 'associate', name: 'Jordan Lee', email: 'jordan.lee@example.org', role: 'Associate' },
    { id: 'paralegal', name: 'Sam Okafor', email: 'sam.okafor@example.org', role: 'Paralegal' },
  ],
  createdAt: '2025-02-17T14:00:00.000Z',
};

/** The local stack's `intakeTeam` setting: the demo team hears about unassigned public requests. */
export const DEMO_INTAKE_TEAM: readonly Person[] = DEMO_MATTER.team;

/** Who the local team token speaks for. */
export const DEMO_USER = { sub: 'lead-counsel', email: 'alex.rivera@example.org', name: 'Alex Rivera', groups: ['team', 'admin'] };
