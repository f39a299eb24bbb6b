/** How stryker-allow.md's generator tells a receipt's or an error's wording from other strings. */
import { describe, expect, it } from 'vitest';
import { enclosingCall, functionAt } from '../../scripts/mutation-allow';

const at = (source: string, marker: string) => enclosingCall(source, source.indexOf(marker));

describe('enclosingCall', () => {
  it('names the call and the argument a literal is', () => {
    const src = "trace.add('toll', `Sent ${labelDay(day)} (the clause)`, day);";
    expect(at(src, "'toll'")).toEqual({ callee: 'trace.add', arg: 0 });
    expect(at(src, '`Sent')).toEqual({ callee: 'trace.add', arg: 1 });
    expect(at("throw new DeadlineInputError('must be an object', `${field}.type`);", "'must")).toEqual({ callee: 'DeadlineInputError', arg: 0 });
    expect(at("throw r.error('hours', 'is required');", "'is required'")).toEqual({ callee: 'r.error', arg: 1 });
  });

  it('a string inside a template expression belongs to the template\'s argument', () => {
    expect(at("trace.add('x', `Day 0 ${on ? 'yes' : 'no'} (rule)`);", "'yes'")).toEqual({ callee: 'trace.add', arg: 1 });
  });

  it('finds none for a string in an array or an object, or outside any call', () => {
    expect(at("trace.add('x', ['a', 'b']);", "'b'")).toBe(undefined);
    expect(at("f({ rule: 'foia.response' });", "'foia")).toBe(undefined);
    expect(at("const id = 'foia.response';", "'foia")).toBe(undefined);
  });

  it('steps over calls and brackets before the literal', () => {
    expect(at("trace.add(step(a, [1, 2]), { x: f(1) }, 'text');", "'text'")).toEqual({ callee: 'trace.add', arg: 2 });
  });
});

describe('functionAt', () => {
  const src = [
    'export function closedReason(facts) {',
    "  const shut = rule.kind === 'scotus';",
    '}',
    '',
    'function isClosed(facts) {',
    "  const shut = rule.kind === 'scotus';",
    '}',
  ].join('\n');
  it('tells the same line apart by the top-level function it is in', () => {
    expect(functionAt(src, src.indexOf('rule.kind'))).toBe('closedReason');
    expect(functionAt(src, src.lastIndexOf('rule.kind'))).toBe('isClosed');
  });
  it('finds none before the first function', () => {
    expect(functionAt('const x = 1;\nfunction f() {}', 6)).toBe(undefined);
  });
});
