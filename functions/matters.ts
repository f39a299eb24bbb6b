/**
 * GET /api/matters (team): the matters and their teams.
 * POST /api/matters (admin): a new matter with its team (who reminders and alerts go to).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { validateMatter } from '../core/matter-input';
import { requireAdmin, requireTeam } from './lib/auth';
import { now } from './lib/clock';
import { badRequest, conflict } from './lib/errors';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { getMatter, putMatterIfAbsent } from './lib/matter-store';
import { visibleMatters } from './lib/access';

export async function matters(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  if (event.requestContext.http.method === 'GET') {
    const principal = requireTeam(event);
    return json(200, { matters: (await visibleMatters(principal)).matters });
  }
  requireAdmin(event);
  const input = validateMatter(parseJsonBody(event), now());
  if (!input.ok) throw badRequest('The matter has invalid fields', input.errors);
  if (!(await putMatterIfAbsent(input.value))) throw conflict(`A matter with id ${input.value.id} exists already`);
  return json(201, await getMatter(input.value.id), { location: '/api/matters' });
}

export const handler = httpHandler(matters);
