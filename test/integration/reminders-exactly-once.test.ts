/**
 * Exactly once, against DynamoDB Local: repeated sweeps, concurrent sweeps, a delivery that
 * fails once, and a sweep that died between writing the ledger entry and delivering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matter } from '../../core/model';
import type { OutboundMessage } from '../../functions/lib/mail';
import type { LocalStack } from '../../local/runtime';
import { FOIA_MARCH, recordingDelivery, seedItem, seedMatter, sendKey } from '../support/reminders';
import { testStack } from '../support/stack';

let stack: LocalStack;
let runSweep: typeof import('../../functions/lib/reminder-sweep').runSweep;
let ledger: typeof import('../../functions/lib/ledger-store') & typeof import('../../functions/lib/notification-log');

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z' });
  ({ runSweep } = await import('../../functions/lib/reminder-sweep'));
  ledger = { ...(await import('../../functions/lib/ledger-store')), ...(await import('../../functions/lib/notification-log')) };
});
afterAll(() => stack?.stop());

/** D-7 of FOIA_MARCH (due 2026-03-30) is 2026-03-23 08:00 EDT. */
const T = '2026-03-23T12:30:00.000Z';
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

const ofTeam = (matter: Matter, delivered: OutboundMessage[]) => delivered.filter((m) => matter.team.some((p) => p.id === m.recipient));

function counts(messages: OutboundMessage[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of messages) out.set(sendKey(m), (out.get(sendKey(m)) ?? 0) + 1);
  return out;
}

async function matterWithItems(n: number) {
  const matter = await seedMatter();
  const items = [];
  for (let i = 0; i < n; i++) items.push(await seedItem(matter, [FOIA_MARCH]));
  return { matter, items };
}

