/**
 * POST /api/inbound/email (a team token, or a matter's inbound secret in `X-Inbound-Secret`: the
 * secret of one of its docket hooks): one raw RFC 5322 message as the body. It is kept once
 * (202; a message already received answers 200 "duplicate") and read: a court notice into the
 * matter's docket, an agency letter into proposed events, anything else listed as unrecognised.
 * A message refused before parsing (too large, a MIME bomb, not mail): 4xx, nothing stored.
 * GET /api/inbound/email (team): the messages received, newest first, with what each became.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { visibleMatters } from './lib/access';
import { isTeam, optionalTeam, requireTeam } from './lib/auth';
import { now } from './lib/clock';
import { notFound, unauthorized } from './lib/errors';
import { parseFeedToken, secretMatches } from './lib/feed-tokens';
import { getHook } from './lib/hooks-store';
import { header, httpHandler, json, type HttpResult } from './lib/http';
import { logger } from './lib/logger';
import { receiveMail } from './lib/mail-intake';
import { checkShape } from './lib/mail-parse';
import { mailSeenBy } from './lib/mail-access';
import { listMail, type StoredMail } from './lib/mail-store';

export async function inboundEmail(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const secret = header(event, 'x-inbound-secret');
  // A bad token is refused first; then what is not mail at all, or too big, before any look-up.
  const team = secret === undefined ? await optionalTeam(event) : undefined;
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  checkShape(raw);
  let hook;
  if (secret !== undefined) {
    const token = parseFeedToken(secret);
    const found = token ? await getHook(token.feedId) : undefined;
    if (!token || !found || found.revokedAt || !secretMatches(token.secret, found.secretHash)) throw notFound('No live inbound secret matches');
    const { secretHash: _s, version: _v, ...summary } = found;
    hook = summary;
  } else if (!isTeam(team)) throw unauthorized('Sign in as a team member, or send the matter\'s inbound secret in X-Inbound-Secret');
  const out = await receiveMail({ raw, via: 'api', receivedAt: now(), ...(hook ? { hook } : {}) });
  logger.info('mail received', { via: 'api', status: out.status, kind: out.mail.kind, proposals: out.mail.proposalIds.length });
  // A member who sends a letter about another matter's request learns nothing of that request.
  const seen = team ? (await mailSeenBy([out.mail], (await visibleMatters(team)).ids))[0] ?? withoutMatch(out.mail) : out.mail;
  return json(out.status === 'duplicate' ? 200 : 202, { status: out.status, message: mailView(seen) });
}

export async function listInbound(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const { ids } = await visibleMatters(principal);
  return json(200, { messages: (await mailSeenBy(await listMail(), ids)).map(mailView) });
}

/** A message with what matching found left out: its matter, request and candidates. */
function withoutMatch(m: StoredMail): StoredMail {
  const { matterId: _m, itemId: _i, candidates: _c, candidateMatters: _cm, why: _w, ...rest } = m;
  return rest;
}

/** What the dashboard shows of a message: never its body (HTML in it is never rendered). */
export function mailView(m: StoredMail) {
  return {
    id: m.sha256,
    ...(m.messageId ? { messageId: m.messageId } : {}),
    via: m.via,
    receivedAt: m.receivedAt,
    size: m.size,
    ...(m.from ? { from: m.from } : {}),
    ...(m.subject ? { subject: m.subject } : {}),
    kind: m.kind,
    ...(m.reason ? { reason: m.reason } : {}),
    ...(m.matterId ? { matterId: m.matterId } : {}),
    ...(m.itemId ? { itemId: m.itemId } : {}),
    ...(m.candidates?.length ? { candidates: m.candidates } : {}),
    ...(m.why ? { why: m.why } : {}),
    ...(m.agency ? { agency: m.agency } : {}),
    ...(m.trackingNumber ? { trackingNumber: m.trackingNumber } : {}),
    proposals: m.proposalIds,
    ...(m.docketSeq !== undefined ? { docketSeq: m.docketSeq } : {}),
  };
}

export const handler = httpHandler((event) => (event.routeKey.startsWith('GET ') ? listInbound(event) : inboundEmail(event)));
