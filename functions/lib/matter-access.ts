/**
 * Who may act in a matter: the people its team lists (by id, or by e-mail for tokens whose
 * subject is not the team id), and administrators in every matter.
 */
import type { Matter } from '../../core/model';
import type { Principal } from './auth';
import { forbidden } from './errors';

export function mayActIn(p: Principal, matter: Matter): boolean {
  if (p.groups.includes('admin')) return true;
  const email = p.email?.toLowerCase();
  return matter.team.some((m) => m.id === p.id || (!!email && m.email.toLowerCase() === email));
}

export function requireMember(p: Principal, matter: Matter): void {
  if (!mayActIn(p, matter)) throw forbidden(`Only the team of ${matter.name} (or an administrator) may act in it`);
}
