/**
 * The team's deadlines as an iCalendar feed (RFC 5545). Pure: the caller passes the events and
 * the clock. Lines end in CRLF and are folded at 75 octets (3.1); TEXT values are escaped
 * (3.3.11). Date deadlines are all-day events (they end at 11:59 pm at the court, and a calendar
 * shows the day); hour deadlines (FRCP 6(a)(2)) are timed events in America/New_York, with the
 * zone's definition in a VTIMEZONE so that every client places them at the court's hour.
 */
import { COURT_TIME_ZONE, offsetAt } from './time';

export interface CalendarEntry {
  /** Stable across moves: the root of the deadline's supersedes chain. */
  uid: string;
  /** Grows whenever the deadline moves or changes. */
  sequence: number;
  summary: string;
  description: string;
  /** ISO date (all-day) or date-time with offset (timed). */
  due: string;
  /** UTC instant the deadline ends. */
  dueInstant: string;
  categories?: string[];
  url?: string;
}

export interface CalendarOptions {
  name: string;
  now: Date;
  /** Product identifier, RFC 5545 3.7.3. */
  prodId?: string;
}

const CRLF = '\r\n';
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. Other controls go. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/**
 * Folds a content line so that no line is longer than 75 octets (UTF-8) without its CRLF;
 * continuation lines start with one space, which counts towards their 75 (3.1). A character
 * is never split between lines.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** `20260309T193000Z` */
export function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The wall-clock time at the court of a UTC instant: `20260309T153000`. The instant shifted by
 * the court's offset then, read as UTC (no formatter at import: a feed of date deadlines never
 * loads the zone's data).
 */
export function courtLocalStamp(instant: Date): string {
  return utcStamp(new Date(instant.getTime() + offsetAt(instant.getTime()))).slice(0, -1);
}

function nextDay(y: number, m: number, d: number): string {
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * America/New_York as a VTIMEZONE: the United States rules in force since 2007 (Energy Policy
 * Act of 2005): second Sunday of March to first Sunday of November, at 2 am.
 */
const NEW_YORK = [
  'BEGIN:VTIMEZONE',
  `TZID:${COURT_TIME_ZONE}`,
  `X-LIC-LOCATION:${COURT_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:20070311T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:20071104T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function vevent(e: CalendarEntry, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `SEQUENCE:${e.sequence}`, `DTSTAMP:${stamp}`];
  const date = PLAIN_DATE.exec(e.due);
  if (date) {
    const [, y, m, d] = date;
    lines.push(`DTSTART;VALUE=DATE:${y}${m}${d}`, `DTEND;VALUE=DATE:${nextDay(Number(y), Number(m), Number(d))}`);
  } else {
    // A deadline is an instant: no DTEND, so the event ends where it starts (3.6.1).
    lines.push(`DTSTART;TZID=${COURT_TIME_ZONE}:${courtLocalStamp(new Date(e.dueInstant))}`);
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`, `DESCRIPTION:${escapeText(e.description)}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.url) lines.push(`URL:${e.url}`);
  // Deadlines do not make anyone busy; they are markers.
  lines.push('TRANSP:TRANSPARENT', 'STATUS:CONFIRMED');
  lines.push(
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(`Due soon: ${e.summary}`)}`,
    // All-day: 9 am the day before (the event starts at midnight). Timed: two hours before.
    date ? 'TRIGGER:-PT15H' : 'TRIGGER:-PT2H',
    'END:VALARM',
    'END:VEVENT',
  );
  return lines;
}

export function renderCalendar(entries: readonly CalendarEntry[], opts: CalendarOptions): string {
  const stamp = utcStamp(opts.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${opts.prodId ?? '-//Docketwatch//Deadlines//EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.name)}`,
    `X-WR-TIMEZONE:${COURT_TIME_ZONE}`,
    ...(entries.some((e) => !PLAIN_DATE.test(e.due)) ? NEW_YORK : []),
    ...entries.flatMap((e) => vevent(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
