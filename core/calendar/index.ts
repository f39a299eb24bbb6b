/**
 * Calendars as versioned data. A calendar answers one question, "what is true of this day?"
 * (weekend, legal public holiday, executive-order closure, lapse in appropriations, D.C.
 * holiday, court closure); which of those facts stop a clock is the deadline rules' business.
 *
 * A calendar is immutable. withDays() returns a new one whose version is a hash of everything
 * the calendar knows, so the same facts always carry the same version and any added day
 * changes it. Every computed deadline records the version it used.
 */
import { APPROPRIATIONS_LAPSES, EXECUTIVE_ORDER_CLOSURES } from './data';
import { DC_HOLIDAY_SOURCE, emancipationDay } from './dc-holidays';
import { FEDERAL_HOLIDAY_SOURCE, federalHolidayOn, type Holiday } from './federal-holidays';
import { civilOf, isoOf, parseIsoDay, weekdayOf, type DayNote, type DayRange, type EpochDay, type WeekdayName } from './days';

export { federalHolidaysOfYear, type Holiday } from './federal-holidays';
export { emancipationDay } from './dc-holidays';
export * from './days';

export interface Calendar {
  readonly version: string;
  /** Further legal public holidays declared by Congress (beyond the 5 U.S.C. 6103 rules). */
  readonly holidays: readonly DayNote[];
  /** Days executive departments were closed by executive order. */
  readonly closures: readonly DayNote[];
  /** Lapses in appropriations, inclusive ranges. */
  readonly shutdowns: readonly DayRange[];
  /** Further D.C. holidays (beyond D.C. Emancipation Day, which is computed). */
  readonly dcHolidays: readonly DayNote[];
  /** Days the clerk's office was inaccessible (FRCP 6(a)(3)), e.g. by a court-closure order. */
  readonly courtClosures: readonly DayNote[];
}

/** Everything a calendar knows about one day. Absent fields are false. */
export interface DayFacts {
  weekend?: Extract<WeekdayName, 'Saturday' | 'Sunday'>;
  holiday?: Holiday;
  closure?: string;
  shutdown?: string;
  dcHoliday?: string;
  /** The D.C. courthouse (District Court and D.C. Circuit clerk's offices) was closed. */
  courtClosure?: string;
  /** The Supreme Court building was closed by order of the Court or the Chief Justice (Sup. Ct. R. 30.1). */
  supremeCourtClosure?: string;
}

export interface CalendarAdditions {
  holidays?: ReadonlyArray<string | DayNote>;
  closures?: ReadonlyArray<string | DayNote>;
  shutdowns?: ReadonlyArray<{ from: string; to: string; label?: string }>;
  dcHolidays?: ReadonlyArray<string | DayNote>;
  courtClosures?: ReadonlyArray<string | DayNote>;
}

const NOTE_KINDS = ['holidays', 'closures', 'dcHolidays', 'courtClosures'] as const;
const DEFAULT_LABELS: Record<(typeof NOTE_KINDS)[number], string> = {
  holidays: 'legal public holiday declared by Congress',
  closures: 'executive-order closure of executive departments and agencies',
  dcHolidays: 'District of Columbia holiday',
  courtClosures: "court closure: clerk's office inaccessible",
};

/** A new calendar with the given days added; its version differs whenever its facts do. */
export function withDays(base: Calendar, additions: CalendarAdditions): Calendar {
  const notes = Object.fromEntries(
    NOTE_KINDS.map((kind) => {
      const added = (additions[kind] ?? []).map((d, i) => toNote(d, DEFAULT_LABELS[kind], `${kind}[${i}]`));
      return [kind, mergeNotes(base[kind], added)];
    }),
  ) as Record<(typeof NOTE_KINDS)[number], DayNote[]>;
  const shutdowns = [
    ...base.shutdowns,
    ...(additions.shutdowns ?? []).map((r, i) => toRange(r, `shutdowns[${i}]`)),
  ].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return makeCalendar({ ...notes, shutdowns: dedupeRanges(shutdowns) });
}

function makeCalendar(data: Omit<Calendar, 'version'>): Calendar {
  const content = JSON.stringify([FEDERAL_HOLIDAY_SOURCE, DC_HOLIDAY_SOURCE, data]);
  return Object.freeze({ version: `cal-${fnv1a(content)}`, ...data });
}

export const defaultCalendar: Calendar = makeCalendar({
  holidays: [],
  closures: [...EXECUTIVE_ORDER_CLOSURES],
  shutdowns: [...APPROPRIATIONS_LAPSES],
  dcHolidays: [],
  courtClosures: [],
});

/** What is true of `day` in `calendar` (memoised per calendar: deadlines revisit the same days). */
export function dayFacts(calendar: Calendar, day: EpochDay): DayFacts {
  return factsOf(calendar)(day);
}

