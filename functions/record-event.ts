/**
 * POST /api/{requests,filings,notices,productions}/{id}/events (team): records one event as one
 * transaction (the event, the item's new state and version, its deadlines), then wakes the
 * item's workflow with its next step.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { applyEvent, parseEvent } from '../core/lifecycle';
import { teamView } from '../core/views';
import type { ItemKind } from '../core/model';
import { requireTeam, type Principal } from './lib/auth';
import { catchUpCalendar } from './lib/calendar-catch-up';
import { loadCalendar } from './lib/calendar-store';
import { COLLECTION_KINDS, collectionOf, ITEM_ID } from './lib/collections';
import { now } from './lib/clock';
import { notFound } from './lib/errors';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { newId } from './lib/ids';
import { getItem, updateItem } from './lib/item-store';
import { logger } from './lib/logger';
import { count } from './lib/metrics';
import { wakeItem } from './lib/workflow';
import { requireItemMatter } from './lib/access';

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

  // An item never changes matter: checking access before the write is checking it for the write.
  const stored = await getItem(id);
  if (!stored || !kinds.includes(stored.kind)) throw notFound(`No item with id ${id} here`);
  await requireItemMatter(principal, stored.matterId, `No item with id ${id} here`);
  const calendar = await loadCalendar();
  const update = await updateItem(id, ({ item, deadlines }) => {
    const at = now();
    const ev = parseEvent(item.kind, body, at);
    return applyEvent(item, deadlines, ev, { now: at, recordedBy: principal.id, newDeadlineId: newId, calendar });
  });
  if (!update) throw notFound(`No item with id ${id} here`);
  const type = update.change?.events[0]?.type;
  const after = await catchUpCalendar(update.after, update.change?.deadlines ?? [], calendar, now());
  await wakeItem(after, type ?? 'event', now());
  logger.info('event recorded', { itemId: id, type });
  count('EventsRecorded');
  return teamView(after.item, after.deadlines, after.events);
}

export const handler = httpHandler(recordEvent);
