/** The blocks every request body schema is made of answer as the API always has. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { closed, count, flag, moment, oneOf, optional, optionalText, parseBody, rule, text } from '../../core/schema';

const Body = v.pipe(
  closed({
    name: text({ max: 5 }),
    note: optionalText({ max: 10, pattern: /^[a-z ]*$/, patternMessage: 'must be lower case' }),
    kind: oneOf(['a', 'b']),
    ok: flag(),
    n: v.optional(count({ min: 1, max: 9, integer: 'must be a whole number' })),
    when: moment({ past: { now: new Date('2026-03-10T12:00:00Z') } }),
    inner: optional(closed({ x: text({ max: 3 }) }, { optional: true })),
  }),
  rule<{ kind: string; n: number }>('n', (b) => (b.kind === 'b' && b.n === undefined ? 'is required for kind b' : undefined)),
);
const good = { name: 'Ann', kind: 'a', ok: true, when: '2026-03-09' };

describe('request body schemas', () => {
  it('names every bad field at once, one message each (the first check it fails)', () => {
    const result = parseBody(Body, { name: 'too long name', kind: 'c', ok: 'yes', n: 1.5, when: '2026-03-11', inner: [] });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: 'must be at most 5 characters' },
        { field: 'kind', message: 'must be one of: a, b' },
        { field: 'ok', message: 'must be true or false' },
        { field: 'n', message: 'must be a whole number' },
        { field: 'when', message: 'must not be in the future' },
        { field: 'inner', message: 'must be an object' },
      ],
    });
  });

  it('says "is required" for what is missing or null, and names each unknown member first', () => {
    expect(parseBody(Body, { extra: 1, other: 2, name: null, inner: { x: 'ab', y: 0 } })).toEqual({
      ok: false,
      errors: [
        { field: 'extra', message: 'is not a recognised field' },
        { field: 'other', message: 'is not a recognised field' },
        { field: 'name', message: 'is required' },
        { field: 'kind', message: 'is required' },
        { field: 'ok', message: 'is required' },
        { field: 'when', message: 'is required' },
        { field: 'inner.y', message: 'is not a recognised field' },
      ],
    });
  });

  it('trims text, treats blank optional text and null members as not given, and leaves no empty member', () => {
    const result = parseBody(Body, { ...good, name: '  Ann ', note: '   ', inner: null });
    expect(result).toEqual({ ok: true, value: { name: 'Ann', kind: 'a', ok: true, when: '2026-03-09' } });
    expect(parseBody(Body, { ...good, note: ' Not Lower ' })).toEqual({ ok: false, errors: [{ field: 'note', message: 'must be lower case' }] });
    expect(parseBody(Body, { ...good, name: 'a\u0001b' })).toEqual({ ok: false, errors: [{ field: 'name', message: 'contains control characters' }] });
  });

  it('runs a rule across fields beside the schema, and refuses what is not an object', () => {
    expect(parseBody(Body, { ...good, kind: 'b' })).toEqual({ ok: false, errors: [{ field: 'n', message: 'is required for kind b' }] });
    expect(parseBody(Body, { ...good, kind: 'b', n: 3 }).ok).toBe(true);
    for (const body of [[], 'x', null, 3]) expect(parseBody(Body, body)).toEqual({ ok: false, errors: [{ field: '', message: 'The body must be a JSON object' }] });
  });
});
