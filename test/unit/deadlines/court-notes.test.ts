/**
 * What the court rules' receipts say beyond the count, each date counted by hand under
 * Fed. R. Civ. P. 6(a): a period the Court directed, the time remaining on an original pleading,
 * the judge's scheduling-order deadline, a notice of intended disclosure, and a D.C. holiday at the
 * end of an hour period.
 */
import { describe, expect, it } from 'vitest';
import { due, messageOf, steps } from './helpers';

describe('a period the Court directed, or the rule\'s own given again', () => {
  it('LCvR 7(n): 35 days as the Court directed, from Mon 03-02: Mon 04-06', () => {
    const r = due('lcvr7n.certified_list', '2026-03-02', { days: 35 });
    expect(r.due).toBe('2026-04-06');
    expect(steps(r, 'note')[0]).toBe('Period of 35 days as the Court directed (the rule\'s own period is 30 days; LCvR 7(n)(1) applies "unless otherwise ordered by the Court").');
    expect(steps(due('lcvr7n.certified_list', '2026-03-02', { days: 30 }), 'note')[0]).toBe("days = 30 is the rule's own period: nothing changes.");
  });

  it('a court-set period is bounded like any count of days: at least 1, at most 3660', () => {
    expect(messageOf({ rule: 'lcvr7n.certified_list', trigger: '2026-03-02', params: { days: 0 } })).toBe('params.days: must be at least 1 (got 0)');
    expect(messageOf({ rule: 'lcvr7n.certified_list', trigger: '2026-03-02', params: { days: 3661 } })).toBe('params.days: must be at most 3660 (got 3661)');
  });

  it('the citation names a period the Court directed, and no other', () => {
    expect(due('lcvr7n.certified_list', '2026-03-02', { days: 35 }).rule.citation).toMatch(/; the period of 35 days as the Court directed$/);
    expect(due('lcvr7n.certified_list', '2026-03-02', { days: 30 }).rule.citation).not.toMatch(/as the Court directed/);
    // A rule whose period is the request's own days has nothing the Court directed.
    expect(due('frcp6.days', '2026-04-02', { days: 14 }).rule.citation).toBe('Fed. R. Civ. P. 6(a)(1), (a)(5)');
  });

  it('without days the rule\'s own period is used and the receipt says nothing about it', () => {
    const r = due('lcvr7n.certified_list', '2026-03-02');
    expect(r.due).toBe('2026-04-01');
    expect(steps(r, 'note')).toEqual(['If the agency files a dispositive motion before then, the certified list is due with that motion (LCvR 7(n)(1), "whichever occurs first").']);
  });

  it('Rule 15(a)(3): 21 days as the Court directed, from Mon 03-02: Mon 03-23', () => {
    const r = due('frcp15a3.respond_amended', '2026-03-02', { days: 21, service: 'electronic' });
    expect(r.due).toBe('2026-03-23');
    expect(steps(r, 'note')).toContain('Period of 21 days as the Court directed (the rule\'s own period is 14 days; Fed. R. Civ. P. 15(a)(3): "Unless the court orders otherwise").');
  });
});

describe('Rule 15(a)(3): the later of 14 days and the time remaining on the original pleading', () => {
  const ASK = 'If time remains to respond to the original pleading and it ends later, that time governs: give original_due.';

  it('without original_due the receipt asks for it', () => {
    const r = due('frcp15a3.respond_amended', '2026-03-02', { service: 'electronic' });
    expect(r.due).toBe('2026-03-16');
    expect(steps(r, 'note')).toEqual([ASK]);
  });

  it('with original_due it does not ask, and the later date governs', () => {
    const r = due('frcp15a3.respond_amended', '2026-03-02', { service: 'electronic', original_due: '2026-03-20' });
    expect(r.due).toBe('2026-03-20');
    expect(steps(r, 'note')).not.toContain(ASK);
  });
});

describe('Rule 16(b)(2): the judge\'s scheduling order', () => {
  it('90 days after service, and what appearing would change', () => {
    // Mon 03-02 + 90 days = Sun 05-31: Mon 06-01.
    const r = due('frcp16b2.scheduling_order', '2026-03-02');
    expect(r.due).toBe('2026-06-01');
    expect(steps(r, 'note')).toEqual([
      "This is the judge's deadline, not a party's; the judge may delay it for good cause.",
      'If a defendant appeared, 60 days after that may come first: give appeared (the first appearance).',
    ]);
  });

  it('the earlier of 90 days after service and 60 days after an appearance', () => {
    // Appeared Tue 03-10 + 60 days = Sat 05-09: Mon 05-11, before Mon 06-01.
    const r = due('frcp16b2.scheduling_order', '2026-03-02', { appeared: '2026-03-10' });
    expect(r.due).toBe('2026-05-11');
    expect(steps(r, 'note')).toEqual([
      "This is the judge's deadline, not a party's; the judge may delay it for good cause.",
      'A defendant appeared 2026-03-10 (Tuesday): counting 60 days from then.',
      'The earlier of 2026-06-01 (Monday) (90 days after service) and 2026-05-11 (Monday) (60 days after the appearance) is 2026-05-11 (Monday).',
    ]);
  });
});

describe('frcp6.hours', () => {
  it('a notice of intended disclosure says which end binds and which the agency may act on', () => {
    const r = due('frcp6.hours', '2026-03-09T10:00:00-04:00', { hours: 24, purpose: 'disclosure_notice' });
    expect(r.due).toBe('2026-03-10T10:00:00-04:00');
    expect(steps(r, 'note')[0]).toMatch(/^A notice of intended disclosure: the binding end is the one Rule 6\(a\)\(2\) gives/);
    expect(steps(due('frcp6.hours', '2026-03-09T10:00:00-04:00', { hours: 24 }), 'note')).toEqual([]);
  });

  it('an end on D.C. Emancipation Day, a legal holiday for a period counted forward, runs to the next day', () => {
    // Wed 2026-04-15 10:00 + 24 h = Thu 04-16, Emancipation Day: Fri 04-17 10:00.
    const r = due('frcp6.hours', '2026-04-15T10:00:00-04:00', { hours: 24 });
    expect(r.due).toBe('2026-04-17T10:00:00-04:00');
    expect(steps(r, 'skip')).toHaveLength(1);
    expect(steps(r, 'skip')[0]).toMatch(/^2026-04-16 \(Thursday\): the period cannot end on this day: .*a District of Columbia holiday, a legal holiday for periods counted forward \(Fed\. R\. Civ\. P\. 6\(a\)\(6\)\(C\)\)$/);
  });
});

describe('receipt entries', () => {
  it('carry a date only where the line is about a day (strictly: no date key set to undefined)', () => {
    const r = due('lcvr7n.certified_list', '2026-03-02');
    expect(r.receipt.find((e) => e.step === 'note')).toStrictEqual({ step: 'note', text: 'If the agency files a dispositive motion before then, the certified list is due with that motion (LCvR 7(n)(1), "whichever occurs first").' });
    expect(r.receipt.find((e) => e.step === 'lastday')).toStrictEqual({ step: 'lastday', date: '2026-04-01', text: 'Day 30 is 2026-04-01 (Wednesday); the last day is included (Fed. R. Civ. P. 6(a)(1)(C)).' });
  });
});
