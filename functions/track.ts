/** GET /api/track/{trackingCode}: the requester's redacted view of one request (public). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { publicView } from '../core/views';
import { notFound } from './lib/errors';
import { httpHandler, json, type HttpResult } from './lib/http';
import { normaliseTrackingCode } from './lib/ids';
import { findItemIdByTrackingCode } from './lib/idempotency-store';
import { getItemBundle } from './lib/item-store';

// One answer for a malformed and an unknown code, so the answer says nothing about the format's neighbours.
const NO_SUCH_CODE = 'No request has that tracking code';

export async function track(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  // Path parameters arrive decoded (API Gateway, and the local server likewise): decoding again
  // would turn a literal `%25c0` into a malformed escape.
  const code = normaliseTrackingCode(event.pathParameters?.trackingCode ?? '');
  if (!code) throw notFound(NO_SUCH_CODE);
  const itemId = await findItemIdByTrackingCode(code);
  const bundle = itemId ? await getItemBundle(itemId) : undefined;
  if (!bundle) throw notFound(NO_SUCH_CODE);
  return json(200, publicView(bundle.item, bundle.deadlines, bundle.events, code));
}

export const handler = httpHandler(track);
