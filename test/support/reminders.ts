/**
 * Fixtures for reminder tests: a matter with a team of its own (so one test's recipients never
 * see another's sends), items with deadlines written straight to the table, and a recording
 * delivery in place of the mail service. Import after `testStack()`: handler modules read the environment
 * (PUBLIC_BASE_URL among it) at import.
 */
import { randomUUID } from 'node:crypto';
import { chainEvent, GENESIS_HASH } from '../../core/events';
import { newDeadline } from '../../core/items';
import type { Deadline, ItemKind, Matter, TrackedItem } from '../../core/model';
import type { DeadlineRequest } from '../../core/deadlines';
import type { Deliver, OutboundMessage } from '../../functions/lib/mail';
import { COURT_TIME_ZONE } from '../../core/time';

export async function seedMatter(over: Partial<Matter> = {}): Promise<Matter> {
  const { putMatterIfAbsent } = await import('../../functions/lib/matter-store');
  const tag = randomUUID().slice(0, 8);
  const matter: Matter = {
    id: `m-${tag}`,
    name: `Matter ${tag}`,
    timeZone: COURT_TIME_ZONE,
    team: ['lead', 'assoc', 'para'].map((r) => ({ id: `${r}-${tag}`, name: `${r} ${tag}`, email: `${r}-${tag}@example.org`, role: r })),
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
  await putMatterIfAbsent(matter);
  return matter;
}

export interface Seeded {
  item: TrackedItem;
  deadlines: Deadline[];
}

export async function seedItem(
  matter: Matter,
  requests: DeadlineRequest[],
  over: Partial<TrackedItem> & { kind?: ItemKind } = {},
): Promise<Seeded> {
  const { createItem } = await import('../../functions/lib/item-store');
  const { newId } = await import('../../functions/lib/ids');
  const id = newId();
  const at = '2026-01-02T15:00:00.000Z';
  const event = chainEvent(
    { seq: 0, hash: GENESIS_HASH },
    { itemId: id, type: 'submitted', at, recordedAt: at, recordedBy: 'test', public: false, data: {} },
  );
  const item: TrackedItem = {
    id,
    kind: 'filing',
    matterId: matter.id,
    title: `Item ${id.slice(-6)}`,
    phase: 'due',
    status: 'open',
    version: 1,
    receivedAt: at,
    createdAt: at,
    createdBy: matter.team[0]!.id,
    owner: matter.team[0]!.id,
    watchers: matter.team.map((p) => p.id),
    workflow: { execution: id, state: 'waiting' },
    eventSeq: event.seq,
    lastEventHash: event.hash,
    ...over,
  };
  const deadlines = requests.map((r) => newDeadline(id, r, newId()));
  await createItem({ item, deadlines, event });
  return { item, deadlines };
}

/** A delivery that records what it was given; `failFirst` throws on the first n calls. */
export function recordingDelivery(failFirst = 0): Deliver & { delivered: OutboundMessage[]; attempts: number } {
  const fn = Object.assign(
    async (m: OutboundMessage) => {
      fn.attempts++;
      if (fn.attempts <= failFirst) throw new Error('mail service unavailable (injected)');
      fn.delivered.push(m);
    },
    { delivered: [] as OutboundMessage[], attempts: 0 },
  );
  return fn;
}

/** "deadline|rung|recipient" of each delivered message, for exactly-once counts. */
export const sendKey = (m: Pick<OutboundMessage, 'deadlineId' | 'rung' | 'recipient'>) => `${m.deadlineId ?? 'digest'}|${m.rung}|${m.recipient}`;

export const FOIA_MARCH: DeadlineRequest = { rule: 'foia.response', trigger: '2026-03-02', params: { agency: 'IRS' } }; // due 2026-03-30
