/**
 * Reminders and alerts, as pure functions: the ladder of each deadline, which rung is due at an
 * instant, who receives it, the daily digest and the words of every message. No AWS imports and
 * no clock reads: the sweep passes `now`, and the ledger (functions/lib/reminder-store.ts) is
 * what remembers what went out.
 */
import { Temporal } from 'temporal-polyfill';
import { dayFacts, defaultCalendar, isoOf, parseIsoDay, type Calendar, type EpochDay } from './calendar';
import type { ReceiptEntry } from './deadlines';
import type { Deadline, Matter, Person, TrackedItem } from './model';
import { COURT_TIME_ZONE, dateIn, DAY_MS, HOUR_MS } from './time';

export type NotificationKind = 'reminder' | 'digest' | 'alert' | 'changed';

export interface ReminderLadder {
  /** Days before a date deadline, at 08:00 court time; 0 is the morning of the day itself. */
  dayRungs: number[];
  /** Hours before an hour deadline closes (an "at once" rung always comes first). */
  hourRungs: number[];
}

/** The product default: 14, 7, 3, 1 days before and on the day; 12, 4, 1 hours before. */
export const DEFAULT_LADDER: Readonly<ReminderLadder> = Object.freeze({ dayRungs: [14, 7, 3, 1, 0], hourRungs: [12, 4, 1] });
/** Day rungs, overdue alerts and the digest go out at this hour of the court's wall clock. */
export const SEND_HOUR = 8;
/** The sweep reads deadlines due within this many days; the digest lists the same window. */
export const HORIZON_DAYS = 14;

export interface Rung {
  /** Stable name, part of the ledger key: `D-7`, `H-4`, `created`, `missed`, `overdue-2026-03-31`. */
  name: string;
  kind: NotificationKind;
  /** When it is due to go out (ISO, UTC). */
  sendAt: string;
}

export interface LadderOptions {
  ladder?: ReminderLadder;
  /** The matter's time zone (the court's); 08:00 is read on its wall clock. */
  timeZone?: string;
  /** Decides working days for overdue alerts. */
  calendar?: Calendar;
}

/** The matter's ladder, or the default; bad entries (negative, non-integer) are dropped. */
export function ladderFor(matter: Pick<Matter, 'reminderLadder'> | undefined): ReminderLadder {
  const custom = matter?.reminderLadder;
  if (!custom) return DEFAULT_LADDER;
  const clean = (xs: unknown) => (Array.isArray(xs) ? xs.filter((x): x is number => Number.isInteger(x) && x >= 0) : []);
  return { dayRungs: clean(custom.dayRungs), hourRungs: clean(custom.hourRungs) };
}

/** Hour rules (frcp6.hours, disclosure notices) give a date-time; day rules give a date. */
export function isHourDeadline(d: Pick<Deadline, 'due'>): boolean {
  return d.due.includes('T');
}

const localHourCache = new Map<string, number>();

