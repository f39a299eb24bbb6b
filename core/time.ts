/** Time zones on the platform's Intl alone: dates, UTC offsets and wall-clock times in a zone. */
export const COURT_TIME_ZONE = 'America/New_York';

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(instant: Date, timeZone: string = COURT_TIME_ZONE): string {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, f);
  }
  return f.format(instant);
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const OFFSET_NAME = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A time zone's UTC offset (ms) at an instant, read from Intl's long offset name ("GMT-04:00"). */
export function offsetAt(epochMs: number, timeZone: string = COURT_TIME_ZONE): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = OFFSET_NAME.exec(name);
  if (!m) throw new RangeError(`unexpected UTC offset "${name}" in ${timeZone}`);
  if (!m[1]) return 0;
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

export interface OffsetChange {
  /** The first instant (epoch ms) of the new offset. */
  at: number;
  offset: number;
}

/** Offsets are sampled this far apart: no zone changes its offset twice within a week. */
const SAMPLE_MS = 7 * DAY_MS;

/**
 * The instants in [fromMs, toMs) at which a zone's offset changes. Intl names offsets, not
 * transitions: the offset is sampled weekly and each change narrowed to the millisecond by
 * bisection (about 50 readings for a year with no change, 30 more per change).
 */
export function offsetChanges(fromMs: number, toMs: number, timeZone: string = COURT_TIME_ZONE): OffsetChange[] {
  const changes: OffsetChange[] = [];
  let lo = fromMs;
  let loOffset = offsetAt(lo, timeZone);
  while (lo < toMs) {
    const hi = Math.min(lo + SAMPLE_MS, toMs);
    const hiOffset = offsetAt(hi, timeZone);
    if (hiOffset === loOffset) {
      lo = hi;
      continue;
    }
    // offsetAt(a) is the old offset, offsetAt(b) is not: halve until b is the first new instant.
    let a = lo;
    let b = hi;
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (offsetAt(mid, timeZone) === loOffset) a = mid;
      else b = mid;
    }
    if (b >= toMs) break;
    lo = b;
    loOffset = offsetAt(b, timeZone);
    changes.push({ at: b, offset: loOffset });
  }
  return changes;
}

/**
 * The instant a wall-clock time (`localMs`: the wall clock read as if it were UTC) names, given
 * the zone's offset at any instant. Resolved as Temporal's "compatible" disambiguation: in a
 * repeated hour the earlier instant, in a skipped hour the time moved forward by the gap (read
 * with the offset before the change). Offsets a day either side bracket any change.
 */
export function instantOfLocal(localMs: number, offsetOf: (epochMs: number) => number): number {
  const before = offsetOf(localMs - DAY_MS);
  const after = offsetOf(localMs + DAY_MS);
  const candidates = [localMs - before, localMs - after].filter((t) => offsetOf(t) === localMs - t);
  return candidates.length ? Math.min(...candidates) : localMs - before;
}
