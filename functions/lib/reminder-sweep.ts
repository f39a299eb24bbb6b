/**
 * One reminder sweep at an instant. Reads only what is due: the open deadlines ending within
 * the horizon (one Query per GSI2 shard), the watch list of deadlines past their end, and
 * pending sends; never the whole table.
 *
 *  1. Pending sends whose claim is older than the lease (a crashed or failed run) are taken
 *     over and delivered.
 *  2. Reconciliation: open deadlines already past are marked missed (the safety net under the
 *     workflows) and watched.
 *  3. For each open deadline in the horizon and each missed one on an open item: the latest due
 *     rung of its ladder, a "deadline changed" notice if it replaced another, per recipient.
 *  4. After 08:00 court time, each person's digest of the day.
 *  5. Every send not yet in the ledger is claimed (conditional Put), delivered, marked delivered.
 */
import { deadlinesPassed } from '../../core/changes';
import type { Deadline, Matter, Person, TrackedItem } from '../../core/model';
import {
  buildDigest,
  changedMessage,
  digestMessage,
  digestRung,
  dueRungs,
  HORIZON_DAYS,
  ladderFor,
  recipientsOf,
  reminderMessage,
  type DigestEntry,
  type Message,
  type NotificationKind,
} from '../../core/reminders';
import { COURT_TIME_ZONE } from '../../core/time';
import { now } from './clock';
import { config } from './config';
import { VersionConflictError } from './errors';
import { DIGEST_LEDGER_ID } from './keys';
import { logger } from './logger';
import { count } from './metrics';
import { deliverNotification, type Deliver } from './notifier';
import {
  claimSend,
  existingLedgerEntries,
  getDeadline,
  getDeadlinesAndItems,
  ledgerKeyOf,
  ledgerKeyString,
  markDelivered,
  reclaim,
  stalePendingSends,
  unwatchDeadline,
  changedOutbox,
  clearChangedOutbox,
  watchDeadline,
  watchedEndedBefore,
  type Claim,
  type Notification,
} from './reminder-store';
import { commitChange, getItem, getItemBundle, listMatters, openDeadlinesDueBefore, restartDone, workflowsToRestart } from './store';
import { nextGeneration, startItemWorkflow } from './workflow';

/** A claim older than this is abandoned: longer than the sweep function's 5-minute timeout. */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** Deliveries in flight at once: SNS is fast, the team is small. */
const DELIVERY_CONCURRENCY = 4;
const DAY_MS = 86_400_000;

export interface SweepOptions {
  /** The sweep's instant; default: the clock. */
  at?: Date;
  /** Delivery (tests inject one); default: SNS deployed, the console locally. */
  deliver?: Deliver;
}

export interface SentLine extends Notification {
  /** Delivered by a later run after a crash or failed delivery. */
  retried: boolean;
}

