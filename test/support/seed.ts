/**
 * Items written straight to the table through the store (the same transaction intake uses),
 * for status tests that need filings, disclosure notices or moved deadlines while their HTTP
 * endpoints (issue 4) are being built. Import after the stack has started: the store reads its
 * table name at import.
 */
import { change } from '../../core/changes';
import { chainEvent, GENESIS_HASH } from '../../core/events';
import { newDeadline } from '../../core/items';
import { INITIAL_PHASE } from '../../core/lifecycle';
import type { Deadline, ItemKind, TrackedItem } from '../../core/model';
import { commitPrepared } from './commit';

export interface SeedItem {
  kind: ItemKind;
  title: string;
  matterId?: string;
  agency?: string;
  owner?: string;
  watchers?: string[];
  rule: string;
  /** The deadline's label when the rule's default does not fit (e.g. a fixed date in an order). */
  label?: string;
  trigger: string;
  params?: Record<string, unknown>;
  summary?: string;
}

export async function seedItem(s: SeedItem): Promise<{ item: TrackedItem; deadline: Deadline }> {
  const { createItem } = await import('../../functions/lib/item-store');
  const { newId } = await import('../../functions/lib/ids');
  const id = newId();
  const at = new Date().toISOString();
  const event = chainEvent({ seq: 0, hash: GENESIS_HASH }, { itemId: id, type: 'created', at: s.trigger.length === 10 ? `${s.trigger}T12:00:00-05:00` : s.trigger, recordedAt: at, recordedBy: s.owner ?? 'lead-counsel', public: false, data: {} });
  const item: TrackedItem = {
    id,
    kind: s.kind,
    matterId: s.matterId ?? 'ctr-v-irs',
    title: s.title,
    ...(s.agency ? { agency: s.agency } : {}),
    phase: INITIAL_PHASE[s.kind],
    status: 'open',
    version: 1,
    receivedAt: event.at,
    createdAt: at,
    createdBy: s.owner ?? 'lead-counsel',
    owner: s.owner ?? 'lead-counsel',
    watchers: s.watchers ?? ['lead-counsel', 'associate', 'paralegal'],
    ...(s.summary ? { summary: s.summary } : {}),
    workflow: { execution: id, state: 'seeded' },
    eventSeq: event.seq,
    lastEventHash: event.hash,
  };
  const computed = newDeadline(id, { rule: s.rule, trigger: s.trigger, ...(s.params ? { params: s.params } : {}) }, newId());
  const deadline = s.label ? { ...computed, label: s.label } : computed;
  await createItem({ item, deadlines: [deadline], event });
  return { item, deadline };
}

/** Moves a deadline as an extension would: the old record superseded, a new one pointing back. */
export async function moveDeadline(itemId: string, old: Deadline, newDue: string): Promise<Deadline> {
  const { getItemBundle } = await import('../../functions/lib/item-store');
  const { newId } = await import('../../functions/lib/ids');
  const bundle = (await getItemBundle(itemId))!;
  const current = bundle.deadlines.find((d) => d.id === old.id)!;
  const moved = newDeadline(itemId, { rule: 'court_order.fixed', trigger: newDue, params: { date: newDue } }, newId());
  const next: Deadline = { ...moved, label: current.label, supersedes: current.id };
  const superseded: Deadline = { ...current, status: 'superseded', supersededBy: next.id, version: current.version + 1, closedAt: new Date().toISOString() };
  await commitPrepared(change(bundle.item, {}, [superseded, next], [
    { itemId, type: 'extension_granted', at: new Date().toISOString(), recordedAt: new Date().toISOString(), recordedBy: 'lead-counsel', public: false, data: { newDue } },
  ]));
  return next;
}
