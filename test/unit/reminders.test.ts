/**
 * The reminder ladder, hand-checked against the court's wall clock (America/New_York; EDT from
 * 2026-03-08, so 08:00 is 12:00Z after that and 13:00Z before).
 */
import { describe, expect, it } from 'vitest';
import { newDeadline } from '../../core/items';
import type { Deadline, Person } from '../../core/model';
import {
  buildDigest,
  changedMessage,
  digestMessage,
  digestRung,
  dueRungs,
  ladderFor,
  ladderRungs,
  receiptInShort,
  recipientsOf,
  reminderMessage,
} from '../../core/reminders';

// foia.response from Monday 2026-03-02: due Monday 2026-03-30, ends 2026-03-31T03:59:59.999Z.
const foia = (over: Partial<Deadline> = {}): Deadline => ({
  ...newDeadline('ITEM1', { rule: 'foia.response', trigger: '2026-03-02', params: { agency: 'IRS' } }, 'D1'),
  ...over,
});
// 24 hours from 2026-03-09 15:00 EDT: closes 2026-03-10 15:00 EDT = 19:00Z.
const notice = (over: Partial<Deadline> = {}): Deadline => ({
  ...newDeadline('ITEM2', { rule: 'frcp6.hours', trigger: '2026-03-09T15:00:00-04:00', params: { hours: 24 } }, 'H1'),
  ...over,
});
const rungAt = (d: Deadline, iso: string, opts = {}) => dueRungs(d, new Date(iso), opts).map((r) => r.name);

describe('ladder of a date deadline', () => {
  it('14, 7, 3, 1 days before and on the day at 08:00 court time, then missed at the end', () => {
    const d = foia();
    expect(d.due).toBe('2026-03-30');
    expect(ladderRungs(d).map((r) => [r.name, r.sendAt])).toEqual([
      ['D-14', '2026-03-16T12:00:00.000Z'],
      ['D-7', '2026-03-23T12:00:00.000Z'],
      ['D-3', '2026-03-27T12:00:00.000Z'],
      ['D-1', '2026-03-29T12:00:00.000Z'],
      ['D-0', '2026-03-30T12:00:00.000Z'],
      ['missed', '2026-03-31T03:59:59.999Z'],
    ]);
  });

  it('reads 08:00 on the wall clock across the change to daylight time', () => {
    const d = foia({ due: '2026-03-10', dueInstant: '2026-03-11T03:59:59.999Z' });
    const at = Object.fromEntries(ladderRungs(d).map((r) => [r.name, r.sendAt]));
    expect(at['D-3']).toBe('2026-03-07T13:00:00.000Z'); // EST
    expect(at['D-1']).toBe('2026-03-09T12:00:00.000Z'); // EDT
  });

  it.each([
    ['2026-03-16T11:59:59.999Z', []],
    ['2026-03-16T12:00:00.000Z', ['D-14']],
    ['2026-03-20T09:00:00.000Z', ['D-14']],
    ['2026-03-23T12:30:00.000Z', ['D-7']],
    ['2026-03-30T12:00:00.000Z', ['D-0']],
    ['2026-03-31T03:59:59.999Z', ['missed']],
    ['2026-03-31T05:00:00.000Z', ['missed']],
    ['2026-03-31T12:00:00.000Z', ['overdue-2026-03-31']],
    ['2026-04-02T18:00:00.000Z', ['overdue-2026-04-02']],
    ['2026-04-04T15:00:00.000Z', ['overdue-2026-04-03']], // Saturday: Friday's stands
  ])('at %s the due rung is %j', (at, expected) => {
    expect(rungAt(foia(), at)).toEqual(expected);
  });

  it('a late sweep sends only the latest due rung, not the stale ones before it', () => {
    // Schedule down from D-10 to the afternoon of D-1: D-7, D-3 and D-1 all passed.
    expect(rungAt(foia(), '2026-03-29T16:00:00.000Z')).toEqual(['D-1']);
  });

  it('no overdue alert on weekends and legal holidays', () => {
    // Due Friday 2026-05-22; Monday 05-25 is Memorial Day.
    const d = foia({ due: '2026-05-22', dueInstant: '2026-05-23T03:59:59.999Z' });
    expect(rungAt(d, '2026-05-25T15:00:00.000Z')).toEqual(['missed']);
    expect(rungAt(d, '2026-05-26T12:00:00.000Z')).toEqual(['overdue-2026-05-26']);
  });

  it('met and superseded deadlines have no rungs; missed ones keep the overdue alerts', () => {
    expect(rungAt(foia({ status: 'met' }), '2026-03-23T13:00:00Z')).toEqual([]);
    expect(rungAt(foia({ status: 'superseded' }), '2026-03-23T13:00:00Z')).toEqual([]);
    expect(rungAt(foia({ status: 'missed' }), '2026-04-01T13:00:00Z')).toEqual(['overdue-2026-04-01']);
  });

  it('follows the matter’s ladder', () => {
    const ladder = ladderFor({ reminderLadder: { dayRungs: [2], hourRungs: [6] } });
    expect(ladderRungs(foia(), { ladder }).map((r) => r.name)).toEqual(['D-2', 'missed']);
    expect(rungAt(foia(), '2026-03-27T13:00:00Z', { ladder })).toEqual([]);
    expect(rungAt(foia(), '2026-03-28T13:00:00Z', { ladder })).toEqual(['D-2']);
    expect(ladderFor(undefined).dayRungs).toEqual([14, 7, 3, 1, 0]);
  });
});

