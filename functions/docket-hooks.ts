/**
 * The CourtListener webhook URLs of a matter (admin), like personal feed URLs: the secret is
 * shown once at creation and kept as its hash; a revoked URL is kept (who could post when).
 *   GET    /api/matters/{matterId}/hooks   the matter's URLs (never a secret)
 *   POST   /api/matters/{matterId}/hooks   {docketId?, side?, usParty?, court?}: a new URL
 *   DELETE /api/hooks/{hookId}             revoke it
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { HookBody } from '../core/docket/hook-input';
import { parseBody } from '../core/schema';
import { requireAdmin } from './lib/auth';
import { now } from './lib/clock';
import { config } from './lib/config';
import { invalidBody, notFound } from './lib/errors';
import { feedToken, newFeedSecret } from './lib/feed-tokens';
import { hooksOfMatter, putHook, revokeHook } from './lib/hooks-store';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { newId } from './lib/ids';
import { sha256, type DocketHook } from './lib/keys';
import { getMatter } from './lib/matter-store';

const HOOK_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function validateHook(body: unknown): Pick<DocketHook, 'side' | 'usParty' | 'court'> & { docketId?: number } {
  const parsed = parseBody(HookBody, body);
  if (!parsed.ok) throw invalidBody('The webhook has invalid fields', parsed.errors);
  const { docketId, side, usParty, court } = parsed.value;
  return { side, usParty, court, ...(docketId !== undefined ? { docketId } : {}) };
}

export async function docketHooks(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireAdmin(event);
  const method = event.requestContext.http.method;
  if (method === 'DELETE') {
    const hookId = event.pathParameters?.hookId ?? '';
    if (!HOOK_ID.test(hookId)) throw notFound('No such webhook');
    // A hook that is not there or already revoked: NotFoundError, a 404 through the middleware.
    await revokeHook(hookId, now());
    return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
  }
  const matter = await getMatter(event.pathParameters?.matterId ?? '');
  if (!matter) throw notFound('No such matter');
  if (method === 'GET') return json(200, { hooks: await hooksOfMatter(matter.id) });

  const input = validateHook(event.body ? parseJsonBody(event) : {});
  const secret = newFeedSecret();
  const hook: DocketHook = { id: newId(), matterId: matter.id, secretHash: sha256(secret), ...input, createdAt: now().toISOString(), createdBy: principal.id, version: 1 };
  await putHook(hook);
  const path = `/api/hooks/courtlistener/${feedToken(hook.id, secret)}`;
  const { secretHash: _h, version: _v, ...shown } = hook;
  return json(201, { ...shown, url: `${config.publicBaseUrl}${path}`, path }, { location: `/api/matters/${matter.id}/hooks` });
}

export const handler = httpHandler(docketHooks);
