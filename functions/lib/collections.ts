/** The collection a request's route addresses (`/api/<collection>/...`), and the item id shape. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { COLLECTION_KINDS, COLLECTIONS, type Collection } from '../../core/collections';
import { notFound } from './errors';

export { COLLECTION_KINDS };

export function collectionOf(event: APIGatewayProxyEventV2): Collection {
  const collection = /^\w+ \/api\/(\w+)/.exec(event.routeKey)?.[1] ?? '';
  if (!(COLLECTIONS as string[]).includes(collection)) throw notFound('No such collection');
  return collection as Collection;
}

export const ITEM_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
