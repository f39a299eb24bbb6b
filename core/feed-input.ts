/** Validation of a new personal calendar feed: an optional label and the filters it applies. */
import * as v from 'valibot';
import { blankable, closed, parseBody } from './schema';
import { isPlainObject, type FieldError } from './validate';

const MAX = 100;
const TEXT = `must be text of at most ${MAX} characters`;
// Control characters have no place in a label shown in calendar apps (NUL, ESC...).
const member = (description: string) =>
  blankable(
    v.pipe(
      v.string(TEXT),
      v.maxLength(MAX, TEXT),
      v.check((s) => s.trim().length > 0, TEXT),
      v.check((s) => !/[\u0000-\u001f\u007f]/.test(s), 'contains control characters'),
      v.trim(),
      v.description(description),
    ),
  );

export const FeedBody = closed(
  { label: member('Shown in the calendar app'), matter: member('Only deadlines of this matter (its id)'), person: member('Only deadlines this person owns or watches') },
  { unknown: 'is not a field of a feed' },
);
export type FeedInput = { label?: string; matter?: string; person?: string };

export function validateFeedInput(body: unknown): { ok: true; value: FeedInput } | { ok: false; errors: FieldError[]; notObject?: true } {
  if (!isPlainObject(body)) return { ok: false, errors: [], notObject: true };
  const parsed = parseBody(FeedBody, body);
  if (!parsed.ok) return parsed;
  return { ok: true, value: Object.fromEntries(Object.entries(parsed.value).filter(([, x]) => x !== undefined)) };
}
