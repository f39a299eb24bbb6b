/** Identifiers: time-sortable ids for records, unguessable codes for requesters. */
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';

export const newId = (): string => ulid();

// Crockford base32: no I, L, O, U, so a code read aloud or retyped is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 26 symbols of 5 random bits each: 130 bits, above the 128 an unguessable code needs. */
const CODE_SYMBOLS = 26;

/** A tracking code: 130 random bits, shown in groups of five (the last of six) for reading. */
export function newTrackingCode(): string {
  const bytes = randomBytes(CODE_SYMBOLS);
  let code = '';
  for (const b of bytes) code += ALPHABET[b & 31];
  return `${code.slice(0, 5)}-${code.slice(5, 10)}-${code.slice(10, 15)}-${code.slice(15, 20)}-${code.slice(20)}`;
}

export const TRACKING_CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{6}$/;

/** Accepts codes typed in lower case or with spaces for dashes. */
export function normaliseTrackingCode(input: string): string | undefined {
  const code = input.trim().toUpperCase().replace(/\s+/g, '-');
  return TRACKING_CODE.test(code) ? code : undefined;
}