export interface SweepReport {
  at: string;
  /** Items whose failed or unstarted workflow this sweep started again. */
  restarted: string[];
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

interface Candidate {
  deadlineId: string;
  deadlineVersion: number;
  itemId: string | null;
  kind: NotificationKind;
  rung: string;
  recipient: string;
  /** Built only for sends not already in the ledger. */
  message: () => Promise<Message> | Message;
  /** Watch this deadline once a send for it is claimed. */
  watch?: Deadline;
}

export async function runSweep(opts: SweepOptions = {}): Promise<SweepReport> {
  const at = opts.at ?? now();
  const atIso = at.toISOString();
  const deliver = opts.deliver ?? deliverNotification;
  const baseUrl = config.publicBaseUrl;
  const report: SweepReport = { at: atIso, read: { due: 0, watched: 0, pending: 0 }, restarted: [], reconciled: [], sent: [], alreadySent: 0, failed: 0 };

  const send = async (claim: Claim, retried: boolean) => {
    try {
      await deliver({
        notificationId: claim.notificationId,
        kind: claim.kind,
        rung: claim.rung,
        recipient: claim.recipient,
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
    const n = await markDelivered(claim, at);
    if (n) report.sent.push({ ...n, retried });
  };

  // 0. Workflows that failed or never started: a new generation reads the item from the table.
  report.restarted = await restartWorkflows();

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

  // 3. Missed deadlines followed since they passed (the workflow may have marked them).
  const reconciledIds = new Set(missed.map((d) => d.id));
  const watched = (await watchedEndedBefore(atIso)).filter((w) => !reconciledIds.has(w.deadlineId));
  report.read.watched = watched.length;
  const loaded = await getDeadlinesAndItems(
    watched,
    [...watched.map((w) => w.itemId), ...upcoming.map((d) => d.itemId)].filter((id) => !items.has(id)),
  );
  for (const [id, item] of loaded.items) items.set(id, item);
  const overdue: Deadline[] = missed.filter((d) => items.get(d.itemId)?.status === 'open');
  for (const w of watched) {
    const d = loaded.deadlines.get(w.deadlineId);
    const item = items.get(w.itemId);
    if (!d || !item || item.status !== 'open' || d.status === 'met' || d.status === 'superseded') await unwatchDeadline(w);
    else if (d.status === 'missed') overdue.push(d);
    // Still open: it is on the due index, and the next sweep reconciles it.
  }

  // 3b. Moved deadlines whose "changed" notice is pending, however far off their new date.
  const outbox = await changedOutbox();
  const inHorizon = new Set(upcoming.map((d) => d.id));
  const outboxLoaded = await getDeadlinesAndItems(
    outbox.filter((o) => !inHorizon.has(o.deadlineId)),
    outbox.map((o) => o.itemId).filter((id) => !items.has(id)),
  );
  for (const [id, item] of outboxLoaded.items) items.set(id, item);
  const changedOnly = [...outboxLoaded.deadlines.values()].filter((d) => d.status === 'open' && items.get(d.itemId)?.status === 'open');

  // 4. Rungs, changed notices and digest lines.
  const candidates: Candidate[] = [];
  const changedCandidate = (d: Deadline, ctx: Parameters<typeof changedMessage>[0], base: Omit<Candidate, 'kind' | 'rung' | 'message'>): Candidate => ({
    ...base,
    kind: 'changed',
    rung: 'changed',
    message: async () => {
      const previous = await getDeadline(d.itemId, d.supersedes!);
      return changedMessage(ctx, previous ?? { due: '(unknown)', dueInstant: d.dueInstant });
    },
  });
  for (const d of changedOnly) {
    const item = items.get(d.itemId)!;
    const matter = matters.get(item.matterId);
    const ctx = { deadline: d, item, matter, now: at, baseUrl };
    for (const p of recipientsOf(item, matter?.team ?? [])) {
      candidates.push(changedCandidate(d, ctx, { deadlineId: d.id, deadlineVersion: d.version, itemId: d.itemId, recipient: p.id }));
    }
  }
  const digests = new Map<string, { person: Person; timeZone: string; entries: DigestEntry[] }>();
  for (const d of [...overdue, ...upcoming]) {
    const item = items.get(d.itemId);
    if (!item || item.status !== 'open') continue;
    const matter = matters.get(item.matterId);
    const people = recipientsOf(item, matter?.team ?? []);
    const timeZone = matter?.timeZone ?? COURT_TIME_ZONE;
    const ctx = { deadline: d, item, matter, now: at, baseUrl };
    const [rung] = dueRungs(d, at, { ladder: ladderFor(matter), timeZone });
    for (const p of people) {
      const base = { deadlineId: d.id, deadlineVersion: d.version, itemId: d.itemId, recipient: p.id, watch: d };
      if (rung) candidates.push({ ...base, kind: rung.kind, rung: rung.name, message: () => reminderMessage(ctx, rung) });
      if (d.supersedes && d.status === 'open') candidates.push(changedCandidate(d, ctx, base));
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
    candidates.push({
      deadlineId: DIGEST_LEDGER_ID,
      deadlineVersion: 0,
      itemId: null,
      kind: 'digest',
      rung: rung.name,
      recipient: person.id,
      message: () => digestMessage(person, digest, baseUrl),
    });
  }

  // 5. Claim what the ledger does not have yet, deliver, mark delivered.
  const existing = await existingLedgerEntries(candidates.map(ledgerKeyOf));
  const fresh = candidates.filter((c) => !existing.has(ledgerKeyString(ledgerKeyOf(c))));
  report.alreadySent = candidates.length - fresh.length;
  // Watched before claiming: a crash after the claim still leaves the deadline followed.
  const toWatch = new Map(fresh.filter((c) => c.watch?.status === 'open').map((c) => [c.deadlineId, c.watch!]));
  await inBatches([...toWatch.values()], watchDeadline);
  await inBatches(fresh, async (c) => {
    const { subject, text } = await c.message();
    const claim = await claimSend(
      { deadlineId: c.deadlineId, deadlineVersion: c.deadlineVersion, itemId: c.itemId, kind: c.kind, rung: c.rung, recipient: c.recipient, subject, text },
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
  logger.info('sweep', {
    at: atIso,
    due: report.read.due,
    watched: report.read.watched,
    reconciled: report.reconciled.length,
    sent: report.sent.length,
    alreadySent: report.alreadySent,
    failed: report.failed,
  });
  return report;
}

/**
 * Marks passed open deadlines missed (core/changes.ts `deadlinesPassed`), one transaction per
 * item, re-reading on a version conflict (a workflow or a concurrent sweep got there first).
 * Returns the missed deadlines as stored now, whoever marked them, and the items read.
 */
async function reconcile(pastDue: Deadline[], at: Date): Promise<{ missed: Deadline[]; marked: string[]; items: Map<string, TrackedItem> }> {
  const wanted = new Set(pastDue.map((d) => d.id));
  const missed: Deadline[] = [];
  const marked: string[] = [];
  const items = new Map<string, TrackedItem>();
  for (const itemId of new Set(pastDue.map((d) => d.itemId))) {
    for (let attempt = 0; ; attempt++) {
      const bundle = await getItemBundle(itemId);
      if (!bundle) break;
      const change = deadlinesPassed(bundle.item, bundle.deadlines, at);
      if (!change) {
        items.set(itemId, bundle.item);
        missed.push(...bundle.deadlines.filter((d) => wanted.has(d.id) && d.status === 'missed'));
        break;
      }
      try {
        await commitChange(change);
        items.set(itemId, change.item);
        missed.push(...change.deadlines);
        marked.push(...change.deadlines.map((d) => d.id));
        break;
      } catch (err) {
        if (!(err instanceof VersionConflictError) || attempt >= 4) throw err;
      }
    }
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

async function restartWorkflows(): Promise<string[]> {
  const restarted: string[] = [];
  for (const itemId of await workflowsToRestart()) {
    const item = await getItem(itemId);
    if (item?.status === 'open') {
      try {
        await startItemWorkflow(itemId, nextGeneration(itemId, item.workflow.execution));
      } catch (err) {
        // Stays queued for the next sweep.
        logger.error('workflow restart failed', { itemId, errorName: (err as Error).name });
        continue;
      }
      restarted.push(itemId);
    }
    await restartDone(itemId);
  }
  return restarted;
}
