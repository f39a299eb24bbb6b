/**
 * Personal feed secrets. A feed URL carries `<feedId>.<secret>`: 256 random bits, base64url.
 * The table keeps sha256(secret); a lookup is a Get by id and a constant-time compare.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from './keys';

const FEED_TOKEN = /^([0-9A-HJKMNP-TV-Z]{26})\.([A-Za-z0-9_-]{43})$/;

export function newFeedSecret(): string {
  return randomBytes(32).toString('base64url');
}

export const feedToken = (feedId: string, secret: string) => `${feedId}.${secret}`;

/** The feed id and secret of a well-formed token; undefined for anything else. */
export function parseFeedToken(token: string): { feedId: string; secret: string } | undefined {
  const m = FEED_TOKEN.exec(token);
  return m ? { feedId: m[1]!, secret: m[2]! } : undefined;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
