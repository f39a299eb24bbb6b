/**
 * Team identity from JWTs. Team routes are guarded by the HTTP API's JWT authorizer, which
 * leaves the verified claims in `requestContext.authorizer.jwt.claims`; the local server fills
 * them the same way. Public routes that accept an optional team token (intake) verify it here
 * with the same issuer and audience the authorizer uses.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { config } from './config';
import { forbidden, unauthorized } from './errors';
import { bearerToken } from './bearer';

export interface Principal {
  id: string;
  email?: string;
  /** False when the issuer says the address is not verified. */
  emailVerified?: boolean;
  name?: string;
  groups: string[];
}

export const TEAM_GROUPS = ['team', 'admin'];

let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

/**
 * Verifies a token as the HTTP API authorizer does: signature from the issuer's JWKS, `iss`,
 * `exp`/`nbf`, and the audience in `aud` (ID tokens) or `client_id` (Cognito access tokens).
 */
export async function verifyToken(token: string): Promise<JWTPayload> {
  if (!config.jwtIssuer || !config.jwtAudience) throw unauthorized('Team sign-in is not configured');
  jwks ??= createRemoteJWKSet(new URL(`${config.jwtIssuer}/.well-known/jwks.json`));
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwks, { issuer: config.jwtIssuer }));
  } catch {
    throw unauthorized('The token is invalid or expired');
  }
  const aud = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
  if (!aud.includes(config.jwtAudience) && payload.client_id !== config.jwtAudience) {
    throw unauthorized('The token was issued for another application');
  }
  return payload;
}

/** Claims as the HTTP API passes them: arrays arrive as "[a b]" strings. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const raw = claims['cognito:groups'];
  const groups = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean)
      : [];
  return {
    id: String(claims.sub ?? ''),
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
    // The authorizer passes claims as strings: "false" is as unverified as false.
    ...(claims.email_verified === false || claims.email_verified === 'false' ? { emailVerified: false } : {}),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    groups,
  };
}

export function isTeam(p: Principal | undefined): p is Principal {
  return !!p && p.groups.some((g) => TEAM_GROUPS.includes(g));
}

/** The signed-in team member on an authorizer-guarded route. */
export function requireTeam(event: APIGatewayProxyEventV2): Principal {
  const claims = (event as APIGatewayProxyEventV2WithJWTAuthorizer).requestContext.authorizer?.jwt?.claims;
  if (!claims) throw unauthorized('Sign in as a team member');
  const p = principalFromClaims(claims);
  if (!isTeam(p)) throw forbidden('This needs a member of the legal team');
  return p;
}

/** An administrator of the team: changes that reach every matter (the calendar) need one. */
export function requireAdmin(event: APIGatewayProxyEventV2): Principal {
  const p = requireTeam(event);
  if (!p.groups.includes('admin')) throw forbidden('This needs an administrator');
  return p;
}

/** On a public route: the team member if a valid bearer token came along, else nobody. */
export async function optionalTeam(event: APIGatewayProxyEventV2): Promise<Principal | undefined> {
  const header = event.headers?.authorization;
  if (!header) return undefined;
  const token = bearerToken(header);
  if (!token) throw unauthorized('The Authorization header must be "Bearer <token>"');
  const p = principalFromClaims(await verifyToken(token) as Record<string, unknown>);
  if (!isTeam(p)) throw forbidden('This needs a member of the legal team');
  return p;
}