describe('ladder of an hour deadline (disclosure notice)', () => {
  it('at once, then 12, 4 and 1 hours before the window closes', () => {
    const d = notice();
    expect(d.dueInstant).toBe('2026-03-10T19:00:00.000Z');
    expect(ladderRungs(d).map((r) => [r.name, r.sendAt])).toEqual([
      ['created', '2026-03-09T19:00:00.000Z'],
      ['H-12', '2026-03-10T07:00:00.000Z'],
      ['H-4', '2026-03-10T15:00:00.000Z'],
      ['H-1', '2026-03-10T18:00:00.000Z'],
      ['missed', '2026-03-10T19:00:00.000Z'],
    ]);
    expect(ladderRungs(d).find((r) => r.name === 'created')?.kind).toBe('alert');
  });

  it.each([
    ['2026-03-09T19:05:00.000Z', ['created']],
    ['2026-03-10T07:00:00.000Z', ['H-12']],
    ['2026-03-10T18:30:00.000Z', ['H-1']], // a late sweep: H-12 and H-4 collapse into H-1
    ['2026-03-10T19:00:00.000Z', ['missed']],
    ['2026-03-12T13:00:00.000Z', ['missed']], // no daily overdue ladder for hours
  ])('at %s the due rung is %j', (at, expected) => {
    expect(rungAt(notice(), at)).toEqual(expected);
  });
});

describe('recipients', () => {
  const team: Person[] = [
    { id: 'a', name: 'A', email: 'a@example.org', role: 'Lead counsel' },
    { id: 'b', name: 'B', email: 'b@example.org', role: 'Associate' },
  ];
  it('owner then watchers, each once, only people of the team', () => {
    expect(recipientsOf({ owner: 'b', watchers: ['a', 'b', 'public', 'gone'] }, team).map((p) => p.id)).toEqual(['b', 'a']);
    expect(recipientsOf({ owner: 'public', watchers: [] }, team)).toEqual([]);
  });
});

describe('messages', () => {
  const item = { id: 'ITEM1', title: 'FOIA request to IRS' };
  const matter = { name: 'Center for Taxpayer Rights v. IRS', timeZone: 'America/New_York' };
  const base = 'https://docketwatch.example.org';

  it('a reminder names the deadline, its date, its receipt in short and the link', () => {
    const d = foia();
    const [rung] = dueRungs(d, new Date('2026-03-23T12:00:00Z'));
    const m = reminderMessage({ deadline: d, item, matter, now: new Date('2026-03-23T12:00:00Z'), baseUrl: base }, rung!);
    expect(m.subject).toBe('Reminder: Agency response due - 2026-03-30 (in 7 days) - FOIA request to IRS');
    expect(m.text).toContain('Monday, March 30, 2026');
    expect(m.text).toContain('How this date was computed:');
    expect(m.text).toContain(`Rule: ${d.citation}`);
    expect(m.text).toContain(`${base}/dashboard#item=ITEM1`);
    expect(receiptInShort(d.receipt).length).toBeGreaterThan(0);
    expect(receiptInShort(d.receipt).length).toBeLessThanOrEqual(7);
  });

  it('an overdue alert says so', () => {
    const d = foia({ status: 'missed' });
    const now = new Date('2026-04-01T12:00:00Z');
    const m = reminderMessage({ deadline: d, item, matter, now, baseUrl: base }, dueRungs(d, now)[0]!);
    expect(m.subject).toBe('Overdue: Agency response due - 2026-03-30 (2 days ago) - FOIA request to IRS');
    expect(m.text).toContain('marked missed');
  });

  it('a changed notice gives the old and the new date', () => {
    const d = foia({ due: '2026-04-08', dueInstant: '2026-04-09T03:59:59.999Z', supersedes: 'D0' });
    const m = changedMessage({ deadline: d, item, matter, now: new Date('2026-03-25T12:00:00Z'), baseUrl: base }, foia());
    expect(m.subject).toBe('Deadline changed: Agency response due now 2026-04-08 (was 2026-03-30) - FOIA request to IRS');
    expect(m.text).toContain('has moved later');
    expect(m.text).toContain('Was: Monday, March 30, 2026');
    expect(m.text).toContain('Now: Wednesday, April 8, 2026 (in 14 days)');
  });
});

