/**
 * What the team's status views read (the deadline list, the calendar feed, the export): Gets,
 * Queries and BatchGets only, never a Scan, and no writes.
 */
import type { Deadline, Matter, TrackedItem } from '../../core/model';
import { openDeadlinesDueBefore } from './due-index';
import { deadlinesOfItem, getDeadlinesAndItems, getItems } from './item-store';
import { itemsOfMatter, listMatters } from './matter-store';
import { watchedBetween } from './watch-list';

/** The end of time for a sort key that starts with an ISO instant. */
const FOREVER = '9999-12-31T23:59:59.999Z';

export interface OpenDeadlines {
  deadlines: Deadline[];
  items: Map<string, TrackedItem>;
  matters: Matter[];
}

/**
 * Open deadlines ending before `before` (all of them without it), their items and the matters;
 * with `missedSince`, also the missed deadlines of open items that ended after that instant.
 */
export async function openDeadlinesWithItems(before?: string, missedSince?: string): Promise<OpenDeadlines> {
  const [open, matters] = await Promise.all([openDeadlinesDueBefore(before ?? FOREVER), listMatters()]);
  const deadlines = missedSince ? [...open, ...(await recentlyMissed(missedSince))] : open;
  const items = await getItems(deadlines.map((d) => d.itemId));
  return { deadlines, items, matters };
}

/**
 * Missed deadlines of open items that ended after `since`. Missed deadlines leave the due index
 * (it is sparse); the transaction that marks one missed puts it on the reminders' watch list,
 * so this reads that list's entries since `since` and their records: in proportion to what it
 * returns, never one Query per open item.
 */
export async function recentlyMissed(since: string): Promise<Deadline[]> {
  const watched = await watchedBetween(since, FOREVER);
  const { deadlines, items } = await getDeadlinesAndItems(watched, [...new Set(watched.map((w) => w.itemId))]);
  return [...deadlines.values()].filter((d) => d.status === 'missed' && d.dueInstant >= since && items.get(d.itemId)?.status === 'open');
}

/**
 * For the calendar: the other records of every supersedes chain among these deadlines, by id,
 * so each event's UID (the chain's root) and SEQUENCE can be computed. One Query per item that
 * has a moved deadline; items whose deadlines never moved cost nothing.
 */
export async function chainsOf(deadlines: readonly Deadline[]): Promise<Map<string, Deadline>> {
  const byId = new Map(deadlines.map((d) => [d.id, d]));
  const moved = [...new Set(deadlines.filter((d) => d.supersedes).map((d) => d.itemId))];
  const histories = await Promise.all(moved.map(deadlinesOfItem));
  for (const d of histories.flat()) if (!byId.has(d.id)) byId.set(d.id, d);
  return byId;
}

/** Only what belongs to these matters: a member's view of the open deadlines. */
export function onlyMatters(open: OpenDeadlines, matterIds: ReadonlySet<string>): OpenDeadlines {
  const items = new Map([...open.items].filter(([, item]) => matterIds.has(item.matterId)));
  return { deadlines: open.deadlines.filter((d) => items.has(d.itemId)), items, matters: open.matters.filter((m) => matterIds.has(m.id)) };
}

/** Every item of the given matters (all matters without them) with all its deadlines, for the export. */
export async function everything(matterIds?: ReadonlySet<string>): Promise<{ items: TrackedItem[]; deadlinesByItem: Map<string, Deadline[]>; matters: Matter[] }> {
  const matters = (await listMatters()).filter((m) => !matterIds || matterIds.has(m.id));
  const items = (await Promise.all(matters.map((m) => itemsOfMatter(m.id)))).flat();
  const deadlinesByItem = new Map<string, Deadline[]>();
  // A few at a time: an export of hundreds of items should not open hundreds of sockets.
  for (let i = 0; i < items.length; i += 16) {
    const slice = items.slice(i, i + 16);
    const lists = await Promise.all(slice.map((it) => deadlinesOfItem(it.id)));
    slice.forEach((it, j) => deadlinesByItem.set(it.id, lists[j] ?? []));
  }
  return { items, deadlinesByItem, matters };
}