/** The instant (epoch ms) of `hour`:00 on an ISO date in a time zone ("compatible" across DST gaps). */
export function atLocalHour(date: string, hour: number, timeZone: string): number {
  const key = `${date}|${hour}|${timeZone}`;
  let ms = localHourCache.get(key);
  if (ms === undefined) {
    ms = Temporal.PlainDateTime.from(`${date}T${String(hour).padStart(2, '0')}:00`).toZonedDateTime(timeZone).epochMilliseconds;
    localHourCache.set(key, ms);
  }
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The earliest moment an hour deadline may end: its alternative when that is an earlier
 * instant (a disclosure notice read as bare elapsed hours: the agency may act then), else its
 * binding end. Alerts and countdowns run to this moment; `missed` stays at the binding end.
 */
export function earliestEnd(d: Pick<Deadline, 'due' | 'dueInstant' | 'alternative'>): { instant: string; earlier: boolean } {
  const alt = d.alternative?.due;
  if (isHourDeadline(d) && alt && alt.includes('T')) {
    const at = Date.parse(alt);
    if (!Number.isNaN(at) && at < Date.parse(d.dueInstant)) return { instant: iso(at), earlier: true };
  }
  return { instant: d.dueInstant, earlier: false };
}

/** Rungs before the deadline ends, and the `missed` alert at its end, in time order. */
export function ladderRungs(d: Pick<Deadline, 'due' | 'dueInstant' | 'trigger' | 'alternative'>, opts: LadderOptions = {}): Rung[] {
  const ladder = opts.ladder ?? DEFAULT_LADDER;
  const zone = opts.timeZone ?? COURT_TIME_ZONE;
  const rungs: Rung[] = [];
  if (isHourDeadline(d)) {
    // "At once when created": due from the trigger on; the first sweep that sees it sends it.
    const trigger = Date.parse(d.trigger);
    const earliest = earliestEnd(d);
    const first = Date.parse(earliest.instant);
    rungs.push({ name: 'created', kind: 'alert', sendAt: iso(Number.isNaN(trigger) ? 0 : Math.min(trigger, first)) });
    // The hour rungs count down to the earliest moment: that is when the agency may act.
    for (const h of new Set(ladder.hourRungs)) rungs.push({ name: `H-${h}`, kind: 'reminder', sendAt: iso(first - h * HOUR_MS) });
    if (earliest.earlier) rungs.push({ name: 'earliest', kind: 'alert', sendAt: earliest.instant });
  } else {
    const dueDay = parseIsoDay(d.due);
    if (dueDay === undefined) throw new RangeError(`deadline due ${d.due} is neither a date nor a date-time`);
    for (const n of new Set(ladder.dayRungs)) {
      rungs.push({ name: `D-${n}`, kind: 'reminder', sendAt: iso(atLocalHour(isoOf(dueDay - n), SEND_HOUR, zone)) });
    }
  }
  rungs.push({ name: 'missed', kind: 'alert', sendAt: d.dueInstant });
  return rungs.sort((a, b) => a.sendAt.localeCompare(b.sendAt) || a.name.localeCompare(b.name));
}

/** A working day for alerts: not a weekend, not a legal public holiday, not a court closure. */
export function isWorkingDay(day: EpochDay, calendar: Calendar = defaultCalendar): boolean {
  const f = dayFacts(calendar, day);
  return !f.weekend && !f.holiday && !f.courtClosure;
}

/**
 * The latest overdue alert due by `now` for a date deadline: 08:00 on a working day after the
 * deadline ended. Named by its day, so each working day has its own rung.
 */
export function latestOverdueRung(d: Pick<Deadline, 'due' | 'dueInstant'>, now: Date, opts: LadderOptions = {}): Rung | undefined {
  if (isHourDeadline(d)) return undefined;
  const zone = opts.timeZone ?? COURT_TIME_ZONE;
  const end = Date.parse(d.dueInstant);
  const today = parseIsoDay(dateIn(now, zone))!;
  const dueDay = parseIsoDay(d.due)!;
  for (let day = today; day > dueDay; day--) {
    if (!isWorkingDay(day, opts.calendar)) continue;
    const at = atLocalHour(isoOf(day), SEND_HOUR, zone);
    if (at > now.getTime() || at <= end) continue;
    return { name: `overdue-${isoOf(day)}`, kind: 'alert', sendAt: iso(at) };
  }
  return undefined;
}

/**
 * The rung to send for a deadline at `now`: the latest one whose time has come, or none.
 *
 * A late sweep collapses to that one rung: the stale ones before it are never sent (no burst).
 * There is deliberately no "last sweep" input: a sweep that crashed, or a deadline recorded
 * after the last sweep with a rung already past, would lose its reminder. Whether this rung
 * already went out is the ledger's question, keyed by (deadline, version, rung, recipient).
 * Met and superseded deadlines have no rungs; an open deadline past its end is treated as the
 * missed deadline it is about to be marked.
 */
export function dueRungs(d: Deadline, now: Date, opts: LadderOptions = {}): Rung[] {
  if (d.status === 'met' || d.status === 'superseded') return [];
  const at = now.getTime();
  const candidates = ladderRungs(d, opts).filter((r) => Date.parse(r.sendAt) <= at);
  const overdue = latestOverdueRung(d, now, opts);
  if (overdue) candidates.push(overdue);
  const latest = candidates.sort((a, b) => a.sendAt.localeCompare(b.sendAt)).at(-1);
  return latest ? [latest] : [];
}

/**
 * Who hears about an item's deadlines: its owner and watchers, as people of the matter's team.
 * Ids that are not people of the team (`public`, someone who left) are skipped; each once.
 */
export function recipientsOf(item: Pick<TrackedItem, 'owner' | 'watchers'>, team: readonly Person[]): Person[] {
  const byId = new Map(team.map((p) => [p.id, p]));
  const out = new Map<string, Person>();
  for (const id of [item.owner, ...item.watchers]) {
    const person = byId.get(id);
    if (person && !out.has(id)) out.set(id, person);
  }
  return [...out.values()];
}

export const itemLink = (baseUrl: string, itemId: string) => `${baseUrl.replace(/\/$/, '')}/dashboard#item=${encodeURIComponent(itemId)}`;

export interface Message {
  /** Short, plain ASCII-friendly subject line. */
  subject: string;
  /** Plain text body. */
  text: string;
}

/** "Monday, March 30, 2026" (date deadlines) or "Monday, March 9, 2026, 3:00 PM EDT" (hour deadlines). */
export function describeDue(d: Pick<Deadline, 'due' | 'dueInstant'>, timeZone: string = COURT_TIME_ZONE): string {
  if (isHourDeadline(d)) {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(new Date(d.dueInstant));
  }
  const day = parseIsoDay(d.due)!;
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(
    new Date(day * DAY_MS),
  );
}

/** "in 7 days", "tomorrow", "today", "in 5 hours", "3 days ago". */
export function relativeDue(d: Pick<Deadline, 'due' | 'dueInstant'>, now: Date, timeZone: string = COURT_TIME_ZONE): string {
  if (isHourDeadline(d)) {
    const hours = Math.round((Date.parse(d.dueInstant) - now.getTime()) / HOUR_MS);
    if (hours > 0) return hours === 1 ? 'in about 1 hour' : `in about ${hours} hours`;
    if (hours === 0) return 'within the hour';
    return -hours === 1 ? 'about 1 hour ago' : `about ${-hours} hours ago`;
  }
  const days = parseIsoDay(d.due)! - parseIsoDay(dateIn(now, timeZone))!;
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** Steps of a receipt that say why the date is what it is, in the order the engine wrote them. */
const KEY_STEPS = new Set(['trigger', 'extension', 'tolled', 'toll', 'skip', 'rollforward', 'service', 'lastday', 'due']);
const MAX_RECEIPT_LINES = 6;
const MAX_LINE = 220;

/** The computation receipt in a few lines: trigger, what moved the date, the result. */
export function receiptInShort(receipt: readonly ReceiptEntry[]): string[] {
  const key = receipt.filter((e) => KEY_STEPS.has(e.step));
  const chosen = (key.length >= 2 ? key : receipt).slice(0, MAX_RECEIPT_LINES);
  const lines = chosen.map((e) => (e.text.length > MAX_LINE ? `${e.text.slice(0, MAX_LINE - 1)}…` : e.text));
  const rest = receipt.length - chosen.length;
  if (rest > 0) lines.push(`(${rest} more step${rest === 1 ? '' : 's'} in the full receipt)`);
  return lines;
}

export interface MessageContext {
  deadline: Deadline;
  item: Pick<TrackedItem, 'id' | 'title'>;
  matter?: Pick<Matter, 'name' | 'timeZone'> | undefined;
  now: Date;
  baseUrl: string;
}

function header(ctx: MessageContext): string[] {
  return [`${ctx.item.title}${ctx.matter ? ` (${ctx.matter.name})` : ''}`, ''];
}

function footer(ctx: MessageContext): string[] {
  const d = ctx.deadline;
  return [
    '',
    'How this date was computed:',
    ...receiptInShort(d.receipt).map((l) => `- ${l}`),
    `Rule: ${d.citation}`,
    '',
    `Open the item: ${itemLink(ctx.baseUrl, ctx.item.id)}`,
  ];
}

/** The words of a ladder rung: a reminder before the end, an alert at and after it. */
export function reminderMessage(ctx: MessageContext, rung: Rung): Message {
  const d = ctx.deadline;
  const zone = ctx.matter?.timeZone ?? COURT_TIME_ZONE;
  const when = describeDue(d, zone);
  const rel = relativeDue(d, ctx.now, zone);
  const ends = isHourDeadline(d) ? '' : ' (ends 11:59 pm court time)';
  let subject: string;
  let lead: string[];
  const earliest = earliestEnd(d);
  const both = earliest.earlier ? bothEnds(d, earliest.instant, ctx.now, zone) : [];
  if (rung.name === 'created') {
    const first = earliest.earlier ? relativeDue({ due: d.alternative!.due, dueInstant: earliest.instant }, ctx.now, zone) : rel;
    subject = `Urgent: ${d.label} closes ${first} - ${ctx.item.title}`;
    lead = [`A new hour deadline: ${d.label}.`, ...(both.length ? both : [`The window closes ${when} (${rel}).`])];
  } else if (rung.name === 'earliest') {
    subject = `Urgent: the earliest end of ${d.label} has come - ${ctx.item.title}`;
    lead = [`${d.label}: the earliest reading of the window has ended; the agency may act from now.`, ...both];
  } else if (earliest.earlier && rung.name.startsWith('H-')) {
    const first = relativeDue({ due: d.alternative!.due, dueInstant: earliest.instant }, ctx.now, zone);
    subject = `Reminder: ${d.label} - earliest end ${first} - ${ctx.item.title}`;
    lead = [`${d.label}.`, ...both];
  } else if (rung.name === 'missed' || rung.name.startsWith('overdue-')) {
    const status = d.status === 'missed' ? 'It is marked missed.' : 'It has passed without being marked met.';
    subject = `Overdue: ${d.label} - ${d.due.slice(0, 10)} (${rel}) - ${ctx.item.title}`;
    lead = [`${d.label}: ${when}${ends}, ${rel}.`, `${status} Record what happened, or close the item, to stop these alerts.`];
  } else {
    subject = `Reminder: ${d.label} - ${d.due.slice(0, 10)} (${rel}) - ${ctx.item.title}`;
    lead = [`${d.label} is due ${when}${ends}.`, `That is ${rel}.`];
  }
  return { subject, text: [...header(ctx), ...lead, ...footer(ctx)].join('\n') };
}

/** Both ends of an hour window whose alternative comes first, each with its reason. */
function bothEnds(d: Deadline, earliestInstant: string, now: Date, zone: string): string[] {
  const early = { due: d.alternative!.due, dueInstant: earliestInstant };
  return [
    `Earliest end: ${describeDue(early, zone)} (${relativeDue(early, now, zone)}). ${d.alternative!.reason}`,
    `Binding end: ${describeDue(d, zone)} (${relativeDue(d, now, zone)}), as ${d.citation} counts it (a period ending on a Saturday, Sunday or legal holiday runs to the same time on the next day that is not).`,
  ];
}

/** The "deadline changed" notice for a superseded deadline and the one that replaced it. */
export function changedMessage(ctx: MessageContext, previous: Pick<Deadline, 'due' | 'dueInstant'>): Message {
  const d = ctx.deadline;
  const zone = ctx.matter?.timeZone ?? COURT_TIME_ZONE;
  const later = Date.parse(d.dueInstant) > Date.parse(previous.dueInstant);
  return {
    subject: `Deadline changed: ${d.label} now ${d.due.slice(0, 10)} (was ${previous.due.slice(0, 10)}) - ${ctx.item.title}`,
    text: [
      ...header(ctx),
      `${d.label} has moved ${later ? 'later' : 'earlier'}.`,
      `Was: ${describeDue(previous, zone)}`,
      `Now: ${describeDue(d, zone)} (${relativeDue(d, ctx.now, zone)})`,
      'Reminders now follow the new date.',
      ...footer(ctx),
    ].join('\n'),
  };
}

export interface DigestEntry {
  deadline: Deadline;
  item: Pick<TrackedItem, 'id' | 'title'>;
}

export interface Digest {
  date: string;
  overdue: DigestEntry[];
  upcoming: DigestEntry[];
}

/**
 * One person's digest for a day: overdue first (oldest first), then what is due within the
 * horizon (soonest first). Superseded and met deadlines are not listed.
 */
export function buildDigest(entries: readonly DigestEntry[], now: Date, timeZone: string = COURT_TIME_ZONE): Digest {
  const at = now.toISOString();
  const horizon = new Date(now.getTime() + HORIZON_DAYS * DAY_MS).toISOString();
  const live = entries.filter((e) => e.deadline.status === 'open' || e.deadline.status === 'missed');
  const seen = new Set<string>();
  const unique = live.filter((e) => !seen.has(e.deadline.id) && seen.add(e.deadline.id));
  const byDue = (a: DigestEntry, b: DigestEntry) => a.deadline.dueInstant.localeCompare(b.deadline.dueInstant) || a.deadline.id.localeCompare(b.deadline.id);
  return {
    date: dateIn(now, timeZone),
    overdue: unique.filter((e) => e.deadline.status === 'missed' || e.deadline.dueInstant <= at).sort(byDue),
    upcoming: unique.filter((e) => e.deadline.status === 'open' && e.deadline.dueInstant > at && e.deadline.dueInstant < horizon).sort(byDue),
  };
}

/** The digest's rung: one per person per court day, at 08:00. */
export function digestRung(now: Date, timeZone: string = COURT_TIME_ZONE): Rung | undefined {
  const date = dateIn(now, timeZone);
  const at = atLocalHour(date, SEND_HOUR, timeZone);
  return at <= now.getTime() ? { name: `digest-${date}`, kind: 'digest', sendAt: iso(at) } : undefined;
}

export function digestMessage(person: Pick<Person, 'name'>, digest: Digest, baseUrl: string): Message {
  const line = (e: DigestEntry) => `- ${e.deadline.due.slice(0, 16).replace('T', ' ')}  ${e.deadline.label}: ${e.item.title}\n  ${itemLink(baseUrl, e.item.id)}`;
  const parts = [`Good morning ${person.name}. Your deadlines for ${digest.date}:`, ''];
  if (digest.overdue.length) parts.push(`OVERDUE (${digest.overdue.length})`, ...digest.overdue.map(line), '');
  if (digest.upcoming.length) parts.push(`DUE IN THE NEXT ${HORIZON_DAYS} DAYS (${digest.upcoming.length})`, ...digest.upcoming.map(line), '');
  return {
    subject: `Docketwatch digest ${digest.date}: ${digest.overdue.length} overdue, ${digest.upcoming.length} due within ${HORIZON_DAYS} days`,
    text: parts.join('\n').trimEnd(),
  };
}
