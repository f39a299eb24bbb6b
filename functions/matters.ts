/**
 * GET /api/matters (team): the matters and their teams.
 * GET /api/matters/{matterId} (team, members of that matter): the matter, its items with every
 * deadline (open, met, missed, superseded), for the matter page and its docket report.
 * POST /api/matters (admin): a new matter with its team (who reminders and alerts go to).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { validateMatter } from '../core/matter-input';
import { requireAdmin, requireTeam } from './lib/auth';
import { now } from './lib/clock';
import { config } from './lib/config';
import { badRequest, conflict, notFound } from './lib/errors';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { getMatter, putMatterIfAbsent } from './lib/matter-store';
import { visibleMatters } from './lib/access';
import { everything } from './lib/status-reads';
import { deadlineView } from '../core/views';
import { itemSummary } from '../core/status';
import { receiptInShort } from '../core/reminders';

export async function matters(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const matterId = event.pathParameters?.matterId;
  if (event.requestContext.http.method === 'GET' && matterId !== undefined) {
    const visible = await visibleMatters(requireTeam(event));
    // Another team's matter is as absent as one that does not exist.
    if (!visible.ids.has(matterId)) throw notFound(`No matter ${matterId}`);
    const { items, deadlinesByItem, matters: [matter] } = await everything(new Set([matterId]));
    if (!matter) throw notFound(`No matter ${matterId}`);
    return json(200, {
      now: now().toISOString(),
      matter,
      items: items
        .map((item) => ({
          ...itemSummary(item),
          receivedAt: item.receivedAt,
          deadlines: (deadlinesByItem.get(item.id) ?? [])
            .sort((a, b) => a.dueInstant.localeCompare(b.dueInstant))
            .map((d) => ({ ...deadlineView(d), summary: receiptInShort(d.receipt) })),
        }))
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id)),
    });
  }
  if (event.requestContext.http.method === 'GET') {
    const principal = requireTeam(event);
    // Who unassigned public requests go to is a deployment setting; shown so the team can see it.
    return json(200, { matters: (await visibleMatters(principal)).matters, intake: { matterId: config.intakeMatterId, team: config.intakeTeam } });
  }
  requireAdmin(event);
  const input = validateMatter(parseJsonBody(event), now());
  if (!input.ok) throw badRequest('The matter has invalid fields', input.errors);
  if (!(await putMatterIfAbsent(input.value))) throw conflict(`A matter with id ${input.value.id} exists already`);
  return json(201, await getMatter(input.value.id), { location: '/api/matters' });
}

export const handler = httpHandler(matters);
