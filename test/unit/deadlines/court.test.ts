/**
 * Court periods, hand-computed from Fed. R. Civ. P. 6(a), 6(d), 12(a)(2); D.D.C. LCvR 7(b),
 * 7(d), 7(n)(1), 65.1(c); Fed. R. App. P. 4(a)(1)(B), 26(a).
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendar, withDays } from '../../../core/calendar';
import { computeDeadline } from '../../../core/deadlines';
import { due, steps } from './helpers';

describe('frcp6.days: Fed. R. Civ. P. 6(a)(1)', () => {
  it.each([
    // [trigger, days, due, why]
    ['2026-03-02', 14, '2026-03-16', 'exclude the event day, count every day, include the last'],
    ['2026-03-06', 14, '2026-03-20', 'intermediate weekends count (6(a)(1)(B))'],
    ['2026-03-05', 9, '2026-03-16', 'last day Saturday 03-14 -> Monday 03-16 (6(a)(1)(C))'],
    ['2026-01-05', 14, '2026-01-20', 'last day MLK Day 01-19 -> Tuesday'],
    ['2026-06-25', 8, '2026-07-06', 'last day Fri 07-03 (Independence Day observed) -> Monday 07-06'],
    ['2026-04-02', 14, '2026-04-17', 'last day D.C. Emancipation Day 04-16, forward period (6(a)(6)(C))'],
    ['2025-01-06', 14, '2025-01-21', 'last day 2025-01-20, MLK Day and Inauguration Day'],
    ['2025-01-02', 7, '2025-01-10', 'last day 2025-01-09, National Day of Mourning closure (6(a)(6)(B))'],
  ])('%s + %i days -> %s (%s)', (trigger, days, expected) => {
    expect(due('frcp6.days', trigger, { days }).due).toBe(expected);
  });

  it('records the skipped days and the roll-forward', () => {
    const r = due('frcp6.days', '2026-03-05', { days: 9 });
    expect(steps(r, 'skip')).toEqual([
      '2026-03-14 (Saturday): the period cannot end on this day: Saturday',
      '2026-03-15 (Sunday): the period cannot end on this day: Sunday',
    ]);
    expect(steps(r, 'rollforward')[0]).toContain('2026-03-16 (Monday) (Fed. R. Civ. P. 6(a)(1)(C))');
    expect(steps(r, 'day0')[0]).toContain('6(a)(1)(A)');
  });

  it('executive-order closures are legal holidays; the alternative treats them as ordinary days', () => {
    // 2025-12-10 + 14 = Wed 12-24 (closure), 25 Christmas, 26 closure, 27-28 weekend -> Mon 12-29.
    const r = due('frcp6.days', '2025-12-10', { days: 14 });
    expect(r.due).toBe('2025-12-29');
    expect(r.alternative?.due).toBe('2025-12-24');
    expect(r.alternative?.reason).toMatch(/declared by the President/);
  });

  it('counts backward with direction=before, continuing backward off a closed day (6(a)(5))', () => {
    // 14 days before Mon 2026-06-08 is Mon 05-25, Memorial Day -> back to Fri 05-22.
    expect(due('frcp6.days', '2026-06-08', { days: 14, direction: 'before' }).due).toBe('2026-05-22');
    // 10 days before Tue 2026-03-17 is Sat 03-07 -> Fri 03-06.
    expect(due('frcp6.days', '2026-03-17', { days: 10, direction: 'before' }).due).toBe('2026-03-06');
  });

  it('a D.C. holiday does not stop a backward period (6(a)(6)(C): "measured after an event")', () => {
    expect(due('frcp6.days', '2026-04-23', { days: 7, direction: 'before' }).due).toBe('2026-04-16');
  });

  it('an added court-closure day extends the period (6(a)(3)) under a new calendar version', () => {
    const cal = withDays(defaultCalendar, { courtClosures: [{ date: '2026-03-16', label: 'snow closure order' }] });
    const r = computeDeadline({ rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 14 } }, cal);
    expect(r.due).toBe('2026-03-17');
    expect(r.calendarVersion).toBe(cal.version);
    expect(steps(r, 'skip')[0]).toMatch(/inaccessible.*6\(a\)\(3\)/);
  });

  it('service by mail adds 3 days (6(d)); electronic service does not', () => {
    expect(due('frcp6.days', '2026-03-02', { days: 14, service: 'mail' }).due).toBe('2026-03-19');
    expect(due('frcp6.days', '2026-03-02', { days: 14, service: 'electronic' }).due).toBe('2026-03-16');
    expect(() => due('frcp6.days', '2026-03-20', { days: 7, direction: 'before', service: 'mail' })).toThrow(/params\.service/);
  });
});

describe('frcp6.days+mail: 6(a) then 6(d)', () => {
  it.each([
    ['2026-03-27', 14, '2026-04-13', 'Fri 04-10 + 3 = Mon 04-13'],
    ['2026-04-01', 14, '2026-04-20', 'Wed 04-15 + 3 = Sat 04-18 -> Mon 04-20'],
    ['2026-03-30', 14, '2026-04-17', 'Mon 04-13 + 3 = Thu 04-16 Emancipation Day -> Fri 04-17'],
    ['2026-03-05', 9, '2026-03-19', '6(a) period ends Sat 03-14 -> Mon 03-16, then + 3 = Thu 03-19'],
  ])('served %s, %i days -> %s (%s)', (trigger, days, expected) => {
    const r = due('frcp6.days+mail', trigger, { days });
    expect(r.due).toBe(expected);
    expect(steps(r, 'service')[0]).toMatch(/6\(d\)/);
  });
  it('consented other means add 3 days; hand and electronic service add none', () => {
    expect(due('frcp6.days+mail', '2026-03-27', { days: 14, service: 'consented_other' }).due).toBe('2026-04-13');
    expect(due('frcp6.days+mail', '2026-03-27', { days: 14, service: 'hand' }).due).toBe('2026-04-10');
    expect(due('frcp6.days+mail', '2026-03-27', { days: 14, service: 'electronic' }).due).toBe('2026-04-10');
  });
});

describe('frcp6.hours: Fed. R. Civ. P. 6(a)(2)', () => {
  it('a 24-hour period ending on a Saturday continues to the same time on Monday (6(a)(2)(C))', () => {
    const r = due('frcp6.hours', '2026-03-06T15:00:00-05:00', { hours: 24 });
    // Monday 2026-03-09 is after the spring-forward change: 15:00 EDT.
    expect(r.due).toBe('2026-03-09T15:00:00-04:00');
    expect(r.dueInstant).toBe('2026-03-09T19:00:00.000Z');
    expect(steps(r, 'rollforward')[0]).toMatch(/same time on the next day/);
  });
  it('counts elapsed hours across a clock change; the alternative counts the wall clock', () => {
    // Fri 2026-10-30 12:00 EDT + 72 h; clocks fall back on Sun 11-01: Mon 11-02 11:00 EST.
    const r = due('frcp6.hours', '2026-10-30T12:00:00-04:00', { hours: 72 });
    expect(r.due).toBe('2026-11-02T11:00:00-05:00');
    expect(r.alternative?.due).toBe('2026-11-02T12:00:00-05:00');
    expect(steps(r, 'dst')).toHaveLength(1);
  });
  it('rolled across the spring clock change, the end keeps its wall-clock time though that hour of Sunday does not exist', () => {
    // Fri 2026-03-06 02:30 EST + 24 h = Sat 03-07 02:30; Sunday 03-08 has no 2:30 (clocks jump 2:00 -> 3:00); Monday 02:30 EDT.
    const r = due('frcp6.hours', '2026-03-06T02:30:00-05:00', { hours: 24 });
    expect(r.due).toBe('2026-03-09T02:30:00-04:00');
    expect(steps(r, 'skip').map((t) => t.slice(0, 10))).toEqual(['2026-03-07', '2026-03-08']);
  });
  it('a period ending on a legal holiday continues past it', () => {
    // Thu 2026-07-02 10:00 + 24 h = Fri 07-03 (Independence Day observed) -> Mon 07-06 10:00.
    expect(due('frcp6.hours', '2026-07-02T10:00:00-04:00', { hours: 24 }).due).toBe('2026-07-06T10:00:00-04:00');
  });
  it('a weekday end stays put, to the minute', () => {
    expect(due('frcp6.hours', '2026-03-03T16:42:00Z', { hours: 24 }).due).toBe('2026-03-04T11:42:00-05:00');
  });
  it('needs a date-time trigger', () => {
    expect(() => due('frcp6.hours', '2026-03-06', { hours: 24 })).toThrow(/trigger.*date-time/);
  });
});

describe('fixed periods from rules', () => {
  it('frcp12a2.answer_us: 60 days after service on the U.S. attorney (FRCP 12(a)(2))', () => {
    expect(due('frcp12a2.answer_us', '2025-02-20').due).toBe('2025-04-21');
    // Sun 2026-02-15 + 60 = Thu 04-16, D.C. Emancipation Day -> Fri 04-17.
    expect(due('frcp12a2.answer_us', '2026-02-15').due).toBe('2026-04-17');
    // Service of process is under Rule 4: 6(d) never adds days.
    const r = due('frcp12a2.answer_us', '2025-02-20', { service: 'mail' });
    expect(r.due).toBe('2025-04-21');
    expect(steps(r, 'service')[0]).toMatch(/6\(d\) adds no days: service on the United States attorney is service of process under Rule 4\(i\)/);
  });
  it('lcvr7b.opposition: 14 days after service (LCvR 7(b))', () => {
    expect(due('lcvr7b.opposition', '2026-03-02').due).toBe('2026-03-16');
    expect(due('lcvr7b.opposition', '2026-03-02', { service: 'mail' }).due).toBe('2026-03-19');
  });
  it('lcvr7d.reply: 7 days after service of the opposition (LCvR 7(d))', () => {
    expect(due('lcvr7d.reply', '2026-04-09').due).toBe('2026-04-17'); // Thu 04-16 Emancipation Day
  });
  it('lcvr65.1.pi_opposition: 7 days after service of the application (LCvR 65.1(c))', () => {
    expect(due('lcvr65.1.pi_opposition', '2026-03-06').due).toBe('2026-03-13');
    expect(due('lcvr65.1.pi_opposition', '2026-03-07').due).toBe('2026-03-16'); // Sat 03-14 -> Mon
  });
  it('frap4.appeal_us: 60 days after entry (FRAP 4(a)(1)(B)), computed under FRAP 26(a)', () => {
    const r = due('frap4.appeal_us', '2025-11-21');
    expect(r.due).toBe('2026-01-20');
    expect(steps(r, 'day0')[0]).toContain('Fed. R. App. P. 26(a)(1)(A)');
    // Entry Sun 2026-02-15 + 60 = Thu 04-16, D.C. Emancipation Day -> Fri 04-17 (26(a)(6)(C)).
    expect(due('frap4.appeal_us', '2026-02-15').due).toBe('2026-04-17');
  });
  it('notes, but never adds 6(d) days for, service on rules that do not run from being served', () => {
    for (const [rule, trigger, params] of [
      ['frap4.appeal_us', '2025-11-21', {}],
      ['lcvr7n.certified_list', '2026-03-02', {}],
      ['court_order.fixed', '2025-09-09', { days: 45 }],
      ['frcp6.hours', '2026-03-06T15:00:00-05:00', { hours: 24 }],
    ] as const) {
      const plain = due(rule, trigger, params);
      const mailed = due(rule, trigger, { ...params, service: 'mail' });
      expect(mailed.due, rule).toBe(plain.due);
      expect(steps(mailed, 'service')[0], rule).toMatch(/6\(d\) adds no days/);
    }
  });
  it('takes a period the Court directed and keeps the rule and its citation', () => {
    // LCvR 7(b): "Within 14 days of the date of service or at such other time as the Court may direct".
    const r = due('lcvr7b.opposition', '2026-03-02', { days: 21 });
    expect(r.due).toBe('2026-03-23');
    expect(r.rule.id).toBe('lcvr7b.opposition');
    expect(r.rule.citation).toMatch(/LCvR 7\(b\).*as the Court directed/);
    expect(steps(r, 'note').join(' ')).toMatch(/as the Court directed/);
  });
});

describe('lcvr7n.certified_list: LCvR 7(n)(1)', () => {
  it('30 days after service of the answer', () => {
    const r = due('lcvr7n.certified_list', '2026-03-02');
    expect(r.due).toBe('2026-04-01');
    expect(r.alternative).toBeUndefined();
  });
  it('with an earlier dispositive motion: due with the motion; alternative the 30-day date', () => {
    const r = due('lcvr7n.certified_list', '2026-03-02', { dispositive_motion_filed: '2026-03-20' });
    expect(r.due).toBe('2026-03-20');
    expect(r.alternative?.due).toBe('2026-04-01');
    expect(r.alternative?.reason).toMatch(/dispositive motion/);
  });
  it('a later motion does not change the 30-day date', () => {
    expect(due('lcvr7n.certified_list', '2026-03-02', { dispositive_motion_filed: '2026-04-10' }).due).toBe('2026-04-01');
  });
  it('answer_served, when given, is the date the 30 days run from', () => {
    expect(due('lcvr7n.certified_list', '2026-02-20', { answer_served: '2026-03-02' }).due).toBe('2026-04-01');
  });
});

describe('court_order.fixed', () => {
  it('45 days from the September 9, 2025 order: October 24, 2025 (CONTEXT.md)', () => {
    expect(due('court_order.fixed', '2025-09-09', { days: 45 }).due).toBe('2025-10-24');
  });
  it('a date set by the order stands, even on a weekend (6(a) computes periods, not fixed dates)', () => {
    const r = due('court_order.fixed', '2026-03-02', { date: '2026-03-14' });
    expect(r.due).toBe('2026-03-14');
    expect(steps(r, 'note')[0]).toMatch(/the date stands/);
  });
  it('needs exactly one of date and days', () => {
    expect(() => due('court_order.fixed', '2026-03-02')).toThrow(/needs date/);
    expect(() => due('court_order.fixed', '2026-03-02', { date: '2026-03-20', days: 5 })).toThrow(/params\.date: give either/);
    expect(() => due('court_order.fixed', '2026-03-02', { date: '2026-03-01' })).toThrow(/params\.date/);
  });
  it('counts backward from a hearing', () => {
    expect(due('court_order.fixed', '2026-03-17', { days: 10, direction: 'before' }).due).toBe('2026-03-06');
  });
  it('under Sup. Ct. R. 30.1, a date on an open day gets no "not an ordinary court day" note; one on a closed day does', () => {
    const notOrdinary = (date: string) => steps(due('court_order.fixed', '2026-03-02', { date, court: 'SCOTUS' }), 'note').filter((t) => t.includes('not an ordinary court day'));
    // Wed 2026-03-18: no weekend, no holiday, the building open.
    expect(notOrdinary('2026-03-18')).toEqual([]);
    expect(notOrdinary('2026-03-14')).toEqual([
      "2026-03-14 (Saturday) is not an ordinary court day (Saturday); the date stands: file by then (CM/ECF is open) or move to extend (Fed. R. Civ. P. 6(b)).",
    ]);
  });
});
