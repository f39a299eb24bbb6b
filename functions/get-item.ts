/** GET /api/requests/{id}: an item with its deadlines (and receipts) and events (team). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { teamView } from '../core/views';
import { requireTeam } from './lib/auth';
import { notFound } from './lib/errors';
import { httpHandler, json, type HttpResult } from './lib/http';
import { getItemBundle } from './lib/store';

const ITEM_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export async function getItem(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  requireTeam(event);
  const id = event.pathParameters?.id ?? '';
  const bundle = ITEM_ID.test(id) ? await getItemBundle(id) : undefined;
  if (!bundle) throw notFound(`No item with id ${ITEM_ID.test(id) ? id : '(malformed)'}`);
  return json(200, teamView(bundle.item, bundle.deadlines, bundle.events));
}

export const handler = httpHandler(getItem);
