/** The status views' pure parts: windows, buckets at the court, and the CLI's arguments and table. */
import { describe, expect, it } from 'vitest';
import { bucketOf, parseFilter, parseWithin, StatusInputError } from '../../core/status';
import { parseStatusArgs, relative, renderTable, toIsoDuration, UsageError } from '../../scripts/status';

describe('parseWithin', () => {
  it.each([
    ['P14D', 14 * 86_400_000],
    ['PT48H', 48 * 3_600_000],
    ['P1DT12H', 36 * 3_600_000],
    ['P2W', 14 * 86_400_000],
    ['pt90m', 90 * 60_000],
  ])('%s', (text, ms) => expect(parseWithin(text)).toBe(ms));
  it.each(['P1M', 'P1Y', '14d', 'P', 'PT', 'P0D', '', 'P99999D'])('refuses %j', (text) => {
    expect(() => parseWithin(text)).toThrow(StatusInputError);
  });
});

describe('bucketOf (America/New_York)', () => {
  // Friday 6 March 2026, 11 pm in Washington = 04:00 UTC on the 7th.
  const now = new Date('2026-03-07T04:00:00Z');
  it('is overdue once the end has passed', () => expect(bucketOf('2026-03-07T03:59:59.999Z', now)).toBe('overdue'));
  it('is today for the court’s today, even where UTC has moved on', () => expect(bucketOf('2026-03-07T04:30:00Z', now)).toBe('today'));
  it('is this week up to seven days ahead (across the clock change)', () => expect(bucketOf('2026-03-14T03:59:59.999Z', now)).toBe('week'));
  it('is later beyond', () => expect(bucketOf('2026-03-15T03:59:59.999Z', now)).toBe('later'));
});

describe('parseFilter', () => {
  it('keeps known filters, refuses unknown kinds', () => {
    expect(parseFilter({ matter: ' ctr-v-irs ', kind: 'foia', other: 'x' })).toEqual({ matter: 'ctr-v-irs', kind: 'foia' });
    expect(() => parseFilter({ kind: 'lawsuit' })).toThrow(/kind|must be one of/);
  });
});

describe('status CLI', () => {
  it('turns short periods into ISO durations', () => {
    expect(toIsoDuration('14d')).toBe('P14D');
    expect(toIsoDuration('2w')).toBe('P2W');
    expect(toIsoDuration('36h')).toBe('PT36H');
    expect(toIsoDuration('p14d')).toBe('P14D');
    expect(() => toIsoDuration('soon')).toThrow(UsageError);
  });
  it('parses its options', () => {
    expect(parseStatusArgs(['--matter', 'ctr-v-irs', '--within=14d', '--json'])).toEqual({ json: true, within: 'P14D', query: { matter: 'ctr-v-irs' } });
    expect(() => parseStatusArgs(['--bogus'])).toThrow(UsageError);
    expect(() => parseStatusArgs(['--matter'])).toThrow(/needs a value/);
  });
  it('prints a table with the relative time and marks alternative readings', () => {
    const now = new Date('2026-03-06T18:00:00Z');
    const out = renderTable([{
      id: 'D', label: 'Opposition due', due: '2026-03-20', dueInstant: '2026-03-21T03:59:59.999Z', bucket: 'later', status: 'open',
      alternative: { due: '2026-03-23' },
      item: { title: 'Opposition', kind: 'filing', matterId: 'ctr-v-irs', phaseLabel: 'Due', owner: 'associate' },
    }], now);
    expect(out).toMatch(/^DUE\s+WHEN/);
    expect(out).toContain('Fri 2026-03-20 *');
    expect(out).toContain('in 14d 9h');
    expect(out).toContain('another reading');
    expect(relative('2026-03-06T17:00:00Z', now)).toBe('1h 0m ago');
    expect(renderTable([], now)).toBe('No open deadlines match.\n');
  });
});
