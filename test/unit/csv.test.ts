/** RFC 4180 quoting and formula-injection escaping. */
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, escapeFormula, toCsv } from '../../core/csv';

describe('formula escaping', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'])('prefixes %j with an apostrophe', (v) => {
    expect(escapeFormula(v)).toBe(`'${v}`);
  });
  it.each(['plain', "'already", ' =1 leading space', '2026-03-20', 'a=b'])('leaves %j alone', (v) => {
    expect(escapeFormula(v)).toBe(v);
  });
});

describe('RFC 4180', () => {
  it('quotes cells with commas, quotes, CR or LF, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });
  it('escapes and quotes together', () => {
    expect(csvCell('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
    expect(csvCell('-2+3,4')).toBe(`"'-2+3,4"`);
  });
  it('quotes a cell holding another locale\'s separator, so a formula after it stays text', () => {
    // Opened where ; is the separator, an unquoted x;=1+1 would split into x and a formula.
    expect(csvCell('x;=1+1')).toBe('"x;=1+1"');
    expect(csvCell('tab\t=1+1')).toBe('"tab\t=1+1"');
  });
  it('writes empty cells for null and undefined, numbers as numbers', () => {
    expect(csvRow([null, undefined, 3, -2, true])).toBe(',,3,-2,true');
  });
  it('ends every record with CRLF and starts with a byte order mark', () => {
    const doc = toCsv(['a', 'b'], [['1', '=2'], ['x\ny', '']]);
    expect(doc).toBe("\uFEFFa,b\r\n1,'=2\r\n\"x\ny\",\r\n");
  });
});
