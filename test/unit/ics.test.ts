/** RFC 5545 formatting: folding, escaping, all-day and timed events, the time zone, alarms. */
import { describe, expect, it } from 'vitest';
import { courtLocalStamp, escapeText, foldLine, renderCalendar, utcStamp, type CalendarEntry } from '../../core/ics';
import { calendarIdentity } from '../../core/status';
import type { Deadline } from '../../core/model';

const NOW = new Date('2026-03-06T20:15:00.000Z');

const dayEntry: CalendarEntry = {
  uid: '01JDAY@docketwatch',
  sequence: 0,
  summary: 'Opposition due: Opposition to motion, to dismiss; "urgent"',
  description: 'Rule: D.D.C. LCvR 7(b)\nHow this date was computed:\n1. Service of the motion: 2026-03-06 (Friday).',
  due: '2026-03-20',
  dueInstant: '2026-03-21T03:59:59.999Z',
  categories: ['filing'],
};
const hourEntry: CalendarEntry = {
  uid: '01JHOUR@docketwatch',
  sequence: 2,
  summary: 'Notice window closes: IRS intends to share address data',
  description: 'Rule: Fed. R. Civ. P. 6(a)(2)',
  due: '2026-03-09T15:30:00-04:00',
  dueInstant: '2026-03-09T19:30:00.000Z',
};

/** Unfolds per RFC 5545 3.1 and splits into content lines. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

describe('text and lines', () => {
  it('escapes backslash, semicolon, comma and newlines, and drops other control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\x07g')).toBe('a\\\\b\\;c\\,d\\ne\\nfg');
  });

  it('folds at 75 octets, continuation lines start with a space, multi-byte characters are never split', () => {
    const line = `DESCRIPTION:${'é’x'.repeat(60)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('leaves a short line alone', () => {
    expect(foldLine('UID:x')).toBe('UID:x');
  });

  it('writes UTC stamps and the court’s wall-clock time across a clock change', () => {
    expect(utcStamp(NOW)).toBe('20260306T201500Z');
    expect(courtLocalStamp(new Date('2026-03-09T19:30:00Z'))).toBe('20260309T153000'); // EDT
    expect(courtLocalStamp(new Date('2026-03-06T20:30:00Z'))).toBe('20260306T153000'); // EST
    // The minutes around the changes: 2 am EST is 3 am EDT; 1:30 am happens twice in November.
    expect(courtLocalStamp(new Date('2026-03-08T06:59:00Z'))).toBe('20260308T015900');
    expect(courtLocalStamp(new Date('2026-03-08T07:00:00Z'))).toBe('20260308T030000');
    expect(courtLocalStamp(new Date('2026-11-01T05:30:00Z'))).toBe('20261101T013000'); // EDT
    expect(courtLocalStamp(new Date('2026-11-01T06:30:00Z'))).toBe('20261101T013000'); // EST
    expect(courtLocalStamp(new Date('2026-12-31T23:59:59Z'))).toBe('20261231T185959');
  });
});

describe('renderCalendar', () => {
  const ics = renderCalendar([dayEntry, hourEntry], { name: 'Docketwatch, team', now: NOW });
  const lines = unfold(ics);

  it('uses CRLF only, ends with CRLF, and no physical line is over 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of ics.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('has the calendar properties and balanced components', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines).toContain('X-WR-CALNAME:Docketwatch\\, team');
    for (const c of ['VCALENDAR', 'VEVENT', 'VALARM', 'VTIMEZONE', 'STANDARD', 'DAYLIGHT']) {
      expect(lines.filter((l) => l === `BEGIN:${c}`).length).toBe(lines.filter((l) => l === `END:${c}`).length);
    }
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
  });

  it('writes a date deadline as an all-day event with an exclusive end, and an alarm the day before', () => {
    const ev = lines.slice(lines.indexOf('UID:01JDAY@docketwatch'), lines.indexOf('END:VEVENT') + 1);
    expect(ev).toContain('DTSTART;VALUE=DATE:20260320');
    expect(ev).toContain('DTEND;VALUE=DATE:20260321');
    expect(ev).toContain('SEQUENCE:0');
    expect(ev).toContain('DTSTAMP:20260306T201500Z');
    expect(ev).toContain('SUMMARY:Opposition due: Opposition to motion\\, to dismiss\\; "urgent"');
    expect(ev).toContain('TRIGGER:-PT15H');
    expect(ev).toContain('CATEGORIES:filing');
    expect(ev.find((l) => l.startsWith('DESCRIPTION:Rule'))).toContain('\\n1. Service of the motion');
  });

  it('writes an hour deadline at the court’s time with a VTIMEZONE for America/New_York', () => {
    expect(lines).toContain('TZID:America/New_York');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    const start = lines.indexOf('UID:01JHOUR@docketwatch');
    const ev = lines.slice(start, lines.indexOf('END:VEVENT', start) + 1);
    expect(ev).toContain('DTSTART;TZID=America/New_York:20260309T153000');
    expect(ev).toContain('SEQUENCE:2');
    expect(ev.some((l) => l.startsWith('DTEND'))).toBe(false);
    expect(ev).toContain('TRIGGER:-PT2H');
  });

  it('leaves out the VTIMEZONE when every deadline is a date', () => {
    expect(renderCalendar([dayEntry], { name: 'x', now: NOW })).not.toContain('VTIMEZONE');
  });
});

describe('calendarIdentity', () => {
  const base = { itemId: 'I', rule: 'r', label: 'l', due: '2026-03-20', dueInstant: '2026-03-21T03:59:59.999Z', citation: 'c', calendarVersion: 'v', receipt: [], trigger: 't', params: {} };
  const d = (id: string, version: number, status: Deadline['status'], supersedes?: string): Deadline => ({ ...base, id, version, status, ...(supersedes ? { supersedes } : {}) });

  it('keeps the UID of the chain’s root and raises SEQUENCE with every move', () => {
    const a = d('A', 2, 'superseded');
    const b = d('B', 2, 'superseded', 'A');
    const c = d('C', 1, 'open', 'B');
    const byId = new Map([a, b, c].map((x) => [x.id, x]));
    expect(calendarIdentity(d('A', 1, 'open'), new Map())).toEqual({ rootId: 'A', sequence: 0 });
    expect(calendarIdentity(d('B', 1, 'open', 'A'), byId)).toEqual({ rootId: 'A', sequence: 2 });
    expect(calendarIdentity(c, byId)).toEqual({ rootId: 'A', sequence: 4 });
  });

  it('stops at a loop instead of spinning', () => {
    const a = d('A', 2, 'superseded', 'B');
    const b = d('B', 1, 'open', 'A');
    expect(calendarIdentity(b, new Map([a, b].map((x) => [x.id, x]))).sequence).toBe(2);
  });
});
