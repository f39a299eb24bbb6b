/**
 * Dates and instants at the court (America/New_York).
 *
 * A date deadline ends at 23:59:59.999 there: the last millisecond before midnight, when
 * Fed. R. Civ. P. 6(a)(4)(A) ends the last day for electronic filing. Instants are written
 * with Date#toISOString (always milliseconds, `Z`) so that they sort as text.
 *
 * The zone's offsets come from the platform's time-zone data (Intl), read once per year (its
 * clock changes); everything after that is integer arithmetic, because reading Intl for every
 * instant is too slow for recomputing 100,000 deadlines.
 */
import { civilOf, epochDayOf, isoOf, parseIsoDay, weekdayName, type EpochDay } from '../calendar';
import { COURT_TIME_ZONE, DAY_MS, HOUR_MS, instantOfLocal, offsetAt, offsetChanges, type OffsetChange } from '../time';
import { DeadlineInputError } from './errors';

export { COURT_TIME_ZONE, DAY_MS, HOUR_MS };
const MIN_YEAR = 1990;
const MAX_YEAR = 2199;

/** An instant and the court's UTC offset at it; local wall-clock time is epochMs + offsetMs. */
export interface CourtTime {
  epochMs: number;
  offsetMs: number;
}

/** A date, or an instant with the date it falls on at the court. */
export interface Moment {
  day: EpochDay;
  at?: CourtTime;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})(\[[^\]]+\])?$/i;

/** Parses an ISO date or an ISO date-time with offset; anything else is a DeadlineInputError. */
export function parseMoment(value: unknown, field: string): Moment {
  if (typeof value !== 'string') throw new DeadlineInputError('must be an ISO date (2026-03-02) or date-time with offset (2026-03-02T15:00:00-05:00)', field);
  const text = value.trim();
  let moment: Moment;
  const day = parseIsoDay(text);
  const dateTime = DATE_TIME.exec(text);
  if (day !== undefined) {
    moment = { day };
  } else if (dateTime && parseIsoDay(dateTime[1]!) !== undefined) {
    const epochMs = Date.parse(text.replace(/\[[^\]]+\]$/, '')); // a zone annotation adds nothing to an offset
    if (Number.isNaN(epochMs)) throw new DeadlineInputError(`"${text}" is not a valid date-time`, field);
    const at = courtTime(epochMs);
    moment = { day: courtDayOf(at), at };
  } else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text)) {
    throw new DeadlineInputError(`"${text}" has no UTC offset; add Z or an offset such as -05:00`, field);
  } else {
    throw new DeadlineInputError(`"${text}" is not an ISO date (YYYY-MM-DD) or date-time with offset`, field);
  }
  const year = civilOf(moment.day).year;
  if (year < MIN_YEAR || year > MAX_YEAR) throw new DeadlineInputError(`year ${year} is outside the supported range ${MIN_YEAR}-${MAX_YEAR}`, field);
  return moment;
}

interface ZoneYear {
  /** Offset in force at the start of the year. */
  initial: number;
  transitions: OffsetChange[];
}

const zoneYears = new Map<number, ZoneYear>();

function zoneYear(year: number): ZoneYear {
  let info = zoneYears.get(year);
  if (!info) {
    const start = epochDayOf(year, 1, 1) * DAY_MS;
    info = { initial: offsetAt(start, COURT_TIME_ZONE), transitions: offsetChanges(start, epochDayOf(year + 1, 1, 1) * DAY_MS, COURT_TIME_ZONE) };
    zoneYears.set(year, info);
  }
  return info;
}

/** The court's wall clock at an instant. */
export function courtTime(epochMs: number): CourtTime {
  // The UTC year is close enough: no transition falls near New Year in America/New_York.
  const info = zoneYear(civilOf(Math.floor(epochMs / DAY_MS)).year);
  let offsetMs = info.initial;
  for (const t of info.transitions) if (epochMs >= t.at) offsetMs = t.offset;
  return { epochMs, offsetMs };
}

/**
 * The instant a wall-clock time at the court names, resolved as Temporal's "compatible":
 * in a repeated hour the earlier instant, in a skipped hour the time moved forward by the gap.
 */
export function courtTimeFromLocal(localMs: number): CourtTime {
  return courtTime(instantOfLocal(localMs, (t) => courtTime(t).offsetMs));
}

export function localMsOf(t: CourtTime): number {
  return t.epochMs + t.offsetMs;
}

export function courtDayOf(t: CourtTime): EpochDay {
  return Math.floor(localMsOf(t) / DAY_MS);
}

/** The same wall-clock time `days` later (Rule 6(a)(2)(C)'s "same time on the next day"). */
export function addCourtDays(t: CourtTime, days: number): CourtTime {
  return courtTimeFromLocal(localMsOf(t) + days * DAY_MS);
}

export function toIsoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

const endOfDayCache = new Map<EpochDay, string>();

/** The instant (ISO, UTC) at which a date deadline ends: 23:59:59.999 at the court. */
export function endOfDayInstant(day: EpochDay): string {
  let instant = endOfDayCache.get(day);
  if (instant === undefined) {
    instant = toIsoInstant(courtTimeFromLocal((day + 1) * DAY_MS - 1).epochMs);
    endOfDayCache.set(day, instant);
  }
  return instant;
}

function formatOffset(offsetMs: number): string {
  const minutes = Math.abs(offsetMs) / 60_000;
  return `${offsetMs < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** ISO date-time with the court's offset: the `due` of an hour rule ("2026-03-09T15:00:00-04:00"). */
export function formatCourtTime(t: CourtTime): string {
  const local = new Date(localMsOf(t)).toISOString(); // "2026-03-09T15:00:00.000Z" read as wall clock
  const ms = local.slice(20, 23).replace(/0+$/, '');
  return `${local.slice(0, 19)}${ms ? `.${ms}` : ''}${formatOffset(t.offsetMs)}`;
}

/** "2026-03-06 (Friday) 15:00 America/New_York (UTC-05:00)": how a receipt shows a moment. */
export function labelCourtTime(t: CourtTime): string {
  const day = courtDayOf(t);
  const time = new Date(localMsOf(t)).toISOString().slice(11, 16);
  return `${isoOf(day)} (${weekdayName(day)}) ${time} ${COURT_TIME_ZONE} (UTC${formatOffset(t.offsetMs)})`;
}
