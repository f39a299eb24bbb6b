/**
 * POST /api/proposals/{id}/confirm (team; body optional: {label?, trigger?, due?, itemId?} to
 * edit first): creates the item through the same path as the lawyer's "New filing / notice /
 * production" forms, or records the event on the tracked item through the same path as the
 * event forms, so receipts, chains, reminders and the workflow follow.
 * POST /api/proposals/{id}/dismiss (team; {reason}): nothing changes but the proposal's status.
 *
 * Confirming is safe to retry: the item's id is chosen and kept on the proposal before the item
 * is written, so a second try finds it instead of creating another.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { confirmRequest, eventTargets, ProposalNotActionableError, validateEdit, type CreateRequest } from '../core/docket/confirm';
import type { StoredProposal } from '../core/docket/queue';
import { createCourtItemFromBody } from './create-item';
import { requireItemMatter } from './lib/access';
import { requireTeam, type Principal } from './lib/auth';
import { now } from './lib/clock';
import { entriesOfMatter } from './lib/docket-store';
import { decidedOnce, dismissProposal } from './lib/decide-routes';
import { AlreadyExistsError, badRequest, conflict, notFound } from './lib/errors';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { newId } from './lib/ids';
import { logger } from './lib/logger';
import { decideProposal, getProposal, proposalsOfMatter } from './lib/proposals-store';
import { getItemBundle } from './lib/item-store';
import { proposalView } from './proposals';
import { recordEventOn } from './record-event';

const PROPOSAL_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

async function load(event: APIGatewayProxyEventV2, principal: Principal): Promise<StoredProposal> {
  const id = event.pathParameters?.id ?? '';
  const p = PROPOSAL_ID.test(id) ? await getProposal(id) : undefined;
  if (!p) throw notFound('No proposal with that id');
  // A proposal of another team's matter answers as if it did not exist.
  await requireItemMatter(principal, p.matterId, 'No proposal with that id');
  return p;
}

export const dismiss = (event: APIGatewayProxyEventV2): Promise<HttpResult> => dismissProposal(event, load, decideProposal, (p) => proposalView(p));

export async function confirm(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const body = event.body ? parseJsonBody(event) : undefined;
  let p = await load(event, principal);
  if (p.status === 'confirmed' || p.status === 'dismissed') throw conflict(`The proposal is ${p.status} already`);
  const edit = validateEdit(body ?? p.edit);
  if (!edit.ok) throw badRequest('The edit has invalid fields', edit.errors);
  let request;
  try {
    request = confirmRequest(p, edit.value);
  } catch (err) {
    if (err instanceof ProposalNotActionableError) throw conflict(err.message);
    throw err;
  }

  let create: CreateRequest | undefined;
  let targetId: string | undefined;
  if ('kind' in request) create = request;
  else {
    targetId = request.itemId ?? p.itemId ?? (await findTarget(p, request.refs, request.itemKind));
    if (!targetId && request.fallback) create = request.fallback;
    if (!targetId && !create) throw conflict('Which tracked item does this change? No item made from the entries it cites is open: edit it with the itemId, or dismiss it');
  }

  // Claim the proposal (with the item id) before writing, so a retry or a second person cannot double it.
  const itemId = targetId ?? p.itemId ?? newId();
  if (p.status === 'pending') p = await decidedOnce(decideProposal(p, 'confirming', { at: now(), by: principal.id, itemId, edit: edit.value }));
  let view;
  try {
    if (create) view = await createItemOnce(create, principal, itemId);
    else view = await recordEvents(itemId, p.matterId, request as Extract<typeof request, { event: unknown }>, principal);
  } catch (err) {
    // Nothing was written: the proposal waits again, the error says why.
    await decideProposal(p, 'pending', { at: now(), by: principal.id }).catch((e: Error) => logger.warn('proposal release failed', { proposalId: p.id, errorName: e.name }));
    throw err;
  }
  const done = await decideProposal(p, 'confirmed', { at: now(), by: principal.id, itemId });
  logger.info('proposal confirmed', { proposalId: p.id, itemId, created: !!create });
  return json(create ? 201 : 200, { proposal: proposalView(done), item: view });
}

async function createItemOnce(create: CreateRequest, principal: Principal, itemId: string) {
  try {
    return (await createCourtItemFromBody(create.kind, create.body, principal, itemId)).view;
  } catch (err) {
    if (!(err instanceof AlreadyExistsError)) throw err;
    const fresh = (await getItemBundle(itemId))!;
    const { teamView } = await import('../core/views');
    return teamView(fresh.item, fresh.deadlines, fresh.events);
  }
}

/** An opposition served on an item still "due" (their opposition, tracked) first marks it filed. */
async function recordEvents(itemId: string, matterId: string, request: { event: Record<string, unknown>; itemKind: 'filing' | 'record_production' }, principal: Principal) {
  const bundle = await getItemBundle(itemId);
  if (!bundle) throw notFound(`No item ${itemId}`);
  // A docket entry changes only its own matter's items.
  if (bundle.item.matterId !== matterId) throw conflict(`Item ${itemId} belongs to another matter than this docket entry`);
  if (bundle.item.kind !== request.itemKind) throw conflict(`Item ${itemId} is a ${bundle.item.kind.replace('_', ' ')}; this proposal changes a ${request.itemKind.replace('_', ' ')}`);
  if (request.event.type === 'opposition_served' && bundle.item.phase === 'due') {
    await recordEventOn(itemId, [request.itemKind], { type: 'filed', at: request.event.at }, principal);
  }
  return recordEventOn(itemId, [request.itemKind], request.event, principal);
}

async function findTarget(p: StoredProposal, refs: string[], kind: 'filing' | 'record_production'): Promise<string | undefined> {
  const [props, entries] = await Promise.all([proposalsOfMatter(p.matterId), entriesOfMatter(p.matterId)]);
  const candidates = eventTargets(refs, props, entries);
  if (!candidates.length && kind === 'record_production') {
    // The record filed answers the production the matter tracks, whichever entry ordered it.
    candidates.push(...props.filter((q) => q.status === 'confirmed' && q.itemId && 'create' in q.plan && q.plan.create === 'record_production').map((q) => q.itemId!));
  }
  for (const id of candidates) {
    const b = await getItemBundle(id);
    if (b && b.item.status === 'open' && b.item.kind === kind) return id;
  }
  return undefined;
}

export async function decide(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  return event.routeKey.endsWith('/dismiss') ? dismiss(event) : confirm(event);
}

export const handler = httpHandler(decide);
