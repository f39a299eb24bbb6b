/**
 * Matter access for a signed-in member (core/access.ts decides): an item or a matter outside the
 * member's matters is answered as if it did not exist, so its id reveals nothing.
 */
import { mattersOf, mayActIn, personIdsOf, type Who } from '../../core/access';
import type { Matter } from '../../core/model';
import type { Principal } from './auth';
import { forbidden, notFound } from './errors';
import { getMatter, listMatters } from './matter-store';

export function who(p: Principal): Who {
  return { id: p.id, ...(p.email ? { email: p.email } : {}), ...(p.emailVerified === false ? { emailVerified: false } : {}), admin: p.groups.includes('admin') };
}

/** The matter, if the member may act in it; 404 for a matter that is not theirs or not there. */
export async function requireItemMatter(p: Principal, matterId: string, notThere: string): Promise<Matter> {
  const matter = await getMatter(matterId);
  if (!matter || !mayActIn(matter, who(p))) throw notFound(notThere);
  return matter;
}

/** A matter a member names in a body (a new item, a feed's filter): 403 when it is not theirs. */
export async function requireNamedMatter(p: Principal, matterId: string): Promise<Matter | undefined> {
  const matter = await getMatter(matterId);
  if (matter && !mayActIn(matter, who(p))) throw forbidden('You are not on the team of that matter');
  return matter;
}

/** The matters a member may see (all of them for an administrator), and the person ids they answer to. */
export async function visibleMatters(p: Principal): Promise<{ matters: Matter[]; ids: Set<string>; personIds: Set<string> }> {
  const all = await listMatters();
  const ids = mattersOf(all, who(p));
  return { matters: all.filter((m) => ids.has(m.id)), ids, personIds: personIdsOf(all, who(p)) };
}