/** A lookup bound to one calendar, for loops that walk many days. */
export function factsOf(calendar: Calendar): (day: EpochDay) => DayFacts {
  return indexOf(calendar).lookup;
}

interface CalendarIndex {
  holidays: Map<EpochDay, string>;
  closures: Map<EpochDay, string>;
  shutdowns: Array<[EpochDay, EpochDay, string]>;
  dcHolidays: Map<EpochDay, string>;
  courtClosures: Map<EpochDay, string>;
  supremeCourtClosures: Map<EpochDay, string>;
  /** Memoised facts per day. */
  lookup: (day: EpochDay) => DayFacts;
}

const indexes = new WeakMap<Calendar, CalendarIndex>();

function indexOf(calendar: Calendar): CalendarIndex {
  const found = indexes.get(calendar);
  if (found) return found;
  const byDay = (notes: readonly DayNote[]) => new Map(notes.map((n) => [parseIsoDay(n.date)!, n.label]));
  const facts = new Map<EpochDay, DayFacts>();
  const index: CalendarIndex = {
    holidays: byDay(calendar.holidays),
    closures: byDay(calendar.closures),
    shutdowns: calendar.shutdowns.map((r) => [parseIsoDay(r.from)!, parseIsoDay(r.to)!, r.label]),
    dcHolidays: byDay(calendar.dcHolidays),
    courtClosures: byDay(calendar.courtClosures.filter((n) => n.court !== 'SCOTUS')),
    supremeCourtClosures: byDay(calendar.courtClosures.filter((n) => n.court === 'SCOTUS')),
    lookup: (day) => {
      let known = facts.get(day);
      if (!known) {
        known = computeFacts(index, day);
        facts.set(day, known);
      }
      return known;
    },
  };
  indexes.set(calendar, index);
  return index;
}

function computeFacts(index: CalendarIndex, day: EpochDay): DayFacts {
  const facts: DayFacts = {};
  const wd = weekdayOf(day);
  if (wd === 6) facts.weekend = 'Saturday';
  if (wd === 0) facts.weekend = 'Sunday';
  const year = civilOf(day).year;
  const declared = index.holidays.get(day);
  facts.holiday = federalHolidayOn(day, year) ?? (declared ? { date: isoOf(day), name: declared, citation: 'Act of Congress' } : undefined);
  const emancipation = emancipationDay(year);
  facts.dcHoliday = emancipation && emancipation.date === isoOf(day) ? emancipation.name : index.dcHolidays.get(day);
  facts.closure = index.closures.get(day);
  facts.shutdown = index.shutdowns.find(([from, to]) => day >= from && day <= to)?.[2];
  facts.courtClosure = index.courtClosures.get(day);
  facts.supremeCourtClosure = index.supremeCourtClosures.get(day);
  for (const key of Object.keys(facts) as Array<keyof DayFacts>) if (facts[key] === undefined) delete facts[key];
  return Object.freeze(facts);
}

function toNote(entry: string | DayNote, defaultLabel: string, field: string): DayNote {
  const note = typeof entry === 'string' ? { date: entry, label: defaultLabel } : entry;
  if (parseIsoDay(note.date) === undefined) throw new RangeError(`${field}: "${note.date}" is not a valid ISO date (YYYY-MM-DD)`);
  if (!note.label) throw new RangeError(`${field}: a label is required`);
  if (note.court !== undefined && note.court !== 'SCOTUS') throw new RangeError(`${field}.court: only "SCOTUS" (the Supreme Court building) is kept apart from the D.C. courthouse`);
  return { date: note.date, label: note.label, ...(note.order ? { order: note.order } : {}), ...(note.court ? { court: note.court } : {}) };
}

function toRange(entry: { from: string; to: string; label?: string }, field: string): DayRange {
  const from = parseIsoDay(entry.from);
  const to = parseIsoDay(entry.to);
  if (from === undefined) throw new RangeError(`${field}.from: "${entry.from}" is not a valid ISO date`);
  if (to === undefined) throw new RangeError(`${field}.to: "${entry.to}" is not a valid ISO date`);
  if (to < from) throw new RangeError(`${field}: "to" is before "from"`);
  return { from: entry.from, to: entry.to, label: entry.label ?? `lapse in appropriations, ${entry.from} - ${entry.to}` };
}

/** Sorted by date; an added day replaces an existing note for the same date (and building). */
function mergeNotes(base: readonly DayNote[], added: readonly DayNote[]): DayNote[] {
  const key = (n: DayNote) => `${n.date}|${n.court ?? ''}`;
  const byDate = new Map(base.map((n) => [key(n), n]));
  for (const n of added) byDate.set(key(n), n);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function dedupeRanges(ranges: DayRange[]): DayRange[] {
  return ranges.filter((r, i) => ranges.findIndex((o) => o.from === r.from && o.to === r.to) === i);
}

/** 32-bit FNV-1a, hex: short, stable, dependency-free content hash for version ids. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