describe('exactly once', () => {
  it('repeated sweeps send each reminder once', async () => {
    const { matter } = await matterWithItems(4);
    const deliver = recordingDelivery();
    for (let i = 0; i < 3; i++) await runSweep({ at: plus(T, i * 20), deliver });
    const mine = ofTeam(matter, deliver.delivered);
    // 4 items x 3 people (D-7), and 3 digests.
    expect(mine.filter((m) => m.kind === 'reminder')).toHaveLength(12);
    expect(mine.filter((m) => m.kind === 'digest')).toHaveLength(3);
    expect([...counts(mine).values()].every((c) => c === 1)).toBe(true);
  });

  it('two (and four) sweeps at the same moment send each reminder once between them', async () => {
    const { matter } = await matterWithItems(3);
    const deliveries = [recordingDelivery(), recordingDelivery(), recordingDelivery(), recordingDelivery()];
    const reports = await Promise.all(deliveries.map((deliver) => runSweep({ at: new Date(T), deliver })));
    const mine = ofTeam(matter, deliveries.flatMap((d) => d.delivered));
    expect(mine.filter((m) => m.kind === 'reminder')).toHaveLength(9);
    expect([...counts(mine).values()].every((c) => c === 1)).toBe(true);
    // Each send is reported by the one sweep that made it; the others saw it in the ledger.
    const reported = reports.flatMap((r) => r.sent).filter((s) => matter.team.some((p) => p.id === s.recipient));
    expect(reported).toHaveLength(mine.length);
    // And later sweeps add nothing.
    const after = recordingDelivery();
    await runSweep({ at: plus(T, 60), deliver: after });
    expect(ofTeam(matter, after.delivered)).toEqual([]);
  });

  it('a delivery that fails is retried by a later sweep once the claim is stale, and sent once', async () => {
    const { matter, items } = await matterWithItems(1);
    const victim = matter.team[1]!.id;
    let failures = 0;
    const flaky = recordingDelivery();
    const deliver = Object.assign(async (m: OutboundMessage) => {
      if (m.recipient === victim && m.kind === 'reminder' && failures++ === 0) throw new Error('mail service unavailable (injected)');
      await flaky(m);
    }, flaky);

    const first = await runSweep({ at: new Date(T), deliver });
    expect(first.failed).toBe(1);
    const key = { deadlineId: items[0]!.deadlines[0]!.id, deadlineVersion: 1, rung: 'D-7', recipient: victim };
    expect(await ledger.getLedgerEntry(key)).toEqual({ status: 'pending', attempts: 1 });
    expect(ofTeam(matter, flaky.delivered).filter((m) => m.recipient === victim && m.kind === 'reminder')).toEqual([]);

    // Two minutes later the claim is still within its lease: no second attempt, no duplicate.
    await runSweep({ at: plus(T, 2), deliver });
    expect(await ledger.getLedgerEntry(key)).toEqual({ status: 'pending', attempts: 1 });

    // An hour later: taken over and delivered, once.
    const retry = await runSweep({ at: plus(T, 60), deliver });
    expect(retry.sent.filter((s) => s.recipient === victim && s.kind === 'reminder')).toMatchObject([{ rung: 'D-7', retried: true }]);
    expect(await ledger.getLedgerEntry(key)).toEqual({ status: 'delivered', attempts: 2 });
    await runSweep({ at: plus(T, 120), deliver });
    const mine = ofTeam(matter, flaky.delivered);
    expect(mine.filter((m) => m.kind === 'reminder')).toHaveLength(3);
    expect([...counts(mine).values()].every((c) => c === 1)).toBe(true);
  });

  it('a sweep that died between the ledger entry and delivery: the next runs deliver it once, even two at once', async () => {
    const { matter, items } = await matterWithItems(1);
    const person = matter.team[2]!.id;
    const address = matter.team[2]!.email;
    const d = items[0]!.deadlines[0]!;
    // The dead sweep got as far as claiming (the ledger entry), then the process ended.
    const claim = await ledger.claimSend(
      { deadlineId: d.id, deadlineVersion: d.version, itemId: d.itemId, kind: 'reminder', rung: 'D-7', recipient: person, address, subject: 'Stored subject', text: 'Stored text' },
      new Date(T),
    );
    expect(claim).toMatchObject({ deadlineId: d.id, deadlineVersion: d.version, rung: 'D-7', recipient: person, claimedAt: new Date(T).toISOString(), attempts: 1 });
    // The same send cannot be claimed twice.
    expect(await ledger.claimSend({ deadlineId: d.id, deadlineVersion: d.version, itemId: d.itemId, kind: 'reminder', rung: 'D-7', recipient: person, address, subject: 's', text: 't' }, new Date(T))).toBeUndefined();

    // A sweep soon after leaves it to its (possibly still running) claimer and sends the rest.
    const soon = recordingDelivery();
    await runSweep({ at: plus(T, 3), deliver: soon });
    expect(ofTeam(matter, soon.delivered).filter((m) => m.kind === 'reminder').map((m) => m.recipient).sort()).toEqual(
      matter.team.map((p) => p.id).filter((id) => id !== person).sort(),
    );

    // Two sweeps after the lease: one takes it over and delivers the stored message.
    const a = recordingDelivery();
    const b = recordingDelivery();
    await Promise.all([runSweep({ at: plus(T, 30), deliver: a }), runSweep({ at: plus(T, 30), deliver: b })]);
    const retried = ofTeam(matter, [...a.delivered, ...b.delivered]).filter((m) => m.kind === 'reminder');
    expect(retried).toEqual([expect.objectContaining({ recipient: person, address, rung: 'D-7', subject: 'Stored subject', text: 'Stored text' })]);
    expect(await ledger.getLedgerEntry({ deadlineId: d.id, deadlineVersion: d.version, rung: 'D-7', recipient: person })).toEqual({
      status: 'delivered',
      attempts: 2,
    });
    const page = await ledger.listNotifications({ itemId: d.itemId, limit: 10 });
    expect(page.notifications.filter((n) => n.recipient === person)).toHaveLength(1);
  });
});
