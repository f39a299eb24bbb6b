/**
 * One reminder sweep at an instant. Reads only what is due: the open deadlines ending within
 * the horizon (one Query per GSI2 shard), the watch list of deadlines past their end, the outbox
 * of moved deadlines, and pending sends; never the whole table. What to send is core's decision
 * (core/sweep-plan.ts); this gathers, claims each send in the ledger, delivers and marks it.
 *
 *  1. Pending sends whose claim is older than the lease (a crashed or failed run) are taken
 *     over and delivered.
 *  2. Reconciliation: open deadlines already past are marked missed (the safety net under the
 *     workflows) and watched.
 *  3. The plan: rungs, changed notices and digests.
 *  4. Every send not yet in the ledger is claimed (conditional Put), delivered, marked delivered.
 */
import { deadlinesPassed } from '../../core/changes';
import type { Deadline, Matter, TrackedItem } from '../../core/model';
import { HORIZON_DAYS, ladderFor } from '../../core/reminders';
import { planSends, sortWatched, type PlannedSend } from '../../core/sweep-plan';
import { DAY_MS } from '../../core/time';
import { changedOutbox, clearChangedOutbox } from './changed-outbox';
import { now } from './clock';
import { config } from './config';
import { openDeadlinesDueBefore } from './due-index';
import { getDeadline, getDeadlinesAndItems, updateItem } from './item-store';
import { claimSend, existingLedgerEntries, ledgerKeyOf, ledgerKeyString, markDelivered, reclaim, stalePendingSends, type Claim } from './ledger-store';
import { logger } from './logger';
import { listMatters } from './matter-store';
import { count } from './metrics';
import type { Notification } from './notification-log';
import { sendMail, type Deliver } from './mail';
import { unwatchDeadline, watchDeadline, watchedEndedBefore } from './watch-list';

/** A claim older than this is abandoned: longer than the sweep function's 5-minute timeout. */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** Deliveries in flight at once: the team is small, and SES's send rate is per second. */
const DELIVERY_CONCURRENCY = 4;

export interface SweepOptions {
  /** The sweep's instant; default: the clock. */
  at?: Date;
  /** Delivery (tests inject one); default: e-mail (SES deployed, the local SMTP server locally). */
  deliver?: Deliver;
}

export interface SentLine extends Notification {
  /** Delivered by a later run after a crash or failed delivery. */
  retried: boolean;
}

export interface SweepReport {
  at: string;
  /** Records read: open deadlines in the horizon, watched past-due deadlines, pending sends. */
  read: { due: number; watched: number; pending: number };
  /** Deadlines this sweep marked missed. */
  reconciled: string[];
  sent: SentLine[];
  /** Sends already in the ledger (sent by an earlier or a concurrent sweep). */
  alreadySent: number;
  /** Deliveries that failed; their ledger entries stay pending for the next run. */
  failed: number;
}

