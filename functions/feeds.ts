/**
 * GET /api/feeds: the signed-in member's own feeds, newest first (never a secret).
 * POST /api/feeds: a personal calendar feed URL with a secret token (shown once; the table
 * keeps its hash). DELETE /api/feeds/{feedId}: revoke it (its owner, or an admin). Team only.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { requireTeam } from './lib/auth';
import { now } from './lib/clock';
import { config } from './lib/config';
import { validateFeedInput } from '../core/feed-input';
import { badRequest, notFound } from './lib/errors';
import { feedToken, newFeedSecret } from './lib/feed-tokens';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { newId } from './lib/ids';
import { sha256, type CalendarFeed } from './lib/keys';
import { feedsOfOwner, putFeed, revokeFeed } from './lib/feed-store';
import { requireNamedMatter } from './lib/access';

const FEED_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export async function createFeed(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const raw = event.body ? parseJsonBody(event) : {};
  const checked = validateFeedInput(raw);
  if (!checked.ok) throw checked.notObject ? badRequest('The body must be a JSON object') : badRequest('The feed has invalid fields', checked.errors);
  const input = checked.value;
  if (input.matter && !(await requireNamedMatter(principal, input.matter))) {
    throw badRequest('The feed has invalid fields', [{ field: 'matter', message: 'is not a known matter' }]);
  }
  const secret = newFeedSecret();
  const feed: CalendarFeed = {
    id: newId(),
    owner: principal.id,
    ...(principal.email && principal.emailVerified !== false ? { ownerEmail: principal.email } : {}),
    ...(input.label ? { label: input.label } : {}),
    secretHash: sha256(secret),
    filter: { ...(input.matter ? { matter: input.matter } : {}), ...(input.person ? { person: input.person } : {}) },
    createdAt: now().toISOString(),
    version: 1,
  };
  await putFeed(feed);
  const path = `/api/feeds/${feedToken(feed.id, secret)}/calendar.ics`;
  return json(
    201,
    { id: feed.id, label: feed.label, filter: feed.filter, createdAt: feed.createdAt, url: `${config.publicBaseUrl}${path}`, path },
    { location: `/api/feeds/${feed.id}` },
  );
}

export async function deleteFeed(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const feedId = event.pathParameters?.feedId ?? '';
  if (!FEED_ID.test(feedId)) throw notFound('No such feed');
  await revokeFeed(feedId, { owner: principal.id, admin: principal.groups.includes('admin') }, now());
  return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
}

export async function listFeeds(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  return json(200, { feeds: await feedsOfOwner(principal.id) }, { 'cache-control': 'no-store' });
}

export async function feeds(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  switch (event.requestContext.http.method) {
    case 'GET':
      return listFeeds(event);
    case 'DELETE':
      return deleteFeed(event);
    default:
      return createFeed(event);
  }
}

export const handler = httpHandler(feeds);
