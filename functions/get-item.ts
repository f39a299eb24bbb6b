/** GET /api/{requests,filings,notices,productions}/{id}: an item with deadlines, receipts, events (team). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { teamView } from '../core/views';
import { requireTeam } from './lib/auth';
import { COLLECTION_KINDS, collectionOf, ITEM_ID } from './lib/collections';
import { notFound } from './lib/errors';
import { httpHandler, json, type HttpResult } from './lib/http';
import { getItemBundle } from './lib/item-store';
import { requireItemMatter } from './lib/access';

export async function getItem(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const kinds = COLLECTION_KINDS[collectionOf(event)]!;
  const id = event.pathParameters?.id ?? '';
  const bundle = ITEM_ID.test(id) ? await getItemBundle(id) : undefined;
  const notHere = `No item with id ${ITEM_ID.test(id) ? id : '(malformed)'} here`;
  if (!bundle || !kinds.includes(bundle.item.kind)) throw notFound(notHere);
  await requireItemMatter(principal, bundle.item.matterId, notHere);
  return json(200, teamView(bundle.item, bundle.deadlines, bundle.events));
}

export const handler = httpHandler(getItem);
