/** POST /api/filings, /api/notices, /api/productions: the team's court items (team). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { newCourtItem, validateCourtItem, type CourtKind } from '../core/court-items';
import { teamView } from '../core/views';
import { requireTeam, type Principal } from './lib/auth';
import { catchUpCalendar } from './lib/calendar-catch-up';
import { loadCalendar } from './lib/calendar-store';
import { COLLECTION_KINDS, collectionOf } from './lib/collections';
import { now } from './lib/clock';
import { badRequest } from './lib/errors';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { newId } from './lib/ids';
import { logger } from './lib/logger';
import { count } from './lib/metrics';
import { createItem } from './lib/item-store';
import { startOrQueueWorkflow } from './lib/workflow';
import { requireNamedMatter } from './lib/access';

export async function createCourtItem(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const kind = COLLECTION_KINDS[collectionOf(event)]![0] as CourtKind;
  const created = await createCourtItemFromBody(kind, parseJsonBody(event), principal);
  return json(201, created.view, { location: `/api/${collectionOf(event)}/${created.id}` });
}

/**
 * The lawyer's form and a confirmed docket proposal both create court items here: validation,
 * the engine's deadlines, one transaction, the workflow. With `id`, a retry finds the item it made.
 */
export async function createCourtItemFromBody(kind: CourtKind, body: unknown, principal: Principal, id: string = newId()) {
  const at = now();
  const input = validateCourtItem(kind, body, at);
  if (!input.ok) throw badRequest('The item has invalid fields', input.errors);
  const matter = await requireNamedMatter(principal, input.value.matterId);
  if (!matter) throw badRequest('No such matter', [{ field: 'matterId', message: 'is not a known matter' }]);

  const calendar = await loadCalendar();
  const built = newCourtItem(input.value, { id, now: at, createdBy: principal.id, matter, newDeadlineId: newId, calendar });
  await createItem(built);
  const after = await catchUpCalendar({ item: built.item, deadlines: built.deadlines, events: [built.event] }, built.deadlines, calendar, at);
  after.item.workflow = { execution: id, state: await startOrQueueWorkflow(id, at) };
  logger.info('item created', { itemId: id, kind });
  count('ItemsCreated');
  return { id, view: teamView(after.item, after.deadlines, after.events) };
}

export const handler = httpHandler(createCourtItem);
