/** GET /api/openapi.json: the OpenAPI 3.1 document of every route in ROUTES (public). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { buildOpenApi } from './lib/api-doc/document';
import { httpHandler, json, type HttpResult } from './lib/http';
import { ROUTES } from './routes';

// Built once per cold start: the routes do not change while a function lives.
const DOCUMENT = buildOpenApi(ROUTES, { version: '0.1.0' });

export async function openapi(_event: APIGatewayProxyEventV2): Promise<HttpResult> {
  return json(200, DOCUMENT, { 'cache-control': 'public, max-age=300' });
}

export const handler = httpHandler(openapi);
