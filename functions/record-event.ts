/**
 * POST /api/{requests,filings,notices,productions}/{id}/events (team): records one event as one
 * transaction (the event, the item's new state and version, its deadlines), then wakes the
 * item's workflow. A concurrent writer makes the commit fail; it is retried on a fresh read.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { applyEvent, EventInvalidError, EventRejectedError, parseEvent } from '../core/transitions';
import { teamView } from '../core/views';
import type { ItemKind } from '../core/model';
import { requireTeam, type Principal } from './lib/auth';
import { loadCalendar } from './lib/calendar-store';
import { COLLECTION_KINDS, collectionOf, ITEM_ID } from './lib/collections';
import { now } from './lib/clock';
import { badRequest, conflict, notFound, VersionConflictError } from './lib/errors';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { newId } from './lib/ids';
import { logger } from './lib/logger';
import { count } from './lib/metrics';
import { commitChange, getItemBundle } from './lib/store';
import { wake } from './lib/workflow';

/** Writers racing on one item (people, the workflow's own bookkeeping) settle within a few tries. */
const ATTEMPTS = 10;

export async function recordEvent(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const kinds = COLLECTION_KINDS[collectionOf(event)]!;
  const id = event.pathParameters?.id ?? '';
  const body = parseJsonBody(event);
  return json(200, await recordEventOn(id, kinds, body, principal));
}

/** The lawyer's form and a confirmed docket proposal both record events here. Returns the team view. */
export async function recordEventOn(id: string, kinds: readonly ItemKind[], body: unknown, principal: Principal) {
  if (!ITEM_ID.test(id)) throw notFound('No item with that id');

  const calendar = await loadCalendar();
  for (let attempt = 1; ; attempt++) {
    const bundle = await getItemBundle(id);
    if (!bundle || !kinds.includes(bundle.item.kind)) throw notFound(`No item with id ${id} here`);
    const at = now();
    let change;
    try {
      const ev = parseEvent(bundle.item.kind, body, at);
      change = applyEvent(bundle.item, bundle.deadlines, ev, { now: at, recordedBy: principal.id, newDeadlineId: newId, calendar });
    } catch (err) {
      if (err instanceof EventInvalidError) throw badRequest('The event has invalid fields', err.errors);
      if (err instanceof EventRejectedError) throw conflict(err.message);
      throw err;
    }
    try {
      await commitChange(change);
    } catch (err) {
      if (err instanceof VersionConflictError && attempt < ATTEMPTS) {
        // Jittered backoff so racing writers do not collide again in lockstep.
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
        continue;
      }
      if (err instanceof VersionConflictError) throw conflict('The item kept changing while this event was recorded; try again');
      throw err;
    }
    // The workflow re-reads the item when woken; a wait that already ended re-reads on its own.
    const token = bundle.item.workflow.taskToken;
    if (token) await wake(token, { event: change.events[0]?.type }).catch((e: Error) => logger.warn('wake failed', { itemId: id, errorName: e.name }));
    logger.info('event recorded', { itemId: id, type: change.events[0]?.type });
    count('EventsRecorded');
    const fresh = (await getItemBundle(id))!;
    return teamView(fresh.item, fresh.deadlines, fresh.events);
  }
}

export const handler = httpHandler(recordEvent);
