/**
 * The team's status views: which open deadlines to show, in what order, in which bucket
 * (overdue, today, this week, later), and with what summary of their item. Pure: the caller
 * passes the clock and the records it read.
 */
import { COLLECTION_OF_KIND } from './collections';
import { phaseLabel } from './lifecycle/phases';
import type { Deadline, ItemKind, Matter, TrackedItem } from './model';
import { COURT_TIME_ZONE, dateIn, DAY_MS } from './time';
import { deadlineView } from './views';

export { COLLECTION_OF_KIND } from './collections';

export const ITEM_KINDS: readonly ItemKind[] = ['foia', 'privacy_act', 'record_production', 'filing', 'disclosure_notice'];

export type Bucket = 'overdue' | 'today' | 'week' | 'later';

export class StatusInputError extends Error {
  override name = 'StatusInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/i;
/** A window longer than this is a typo, not a question a lawyer asks (ten years). */
const MAX_WINDOW_MS = 10 * 366 * 86_400_000;

/**
 * An ISO 8601 duration in weeks, days, hours and minutes (`P14D`, `PT24H`, `P1DT12H`, `P2W`)
 * as milliseconds. Months and years have no fixed length and are refused: a deadline window
 * is counted in days. Days here are 24 hours (a window, not a legal period).
 */
export function parseWithin(text: string): number {
  const m = DURATION.exec(text.trim());
  if (!m || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) {
    throw new StatusInputError('within', 'must be an ISO 8601 duration in weeks, days, hours or minutes, e.g. P14D or PT48H');
  }
  const [, w, d, h, min] = m.map((v) => Number(v ?? 0)) as [number, number, number, number, number];
  const ms = (((w * 7 + d) * 24 + h) * 60 + min) * 60_000;
  if (ms <= 0 || ms > MAX_WINDOW_MS) throw new StatusInputError('within', 'must be more than zero and at most ten years');
  return ms;
}

export interface StatusFilter {
  matter?: string;
  kind?: string;
  agency?: string;
  /** A person's id or email: the item's owner or one of its watchers. */
  person?: string;
  /** Also missed deadlines of open items (the last 30 days): the dashboard's "overdue". */
  includeMissed?: boolean;
  /** Also the records these deadlines replaced (an extension moved them): the month calendar shows both. */
  includeSuperseded?: boolean;
}

/** What `include` may name, comma-separated. */
export const INCLUDE_VALUES = ['missed', 'superseded'] as const;

/** Reads the filter from query parameters; unknown kinds are an error, not an empty list. */
export function parseFilter(query: Record<string, string | undefined>): StatusFilter {
  const out: StatusFilter = {};
  for (const key of ['matter', 'kind', 'agency', 'person'] as const) {
    const value = query[key]?.trim();
    if (!value) continue;
    if (value.length > 200) throw new StatusInputError(key, 'is too long');
    out[key] = value;
  }
  const include = query.include?.trim();
  if (include) {
    const names = include.split(',').map((n) => n.trim());
    if (names.some((n) => !(INCLUDE_VALUES as readonly string[]).includes(n))) {
      throw new StatusInputError('include', `can only list ${INCLUDE_VALUES.map((v) => `"${v}"`).join(' and ')}, comma-separated`);
    }
    if (names.includes('missed')) out.includeMissed = true;
    if (names.includes('superseded')) out.includeSuperseded = true;
  }
  if (out.kind && !(ITEM_KINDS as readonly string[]).includes(out.kind)) {
    throw new StatusInputError('kind', `must be one of ${ITEM_KINDS.join(', ')}`);
  }
  return out;
}

/** Person ids a filter value stands for: the id itself, or whoever has that email in a team. */
function personIds(value: string, matters: readonly Matter[]): Set<string> {
  const ids = new Set([value]);
  const email = value.toLowerCase();
  for (const m of matters) for (const p of m.team) if (p.email.toLowerCase() === email) ids.add(p.id);
  return ids;
}

export function itemMatches(item: TrackedItem, filter: StatusFilter, matters: readonly Matter[] = []): boolean {
  if (filter.matter && item.matterId !== filter.matter) return false;
  if (filter.kind && item.kind !== filter.kind) return false;
  if (filter.agency && (item.agency ?? '').toLowerCase() !== filter.agency.toLowerCase()) return false;
  if (filter.person) {
    const ids = personIds(filter.person, matters);
    if (!ids.has(item.owner) && !item.watchers.some((w) => ids.has(w))) return false;
  }
  return true;
}


/**
 * Where a deadline falls, seen from the court (America/New_York): past its end → overdue; ends
 * on today's date there → today; within the next seven days → this week; else later.
 */
export function bucketOf(dueInstant: string, now: Date, timeZone: string = COURT_TIME_ZONE): Bucket {
  const end = Date.parse(dueInstant);
  if (end <= now.getTime()) return 'overdue';
  const dueDay = dateIn(new Date(end), timeZone);
  const today = dateIn(now, timeZone);
  if (dueDay === today) return 'today';
  const days = (Date.parse(`${dueDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS;
  return days <= 7 ? 'week' : 'later';
}

export function itemSummary(item: TrackedItem) {
  return {
    id: item.id,
    collection: COLLECTION_OF_KIND[item.kind],
    title: item.title,
    kind: item.kind,
    agency: item.agency,
    matterId: item.matterId,
    phase: item.phase,
    phaseLabel: phaseLabel(item.phase),
    owner: item.owner,
    status: item.status,
  };
}

export type DueEntry = ReturnType<typeof deadlineView> & {
  itemId: string;
  bucket: Bucket;
  item: ReturnType<typeof itemSummary>;
};

/** How far back `include=missed` looks: a deadline missed longer ago is history, not a to-do. */
export const MISSED_LOOKBACK_MS = 30 * DAY_MS;

/**
 * Open deadlines (and missed ones of open items, when the caller read them) whose item matches
 * the filter and is still open, soonest first (ties by id, so the order is stable), each with its
 * bucket and its item's summary. Deadlines whose item is missing are dropped: an item is written
 * in the same transaction as its deadlines, so that is a race.
 */
export function dueList(
  deadlines: readonly Deadline[],
  items: ReadonlyMap<string, TrackedItem>,
  filter: StatusFilter,
  now: Date,
  matters: readonly Matter[] = [],
): DueEntry[] {
  const out: DueEntry[] = [];
  for (const d of deadlines) {
    if (d.status !== 'open' && d.status !== 'missed' && !(d.status === 'superseded' && filter.includeSuperseded)) continue;
    const item = items.get(d.itemId);
    if (!item || !itemMatches(item, filter, matters)) continue;
    if (d.status === 'missed' && item.status !== 'open') continue;
    out.push({ ...deadlineView(d), itemId: d.itemId, bucket: bucketOf(d.dueInstant, now), item: itemSummary(item) });
  }
  return out.sort((a, b) => a.dueInstant.localeCompare(b.dueInstant) || a.id.localeCompare(b.id));
}

/**
 * Calendar identity of a deadline. A moved deadline is a new record that `supersedes` the old
 * one, so the UID comes from the root of that chain: the calendar app updates the event it
 * already has instead of adding a second one. SEQUENCE must grow with every change; it is the
 * sum of the versions of every record before this one in the chain (each was bumped at least
 * once, when it was superseded) plus this record's own updates (version - 1). A move therefore
 * always raises it, and so does an in-place update of the open record.
 */
export function calendarIdentity(d: Deadline, byId: ReadonlyMap<string, Deadline>): { rootId: string; sequence: number } {
  let sequence = d.version - 1;
  let root = d;
  const seen = new Set([d.id]);
  while (root.supersedes) {
    const prev = byId.get(root.supersedes);
    if (!prev || seen.has(prev.id)) break; // a missing or looping link ends the chain where it is
    seen.add(prev.id);
    sequence += prev.version;
    root = prev;
  }
  // The predecessor of a missing record still counts: its id is the stable root.
  const rootId = root.supersedes && !byId.has(root.supersedes) ? root.supersedes : root.id;
  return { rootId, sequence };
}

/** Words in a calendar event: what is due, for which item, why that date. */
export function calendarEntryFor(
  d: Deadline,
  item: TrackedItem,
  identity: { rootId: string; sequence: number },
  opts: { matterName?: string; baseUrl?: string } = {},
) {
  const lines = [
    `${d.label}: ${item.title}`,
    opts.matterName ? `Matter: ${opts.matterName}` : `Matter: ${item.matterId}`,
    `Phase: ${phaseLabel(item.phase)}`,
    `Due: ${d.due}`,
    `Rule: ${d.citation}`,
    ...(d.alternative ? [`Alternative reading: ${d.alternative.due}. ${d.alternative.reason}`] : []),
    '',
    'How this date was computed:',
    ...d.receipt.map((r, i) => `${i + 1}. ${r.text}`),
  ];
  return {
    uid: `${identity.rootId}@docketwatch`,
    sequence: identity.sequence,
    summary: `${d.label}: ${item.title}`,
    description: lines.join('\n'),
    due: d.due,
    dueInstant: d.dueInstant,
    categories: [item.kind],
    ...(opts.baseUrl ? { url: `${opts.baseUrl}/dashboard/${COLLECTION_OF_KIND[item.kind]}/${item.id}` } : {}),
  };
}

export const EXPORT_HEADER = [
  'matter_id', 'matter', 'item_id', 'kind', 'title', 'agency', 'phase', 'item_status', 'owner',
  'deadline_id', 'rule', 'deadline', 'due', 'due_instant', 'deadline_status', 'citation',
  'alternative_due', 'alternative_reason', 'supersedes', 'superseded_by',
] as const;

/** One row per deadline (every status: the history is part of the record), or one per item without any. */
export function exportRows(
  items: readonly TrackedItem[],
  deadlinesByItem: ReadonlyMap<string, readonly Deadline[]>,
  matters: readonly Matter[],
): (string | undefined)[][] {
  const matterName = new Map(matters.map((m) => [m.id, m.name]));
  const rows: (string | undefined)[][] = [];
  const sorted = [...items].sort((a, b) => a.matterId.localeCompare(b.matterId) || a.id.localeCompare(b.id));
  for (const item of sorted) {
    const base = [item.matterId, matterName.get(item.matterId), item.id, item.kind, item.title, item.agency, phaseLabel(item.phase), item.status, item.owner];
    const deadlines = [...(deadlinesByItem.get(item.id) ?? [])].sort((a, b) => a.dueInstant.localeCompare(b.dueInstant) || a.id.localeCompare(b.id));
    if (deadlines.length === 0) rows.push([...base, ...Array<undefined>(EXPORT_HEADER.length - base.length).fill(undefined)]);
    for (const d of deadlines) {
      rows.push([
        ...base, d.id, d.rule, d.label, d.due, d.dueInstant, d.status, d.citation,
        d.alternative?.due, d.alternative?.reason, d.supersedes, d.supersededBy,
      ]);
    }
  }
  return rows;
}
