/**
 * The authorization matrix through the HTTP API: every route in ROUTES against no token, team,
 * admin, and bad tokens (expired, forged signature, wrong audience, wrong issuer, unsigned);
 * a signed-in person outside the team groups; tracking codes that cannot be enumerated.
 * Bad tokens are minted with jose from the local issuer's own key (`<dataDir>/idp-key.json`).
 */
import { generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteSpec } from '../../functions/routes';
import type { LocalStack } from '../../local/runtime';
import { testStack } from '../support/stack';

let stack: LocalStack;
let issuer: string;
type SigningKey = Awaited<ReturnType<typeof importJWK>>;
let localKey: SigningKey;
let kid: string;
const tokens: Record<string, string> = {};

const SAMPLE_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

interface Claims {
  sub?: string;
  groups?: string[];
  aud?: string;
  iss?: string;
  exp?: number;
}

async function mint(claims: Claims, key: SigningKey = localKey, keyId = kid): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: 'jordan.lee@example.org', name: 'Jordan Lee', 'cognito:groups': claims.groups ?? ['team'], token_use: 'id' })
    .setProtectedHeader({ alg: 'ES256', kid: keyId })
    .setSubject(claims.sub ?? 'associate')
    .setIssuer(claims.iss ?? issuer)
    .setAudience(claims.aud ?? 'docketwatch-local')
    .setIssuedAt(now - 7200)
    .setExpirationTime(claims.exp ?? now + 3600)
    .sign(key);
}

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-06T18:00:00Z' });
  issuer = `${stack.url}/local-idp`;
  const jwk = JSON.parse(readFileSync(join(stack.dataDir, 'idp-key.json'), 'utf8')) as JWK;
  localKey = await importJWK(jwk, 'ES256');
  kid = jwk.kid ?? 'local';
  const other = await generateKeyPair('ES256', { extractable: true });
  const unsignedHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  const unsignedBody = Buffer.from(JSON.stringify({ sub: 'associate', iss: issuer, aud: 'docketwatch-local', 'cognito:groups': ['team'], exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
  Object.assign(tokens, {
    admin: stack.teamToken,
    team: await mint({}),
    outsider: await mint({ sub: 'someone', groups: [] }),
    expired: await mint({ exp: Math.floor(Date.now() / 1000) - 60 }),
    forged: await mint({}, other.privateKey, kid), // same kid, another key: the signature does not verify
    wrongAudience: await mint({ aud: 'some-other-app' }),
    wrongIssuer: await mint({ iss: 'https://evil.example/local-idp' }),
    unsigned: `${unsignedHeader}.${unsignedBody}.`,
    garbage: 'not.a.jwt',
  });
});
afterAll(() => stack?.stop());

/** A concrete request for a route: sample path parameters, an empty JSON body for writes. */
function call(route: RouteSpec, token?: string): Promise<Response> {
  const [method, template] = route.routeKey.split(' ') as [string, string];
  const path = template.replace(/\{(\w+)\}/g, (_, p: string) => (p === 'id' || p === 'feedId' ? SAMPLE_ID : `sample-${p}`));
  const write = method === 'POST' || method === 'PUT' || method === 'PATCH';
  return fetch(`${stack.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(write ? { 'content-type': 'application/json' } : {}) },
    ...(write ? { body: '{}' } : {}),
  });
}

const team = ROUTES.filter((r) => r.auth === 'team');
const publicRoutes = ROUTES.filter((r) => r.auth === 'public');
const optional = ROUTES.filter((r) => r.auth === 'publicOrTeam');
/** Routes whose handler also requires the admin group (`requireAdmin`), as ROUTES marks them. */
const ADMIN_ONLY = new Set(ROUTES.filter((r) => r.admin).map((r) => r.routeKey));
const BAD = ['expired', 'forged', 'wrongAudience', 'wrongIssuer', 'unsigned', 'garbage'] as const;

describe('team routes', () => {
  it.each(team.map((r) => [r.routeKey, r] as const))('%s: 401 without a token and with every bad token', async (_key, route) => {
    expect((await call(route)).status).toBe(401);
    for (const bad of BAD) expect((await call(route, tokens[bad])).status, bad).toBe(401);
    // A Basic or malformed header is no bearer token.
    const basic = await fetch(`${stack.url}${route.routeKey.split(' ')[1]!.replace(/\{\w+\}/g, SAMPLE_ID)}`, { method: route.routeKey.split(' ')[0], headers: { authorization: 'Basic YTpi' } });
    expect(basic.status).toBe(401);
  });

  it.each(team.map((r) => [r.routeKey, r] as const))('%s: a team member and an admin get past the authorizer', async (_key, route) => {
    for (const who of ['team', 'admin']) {
      const res = await call(route, tokens[who]);
      if (who === 'team' && ADMIN_ONLY.has(route.routeKey)) expect(res.status, 'admin only').toBe(403);
      else expect([401, 403], `${who}: ${res.status}`).not.toContain(res.status);
    }
  });

  // The handlers of this issue (and the lead's read routes) check the group themselves.
  const groupChecked = team.filter((r) => ['deadlines', 'calendar-feed', 'feeds', 'export', 'matters', 'get-item'].includes(r.entry));
  it.each(groupChecked.map((r) => [r.routeKey, r] as const))('%s: 403 for a signed-in person outside the team groups', async (_key, route) => {
    const res = await call(route, tokens.outsider);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('public routes', () => {
  it.each(publicRoutes.map((r) => [r.routeKey, r] as const))('%s: answers without a token', async (_key, route) => {
    const res = await call(route);
    expect([401, 403]).not.toContain(res.status);
  });
});

describe('public-or-team routes', () => {
  it.each(optional.map((r) => [r.routeKey, r] as const))('%s: public without a token, 401 with a bad one', async (_key, route) => {
    expect([401, 403]).not.toContain((await call(route)).status);
    for (const bad of BAD) expect((await call(route, tokens[bad])).status, bad).toBe(401);
  });
});

describe('tracking codes', () => {
  it('cannot be enumerated: well-formed guesses and malformed codes get the same 404', async () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const guess = () => {
      let s = '';
      for (let i = 0; i < 26; i++) s += alphabet[Math.floor(Math.random() * 32)];
      return `${s.slice(0, 5)}-${s.slice(5, 10)}-${s.slice(10, 15)}-${s.slice(15, 20)}-${s.slice(20)}`;
    };
    const codes = [guess(), guess(), guess(), 'AAAAA', '../../api/matters', 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZZ'];
    const answers = await Promise.all(codes.map((c) => fetch(`${stack.url}/api/track/${encodeURIComponent(c)}`)));
    expect(answers.map((a) => a.status)).toEqual(codes.map(() => 404));
    const details = new Set(await Promise.all(answers.map(async (a) => ((await a.json()) as { detail: string }).detail)));
    expect(details.size).toBe(1);
  });
});
