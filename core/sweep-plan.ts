/**
 * What one reminder sweep sends, decided from what it read: for each open deadline in the
 * horizon and each missed one on an open item, the latest due rung of its ladder and a "deadline
 * changed" notice if it replaced another, per recipient; after 08:00 court time, each person's
 * digest of the day. Pure: the sweep adapter gathers the records, this decides, the adapter
 * claims each send in the ledger and delivers it.
 */
import type { Deadline, Matter, Person, TrackedItem } from './model';
import {
  buildDigest,
  changedMessage,
  digestMessage,
  digestRung,
  dueRungs,
  ladderFor,
  recipientsOf,
  reminderMessage,
  type DigestEntry,
  type Message,
  type NotificationKind,
} from './reminders';
import { COURT_TIME_ZONE } from './time';

/** Digests are not about one deadline: their ledger entries live under this pseudo-deadline. */
export const DIGEST_LEDGER_ID = 'DIGEST';

/** What makes a send one send: the unit the ledger records once. */
export interface SendIdentity {
  deadlineId: string;
  deadlineVersion: number;
  itemId: string | null;
  kind: NotificationKind;
  rung: string;
  recipient: string;
}

export interface PlannedSend extends SendIdentity {
  /** The recipient's e-mail address, from the matter's team. */
  address: string;
  /** The deadline a "changed" notice compares with: read only for sends not already in the ledger. */
  previous?: { itemId: string; deadlineId: string };
  /** The words; `previous` is the replaced deadline when one was asked for. */
  message: (previous?: Pick<Deadline, 'due' | 'dueInstant'>) => Message;
  /** Follow this deadline past its end once a send for it is claimed. */
  watch?: Deadline;
}

export interface SweepView {
  at: Date;
  baseUrl: string;
  matters: ReadonlyMap<string, Matter>;
  items: ReadonlyMap<string, TrackedItem>;
  /** Open deadlines ending after `at`, within the horizon. */
  upcoming: readonly Deadline[];
  /** Missed deadlines of open items. */
  overdue: readonly Deadline[];
  /** Moved deadlines outside the horizon whose "changed" notice is pending. */
  changedOnly: readonly Deadline[];
}

export function planSends(view: SweepView): PlannedSend[] {
  const { at, baseUrl, matters, items } = view;
  const sends: PlannedSend[] = [];
  const changed = (d: Deadline, item: TrackedItem, matter: Matter | undefined, recipient: Person, watch?: Deadline): PlannedSend => ({
    deadlineId: d.id,
    deadlineVersion: d.version,
    itemId: d.itemId,
    kind: 'changed',
    rung: 'changed',
    recipient: recipient.id,
    address: recipient.email,
    previous: { itemId: d.itemId, deadlineId: d.supersedes! },
    message: (previous) => changedMessage({ deadline: d, item, matter, now: at, baseUrl }, previous ?? { due: '(unknown)', dueInstant: d.dueInstant }),
    ...(watch ? { watch } : {}),
  });

  for (const d of view.changedOnly) {
    const item = items.get(d.itemId);
    if (!item || item.status !== 'open' || d.status !== 'open') continue;
    const matter = matters.get(item.matterId);
    for (const p of recipientsOf(item, matter?.team ?? [])) sends.push(changed(d, item, matter, p));
  }

  const digests = new Map<string, { person: Person; timeZone: string; entries: DigestEntry[] }>();
  for (const d of [...view.overdue, ...view.upcoming]) {
    const item = items.get(d.itemId);
    if (!item || item.status !== 'open') continue;
    const matter = matters.get(item.matterId);
    const timeZone = matter?.timeZone ?? COURT_TIME_ZONE;
    const [rung] = dueRungs(d, at, { ladder: ladderFor(matter), timeZone });
    for (const p of recipientsOf(item, matter?.team ?? [])) {
      if (rung) {
        const ctx = { deadline: d, item, matter, now: at, baseUrl };
        sends.push({ deadlineId: d.id, deadlineVersion: d.version, itemId: d.itemId, kind: rung.kind, rung: rung.name, recipient: p.id, address: p.email, message: () => reminderMessage(ctx, rung), watch: d });
      }
      if (d.supersedes && d.status === 'open') sends.push(changed(d, item, matter, p, d));
      const digest = digests.get(p.id) ?? { person: p, timeZone, entries: [] };
      digest.entries.push({ deadline: d, item });
      digests.set(p.id, digest);
    }
  }

  for (const { person, timeZone, entries } of digests.values()) {
    const rung = digestRung(at, timeZone);
    if (!rung) continue;
    const digest = buildDigest(entries, at, timeZone);
    if (digest.overdue.length + digest.upcoming.length === 0) continue;
    sends.push({ deadlineId: DIGEST_LEDGER_ID, deadlineVersion: 0, itemId: null, kind: 'digest', rung: rung.name, recipient: person.id, address: person.email, message: () => digestMessage(person, digest, baseUrl) });
  }
  return sends;
}

export interface WatchedEntry {
  itemId: string;
  deadlineId: string;
  dueInstant: string;
}

/**
 * Which watched deadlines still alert (missed, on an open item) and which leave the watch list
 * (met, superseded, gone, or their item closed). One still open is on the due index, and the
 * sweep's reconciliation marks it when it passes.
 */
export function sortWatched<W extends WatchedEntry>(
  watched: readonly W[],
  deadlines: ReadonlyMap<string, Deadline>,
  items: ReadonlyMap<string, TrackedItem>,
): { overdue: Deadline[]; unwatch: W[] } {
  const overdue: Deadline[] = [];
  const unwatch: W[] = [];
  for (const w of watched) {
    const d = deadlines.get(w.deadlineId);
    const item = items.get(w.itemId);
    if (!d || !item || item.status !== 'open' || d.status === 'met' || d.status === 'superseded') unwatch.push(w);
    else if (d.status === 'missed') overdue.push(d);
  }
  return { overdue, unwatch };
}
