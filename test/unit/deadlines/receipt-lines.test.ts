/**
 * Receipt lines whose parts are the law's own: the sub-rule each step cites (Fed. R. Civ. P.
 * 6(a)(1)(A)-(C), (a)(2)(A)-(C), (a)(5)), the step each note is filed under, the rule's citation
 * as the result gives it, and why 6(d) adds nothing. Lines written out by hand from the rules.
 */
import { describe, expect, it } from 'vitest';
import type { DeadlineResult } from '../../../core/deadlines';
import { due, steps } from './helpers';

const line = (r: DeadlineResult, step: string) => {
  const all = steps(r, step);
  expect(all, step).toHaveLength(1);
  return all[0];
};

describe('Fed. R. Civ. P. 6(a) cited step by step', () => {
  it('a period counted backward cites (1)(B) for the count and (5) for the direction', () => {
    // 10 days before Tue 2026-03-17: Sat 03-07, so the nearest earlier day, Fri 03-06.
    const r = due('frcp6.days', '2026-03-17', { days: 10, direction: 'before' });
    expect(r.due).toBe('2026-03-06');
    expect(line(r, 'count')).toBe('Counting 10 days backward: every day counts, including intermediate Saturdays, Sundays and legal holidays (Fed. R. Civ. P. 6(a)(1)(B); backward per Fed. R. Civ. P. 6(a)(5)).');
    expect(line(r, 'day0')).toBe('The day of the event, 2026-03-17 (Tuesday), is excluded (Fed. R. Civ. P. 6(a)(1)(A)).');
  });
  it('a period in hours cites (2)(A) and (2)(B) for the count and (2)(C) for the roll past the weekend', () => {
    // 24 hours from Fri 2026-03-06 15:00 EST end Sat 15:00; Monday 15:00 is EDT (clocks change Sunday 03-08).
    const r = due('frcp6.hours', '2026-03-06T15:00:00-05:00', { hours: 24 });
    expect(r.due).toBe('2026-03-09T15:00:00-04:00');
    expect(line(r, 'count')).toBe('Counting 24 hours from 2026-03-06 (Friday) 15:00 America/New_York (UTC-05:00), beginning immediately (Fed. R. Civ. P. 6(a)(2)(A)); every hour counts, including hours on Saturdays, Sundays and legal holidays (Fed. R. Civ. P. 6(a)(2)(B)).');
    expect(line(r, 'rollforward')).toBe('The period continues to run until the same time on the next day that is not a Saturday, Sunday or legal holiday: 2026-03-09 (Monday) 15:00 America/New_York (UTC-04:00) (Fed. R. Civ. P. 6(a)(2)(C)).');
  });
});

describe('why 6(d) adds no days, rule by rule', () => {
  it.each([
    ['frcp6.hours', '2026-03-06T15:00:00-05:00', { hours: 24 }, 'it adds days, and this period is counted in hours'],
    ['lcvr7n.certified_list', '2026-03-02', {}, 'the agency that serves the answer files the list; 6(d) helps only a party "being served"'],
    ['court_order.fixed', '2026-03-02', { days: 5 }, "the order's period runs from its entry, or its date is fixed"],
  ] as const)('%s', (rule, trigger, params, why) => {
    expect(line(due(rule, trigger, { ...params, service: 'mail' }), 'service')).toBe(`Service by mail (Rule 5(b)(2)(C)) noted; Fed. R. Civ. P. 6(d) adds no days: ${why}.`);
  });
});

describe('notes and citations', () => {
  it('a rule that cannot be extended says so, with its own note, both filed as notes', () => {
    const r = due('frcp59e.alter_amend', '2026-03-02');
    expect(r.due).toBe('2026-03-30');
    expect(steps(r, 'note')).toEqual([
      'This period cannot be extended: Fed. R. Civ. P. 6(b)(2): a court must not extend the time to act under Rules 50(b) and (d), 52(b), 59(b), (d) and (e), and 60(b).',
      'Motion to alter or amend the judgment: a timely motion also resets the time to appeal (Fed. R. App. P. 4(a)(4)(A)).',
    ]);
  });
  it('Rule 15(a)(1)(B): the service the count runs from is named as Rule 5(b)(2) names it', () => {
    const r = due('frcp15a1.amend_once', '2026-03-02', { service: 'consented_other' });
    // 21 days: Mon 03-23; 6(d) adds 3 for other consented means: Thu 03-26.
    expect(r.due).toBe('2026-03-26');
    expect(line(r, 'note')).toBe('The trigger is taken as the service on the team of the responsive pleading or the Rule 12(b), (e) or (f) motion (Rule 15(a)(1)(B)): service by other means consented to (Rule 5(b)(2)(F)).');
  });
  it('Rule 15(a)(3): the later of 14 days and the time remaining on the original pleading, cited as such', () => {
    const r = due('frcp15a3.respond_amended', '2026-03-02', { original_due: '2026-03-30' });
    expect(r.due).toBe('2026-03-30');
    expect(line(r, 'note')).toBe('The time remaining to respond to the original pleading (original_due), 2026-03-30 (Monday), is later than 2026-03-16 (Monday): it governs.');
    expect(r.rule.citation).toBe('Fed. R. Civ. P. 15(a)(3); computed under Fed. R. Civ. P. 6(a)(1), 6(d)');
  });
  it('LCvR 7(n)(1) is cited with the rule that computes it', () => {
    expect(due('lcvr7n.certified_list', '2026-03-02').rule.citation).toBe('D.D.C. LCvR 7(n)(1); computed under Fed. R. Civ. P. 6(a)(1)');
  });
  it('a period counted under another court\'s rule is a note, ahead of the rule\'s own', () => {
    const r = due('supct13.cert', '2026-03-02', { court: 'DDC' });
    expect(steps(r, 'note')[0]).toBe('Counted under Fed. R. Civ. P. 6(a), the rule of the U.S. District Court for the District of Columbia (court = DDC).');
  });
});
