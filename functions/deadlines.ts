/**
 * GET /api/deadlines?within=P14D&matter=&kind=&agency=&person=&include=missed: open deadlines
 * soonest first, with their item (team). `include=missed` adds the deadlines of open items that
 * passed unmet in the last 30 days (the workflow marks a passed deadline missed at once, so
 * without it "overdue" holds only what the workflow has not reached yet). `include=superseded`
 * adds the records those deadlines replaced, so a calendar can show where a moved one was.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dueList, MISSED_LOOKBACK_MS, parseFilter, parseWithin } from '../core/status';
import { requireTeam } from './lib/auth';
import { now } from './lib/clock';
import { httpHandler, json, type HttpResult } from './lib/http';
import { chainsOf, onlyMatters, openDeadlinesWithItems } from './lib/status-reads';
import { visibleMatters } from './lib/access';

export async function deadlines(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const query = event.queryStringParameters ?? {};
  const at = now();
  const before = query.within ? new Date(at.getTime() + parseWithin(query.within)).toISOString() : undefined;
  const filter = parseFilter(query);
  const missedSince = filter.includeMissed ? new Date(at.getTime() - MISSED_LOOKBACK_MS).toISOString() : undefined;
  const open = onlyMatters(await openDeadlinesWithItems(before, missedSince), (await visibleMatters(principal)).ids);
  const listed = filter.includeSuperseded ? [...(await chainsOf(open.deadlines)).values()] : open.deadlines;
  return json(200, {
    now: at.toISOString(),
    within: query.within ?? null,
    deadlines: dueList(listed, open.items, filter, at, open.matters),
  });
}

export const handler = httpHandler(deadlines);
