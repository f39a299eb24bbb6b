/**
 * `POST /local/sweep {"now": "<ISO date-time>"}`: one reminder sweep at that instant, in the
 * running local stack's process (its DynamoDB Local, its configuration), for `npm run remind`.
 * Local only: the local server listens on 127.0.0.1 and is not part of the deployed API; it
 * still wants the team token, as every team route does.
 *
 * Wired into local/runtime.ts's `extra` hook:
 *   if (await sweepRoute(req, res, url, verifyJwt)) return true;
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken } from '../functions/lib/bearer';
import { readBody } from './body';

export const SWEEP_PATH = '/local/sweep';
const MAX_BODY = 4096;

type VerifyJwt = (token: string) => Promise<Record<string, unknown>>;

export async function sweepRoute(req: IncomingMessage, res: ServerResponse, url: URL, verifyJwt: VerifyJwt): Promise<boolean> {
  if (url.pathname !== SWEEP_PATH) return false;
  const answer = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': status < 300 ? 'application/json' : 'application/problem+json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
    return true;
  };
  const problem = (status: number, title: string, detail: string) => answer(status, { type: 'about:blank', title, status, detail });
  if (req.method !== 'POST') return problem(405, 'Method not allowed', `Use POST ${SWEEP_PATH}`);

  // Imported here: these modules read the environment the runtime sets up before serving.
  const { isTeam, principalFromClaims } = await import('../functions/lib/auth');
  const token = bearerToken(req.headers.authorization);
  let claims: Record<string, unknown> | undefined;
  try {
    claims = token ? await verifyJwt(token) : undefined;
  } catch {
    claims = undefined;
  }
  if (!claims) return problem(401, 'Unauthorized', 'Send the team token (.local/team.jwt) as a Bearer token');
  if (!isTeam(principalFromClaims(claims))) return problem(403, 'Forbidden', 'This needs a member of the legal team');

  const text = (await readBody(req, MAX_BODY))?.toString('utf8');
  if (text === undefined) return problem(413, 'Payload too large', `The body must be at most ${MAX_BODY} bytes`);
  let nowText: unknown;
  try {
    nowText = text.trim() ? (JSON.parse(text) as { now?: unknown }).now : undefined;
  } catch {
    return problem(400, 'Bad request', 'The body is not valid JSON');
  }
  let at: Date | undefined;
  if (nowText !== undefined) {
    // An offset is required: "08:30" alone would be read in this machine's zone, not the court's.
    if (typeof nowText !== 'string' || !/(Z|[+-]\d{2}:\d{2})$/i.test(nowText) || Number.isNaN(Date.parse(nowText))) {
      return problem(400, 'Bad request', '"now" must be an ISO date-time with an offset, e.g. 2026-03-23T08:30:00-04:00');
    }
    at = new Date(Date.parse(nowText));
  }

  const { runSweep } = await import('../functions/lib/reminder-sweep');
  const report = await runSweep(at ? { at } : {});
  return answer(200, report);
}
