/** GET /api/matters: the matters and their teams (team). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { requireTeam } from './lib/auth';
import { httpHandler, json, type HttpResult } from './lib/http';
import { listMatters } from './lib/store';

export async function matters(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  requireTeam(event);
  return json(200, { matters: await listMatters() });
}

export const handler = httpHandler(matters);
