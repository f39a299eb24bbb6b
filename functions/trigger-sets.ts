/**
 * GET /api/trigger-sets: every trigger set and the deadlines it sets (team).
 * POST /api/trigger-sets/preview: every deadline a trigger would set, with receipts, for the
 * lawyer to keep or drop before creating the filing (team). Nothing is written.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { TRIGGER_SETS } from '../core/deadlines';
import { parseBody } from '../core/schema';
import { offeredView, offerTriggerSet, TriggerSetPreviewBody, triggerSetInput } from '../core/trigger-set-items';
import { requireTeam } from './lib/auth';
import { loadCalendar } from './lib/calendar-store';
import { now } from './lib/clock';
import { badRequest, invalidBody } from './lib/errors';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';

export async function listTriggerSets(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  requireTeam(event);
  return json(200, { triggerSets: TRIGGER_SETS });
}

export async function previewTriggerSet(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  requireTeam(event);
  const body = parseJsonBody(event);
  const parsed = parseBody(TriggerSetPreviewBody(now()), body);
  if (!parsed.ok) throw invalidBody('The trigger set has invalid fields', parsed.errors);
  const input = triggerSetInput(parsed.value);
  const offered = offerTriggerSet(input, await loadCalendar());
  if (!offered.ok) throw badRequest('The trigger set has invalid fields', offered.errors);
  return json(200, { triggerSet: input.triggerSet, trigger: input.at, params: input.params, deadlines: offeredView(offered.value) });
}

export async function triggerSets(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  return event.requestContext.http.method === 'GET' ? listTriggerSets(event) : previewTriggerSet(event);
}

export const handler = httpHandler(triggerSets);
