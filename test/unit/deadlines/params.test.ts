/** Reading a rule's parameters: what is accepted, how text is read, and the exact refusals. */
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../../core/calendar';
import { DeadlineInputError } from '../../../core/deadlines';
import { FREE_TEXT_PARAMS, ParamReader } from '../../../core/deadlines/params';

/** The message of the error a reading throws (`<field>: <what is wrong>`). */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (err) {
    expect(err).toBeInstanceOf(DeadlineInputError);
    const e = err as DeadlineInputError;
    expect(e.message.startsWith(`${e.field}: `)).toBe(true);
    return e.message;
  }
  throw new Error('expected a DeadlineInputError');
}

describe('ParamReader', () => {
  it('takes no parameters (undefined or null) as none, and refuses anything but an object', () => {
    expect(new ParamReader(undefined).int('days', { min: 0, max: 10 })).toBeUndefined();
    expect(new ParamReader(null).int('days', { min: 0, max: 10 })).toBeUndefined();
    for (const bad of [[], [1], 'days=3', 3, true]) expect(refusal(() => new ParamReader(bad)), JSON.stringify(bad)).toBe('params: must be an object of named parameters');
  });

  it('reads whole numbers, also as text with spaces, within bounds', () => {
    const p = new ParamReader({ a: 14, b: '14', c: ' -0 ', d: '  7  ', n: null });
    expect(p.int('a', { min: 1, max: 30 })).toBe(14);
    expect(p.int('b', { min: 1, max: 30 })).toBe(14);
    expect(p.int('c', { min: 0, max: 30 })).toBe(-0);
    expect(p.int('d', { min: 1, max: 30 })).toBe(7);
    // null is absent, as an unset form field is.
    expect(p.int('n', { min: 1, max: 30 })).toBeUndefined();
    expect(p.has('n')).toBe(false);
    expect(p.has('a')).toBe(true);
    expect(p.has('missing')).toBe(false);
  });

  it.each<[unknown, string]>([
    [1.5, 'params.x: must be a whole number, not 1.5'],
    ['1.5', 'params.x: must be a whole number, not "1.5"'],
    ['14 days', 'params.x: must be a whole number, not "14 days"'],
    ['x14', 'params.x: must be a whole number, not "x14"'],
    ['1 4', 'params.x: must be a whole number, not "1 4"'],
    [true, 'params.x: must be a whole number, not true'],
    [[14], 'params.x: must be a whole number, not [14]'],
    [-3, 'params.x: must not be negative (got -3)'],
    ['-3', 'params.x: must not be negative (got -3)'],
    [0, 'params.x: must be at least 1 (got 0)'],
    [31, 'params.x: must be at most 30 (got 31)'],
  ])('refuses %j as a count between 1 and 30', (value, message) => {
    expect(refusal(() => new ParamReader({ x: value }).int('x', { min: 1, max: 30 }))).toBe(message);
  });

  it('takes the bounds themselves', () => {
    expect(new ParamReader({ x: 1 }).int('x', { min: 1, max: 30 })).toBe(1);
    expect(new ParamReader({ x: 30 }).int('x', { min: 1, max: 30 })).toBe(30);
    expect(new ParamReader({ x: 0 }).int('x', { min: 0, max: 30 })).toBe(0);
  });

  it('reads a day from a date or a date-time at the court', () => {
    const p = new ParamReader({ on: '2026-03-16', at: '2026-03-17T01:30:00Z' });
    expect(p.day('on')).toBe(parseIsoDay('2026-03-16'));
    // 01:30 UTC on the 17th is still the 16th in Washington.
    expect(p.day('at')).toBe(parseIsoDay('2026-03-16'));
    expect(p.day('absent')).toBeUndefined();
    expect(refusal(() => new ParamReader({ on: '16/03/2026' }).day('on'))).toMatch(/^params\.on: /);
  });

  it('reads one of a list of words, and names the list when it refuses', () => {
    const p = new ParamReader({ d: 'before' });
    expect(p.oneOf('d', ['after', 'before'])).toBe('before');
    expect(p.oneOf('absent', ['after', 'before'])).toBeUndefined();
    expect(refusal(() => new ParamReader({ d: 'sideways' }).oneOf('d', ['after', 'before']))).toBe('params.d: must be one of "after", "before", not "sideways"');
    expect(refusal(() => new ParamReader({ d: 1 }).oneOf('d', ['after', 'before']))).toBe('params.d: must be one of "after", "before", not 1');
  });

  it('reads a list as an array or as JSON text', () => {
    expect(new ParamReader({ l: [1, 2] }).list('l')).toEqual([1, 2]);
    expect(new ParamReader({ l: '[{"a":1}]' }).list('l')).toEqual([{ a: 1 }]);
    expect(new ParamReader({}).list('l')).toBeUndefined();
    expect(refusal(() => new ParamReader({ l: '[1,' }).list('l'))).toBe('params.l: must be a JSON list');
    expect(refusal(() => new ParamReader({ l: '{"a":1}' }).list('l'))).toBe('params.l: must be a list');
    expect(refusal(() => new ParamReader({ l: { a: 1 } }).list('l'))).toBe('params.l: must be a list');
  });

  it('finishes by refusing the first parameter nobody read, but never free text or absent ones', () => {
    const p = new ParamReader({ days: 3, note: 'x', unset: undefined, calender_days: 3 });
    p.int('days', { min: 0, max: 10 });
    expect(refusal(() => p.finish('frcp6.days'))).toBe('params.calender_days: is not a parameter of frcp6.days');
    const q = new ParamReader({ days: 3, unset: undefined, ...Object.fromEntries(FREE_TEXT_PARAMS.map((n) => [n, 'text'])) });
    q.int('days', { min: 0, max: 10 });
    expect(() => q.finish('frcp6.days')).not.toThrow();
    // Reading a parameter counts even when it is absent, so `has` marks it read too.
    const r = new ParamReader({ direction: 'after' });
    r.has('direction');
    expect(() => r.finish('frcp6.days')).not.toThrow();
  });

  it('lists the free-text parameters people use for notes', () => {
    expect([...FREE_TEXT_PARAMS].sort()).toEqual(
      ['agency', 'comment', 'component', 'description', 'event', 'label', 'matter', 'note', 'notes', 'party', 'received_via', 'reference', 'requester', 'source', 'title'].sort(),
    );
  });
});