describe('digest', () => {
  const now = new Date('2026-03-25T12:30:00Z');
  const entry = (id: string, due: string, status: Deadline['status'] = 'open') => ({
    deadline: foia({ id, due, dueInstant: `${due}T23:00:00.000Z`, status }),
    item: { id: `I-${id}`, title: `Item ${id}` },
  });

  it('overdue first (oldest first), then due within 14 days (soonest first); nothing else', () => {
    const digest = buildDigest(
      [
        entry('later', '2026-04-03'),
        entry('far', '2026-04-30'),
        entry('old', '2026-03-10', 'missed'),
        entry('soon', '2026-03-26'),
        entry('older', '2026-03-02', 'missed'),
        entry('met', '2026-03-27', 'met'),
        entry('soon', '2026-03-26'),
      ],
      now,
    );
    expect(digest.date).toBe('2026-03-25');
    expect(digest.overdue.map((e) => e.deadline.id)).toEqual(['older', 'old']);
    expect(digest.upcoming.map((e) => e.deadline.id)).toEqual(['soon', 'later']);
    const m = digestMessage({ name: 'Alex Rivera' }, digest, 'https://x.example');
    expect(m.subject).toBe('Docketwatch digest 2026-03-25: 2 overdue, 2 due within 14 days');
    const lines = m.text.split('\n');
    expect(lines.findIndex((l) => l.startsWith('OVERDUE'))).toBeLessThan(lines.findIndex((l) => l.startsWith('DUE IN')));
    expect(m.text).toContain('- 2026-03-02  Agency response due: Item older\n  https://x.example/dashboard#item=I-older');
  });

  it('goes out from 08:00 court time, once per day', () => {
    expect(digestRung(new Date('2026-03-25T11:59:00Z'))).toBeUndefined();
    expect(digestRung(new Date('2026-03-25T12:00:00Z'))?.name).toBe('digest-2026-03-25');
    expect(digestRung(new Date('2026-03-26T03:00:00Z'))?.name).toBe('digest-2026-03-25'); // 23:00 the same court day
  });
});

describe('a disclosure notice received on a Friday afternoon', () => {
  // 2026-03-13 is a Friday (EDT, UTC-4). FRCP 6(a)(2)(C): 24 hours end Saturday 16:30, which
  // is not a day a period can end on, so the binding end is Monday 2026-03-16 16:30 (20:30Z).
  // Read as 24 elapsed hours with no roll, the agency may act from Saturday 16:30 (20:30Z).
  const friday = newDeadline('ITEM3', { rule: 'frcp6.hours', trigger: '2026-03-13T16:30:00-04:00', params: { hours: 24, purpose: 'disclosure_notice' } }, 'N1');
  const msg = (rung: string, at: string) =>
    reminderMessage({ deadline: friday, item: { id: 'ITEM3', title: 'IRS notice of intended disclosure' }, now: new Date(at), baseUrl: 'http://localhost:3000' }, { name: rung, kind: 'alert', sendAt: at });

  it('counts down to Saturday: the hour rungs and the earliest alert fall on Saturday, missed stays at Monday', () => {
    expect(friday.dueInstant).toBe('2026-03-16T20:30:00.000Z');
    expect(friday.alternative?.due).toBe('2026-03-14T16:30:00-04:00');
    expect(ladderRungs(friday).map((r) => [r.name, r.sendAt])).toEqual([
      ['created', '2026-03-13T20:30:00.000Z'],
      ['H-12', '2026-03-14T08:30:00.000Z'],
      ['H-4', '2026-03-14T16:30:00.000Z'],
      ['H-1', '2026-03-14T19:30:00.000Z'],
      ['earliest', '2026-03-14T20:30:00.000Z'],
      ['missed', '2026-03-16T20:30:00.000Z'],
    ]);
  });

  it('the Saturday alert goes out when the earliest reading ends', () => {
    expect(rungAt(friday, '2026-03-14T20:29:59.000Z')).toEqual(['H-1']);
    expect(rungAt(friday, '2026-03-14T20:30:00.000Z')).toEqual(['earliest']);
    expect(rungAt(friday, '2026-03-15T12:00:00.000Z')).toEqual(['earliest']);
  });

  it('shows both ends with their reasons', () => {
    const created = msg('created', '2026-03-13T20:31:00.000Z');
    expect(created.subject).toMatch(/closes in about 24 hours/);
    expect(created.text).toMatch(/Earliest end: Saturday, March 14, 2026.*4:30 PM EDT.*24 elapsed clock hours/);
    expect(created.text).toMatch(/Binding end: Monday, March 16, 2026.*4:30 PM EDT.*Fed\. R\. Civ\. P\. 6\(a\)\(2\)/);
    const saturday = msg('earliest', '2026-03-14T20:30:00.000Z');
    expect(saturday.subject).toMatch(/^Urgent: the earliest end/);
    expect(saturday.text).toMatch(/Binding end: Monday/);
  });

  it('an hour deadline without an earlier reading keeps its old ladder', () => {
    expect(ladderRungs(notice()).map((r) => r.name)).toEqual(['created', 'H-12', 'H-4', 'H-1', 'missed']);
  });
});
