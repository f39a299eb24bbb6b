/**
 * Events proposed by agency letters.
 * GET /api/mail/proposals (team): every proposal the member may see, newest first.
 * POST /api/mail/proposals/{id}/confirm (team; body optional: {itemId} to pick or change the
 * request): records the event on the request through the same path as the dashboard's event
 * form, so the deadline, the chain, reminders and the workflow follow.
 * POST /api/mail/proposals/{id}/dismiss (team; {reason}): only the proposal's status changes.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ConfirmLetterBody } from '../core/letters';
import { parseBody } from '../core/schema';
import { visibleMatters } from './lib/access';
import { mailSeenBy } from './lib/mail-access';
import { requireTeam, type Principal } from './lib/auth';
import { now } from './lib/clock';
import { decidedOnce, dismissProposal } from './lib/decide-routes';
import { badRequest, conflict, notFound } from './lib/errors';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { getItem } from './lib/item-store';
import { logger } from './lib/logger';
import { decideLetterProposal, getLetterProposal, listLetterProposals, type LetterProposal } from './lib/mail-store';
import { recordEventOn } from './record-event';

const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const RECORD_REQUESTS = ['foia', 'privacy_act'] as const;

export function letterProposalView(p: LetterProposal) {
  const { version: _v, candidateMatters: _m, ...rest } = p;
  return rest;
}

/** A decided proposal as the member who decided it may see it (their candidates only). */
async function decidedView(p: LetterProposal, principal: Principal, matterIds?: ReadonlySet<string>) {
  const [seen] = await mailSeenBy([p], matterIds ?? (await visibleMatters(principal)).ids);
  return letterProposalView(seen ?? { ...p, candidates: [] });
}

export async function listProposals(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const { ids } = await visibleMatters(requireTeam(event));
  return json(200, { proposals: (await mailSeenBy(await listLetterProposals(), ids)).map(letterProposalView) });
}

/** The stored proposal (what a decision writes back), and what the member may see of it. */
async function loadSeen(event: APIGatewayProxyEventV2, principal: Principal): Promise<{ stored: LetterProposal; seen: LetterProposal; matterIds: ReadonlySet<string> }> {
  const id = event.pathParameters?.id ?? '';
  const stored = ID.test(id) ? await getLetterProposal(id) : undefined;
  if (!stored) throw notFound('No proposal with that id');
  // The member's matters decide both: a proposal of another matter, and one whose every candidate is.
  const matterIds = (await visibleMatters(principal)).ids;
  const [seen] = await mailSeenBy([stored], matterIds);
  if (!seen) throw notFound('No proposal with that id');
  return { stored, seen, matterIds };
}

const load = async (event: APIGatewayProxyEventV2, principal: Principal) => (await loadSeen(event, principal)).stored;

export async function confirm(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const body = event.body ? parseJsonBody(event) : undefined;
  const { stored, seen, matterIds } = await loadSeen(event, principal);
  let p = stored;
  if (p.status === 'confirmed' || p.status === 'dismissed') throw conflict(`The proposal is ${p.status} already`);
  const picked = body === undefined ? { ok: true as const, value: {} } : parseBody(ConfirmLetterBody, body);
  if (!picked.ok) throw badRequest('The body may name only the request', picked.errors);
  const itemId = picked.value.itemId ?? p.itemId;
  if (!itemId) throw conflict(`Which request is this letter about? ${seen.why}. Confirm with {"itemId": ...}${seen.candidates.length ? ` (candidates: ${seen.candidates.join(', ')})` : ''}, or dismiss it`);
  const item = await getItem(itemId);
  if (!item || !(RECORD_REQUESTS as readonly string[]).includes(item.kind)) throw notFound(`No record request with id ${itemId} here`);
  if (!matterIds.has(item.matterId)) throw notFound(`No record request with id ${itemId} here`);
  if (p.status === 'pending') p = await decidedOnce(decideLetterProposal(p, 'confirming', { at: now(), by: principal.id, itemId, matterId: item.matterId }));
  let view;
  try {
    view = await recordEventOn(itemId, RECORD_REQUESTS, p.event, principal);
  } catch (err) {
    // Nothing was recorded: the proposal waits again, the error says why.
    await decideLetterProposal(p, 'pending', { at: now(), by: principal.id }).catch((e: Error) => logger.warn('proposal release failed', { proposalId: p.id, errorName: e.name }));
    throw err;
  }
  const done = await decideLetterProposal(p, 'confirmed', { at: now(), by: principal.id, itemId, matterId: item.matterId });
  logger.info('letter proposal confirmed', { proposalId: p.id, itemId, type: String(p.event.type) });
  return json(200, { proposal: await decidedView(done, principal, matterIds), item: view });
}

export const dismiss = (event: APIGatewayProxyEventV2): Promise<HttpResult> => dismissProposal(event, load, decideLetterProposal, (p, principal) => decidedView(p, principal));

export const handler = httpHandler((event) => (event.routeKey.startsWith('GET ') ? listProposals(event) : event.routeKey.endsWith('/dismiss') ? dismiss(event) : confirm(event)));
