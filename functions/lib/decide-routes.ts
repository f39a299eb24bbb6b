/**
 * What the confirm and dismiss routes share, whatever proposed the proposal (a docket entry, an
 * agency letter): a dismissal needs a reason, and a decision someone else made first is a 409.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dismissReason } from '../../core/docket/confirm';
import { requireTeam, type Principal } from './auth';
import { now } from './clock';
import type { Decidable } from './decisions';
import { badRequest, conflict, VersionConflictError } from './errors';
import { json, parseJsonBody, type HttpResult } from './http';

/** The `{reason}` a dismissal must give. */
export function dismissalReason(body: unknown): string {
  const read = dismissReason(body);
  if (!read.ok) throw badRequest('Say why the proposal is dismissed', read.errors);
  return read.value;
}

/** Someone else's decision landed first: the caller hears 409. */
export async function decidedOnce<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (err instanceof VersionConflictError) throw conflict('Someone decided this proposal meanwhile');
    throw err;
  }
}

/** POST …/dismiss for either kind of proposal: a reason, a pending proposal, decided once; nothing else changes. */
export async function dismissProposal<P extends Decidable>(
  event: APIGatewayProxyEventV2,
  load: (event: APIGatewayProxyEventV2, principal: Principal) => Promise<P>,
  decide: (p: P, to: 'dismissed', fields: { at: Date; by: string; reason: string }) => Promise<P>,
  /** What the member may see of the decided proposal. */
  view: (p: P, principal: Principal) => unknown,
): Promise<HttpResult> {
  const principal = requireTeam(event);
  const body = parseJsonBody(event);
  const p = await load(event, principal);
  const reason = dismissalReason(body);
  if (p.status !== 'pending') throw conflict(`The proposal is ${p.status} already`);
  const done = await decidedOnce(decide(p, 'dismissed', { at: now(), by: principal.id, reason }));
  return json(200, { proposal: await view(done, principal) });
}
