/** Validation of a new personal calendar feed: an optional label and the filters it applies. */
import { isPlainObject, Reader, type FieldError } from './validate';

export interface FeedInput {
  label?: string;
  matter?: string;
  person?: string;
}

const FIELDS = ['label', 'matter', 'person'] as const;
const MAX = 100;

export function validateFeedInput(body: unknown): { ok: true; value: FeedInput } | { ok: false; errors: FieldError[]; notObject?: true } {
  if (!isPlainObject(body)) return { ok: false, errors: [], notObject: true };
  const r = new Reader();
  const value: FeedInput = {};
  for (const [key, v] of Object.entries(body)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      r.fail(key, 'is not a field of a feed');
      continue;
    }
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' || v.trim().length === 0 || v.length > MAX) {
      r.fail(key, `must be text of at most ${MAX} characters`);
      continue;
    }
    // Control characters have no place in a label shown in calendar apps (NUL, ESC...).
    if (/[\u0000-\u001f\u007f]/.test(v)) {
      r.fail(key, 'contains control characters');
      continue;
    }
    value[key as (typeof FIELDS)[number]] = v.trim();
  }
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, value };
}
