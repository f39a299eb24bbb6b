/**
 * The reminder sweep against DynamoDB Local: the ladder at the right instants (and a late
 * sweep), per-matter ladders, hour deadlines, reconciliation, changed notices, the digest, and
 * GET /api/notifications. Only the mail delivery is replaced (a recording delivery).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { change } from '../../core/changes';
import type { LocalStack } from '../../local/runtime';
import { api, testStack, type Api } from '../support/stack';
import { FOIA_MARCH, recordingDelivery, seedItem, seedMatter } from '../support/reminders';
import { commitPrepared } from '../support/commit';

let stack: LocalStack;
let http: Api;
let runSweep: typeof import('../../functions/lib/reminder-sweep').runSweep;
let store: typeof import('../../functions/lib/item-store');

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z' });
  http = api(stack);
  ({ runSweep } = await import('../../functions/lib/reminder-sweep'));
  store = await import('../../functions/lib/item-store');
});
afterAll(() => stack?.stop());

const sweepAt = (iso: string, deliver = recordingDelivery()) => runSweep({ at: new Date(iso), deliver }).then((report) => ({ report, deliver }));
const forItem = (sent: { itemId: string | null; kind: string; rung: string; recipient: string }[], itemId: string) =>
  sent.filter((s) => s.itemId === itemId).map((s) => `${s.rung}>${s.recipient}`).sort();

describe('the ladder of a date deadline', () => {
  it('sends each rung at 08:00 court time to owner and watchers, once, and a late sweep sends only the latest', async () => {
    const matter = await seedMatter();
    const [lead, assoc] = matter.team.map((p) => p.id);
    // Owner lead, watchers lead (again), assoc and `public`: two people.
    const { item, deadlines } = await seedItem(matter, [FOIA_MARCH], { owner: lead, watchers: [lead!, assoc!, 'public'] });
    expect(deadlines[0]!.due).toBe('2026-03-30');

    // 07:00 EDT on D-14: not yet.
    expect(forItem((await sweepAt('2026-03-16T11:00:00Z')).report.sent, item.id)).toEqual([]);
    // 08:30 EDT: D-14 to both.
    const first = await sweepAt('2026-03-16T12:30:00Z');
    expect(forItem(first.report.sent, item.id)).toEqual([`D-14>${assoc}`, `D-14>${lead}`].sort());
    const message = first.deliver.delivered.find((m) => m.itemId === item.id)!;
    expect(message.subject).toBe(`Reminder: Agency response due - 2026-03-30 (in 14 days) - ${item.title}`);
    expect(message.text).toContain(`${stack.url}/dashboard#item=${item.id}`);
    expect(message.text).toContain('How this date was computed:');
    // An hour later: nothing new.
    const again = await sweepAt('2026-03-16T13:30:00Z');
    expect(forItem(again.report.sent, item.id)).toEqual([]);
    expect(again.report.alreadySent).toBeGreaterThanOrEqual(2);
    // The schedule was down from D-14 to the afternoon of D-1: D-7 and D-3 are not sent late.
    const late = await sweepAt('2026-03-29T20:00:00Z');
    expect(forItem(late.report.sent, item.id)).toEqual([`D-1>${assoc}`, `D-1>${lead}`].sort());
    // On the day.
    expect(forItem((await sweepAt('2026-03-30T12:05:00Z')).report.sent, item.id)).toEqual([`D-0>${assoc}`, `D-0>${lead}`].sort());

    const listed = await (await http.get(`/api/notifications?item=${item.id}`, stack.teamToken)).json();
    expect(listed.notifications.map((n: { rung: string }) => n.rung)).toEqual(['D-0', 'D-0', 'D-1', 'D-1', 'D-14', 'D-14']);
    expect(listed.notifications[0]).toEqual({
      id: expect.stringMatching(/^[0-9A-Z]{26}$/),
      itemId: item.id,
      deadlineId: deadlines[0]!.id,
      kind: 'reminder',
      rung: 'D-0',
      recipient: expect.any(String),
      sentAt: '2026-03-30T12:05:00.000Z',
      subject: expect.stringContaining('Agency response due'),
    });
  });

  it('follows the matter’s own ladder', async () => {
    const matter = await seedMatter({ reminderLadder: { dayRungs: [2], hourRungs: [6] } });
    const { item } = await seedItem(matter, [FOIA_MARCH], { watchers: [] });
    expect(forItem((await sweepAt('2026-03-23T12:30:00Z')).report.sent, item.id)).toEqual([]);
    expect(forItem((await sweepAt('2026-03-28T12:30:00Z')).report.sent, item.id)).toEqual([`D-2>${matter.team[0]!.id}`]);
  });
});

describe('an hour deadline (disclosure notice)', () => {
  it('alerts at once, then 12, 4 and 1 hours before the window closes', async () => {
    const matter = await seedMatter();
    const { item, deadlines } = await seedItem(matter, [{ rule: 'frcp6.hours', trigger: '2026-03-09T15:00:00-04:00', params: { hours: 24 } }], {
      kind: 'disclosure_notice',
      phase: 'window_open',
      watchers: [],
    });
    const owner = matter.team[0]!.id;
    expect(deadlines[0]!.dueInstant).toBe('2026-03-10T19:00:00.000Z');
    const created = await sweepAt('2026-03-09T19:10:00Z');
    expect(created.report.sent.filter((s) => s.itemId === item.id).map((s) => [s.kind, s.rung])).toEqual([['alert', 'created']]);
    expect(forItem((await sweepAt('2026-03-10T07:05:00Z')).report.sent, item.id)).toEqual([`H-12>${owner}`]);
    expect(forItem((await sweepAt('2026-03-10T15:05:00Z')).report.sent, item.id)).toEqual([`H-4>${owner}`]);
    expect(forItem((await sweepAt('2026-03-10T18:05:00Z')).report.sent, item.id)).toEqual([`H-1>${owner}`]);
  });
});

describe('reconciliation', () => {
  it('marks a passed open deadline missed, alerts, then alerts each working morning until the item closes', async () => {
    const matter = await seedMatter();
    const { item, deadlines } = await seedItem(matter, [FOIA_MARCH], { watchers: [] });
    const owner = matter.team[0]!.id;
    const d = deadlines[0]!;

    // 01:00 EDT the night after: no workflow marked it (say it failed); the sweep does.
    const night = await sweepAt('2026-03-31T05:00:00Z');
    expect(night.report.reconciled).toContain(d.id);
    expect(forItem(night.report.sent, item.id)).toEqual([`missed>${owner}`]);
    expect(night.report.sent.find((s) => s.itemId === item.id)?.kind).toBe('alert');
    const bundle = await store.getItemBundle(item.id);
    expect(bundle!.deadlines[0]).toMatchObject({ id: d.id, status: 'missed', version: 2 });
    expect(bundle!.events.at(-1)).toMatchObject({ type: 'deadline_missed', data: { deadlineId: d.id } });
    expect(bundle!.item.phase).toBe('exhausted'); // a missed FOIA response is constructive exhaustion

    // It is no longer open, so off the due index: the watch list keeps it alerting.
    expect(forItem((await sweepAt('2026-03-31T12:10:00Z')).report.sent, item.id)).toEqual([`overdue-2026-03-31>${owner}`]);
    expect(forItem((await sweepAt('2026-03-31T18:10:00Z')).report.sent, item.id)).toEqual([]);
    expect(forItem((await sweepAt('2026-04-01T12:10:00Z')).report.sent, item.id)).toEqual([`overdue-2026-04-01>${owner}`]);

    // Closed: no more alerts, and the watch is dropped.
    const current = (await store.getItemBundle(item.id))!.item;
    await commitPrepared(change(current, { status: 'closed', phase: 'closed' }, [], []));
    const { watchedEndedBefore } = await import('../../functions/lib/watch-list');
    expect((await watchedEndedBefore('2026-04-02T12:10:00Z')).map((w) => w.deadlineId)).toContain(d.id);
    const afterClose = await sweepAt('2026-04-02T12:10:00Z');
    expect(forItem(afterClose.report.sent, item.id)).toEqual([]);
    expect((await watchedEndedBefore('2026-04-02T12:10:00Z')).map((w) => w.deadlineId)).not.toContain(d.id);
  });

  it('keeps alerting for a deadline the workflow marked missed (the sweep had followed it)', async () => {
    const matter = await seedMatter();
    const { item, deadlines } = await seedItem(matter, [FOIA_MARCH], { watchers: [] });
    await sweepAt('2026-03-30T12:30:00Z'); // D-0 sent: the deadline is now followed
    // The workflow marks it missed on time, at its end.
    const bundle = (await store.getItemBundle(item.id))!;
    const { deadlinesPassed } = await import('../../core/changes');
    await commitPrepared(deadlinesPassed(bundle.item, bundle.deadlines, new Date('2026-03-31T04:00:00Z'))!);
    const next = await sweepAt('2026-03-31T12:30:00Z');
    expect(next.report.reconciled).not.toContain(deadlines[0]!.id);
    expect(forItem(next.report.sent, item.id)).toEqual([`overdue-2026-03-31>${matter.team[0]!.id}`]);
  });
});

describe('a moved deadline', () => {
  it('sends one "deadline changed" notice, and the ladder follows the new date', async () => {
    const matter = await seedMatter();
    const { item, deadlines } = await seedItem(matter, [FOIA_MARCH], { watchers: [] });
    const owner = matter.team[0]!.id;
    const old = deadlines[0]!;
    expect(forItem((await sweepAt('2026-03-23T12:30:00Z')).report.sent, item.id)).toEqual([`D-7>${owner}`]);

    // Tolled: the response is now due 2026-04-08; the old record is superseded, never overwritten.
    const moved = { ...old, id: `${old.id}-2`, due: '2026-04-08', dueInstant: '2026-04-09T03:59:59.999Z', version: 1, supersedes: old.id };
    const superseded = { ...old, status: 'superseded' as const, supersededBy: moved.id, version: old.version + 1 };
    await commitPrepared(change(item, {}, [superseded, moved], []));

    const sweep = await sweepAt('2026-03-25T12:30:00Z');
    const mine = sweep.report.sent.filter((s) => s.itemId === item.id);
    // The changed notice, and D-14 of the new date (2026-03-25 08:00) — nothing for the old one.
    expect(mine.map((s) => `${s.kind}:${s.rung}:${s.deadlineId}`).sort()).toEqual([`changed:changed:${moved.id}`, `reminder:D-14:${moved.id}`]);
    const notice = sweep.deliver.delivered.find((m) => m.kind === 'changed' && m.itemId === item.id)!;
    expect(notice.subject).toBe(`Deadline changed: Agency response due now 2026-04-08 (was 2026-03-30) - ${item.title}`);
    expect(notice.text).toContain('Was: Monday, March 30, 2026');
    // Once.
    expect(forItem((await sweepAt('2026-03-25T14:30:00Z')).report.sent, item.id)).toEqual([]);
    // The old date passes without an alert; the new ladder goes on.
    expect(forItem((await sweepAt('2026-03-31T12:30:00Z')).report.sent, item.id)).toEqual([]);
    expect(forItem((await sweepAt('2026-04-01T12:30:00Z')).report.sent, item.id)).toEqual([`D-7>${owner}`]);
  });
});

describe('the daily digest', () => {
  it('goes to each person at 08:00 court time: overdue first, then what is due within 14 days, with links', async () => {
    const matter = await seedMatter();
    const [lead, assoc] = matter.team.map((p) => p.id);
    const overdue = await seedItem(matter, [{ rule: 'frcp6.days', trigger: '2026-04-01', params: { days: 7 } }], { owner: lead, watchers: [] }); // due 04-08
    const soon = await seedItem(matter, [{ rule: 'frcp6.days', trigger: '2026-04-06', params: { days: 7 } }], { owner: lead, watchers: [] }); // due 04-13
    const later = await seedItem(matter, [{ rule: 'frcp6.days', trigger: '2026-04-09', params: { days: 14 } }], { owner: lead, watchers: [assoc!] }); // due 04-23
    await seedItem(matter, [{ rule: 'frcp6.days', trigger: '2026-05-01', params: { days: 14 } }], { owner: lead, watchers: [] }); // beyond the horizon

    expect((await sweepAt('2026-04-10T11:30:00Z')).report.sent.filter((s) => s.kind === 'digest' && s.recipient === lead)).toEqual([]); // 07:30
    const morning = await sweepAt('2026-04-10T12:01:00Z');
    const digests = morning.deliver.delivered.filter((m) => m.kind === 'digest' && matter.team.some((p) => p.id === m.recipient));
    expect(digests.map((m) => m.recipient).sort()).toEqual([assoc, lead].sort());
    const forLead = digests.find((m) => m.recipient === lead)!;
    expect(forLead.rung).toBe('digest-2026-04-10');
    expect(forLead.subject).toBe('Docketwatch digest 2026-04-10: 1 overdue, 2 due within 14 days');
    const order = [overdue, soon, later].map((s) => forLead.text.indexOf(`#item=${s.item.id}`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(forLead.text.indexOf('OVERDUE')).toBeLessThan(forLead.text.indexOf('DUE IN THE NEXT 14 DAYS'));
    expect(forLead.text).toContain(`- 2026-04-08  `);
    expect(digests.find((m) => m.recipient === assoc)!.text).not.toContain(overdue.item.id);
    // One a day.
    const noon = await sweepAt('2026-04-10T16:00:00Z');
    expect(noon.report.sent.filter((s) => s.kind === 'digest' && s.recipient === lead)).toEqual([]);
    const listed = await (await http.get('/api/notifications?limit=100', stack.teamToken)).json();
    expect(listed.notifications.filter((n: { kind: string; recipient: string }) => n.kind === 'digest' && n.recipient === lead)).toHaveLength(1);
  });
});

describe('GET /api/notifications', () => {
  it('is for the team only', async () => {
    expect((await http.get('/api/notifications')).status).toBe(401);
  });

  it('lists newest first in bounded pages with a cursor', async () => {
    const all: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await http.get(`/api/notifications?limit=3${cursor ? `&cursor=${cursor}` : ''}`, stack.teamToken);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.notifications.length).toBeLessThanOrEqual(3);
      all.push(...body.notifications.map((n: { sentAt: string }) => n.sentAt));
      cursor = body.next;
      pages++;
    } while (cursor && pages < 200);
    expect(all.length).toBeGreaterThan(6);
    expect(all).toEqual([...all].sort().reverse());
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=1000', 'limit'],
    ['item=../x', 'item'],
    ['cursor=bm90LWpzb24', 'cursor'],
  ])('rejects %s with problem+json', async (query, field) => {
    const res = await http.get(`/api/notifications?${query}`, stack.teamToken);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await res.json()).errors[0].field).toBe(field);
  });
});
