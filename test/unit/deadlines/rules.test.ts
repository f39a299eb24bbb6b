/**
 * The rules a D.D.C. FOIA case brings beyond the first fifteen, hand-computed from their texts
 * (each describe names the section and quotes its period). 2026 legal holidays used here: Jan 19,
 * Feb 16, May 25, Jun 19, Jul 3 (observed), Sep 7; D.C. Emancipation Day Thu Apr 16 (forward
 * periods under FRCP 6(a)(6)(C) / FRAP 26(a)(6)(C) only, never under Sup. Ct. R. 30.1).
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendar, epochDayOf, isoOf, withDays } from '../../../core/calendar';
import { computeDeadline } from '../../../core/deadlines';
import { anniversary } from '../../../core/deadlines/statutes';
import { due, messageOf, steps } from './helpers';

const notes = (r: ReturnType<typeof due>) => r.receipt.map((e) => e.text).join('\n');

describe('Fed. R. Civ. P. 12(a): "within 21 days after being served"; (a)(4) "within 14 days after notice of the court\'s action"', () => {
  it.each([
    ['frcp12a1.answer', '2026-03-02', {}, '2026-03-23', '21 days: Mon 03-02 -> Mon 03-23'],
    ['frcp12a1.answer', '2026-03-26', {}, '2026-04-17', 'day 21 is Thu 04-16, Emancipation Day -> Fri'],
    ['frcp12a1.answer', '2026-03-02', { service: 'mail' }, '2026-03-23', 'service of process is not Rule 5(b) service: no 6(d) days'],
    ['frcp12a1.answer', '2026-03-02', { days: 30 }, '2026-04-01', 'a time the court set: 30 days'],
    ['frcp12a4.answer_after_motion', '2026-03-02', {}, '2026-03-16', '14 days after notice'],
    ['frcp12a4.answer_after_motion', '2026-03-02', { service: 'mail' }, '2026-03-19', 'notice served by mail: + 3 days (6(d))'],
  ] as const)('%s from %s %j -> %s (%s)', (rule, trigger, params, expected, _why) => {
    expect(due(rule, trigger, params).due).toBe(expected);
  });

  it('a court-set answer period keeps the rule and says "as the Court directed"', () => {
    const r = due('frcp12a1.answer', '2026-03-02', { days: 30 });
    expect(r.rule.id).toBe('frcp12a1.answer');
    expect(r.rule.citation).toMatch(/^Fed\. R\. Civ\. P\. 12\(a\)\(1\)\(A\)\(i\).*as the Court directed/);
  });
});

describe('Fed. R. Civ. P. 15(a)(1): amend once "no later than 21 days after serving it" or after service of a responsive pleading or Rule 12(b), (e), (f) motion', () => {
  it('without service the trigger is the team\'s own service of its pleading', () => {
    const r = due('frcp15a1.amend_once', '2026-03-02');
    expect(r.due).toBe('2026-03-23');
    expect(notes(r)).toMatch(/own service of its pleading/);
  });
  it('a motion served on the team by mail adds Rule 6(d)\'s 3 days; electronic service adds none', () => {
    expect(due('frcp15a1.amend_once', '2026-03-02', { service: 'mail' }).due).toBe('2026-03-26');
    expect(due('frcp15a1.amend_once', '2026-03-02', { service: 'electronic' }).due).toBe('2026-03-23');
  });
  it('the period is the rule\'s, not the court\'s: another days is an error; the same is accepted', () => {
    expect(() => due('frcp15a1.amend_once', '2026-03-02', { days: 30 })).toThrow(/params\.days: frcp15a1\.amend_once runs 21 days/);
    const same = due('frcp15a1.amend_once', '2026-03-02', { days: 21 });
    expect(same.due).toBe('2026-03-23');
    expect(notes(same)).toMatch(/rule's own period: nothing changes/);
  });
});

describe('Fed. R. Civ. P. 15(a)(3): "within the time remaining to respond to the original pleading or within 14 days after service of the amended pleading, whichever is later"', () => {
  it.each([
    [{}, '2026-03-16', '14 days'],
    [{ original_due: '2026-03-20' }, '2026-03-20', 'the original time remaining ends later'],
    [{ original_due: '2026-03-10' }, '2026-03-16', 'the original time ends first: 14 days govern'],
    [{ service: 'mail' }, '2026-03-19', 'served by mail: + 3 days'],
  ] as const)('served 2026-03-02 %j -> %s (%s)', (params, expected, _why) => {
    expect(due('frcp15a3.respond_amended', '2026-03-02', params).due).toBe(expected);
  });
});

describe('Fed. R. Civ. P. 26(f)(1) and LCvR 16.3(a): confer "at least 21 days before a scheduling conference"', () => {
  it.each([
    ['frcp26f.conference', '2026-06-08', '2026-05-18', '21 days before Mon 06-08'],
    ['frcp26f.conference', '2026-06-15', '2026-05-22', 'day 21 back is Memorial Day: continue backward to Fri (6(a)(5))'],
    ['frcp26f.conference', '2026-05-07', '2026-04-16', 'Emancipation Day does not stop a backward period (6(a)(6)(C))'],
    ['lcvr16.3.meet_confer', '2026-06-08', '2026-05-18', 'same count under the local rule'],
  ])('%s before %s -> %s (%s)', (rule, trigger, expected) => {
    expect(due(rule, trigger).due).toBe(expected);
  });
  it('counts only backward', () => {
    expect(() => due('frcp26f.conference', '2026-06-08', { direction: 'after' })).toThrow(/params\.direction/);
  });
});

describe('Fed. R. Civ. P. 26(f)(2) report and 26(a)(1)(C) disclosures: "within 14 days after the conference"', () => {
  it('14 days after the Rule 26(f) conference', () => {
    expect(due('frcp26f.report', '2026-03-02').due).toBe('2026-03-16');
    const d = due('frcp26a1.initial_disclosures', '2026-03-02');
    expect(d.due).toBe('2026-03-16');
    expect(notes(d)).toMatch(/26\(a\)\(1\)\(B\)\(i\)/);
  });
  it('initial disclosures take a time set by court order; the report does not', () => {
    expect(due('frcp26a1.initial_disclosures', '2026-03-02', { days: 30 }).due).toBe('2026-04-01');
    expect(() => due('frcp26f.report', '2026-03-02', { days: 30 })).toThrow(/params\.days/);
  });
});

describe('Fed. R. Civ. P. 16(b)(2): "within the earlier of 90 days after any defendant has been served ... or 60 days after any defendant has appeared"', () => {
  it('90 days after service: Sun 05-31 -> Mon 06-01', () => {
    expect(due('frcp16b2.scheduling_order', '2026-03-02').due).toBe('2026-06-01');
  });
  it('60 days after an appearance on 03-10 come first: Sat 05-09 -> Mon 05-11', () => {
    expect(due('frcp16b2.scheduling_order', '2026-03-02', { appeared: '2026-03-10' }).due).toBe('2026-05-11');
  });
  it('has no single period to override', () => {
    expect(() => due('frcp16b2.scheduling_order', '2026-03-02', { days: 5 })).toThrow(/params\.days: is not a parameter/);
  });
});

describe('Fed. R. Civ. P. 33(b)(2), 34(b)(2)(A), 36(a)(3): "within 30 days after being served"', () => {
  it.each(['frcp33.answers', 'frcp34.responses', 'frcp36.admissions'])('%s: 30 days; by mail 6(d) adds 3 (Sat 04-04 -> Mon 04-06)', (rule) => {
    expect(due(rule, '2026-03-02').due).toBe('2026-04-01');
    expect(due(rule, '2026-03-02', { service: 'mail' }).due).toBe('2026-04-06');
    expect(due(rule, '2026-03-02', { days: 45 }).rule.citation).toMatch(/as the Court directed/);
  });
});

describe('Fed. R. Civ. P. 72(a), (b)(2): objections "within 14 days after being served with a copy"', () => {
  it('14 days, + 3 by mail', () => {
    expect(due('frcp72.objections', '2026-03-02').due).toBe('2026-03-16');
    expect(due('frcp72.objections', '2026-03-02', { service: 'mail' }).due).toBe('2026-03-19');
  });
});

describe('After judgment: Fed. R. Civ. P. 54(d)(2)(B)(i) "no later than 14 days"; 50(b), 52(b), 59(b), 59(e) "no later than 28 days after the entry of judgment"', () => {
  it('fees: 14 days, and a court order may set another time', () => {
    expect(due('frcp54d2.fees', '2026-03-02').due).toBe('2026-03-16');
    expect(due('frcp54d2.fees', '2026-03-02', { days: 30 }).due).toBe('2026-04-01');
  });
  it.each(['frcp59.new_trial', 'frcp59e.alter_amend', 'frcp50b.renewed_jmol', 'frcp52b.amended_findings'])(
    '%s: 28 days, not extendable (6(b)(2))',
    (rule) => {
      const r = due(rule, '2026-03-02');
      expect(r.due).toBe('2026-03-30');
      expect(notes(r)).toMatch(/cannot be extended: Fed\. R\. Civ\. P\. 6\(b\)\(2\)/);
      expect(due(rule, '2026-03-02', { days: 28 }).due).toBe('2026-03-30');
      expect(() => due(rule, '2026-03-02', { days: 35 })).toThrow(/params\.days: .*6\(b\)\(2\)/);
    },
  );
});

describe('LCvR 65.1(d): the hearing "no later than 21 days after its filing"', () => {
  it('filed Thu 03-26: day 21 is Emancipation Day -> Fri 04-17; the Court may set another', () => {
    expect(due('lcvr65.1d.pi_hearing', '2026-03-26').due).toBe('2026-04-17');
    expect(due('lcvr65.1d.pi_hearing', '2026-03-26', { days: 28 }).due).toBe('2026-04-23');
  });
});

describe('Fed. R. App. P. 4(a)(1)(A) "within 30 days after entry"; 4(a)(1)(B) 60 days; computed under FRAP 26(a)', () => {
  it.each([
    ['frap4a1a.appeal', '2026-03-02', '2026-04-01'],
    ['frap4a1a.appeal', '2026-03-17', '2026-04-17'],
    ['frap4.appeal_us', '2026-03-02', '2026-05-01'],
  ])('%s from %s -> %s', (rule, trigger, expected) => {
    const r = due(rule, trigger);
    expect(r.due).toBe(expected);
    expect(steps(r, 'day0')[0]).toContain('Fed. R. App. P. 26(a)(1)(A)');
  });
  it('the notice of appeal is jurisdictional: no court-set period', () => {
    expect(() => due('frap4a1a.appeal', '2026-03-02', { days: 45 })).toThrow(/params\.days/);
  });
});

describe('Fed. R. App. P. 4(a)(3): "within 14 days after the date when the first notice was filed, or within the time otherwise prescribed ..., whichever period ends later"', () => {
  it('14 days, or the Rule 4(a) period if it ends later', () => {
    expect(due('frap4a3.cross_appeal', '2026-03-02').due).toBe('2026-03-16');
    expect(due('frap4a3.cross_appeal', '2026-03-02', { appeal_period_end: '2026-05-01' }).due).toBe('2026-05-01');
    expect(due('frap4a3.cross_appeal', '2026-03-02', { appeal_period_end: '2026-03-10' }).due).toBe('2026-03-16');
  });
  it('without appeal_period_end the receipt asks for it; with it, the receipt says which period governs', () => {
    const ask = 'If the Rule 4(a)(1) period (30 days, or 60 with a United States party) ends later, it governs: give appeal_period_end.';
    expect(steps(due('frap4a3.cross_appeal', '2026-03-02'), 'note')).toEqual([ask]);
    expect(steps(due('frap4a3.cross_appeal', '2026-03-02', { appeal_period_end: '2026-05-01' }), 'note')).toEqual([
      'The end of the time otherwise prescribed by Rule 4(a) (appeal_period_end), 2026-05-01 (Friday), is later than 2026-03-16 (Monday): it governs.',
    ]);
  });
  it('an appeal_period_end before or on the day the 14 days end does not govern, and the receipt says so', () => {
    for (const [end, label] of [['2026-03-10', '2026-03-10 (Tuesday)'], ['2026-03-16', '2026-03-16 (Monday)']] as const) {
      const r = due('frap4a3.cross_appeal', '2026-03-02', { appeal_period_end: end });
      expect(r.due).toBe('2026-03-16');
      expect(steps(r, 'note')).toEqual([`The end of the time otherwise prescribed by Rule 4(a) (appeal_period_end), ${label}, is not later: the period above governs.`]);
    }
  });
  it('takes the manner of the first notice\'s service, which does not move a period counted from its filing; refuses an unknown one', () => {
    expect(due('frap4a3.cross_appeal', '2026-03-02', { service: 'mail' }).due).toBe('2026-03-16');
    expect(() => due('frap4a3.cross_appeal', '2026-03-02', { service: 'pigeon' })).toThrow(/^params\.service: must be one of/);
  });
  it('reports the reading that counts from the clerk\'s service of the first notice', () => {
    const r = due('frap4a3.cross_appeal', '2026-03-02', { first_notice_served: '2026-03-05' });
    expect(r.due).toBe('2026-03-16');
    expect(r.alternative).toMatchObject({ due: '2026-03-19' });
    expect(r.alternative?.reason).toMatch(/3\(d\)/);
  });
});

describe('Fed. R. App. P. 4(a)(5)(A)(i) "no later than 30 days after the time prescribed ... expires"; 10(b)(1) "Within 14 days after filing the notice of appeal"', () => {
  it('extension motion: 30 days after the end of the period (Sun 05-31 -> Mon 06-01)', () => {
    expect(due('frap4a5.extension_motion', '2026-05-01').due).toBe('2026-06-01');
  });
  it('transcript order: 14 days, or from the order disposing of the last Rule 4(a)(4) motion if later', () => {
    expect(due('frap10b.transcript', '2026-03-02').due).toBe('2026-03-16');
    expect(due('frap10b.transcript', '2026-03-02', { last_motion_disposed: '2026-03-10' }).due).toBe('2026-03-24');
  });
  it('transcript order: the receipt names the later order; an order entered before the notice changes nothing', () => {
    expect(steps(due('frap10b.transcript', '2026-03-02', { last_motion_disposed: '2026-03-10' }), 'note')).toEqual([
      'The order disposing of the last Rule 4(a)(4)(A) motion was entered 2026-03-10 (Tuesday), after the notice of appeal: the 14 days count from it ("whichever is later").',
    ]);
    for (const params of [undefined, { last_motion_disposed: '2026-02-20' }]) {
      const r = due('frap10b.transcript', '2026-03-02', params);
      expect(r.due).toBe('2026-03-16');
      expect(steps(r, 'note')).toEqual([]);
    }
  });
});

describe('Fed. R. App. P. 40(d)(1) as amended Dec. 1, 2024: "within 45 days after entry of judgment" with a United States party', () => {
  it('day 45 is D.C. Emancipation Day, a legal holiday in the D.C. Circuit (FRAP 26(a)(6)(C)) -> Fri 04-17', () => {
    const r = due('frap40.rehearing_us', '2026-03-02');
    expect(r.due).toBe('2026-04-17');
    expect(steps(r, 'skip')[0]).toMatch(/Emancipation Day.*Fed\. R\. App\. P\. 26\(a\)\(6\)\(C\)/);
  });
  it('an order may shorten or extend the time', () => {
    expect(due('frap40.rehearing_us', '2026-03-02', { days: 14 }).due).toBe('2026-03-16');
  });
});

describe('Sup. Ct. R. 13.1 "within 90 days after entry of the judgment", computed under Rule 30.1', () => {
  it('Rule 30.1 knows no D.C. holiday: day 90 is Thu 04-16 and stands; FRCP/FRAP counting is the alternative', () => {
    const r = due('supct13.cert', '2026-01-16');
    expect(r.due).toBe('2026-04-16');
    expect(r.alternative).toMatchObject({ due: '2026-04-17' });
    expect(r.alternative?.reason).toMatch(/Sup\. Ct\. R\. 30\.1/);
  });
  it('day 90 from Tue 2026-02-24 is Memorial Day, Mon 05-25, a holiday of 5 U.S.C. 6103 -> Tue 05-26', () => {
    const r = due('supct13.cert', '2026-02-24');
    expect(r.due).toBe('2026-05-26');
    expect(steps(r, 'skip')).toEqual(['2026-05-25 (Monday): the period cannot end on this day: Memorial Day, a federal legal holiday listed in 5 U.S.C. 6103 (Sup. Ct. R. 30.1; 5 U.S.C. 6103(a))']);
  });
  it('an executive-order closure is not a Rule 30.1 holiday (the Court building is not closed by it)', () => {
    const r = due('supct13.cert', '2025-09-25');
    expect(r.due).toBe('2025-12-24');
    expect(r.alternative?.due).toBe('2025-12-29');
  });
  it('only a closure of the Supreme Court building extends it; a D.C. courthouse closure does not, and the other way round', () => {
    const scotus = withDays(defaultCalendar, { courtClosures: [{ date: '2026-04-15', label: 'Supreme Court building closed by order of the Chief Justice', court: 'SCOTUS' }] });
    const courthouse = withDays(defaultCalendar, { courtClosures: [{ date: '2026-04-15', label: 'Prettyman courthouse closed (snow)' }] });
    // Day 90 from Thu 2026-01-15 is Wed 04-15; the next day, Thu 04-16, is no Rule 30.1 holiday.
    const cert = { rule: 'supct13.cert', trigger: '2026-01-15' };
    expect(computeDeadline(cert, scotus).due).toBe('2026-04-16');
    expect(steps(computeDeadline(cert, scotus), 'skip')).toEqual([
      '2026-04-15 (Wednesday): the period cannot end on this day: the Court building was closed (Supreme Court building closed by order of the Chief Justice) (Sup. Ct. R. 30.1)',
    ]);
    expect(computeDeadline(cert, courthouse).due).toBe('2026-04-15');
    // 14 days from 04-01 end Wed 04-15: the courthouse closure (FRCP 6(a)(3)) and then
    // Emancipation Day carry the period to Fri 04-17; the Supreme Court's closure does not.
    const days = { rule: 'frcp6.days', trigger: '2026-04-01', params: { days: 14 } };
    expect(computeDeadline(days, courthouse).due).toBe('2026-04-17');
    expect(computeDeadline(days, scotus).due).toBe('2026-04-15');
  });
  it('court=DDC counts the same period under FRCP 6(a), and says so', () => {
    const r = due('supct13.cert', '2026-01-16', { court: 'DDC' });
    expect(r.due).toBe('2026-04-17');
    expect(notes(r)).toMatch(/Counted under Fed\. R\. Civ\. P\. 6\(a\).*court = DDC/);
  });
  it('court accepts DDC, CADC and SCOTUS only', () => {
    expect(due('frcp6.days', '2026-04-02', { days: 14, court: 'SCOTUS' }).due).toBe('2026-04-16');
    expect(due('frcp6.days', '2026-04-02', { days: 14, court: 'CADC' }).due).toBe('2026-04-17');
    expect(() => due('frcp6.days', '2026-04-02', { days: 14, court: 'SDNY' })).toThrow(/"DDC", "CADC", "SCOTUS"/);
  });
});

describe('5 U.S.C. 552a(d)(2)(A) "not later than 10 days (excluding Saturdays, Sundays, and legal public holidays)"; (d)(3) 30 such days', () => {
  it.each([
    ['privacy_act.amendment_ack', '2026-03-02', {}, '2026-03-16'],
    ['privacy_act.amendment_ack', '2026-11-20', {}, '2026-12-07'],
    ['privacy_act.amendment_appeal_decision', '2026-03-02', {}, '2026-04-13'],
    ['privacy_act.amendment_appeal_decision', '2026-03-02', { working_days: 40 }, '2026-04-27'],
  ] as const)('%s from %s %j -> %s', (rule, trigger, params, expected) => {
    expect(due(rule, trigger, params).due).toBe(expected);
  });
  it('the receipt: the day of receipt, the count, an extension and the last working day', () => {
    const COUNT = (n: number) => `Counting ${n} working days: Saturdays, Sundays and legal public holidays are excluded (5 U.S.C. 552a(d), "excluding Saturdays, Sundays, and legal public holidays").`;
    const ack = due('privacy_act.amendment_ack', '2026-03-02');
    expect(ack.alternative).toBeUndefined();
    expect(ack.receipt.filter((e) => ['day0', 'extension', 'count', 'lastday'].includes(e.step)).map((e) => `${e.step}: ${e.text}`)).toEqual([
      'day0: Day 0: 2026-03-02 (Monday), the day of receipt. It is not counted.',
      `count: ${COUNT(10)}`,
      'lastday: Working day 10 is 2026-03-16 (Monday).',
    ]);
    const extended = due('privacy_act.amendment_appeal_decision', '2026-03-02', { working_days: 40 });
    expect(steps(extended, 'extension')).toEqual(["Period of 40 working days as extended (the head of the agency may extend the 30 days for good cause shown, 5 U.S.C. 552a(d)(3)); the statute's own is 30."]);
    expect(steps(extended, 'count')).toEqual([COUNT(40)]);
    expect(steps(extended, 'lastday')).toEqual(['Working day 40 is 2026-04-27 (Monday).']);
    // The statute's own 30 given again is no extension.
    expect(steps(due('privacy_act.amendment_appeal_decision', '2026-03-02', { working_days: 30 }), 'extension')).toEqual([]);
  });
  it('received on a Saturday: counted from that day; from the next working day is the alternative', () => {
    // Sat 03-07: 03-09 .. 03-13, 03-16 .. 03-20 is the 10th; from Mon 03-09: 03-10 .. 03-13, 03-16 .. 03-20, 03-23.
    const r = due('privacy_act.amendment_ack', '2026-03-07');
    expect(r.due).toBe('2026-03-20');
    expect(r.alternative).toEqual({ due: '2026-03-23', reason: 'If a request received on a Saturday, Sunday or holiday is treated as received on the next working day.' });
    expect(steps(r, 'day0')).toEqual(['Day 0: 2026-03-07 (Saturday), the day of receipt, taken as it happened although it is not a working day (Saturday) (Docketwatch policy; see any alternative). It is not counted.']);
  });
  it('a last working day that federal offices were closed by executive order: not counting it is the alternative', () => {
    // From Wed 2025-12-10: 12-11, 12-12, 12-15 .. 12-19, 12-22, 12-23, 12-24 (closed by order) is the 10th;
    // without closures 12-24 and 12-26 (and Christmas) fall out: Mon 12-29.
    const r = due('privacy_act.amendment_ack', '2025-12-10');
    expect(r.due).toBe('2025-12-24');
    expect(r.alternative).toEqual({ due: '2025-12-29', reason: 'If days federal offices were closed by executive order are not counted as working days.' });
  });
  it('working_days is bounded: at least 1, at most 2600', () => {
    expect(messageOf({ rule: 'privacy_act.amendment_appeal_decision', trigger: '2026-03-02', params: { working_days: 0 } })).toBe('params.working_days: must be at least 1 (got 0)');
    expect(messageOf({ rule: 'privacy_act.amendment_appeal_decision', trigger: '2026-03-02', params: { working_days: 2601 } })).toBe('params.working_days: must be at most 2600 (got 2601)');
  });
  it('a period across the 2025 lapse in appropriations counts its days as working days; not counting them is the alternative', () => {
    // From Mon 2025-09-29: 09-30, 10-01 .. 10-03, 10-06 .. 10-10, (Columbus Day 10-13), 10-14 is the 10th.
    // Without the lapse (10-01 .. 11-12): 09-30, then 11-13, 11-14, 11-17 .. 11-21, 11-24, 11-25.
    const r = due('privacy_act.amendment_ack', '2025-09-29');
    expect(r.due).toBe('2025-10-14');
    expect(r.alternative).toEqual({ due: '2025-11-25', reason: 'If days during the lapse in appropriations are not counted as working days.' });
  });
  it('the acknowledgment period is the statute\'s; an appeal decision can only be extended', () => {
    expect(() => due('privacy_act.amendment_ack', '2026-03-02', { working_days: 15 })).toThrow(/params\.working_days/);
    expect(() => due('privacy_act.amendment_appeal_decision', '2026-03-02', { working_days: 20 })).toThrow(/params\.working_days/);
    expect(due('privacy_act.amendment_ack', '2026-03-02', { working_days: 10 }).due).toBe('2026-03-16');
  });
});

describe('Limitations: 5 U.S.C. 552a(g)(5) "within two years"; 28 U.S.C. 2401(a) "within six years"', () => {
  it('ends on the anniversary', () => {
    expect(due('privacy_act.limitations', '2024-03-02').due).toBe('2026-03-02');
  });
  it('an anniversary on a Sunday rolls under FRCP 6(a)(1)(C); the no-roll reading is the alternative', () => {
    const r = due('privacy_act.limitations', '2024-03-01');
    expect(r.due).toBe('2026-03-02');
    expect(r.alternative?.due).toBe('2026-03-01');
    expect(r.alternative?.reason).toMatch(/does not extend a statute of limitations/);
  });
  it('counting the day of accrual as day one ends the day before the anniversary (alternative)', () => {
    const r = due('privacy_act.limitations', '2024-03-04');
    expect(r.due).toBe('2026-03-04');
    expect(r.alternative?.due).toBe('2026-03-03');
    expect(r.alternative?.reason).toMatch(/day before the anniversary/);
  });
  it('the receipt: the day excluded, the anniversary, and a note when the anniversary rolls', () => {
    const DAY0 = (day: string) => `The day the period begins, ${day}, is excluded (Fed. R. Civ. P. 6(a)(1)(A), which applies to "any statute that does not specify a method of computing time").`;
    const on = due('privacy_act.limitations', '2024-03-02');
    expect(steps(on, 'day0')).toEqual([DAY0('2024-03-02 (Saturday)')]);
    expect(steps(on, 'count')).toEqual(['Counting 2 years by the calendar: the period ends on the anniversary, 2026-03-02 (Monday) (see the alternative for the day before).']);
    expect(steps(on, 'note')).toEqual([]);
    const rolled = due('privacy_act.limitations', '2024-03-01');
    expect(steps(rolled, 'count')).toEqual(['Counting 2 years by the calendar: the period ends on the anniversary, 2026-03-01 (Sunday) (see the alternative for the day before).']);
    expect(steps(rolled, 'note')).toEqual(['Courts differ on whether Rule 6(a)(1)(C) extends a statute of limitations; file by the alternative date if it is earlier.']);
  });
  it('February 29 ends on February 28 of a common year (here a Saturday -> Monday)', () => {
    expect(due('privacy_act.limitations', '2024-02-29').due).toBe('2026-03-02');
  });
  it('the anniversary of February 29 in a leap year is February 29; 2000 was one, 2100 is not (Gregorian: every 4th year, not every 100th, every 400th)', () => {
    // The rules count 2 and 6 years, so from a February 29 they only reach common years: the
    // leap-year test is held here on the function itself.
    const from29 = (year: number, years: number) => isoOf(anniversary(epochDayOf(year, 2, 29), years));
    expect(from29(2024, 4)).toBe('2028-02-29');
    expect(from29(1996, 4)).toBe('2000-02-29');
    expect(from29(2096, 4)).toBe('2100-02-28');
    expect(from29(2024, 2)).toBe('2026-02-28');
  });
  it('six years after exhaustion: Thu 2026-04-16 is Emancipation Day -> Fri', () => {
    const r = due('foia.limitations', '2020-04-16');
    expect(r.due).toBe('2026-04-17');
    expect(steps(r, 'alternative').join('\n')).toMatch(/2026-04-16/);
  });
});

describe('EAJA, 28 U.S.C. 2412(d)(1)(B): "within thirty days of final judgment"', () => {
  it('from entry: the 60-day appeal period first (Fri 05-01), then 30 days (Sun 05-31 -> Mon 06-01)', () => {
    const r = due('eaja.fees', '2026-03-02');
    expect(r.due).toBe('2026-06-01');
    expect(notes(r)).toMatch(/final and not appealable/);
  });
  it('from the day the judgment became final, when given', () => {
    expect(due('eaja.fees', '2026-03-02', { judgment_final: '2026-06-10' }).due).toBe('2026-07-10');
  });
  it('the receipt says when the judgment becomes final, counted or given', () => {
    expect(steps(due('eaja.fees', '2026-03-02'), 'note')).toEqual([
      'The United States is always a party to an EAJA claim, so the judgment becomes final and not appealable when the 60-day appeal period ends (Fed. R. App. P. 4(a)(1)(B)); if an appeal is taken, give judgment_final instead.',
      'The judgment becomes final and not appealable at the end of 2026-05-01 (Friday); the 30 days count from that day.',
    ]);
    expect(steps(due('eaja.fees', '2026-03-02', { judgment_final: '2026-06-10' }), 'note')).toEqual([
      'The judgment became final and not appealable on 2026-06-10 (Wednesday) (judgment_final): the 30 days count from that day.',
    ]);
  });
  it('takes a judgment final on the day of its entry: 30 days from Mon 03-02 is Wed 04-01', () => {
    expect(due('eaja.fees', '2026-03-02', { judgment_final: '2026-03-02' }).due).toBe('2026-04-01');
  });
  it('refuses a judgment_final before the entry of judgment', () => {
    expect(messageOf({ rule: 'eaja.fees', trigger: '2026-03-02', params: { judgment_final: '2026-02-01' } })).toBe('params.judgment_final: is before the entry of judgment (trigger)');
  });
});

describe('foia.appeal_window by agency regulation', () => {
  it('DHS: 90 working days, 6 C.F.R. 5.8(a)(1)', () => {
    const r = due('foia.appeal_window', '2026-03-02', { agency: 'DHS' });
    expect(r.due).toBe('2026-07-09');
    expect(r.rule.citation).toMatch(/^6 C\.F\.R\. 5\.8\(a\)\(1\)/);
  });
  it('ICE is a DHS component: the same regulation', () => {
    const r = due('foia.appeal_window', '2026-03-02', { agency: 'ICE' });
    expect(r.due).toBe('2026-07-09');
    expect(notes(r)).toMatch(/ICE is a DHS component/);
    expect(due('foia.appeal_window', '2026-03-02', { agency: 'ICE', working_days: 90 }).due).toBe('2026-07-09');
  });
  it.each(['IRS', 'Treasury', 'DOJ'])('%s: 90 calendar days; the regulation was not verified and the receipt says so', (agency) => {
    const r = due('foia.appeal_window', '2026-03-02', { agency });
    expect(r.due).toBe('2026-05-31');
    expect(r.rule.citation).toMatch(/C\.F\.R\./);
    expect(notes(r)).toMatch(/could not be verified.*The alternative is the statute's minimum of 90 days/);
  });
  it('a working-day count only where the regulation counts working days', () => {
    expect(() => due('foia.appeal_window', '2026-03-02', { agency: 'IRS', working_days: 90 })).toThrow(/params\.working_days/);
    expect(() => due('foia.appeal_window', '2026-03-02', { agency: 'DHS', calendar_days: 120 })).toThrow(/params\.calendar_days/);
    expect(due('foia.appeal_window', '2026-03-02', { days: 90 }).due).toBe('2026-05-31');
    expect(() => due('foia.appeal_window', '2026-03-02', { days: 60 })).toThrow(/params\.days/);
    // The expedite decision's own 10 days, given as days, change nothing (552(a)(6)(E)(ii)(I)).
    expect(due('foia.expedite_decision', '2026-03-02', { days: 10 }).due).toBe(due('foia.expedite_decision', '2026-03-02').due);
    expect(() => due('foia.expedite_decision', '2026-03-02', { days: 5 })).toThrow(/params\.days/);
  });
});

describe('executive-order closures back to 2001 (FRCP 6(a)(6)(B) "declared a holiday by the President")', () => {
  it('20 days from 2008-12-05 end on the 2008-12-26 closure -> Mon 2008-12-29', () => {
    const r = due('frcp6.days', '2008-12-05', { days: 20 });
    expect(r.due).toBe('2008-12-29');
    expect(steps(r, 'skip').join('\n')).toMatch(/2008-12-26.*December 12, 2008/);
  });
  it('each closure names its order', () => {
    const r = due('frcp6.days', '2004-06-04', { days: 7 });
    expect(r.due).toBe('2004-06-14');
    expect(steps(r, 'skip')[0]).toMatch(/Reagan.*June 6, 2004/);
  });
});

describe('the 24-hour disclosure notice: FRCP 6(a)(2) binding; 24 elapsed hours as the alternative', () => {
  it('a Friday 4:30 pm notice: due Monday 4:30 pm; the agency may act Saturday 4:30 pm', () => {
    const r = computeDeadline({ rule: 'frcp6.hours', trigger: '2026-03-13T16:30:00-04:00', params: { hours: 24, purpose: 'disclosure_notice' } });
    expect(r.due).toBe('2026-03-16T16:30:00-04:00');
    expect(r.alternative?.due).toBe('2026-03-14T16:30:00-04:00');
    expect(r.alternative?.reason).toMatch(/24 elapsed clock hours/);
  });
  it('an ordinary hour period reports no such alternative', () => {
    const r = computeDeadline({ rule: 'frcp6.hours', trigger: '2026-03-13T16:30:00-04:00', params: { hours: 24 } });
    expect(r.alternative).toBeUndefined();
  });
});
