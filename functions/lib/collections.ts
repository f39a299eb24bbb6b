/** Which kinds of item each API collection (`/api/<collection>/...`) holds. */
import type { ItemKind } from '../../core/model';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { notFound } from './errors';

export const COLLECTION_KINDS: Record<string, readonly ItemKind[]> = {
  requests: ['foia', 'privacy_act'],
  filings: ['filing'],
  notices: ['disclosure_notice'],
  productions: ['record_production'],
};

export function collectionOf(event: APIGatewayProxyEventV2): string {
  const collection = /^\w+ \/api\/(\w+)/.exec(event.routeKey)?.[1] ?? '';
  if (!COLLECTION_KINDS[collection]) throw notFound('No such collection');
  return collection;
}

export const ITEM_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
