/**
 * POST /api/hooks/courtlistener/{secret} (public; the URL's secret is the credential):
 * CourtListener docket alerts for one matter. The delivery is kept as it came (hashed, in the
 * matter's append-only chain) and read; the answer is 2xx for anything kept, including content
 * the reader cannot use (kept as unrecognised, with the reason), so the sender never retries
 * what was received. A repeated Idempotency-Key, or an entry already read (same id and RECAP
 * sequence number), adds nothing. A wrong or revoked URL, a malformed or oversized body: a 4xx,
 * nothing written.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DuplicateDeliveryError } from './lib/docket-store';
import { receive } from './lib/docket-intake';
import { now } from './lib/clock';
import { HttpError, notFound } from './lib/errors';
import { parseFeedToken, secretMatches } from './lib/feed-tokens';
import { getHook } from './lib/hooks-store';
import { header, httpHandler, json, type HttpResult } from './lib/http';
import { logger } from './lib/logger';

/** A docket alert carries a handful of entries; one DynamoDB item (400 KB) must hold it as it came. */
export const MAX_HOOK_BODY_BYTES = 256 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export async function courtListenerHook(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const token = parseFeedToken(event.pathParameters?.secret ?? '');
  const hook = token ? await getHook(token.feedId) : undefined;
  if (!token || !hook || hook.revokedAt || !secretMatches(token.secret, hook.secretHash)) throw notFound('No live webhook at this URL');

  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_HOOK_BODY_BYTES) throw new HttpError(413, 'Payload too large', `A docket alert must be at most ${MAX_HOOK_BODY_BYTES} bytes`);
  if (!/^application\/(.+\+)?json\b/i.test(header(event, 'content-type') ?? '')) throw new HttpError(415, 'Unsupported media type', 'Send the docket alert as application/json');
  try {
    JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Bad request', 'The body is not valid JSON; nothing was stored');
  }
  const key = header(event, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new HttpError(400, 'Bad request', 'The Idempotency-Key header must be 1 to 255 visible characters');

  try {
    const read = await receive(
      { matterId: hook.matterId, source: 'courtlistener', body: text, receivedAt: now(), hookId: hook.id, ...(key ? { idempotencyKey: key } : {}) },
      { side: hook.side, usParty: hook.usParty, court: hook.court },
      hook.docketId,
    );
    logger.info('docket delivery', { hookId: hook.id, seq: read.seq, outcome: read.outcome, entries: read.entries.length, duplicates: read.duplicates });
    return json(202, {
      status: read.outcome,
      ...(read.reason ? { reason: read.reason } : {}),
      received: read.seq,
      entries: read.entries.length,
      proposals: read.entries.reduce((n, e) => n + e.proposals, 0),
      duplicates: read.duplicates,
    });
  } catch (err) {
    if (err instanceof DuplicateDeliveryError) return json(200, { status: 'duplicate', received: err.seq, entries: 0, proposals: 0 });
    throw err;
  }
}

export const handler = httpHandler(courtListenerHook);
