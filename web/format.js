// Shared helpers for the public pages and the dashboard: dates in the court's time zone, labels,
// and reading an application/problem+json answer. No DOM writes here.

/** D.D.C.'s time zone: deadlines and receipt dates are counted there (DESIGN.md). */
export const COURT_TZ = 'America/New_York';

const KIND_LABELS = {
  foia: 'FOIA request',
  privacy_act: 'Privacy Act request',
};

export function kindLabel(kind) {
  return KIND_LABELS[kind] ?? String(kind ?? '');
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A deadline's `due` is either a calendar date (`2025-12-24`, ends 11:59 pm Eastern) or an
 * instant (hour-precise windows). A calendar date is shown as written, never shifted by the
 * browser's own time zone.
 */
export function formatDue(due) {
  if (typeof due !== 'string' || due === '') return '';
  const m = PLAIN_DATE.exec(due);
  if (m) {
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric',
    }).format(date);
  }
  return formatInstant(due);
}

/** An instant as a date and time in Eastern Time, e.g. "Nov 26, 2025, 9:14 AM EST". */
export function formatInstant(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return new Intl.DateTimeFormat('en-US', {
    timeZone: COURT_TZ, year: 'numeric', month: 'short', day: 'numeric',
    hour: 'numeric', minute: '2-digit', timeZoneName: 'short',
  }).format(date);
}

/** The calendar day of an instant in Eastern Time, e.g. "Wednesday, November 26, 2025". */
export function formatInstantDate(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return new Intl.DateTimeFormat('en-US', {
    timeZone: COURT_TZ, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric',
  }).format(date);
}

/** UTC offset of Eastern Time at an instant, in minutes (e.g. -300 in winter, -240 in summer). */
export function courtOffsetMinutes(epochMs) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: COURT_TZ, timeZoneName: 'longOffset' })
    .formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

const offsetText = (minutes) => {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/**
 * A wall-clock date and time in Eastern Time (`2026-03-06`, `16:30`) as an ISO date-time with
 * the offset in force then (`2026-03-06T16:30:00-05:00`), whatever the browser's own zone.
 * Across a clock change: a time that occurs twice (the November fall-back hour) is read as the
 * first, earlier one; a time that never occurs (the March spring-forward hour) gives null.
 */
export function courtIso(date, time) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || !/^\d{2}:\d{2}$/.test(time ?? '')) return null;
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) return null;
  // The offsets in force around that wall-clock time; keep those that give back the same wall time.
  const candidates = new Set([-12, 0, 12].map((h) => courtOffsetMinutes(wall + h * 3_600_000)));
  const valid = [...candidates].filter((o) => courtOffsetMinutes(wall - o * 60_000) === o);
  if (valid.length === 0) return null;
  const offset = Math.max(...valid); // the larger offset is the earlier instant
  return `${date}T${time}:00${offsetText(offset)}`;
}

/** The Eastern Time date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant. */
export function courtParts(epochMs) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: COURT_TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Machine-readable value for a <time datetime> element. */
export function datetimeAttr(value) {
  return typeof value === 'string' ? value : '';
}

/** Parse a response body as JSON whatever its content type; null when it is not JSON. */
export async function readJson(response) {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Seconds from a Retry-After header (seconds form only), or null. */
export function retryAfterSeconds(response) {
  const value = response.headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

/** Create an element with text content only: API data never goes through innerHTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child);
  }
  return node;
}
