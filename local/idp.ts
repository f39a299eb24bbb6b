/**
 * The local stand-in for Cognito: an ES256 key kept in the data folder, a JWKS document and
 * tokens with the claims Cognito ID tokens carry (sub, email, name, cognito:groups, aud).
 */
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCAL_AUDIENCE = 'docketwatch-local';

export interface LocalIdp {
  issuer: string;
  jwks: { keys: JWK[] };
  issue(claims: { sub: string; email: string; name: string; groups: string[] }, ttlSeconds?: number): Promise<string>;
}

export async function localIdp(dataDir: string, issuer: string): Promise<LocalIdp> {
  const file = join(dataDir, 'idp-key.json');
  let privateJwk: JWK;
  if (existsSync(file)) {
    privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: `local-${Date.now()}`, alg: 'ES256', use: 'sig' };
    writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _private, ...publicJwk } = privateJwk;
  const key = await importJWK(privateJwk, 'ES256');
  return {
    issuer,
    jwks: { keys: [publicJwk] },
    issue: (claims, ttlSeconds = 30 * 24 * 3600) =>
      new SignJWT({ email: claims.email, name: claims.name, 'cognito:groups': claims.groups, token_use: 'id' })
        .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid ?? 'local' })
        .setSubject(claims.sub)
        .setIssuer(issuer)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(key),
  };
}
