/**
 * GET /api/calendar.ics (team, bearer token) and GET /api/feeds/{feedToken}/calendar.ics (public
 * route: the secret in the URL is the credential, for calendar apps that cannot send headers).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { renderCalendar } from '../core/ics';
import { calendarEntryFor, calendarIdentity, dueList, parseFilter, type StatusFilter } from '../core/status';
import { requireTeam } from './lib/auth';
import { now } from './lib/clock';
import { config } from './lib/config';
import { notFound } from './lib/errors';
import { parseFeedToken, secretMatches } from './lib/feed-tokens';
import { BASE_HEADERS_TEXT } from './lib/text-response';
import { httpHandler, type HttpResult } from './lib/http';
import { getFeed } from './lib/feed-store';
import { chainsOf, onlyMatters, openDeadlinesWithItems } from './lib/status-reads';
import { mattersOf } from '../core/access';
import { visibleMatters } from './lib/access';
import { listMatters } from './lib/matter-store';

// One answer for malformed, unknown, wrong-secret and revoked: a probe learns nothing.
const NO_SUCH_FEED = 'No calendar feed at this address (it may have been revoked)';

/**
 * A feed URL's filter and the matters it may show: those whose team lists the feed's owner now
 * (an administrator's feed too: a URL travels further than a session, so it gets no more).
 */
async function feedView(token: string): Promise<{ filter: StatusFilter; matterIds: Set<string> }> {
  const parsed = parseFeedToken(token);
  const feed = parsed ? await getFeed(parsed.feedId) : undefined;
  if (!parsed || !feed || feed.revokedAt || !secretMatches(parsed.secret, feed.secretHash)) throw notFound(NO_SUCH_FEED);
  const owner = { id: feed.owner, ...(feed.ownerEmail ? { email: feed.ownerEmail } : {}), admin: false };
  return { filter: feed.filter, matterIds: mattersOf(await listMatters(), owner) };
}

export async function calendar(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  let view: { filter: StatusFilter; matterIds: Set<string> };
  if (event.pathParameters?.feedToken !== undefined) {
    view = await feedView(event.pathParameters.feedToken);
  } else {
    const principal = requireTeam(event);
    view = { filter: parseFilter(event.queryStringParameters ?? {}), matterIds: (await visibleMatters(principal)).ids };
  }
  const { filter } = view;
  const at = now();
  const open = onlyMatters(await openDeadlinesWithItems(), view.matterIds);
  const due = dueList(open.deadlines, open.items, filter, at, open.matters);
  const shown = new Set(due.map((e) => e.id));
  const chains = await chainsOf(open.deadlines.filter((d) => shown.has(d.id)));
  const matterName = new Map(open.matters.map((m) => [m.id, m.name]));
  const entries = due.map((e) => {
    const d = chains.get(e.id)!;
    const item = open.items.get(e.itemId)!;
    return calendarEntryFor(d, item, calendarIdentity(d, chains), { matterName: matterName.get(item.matterId), baseUrl: config.publicBaseUrl || undefined });
  });
  return {
    statusCode: 200,
    headers: { ...BASE_HEADERS_TEXT, 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="docketwatch.ics"' },
    body: renderCalendar(entries, { name: 'Docketwatch deadlines', now: at }),
  };
}

export const handler = httpHandler(calendar);