export async function runSweep(opts: SweepOptions = {}): Promise<SweepReport> {
  const at = opts.at ?? now();
  const atIso = at.toISOString();
  const deliver = opts.deliver ?? sendMail;
  const report: SweepReport = { at: atIso, read: { due: 0, watched: 0, pending: 0 }, reconciled: [], sent: [], alreadySent: 0, failed: 0 };

  const send = async (claim: Claim, retried: boolean) => {
    let delivered: Awaited<ReturnType<Deliver>>;
    try {
      delivered = await deliver({
        notificationId: claim.notificationId,
        kind: claim.kind,
        rung: claim.rung,
        recipient: claim.recipient,
        address: claim.address,
        itemId: claim.itemId,
        deadlineId: claim.kind === 'digest' ? null : claim.deadlineId,
        subject: claim.subject,
        text: claim.text,
      });
    } catch (err) {
      // The entry stays pending; a run after the lease delivers it.
      report.failed++;
      logger.warn('delivery failed', { errorName: (err as Error).name, rung: claim.rung, recipient: claim.recipient });
      return;
    }
    const n = await markDelivered(claim, at, delivered?.messageId);
    if (n) report.sent.push({ ...n, retried });
  };

  // 1. Sends a crashed or failed run left pending.
  const stale = await stalePendingSends(new Date(at.getTime() - CLAIM_LEASE_MS));
  report.read.pending = stale.length;
  await inBatches(stale, async (c) => {
    const mine = await reclaim(c, at);
    if (mine) await send(mine, true);
  });

  // 2. What is due within the horizon; reconciliation of what already passed.
  // Matters are few (one small GSI1 partition): read them all for their ladders and teams.
  const matterList = await listMatters();
  const matters = new Map(matterList.map((m) => [m.id, m]));
  const horizon = await openDeadlinesDueBefore(new Date(at.getTime() + horizonDays(matterList) * DAY_MS).toISOString());
  report.read.due = horizon.length;
  const pastDue = horizon.filter((d) => Date.parse(d.dueInstant) <= at.getTime());
  const upcoming = horizon.filter((d) => Date.parse(d.dueInstant) > at.getTime());
  const { missed, marked, items } = await reconcile(pastDue, at);
  report.reconciled = marked;
  await inBatches(missed, watchDeadline);

  // Missed deadlines followed since they passed (the workflow may have marked them).
  const reconciledIds = new Set(missed.map((d) => d.id));
  const watched = (await watchedEndedBefore(atIso)).filter((w) => !reconciledIds.has(w.deadlineId));
  report.read.watched = watched.length;
  const loaded = await getDeadlinesAndItems(watched, [...watched.map((w) => w.itemId), ...upcoming.map((d) => d.itemId)].filter((id) => !items.has(id)));
  for (const [id, item] of loaded.items) items.set(id, item);
  const followed = sortWatched(watched, loaded.deadlines, items);
  await inBatches(followed.unwatch, unwatchDeadline);
  const overdue = [...missed.filter((d) => items.get(d.itemId)?.status === 'open'), ...followed.overdue];

  // Moved deadlines whose "changed" notice is pending, however far off their new date.
  const outbox = await changedOutbox();
  const inHorizon = new Set(upcoming.map((d) => d.id));
  const outboxLoaded = await getDeadlinesAndItems(
    outbox.filter((o) => !inHorizon.has(o.deadlineId)),
    outbox.map((o) => o.itemId).filter((id) => !items.has(id)),
  );
  for (const [id, item] of outboxLoaded.items) items.set(id, item);

  // 3. The plan.
  const planned = planSends({ at, baseUrl: config.publicBaseUrl, matters, items, upcoming, overdue, changedOnly: [...outboxLoaded.deadlines.values()] });

  // 4. Claim what the ledger does not have yet, deliver, mark delivered.
  const existing = await existingLedgerEntries(planned.map(ledgerKeyOf));
  const fresh = planned.filter((c) => !existing.has(ledgerKeyString(ledgerKeyOf(c))));
  report.alreadySent = planned.length - fresh.length;
  // Watched before claiming: a crash after the claim still leaves the deadline followed.
  const toWatch = new Map(fresh.filter((c) => c.watch?.status === 'open').map((c) => [c.deadlineId, c.watch!]));
  await inBatches([...toWatch.values()], watchDeadline);
  await inBatches(fresh, async (c) => {
    const { subject, text } = await messageOf(c);
    const claim = await claimSend(
      { deadlineId: c.deadlineId, deadlineVersion: c.deadlineVersion, itemId: c.itemId, kind: c.kind, rung: c.rung, recipient: c.recipient, address: c.address, subject, text },
      at,
    );
    if (!claim) {
      report.alreadySent++; // a concurrent sweep claimed it between our read and our write
      return;
    }
    await send(claim, false);
  });

  // Every outbox entry is now claimed in the ledger (or moot): a crash before here leaves it for the next run.
  await inBatches(outbox, (o) => clearChangedOutbox(o.deadlineId));

  if (report.reconciled.length) count('DeadlinesMissed', report.reconciled.length);
  if (report.sent.length) count('RemindersSent', report.sent.length);
  logger.info('sweep', { at: atIso, due: report.read.due, watched: report.read.watched, reconciled: report.reconciled.length, sent: report.sent.length, alreadySent: report.alreadySent, failed: report.failed });
  return report;
}

async function messageOf(c: PlannedSend) {
  const previous = c.previous ? await getDeadline(c.previous.itemId, c.previous.deadlineId) : undefined;
  return c.message(previous);
}

/**
 * Marks passed open deadlines missed (core/changes.ts `deadlinesPassed`), one item at a time
 * through the one write path. Returns the missed deadlines as stored now, whoever marked them
 * (a workflow or a concurrent sweep may have got there first), and the items read.
 */
async function reconcile(pastDue: Deadline[], at: Date): Promise<{ missed: Deadline[]; marked: string[]; items: Map<string, TrackedItem> }> {
  const wanted = new Set(pastDue.map((d) => d.id));
  const missed: Deadline[] = [];
  const marked: string[] = [];
  const items = new Map<string, TrackedItem>();
  for (const itemId of new Set(pastDue.map((d) => d.itemId))) {
    const update = await updateItem(itemId, ({ item, deadlines }) => deadlinesPassed(item, deadlines, at));
    if (!update) continue;
    items.set(itemId, update.after.item);
    missed.push(...update.after.deadlines.filter((d) => wanted.has(d.id) && d.status === 'missed'));
    if (update.change) marked.push(...update.change.deadlines.map((d) => d.id));
  }
  return { missed, marked, items };
}

/**
 * How far ahead the sweep reads: the earliest rung of any ladder in use, plus the day between
 * a day rung's 08:00 and the end of the due day (23:59). 15 days with the default ladder.
 */
export function horizonDays(matters: readonly Matter[]): number {
  const ladders = [ladderFor(undefined), ...matters.map(ladderFor)];
  const days = Math.max(HORIZON_DAYS, ...ladders.flatMap((l) => [...l.dayRungs, ...l.hourRungs.map((h) => Math.ceil(h / 24))]));
  return days + 1;
}

async function inBatches<T>(list: readonly T[], fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) await fn(list[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(DELIVERY_CONCURRENCY, list.length) }, worker));
}
