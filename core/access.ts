/**
 * Matters are a security boundary: a member acts only in the matters whose team lists them,
 * administrators in all. A team lists a person by id (the token's subject) or by a verified
 * e-mail address (Cognito's ID token carries it; an unverified address never counts).
 */
import type { Matter, Person } from './model';

export interface Who {
  id: string;
  email?: string;
  /** False when the issuer says the address is not verified. */
  emailVerified?: boolean;
  admin: boolean;
}

const sameEmail = (a: string | undefined, b: string | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The team's entries for this person (none when they are not on the team). */
export function teamEntries(team: readonly Person[], who: Who): Person[] {
  return team.filter((p) => p.id === who.id || (who.emailVerified !== false && sameEmail(p.email, who.email)));
}

export function mayActIn(matter: Pick<Matter, 'team'>, who: Who): boolean {
  return who.admin || teamEntries(matter.team, who).length > 0;
}

/** The ids of the matters this person may see and act in. */
export function mattersOf(matters: readonly Matter[], who: Who): Set<string> {
  return new Set(matters.filter((m) => mayActIn(m, who)).map((m) => m.id));
}

/** The person ids this person answers to across the matters (whose notifications are theirs). */
export function personIdsOf(matters: readonly Matter[], who: Who): Set<string> {
  return new Set([who.id, ...matters.flatMap((m) => teamEntries(m.team, who).map((p) => p.id))]);
}
