/**
 * What a court receipt says about the days a period cannot end on, and when it says nothing:
 * each kind of closed day with the part of Rule 6(a) that makes it one, the roll-forward only
 * when there is something to roll past, the words for each method of service, the clock
 * change in an hour period. The dates themselves are checked elsewhere; this is the "why".
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendar, withDays, type Calendar } from '../../../core/calendar';
import { computeDeadline, type DeadlineRequest } from '../../../core/deadlines';
import { messageOf } from './helpers';

const steps = (req: DeadlineRequest, cal: Calendar = defaultCalendar) => computeDeadline(req, cal).receipt.map((e) => ({ step: e.step, text: e.text, date: e.date }));
const skips = (req: DeadlineRequest, cal?: Calendar) => steps(req, cal).filter((s) => s.step === 'skip').map((s) => `${s.date}: ${s.text.split(': the period cannot end on this day: ')[1]}`);

describe('days a court period cannot end on, and why', () => {
  it('a federal holiday: Rule 6(a)(6)(A) and the statute', () => {
    // 14 days from Monday 5 January 2026 is Monday 19 January, Martin Luther King Jr. Day.
    expect(skips({ rule: 'frcp6.days', trigger: '2026-01-05', params: { days: 14 } })).toEqual([
      '2026-01-19: Birthday of Martin Luther King, Jr., a legal holiday (Fed. R. Civ. P. 6(a)(6)(A); 5 U.S.C. 6103(a))',
    ]);
  });

  it('Inauguration Day alone: declared by Congress, Rule 6(a)(6)(B)', () => {
    // January 20, 2029 is a Saturday (no day off); the 2025 one shares a date with MLK Day. A
    // calendar with only an Inauguration-like statutory day shows the (6)(B) reading instead.
    const s = skips({ rule: 'frcp6.days', trigger: '2025-01-06', params: { days: 14 } });
    expect(s).toEqual(['2025-01-20: Birthday of Martin Luther King, Jr.; Inauguration Day (D.C. area), a legal holiday (Fed. R. Civ. P. 6(a)(6)(A); 5 U.S.C. 6103(a), 5 U.S.C. 6103(c))']);
    const byCongress = withDays(defaultCalendar, { holidays: [{ date: '2026-06-01', label: 'a day off by Act of Congress' }] });
    expect(skips({ rule: 'frcp6.days', trigger: '2026-05-18', params: { days: 14 } }, byCongress)).toEqual([
      '2026-06-01: a day off by Act of Congress, a legal holiday (Fed. R. Civ. P. 6(a)(6)(B); Act of Congress)',
    ]);
  });

  it('an executive-order closure: declared by the President, Rule 6(a)(6)(B), with the other reading beside it', () => {
    const receipt = steps({ rule: 'frcp6.days', trigger: '2024-12-10', params: { days: 14 } });
    expect(receipt.filter((s) => s.step === 'skip').map((s) => s.date)).toEqual(['2024-12-24', '2024-12-25']);
    expect(receipt.find((s) => s.date === '2024-12-24' && s.step === 'skip')!.text).toContain('a legal holiday (Fed. R. Civ. P. 6(a)(6)(B); Docketwatch policy, see any alternative)');
    expect(receipt.filter((s) => s.step === 'alternative').map((s) => s.date)).toEqual(['2024-12-24']);
  });

  it('D.C. Emancipation Day: only for a period counted forward, Rule 6(a)(6)(C)', () => {
    expect(skips({ rule: 'frcp6.days', trigger: '2026-04-02', params: { days: 14 } })).toEqual([
      '2026-04-16: D.C. Emancipation Day, a District of Columbia holiday, a legal holiday for periods counted forward (Fed. R. Civ. P. 6(a)(6)(C))',
    ]);
    // Counted backward, April 16 is an ordinary day: no skip, no roll.
    const back = steps({ rule: 'frcp6.days', trigger: '2026-04-30', params: { days: 14, direction: 'before' } });
    expect(back.map((s) => s.step)).not.toContain('skip');
    expect(back.map((s) => s.step)).not.toContain('rollforward');
  });

  it('an inaccessible clerk’s office: Rule 6(a)(3)', () => {
    const cal = withDays(defaultCalendar, { courtClosures: [{ date: '2026-03-16', label: 'snow' }] });
    expect(skips({ rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 14 } }, cal)).toEqual([
      "2026-03-16: the clerk's office was inaccessible (snow) (Fed. R. Civ. P. 6(a)(3))",
    ]);
  });

  it('weekends by name, and the roll to the next open day', () => {
    const receipt = steps({ rule: 'frcp6.days', trigger: '2026-03-05', params: { days: 2 } });
    expect(receipt.filter((s) => s.step === 'skip').map((s) => s.text)).toEqual([
      '2026-03-07 (Saturday): the period cannot end on this day: Saturday',
      '2026-03-08 (Sunday): the period cannot end on this day: Sunday',
    ]);
    expect(receipt.find((s) => s.step === 'rollforward')).toEqual({
      step: 'rollforward',
      text: 'The period continues to run until the end of the next day that is not a Saturday, Sunday or legal holiday: 2026-03-09 (Monday) (Fed. R. Civ. P. 6(a)(1)(C)).',
      date: '2026-03-09',
    });
  });

  it('a backward period moves to the day before, in its own words', () => {
    // 10 days before Wednesday 18 March 2026 is Sunday 8 March: the period ends Friday 6 March.
    const receipt = steps({ rule: 'frcp6.days', trigger: '2026-03-18', params: { days: 10, direction: 'before' } });
    expect(receipt.find((s) => s.step === 'rollforward')).toEqual({
      step: 'rollforward',
      text: 'Counting backward, the "next day" is the day before: the period ends on 2026-03-06 (Friday), the nearest earlier day that is not a Saturday, Sunday or legal holiday (Fed. R. Civ. P. 6(a)(1)(C), Fed. R. Civ. P. 6(a)(5)).',
      date: '2026-03-06',
    });
  });

  it('says nothing of skipping when the last day is open', () => {
    const receipt = steps({ rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 10 } });
    expect(receipt.map((s) => s.step)).toEqual(['trigger', 'day0', 'count', 'lastday', 'due', 'citation', 'calendar']);
    const hours = steps({ rule: 'frcp6.hours', trigger: '2026-03-03T16:30:00-05:00', params: { hours: 24 } });
    expect(hours.map((s) => s.step)).toEqual(['trigger', 'count', 'lastday', 'due', 'citation', 'calendar']);
  });
});

describe('service (Fed. R. Civ. P. 6(d))', () => {
  it('names the method with a capital letter, and whether days are added', () => {
    const service = (s: string) => steps({ rule: 'lcvr7b.opposition', trigger: '2026-03-02', params: { service: s } }).find((e) => e.step === 'service')!.text;
    expect(service('electronic')).toMatch(/^Electronic service \(Rule 5\(b\)\(2\)\(E\)\): Fed\. R\. Civ\. P\. 6\(d\) adds no days/);
    expect(service('hand')).toMatch(/^[A-Z][a-z]+ .*: Fed\. R\. Civ\. P\. 6\(d\) adds no days/);
    expect(service('mail')).toMatch(/^Service by mail \(Rule 5\(b\)\(2\)\(C\)\): 3 days are added after the period would otherwise expire under Rule 6\(a\), 2026-03-16 \(Monday\), giving 2026-03-19 \(Thursday\)/);
    expect(service('consented_other')).toMatch(/^[A-Z].*: 3 days are added/);
  });
});

describe('hour periods across a clock change', () => {
  it('notes that the clock changes, and keeps elapsed hours', () => {
    // Saturday 7 March 2026, 12:00 EST + 24 hours: the clocks go forward that night.
    const receipt = steps({ rule: 'frcp6.hours', trigger: '2026-03-07T12:00:00-05:00', params: { hours: 24 } });
    const dst = receipt.filter((s) => s.step === 'dst');
    expect(dst).toHaveLength(1);
    expect(dst[0]!.text).toMatch(/^The clock changes during the period: 24 elapsed hours end at 2026-03-08 \(Sunday\) 13:00 .*; on the wall clock they would end at 2026-03-08 \(Sunday\) 12:00 /);
    // Without a clock change, no such note.
    expect(steps({ rule: 'frcp6.hours', trigger: '2026-03-03T12:00:00-05:00', params: { hours: 24 } }).map((s) => s.step)).not.toContain('dst');
  });
});

describe('court rules refuse what they cannot mean', () => {
  const message = messageOf;

  it('6(d) days on a period counted backward', () => {
    for (const service of ['mail', 'consented_other']) {
      expect(message({ rule: 'frcp6.days', trigger: '2026-03-20', params: { days: 7, direction: 'before', service } })).toBe(
        'params.service: Fed. R. Civ. P. 6(d) adds days only to a period that runs after service; it cannot apply to a period counted backward',
      );
    }
    // Electronic or hand service adds nothing, so it may be named on a backward count.
    expect(computeDeadline({ rule: 'frcp6.days', trigger: '2026-03-20', params: { days: 7, direction: 'before', service: 'electronic' } }).due).toBe('2026-03-13');
  });

  it('"before" on a rule that only counts forward', () => {
    expect(message({ rule: 'lcvr7b.opposition', trigger: '2026-03-02', params: { direction: 'before' } })).toBe('params.direction: lcvr7b.opposition counts forward from its trigger; "before" does not apply');
    expect(message({ rule: 'frcp6.hours', trigger: '2026-03-02T10:00:00-05:00', params: { hours: 24, direction: 'before' } })).toBe('params.direction: frcp6.hours counts forward from its trigger; "before" does not apply');
  });

  it('an hour period without hours, or with none', () => {
    expect(message({ rule: 'frcp6.hours', trigger: '2026-03-02T10:00:00-05:00' })).toBe('params.hours: is required for frcp6.hours (a whole number of hours)');
    expect(message({ rule: 'frcp6.hours', trigger: '2026-03-02T10:00:00-05:00', params: { hours: 0 } })).toBe('params.hours: must be at least 1 (got 0)');
  });
});

describe('LCvR 7(n) certified list', () => {
  it('counts 30 days from the answer when it was served after the trigger, and says so', () => {
    const r = computeDeadline({ rule: 'lcvr7n.certified_list', trigger: '2026-03-02', params: { answer_served: '2026-03-05' } });
    // 30 days from Thursday 5 March 2026 is Saturday 4 April: Monday 6 April.
    expect(r.due).toBe('2026-04-06');
    expect(r.receipt.find((e) => e.step === 'note' && e.date === '2026-03-05')?.text).toBe('The answer was served 2026-03-05 (Thursday) (answer_served): the 30 days count from that date.');
    const plain = computeDeadline({ rule: 'lcvr7n.certified_list', trigger: '2026-03-05' });
    expect(plain.due).toBe('2026-04-06');
    expect(plain.receipt.filter((e) => e.step === 'note').map((e) => e.text)).not.toContainEqual(expect.stringContaining('(answer_served)'));
  });

  it('is due with an earlier dispositive motion, and reports the other reading only then', () => {
    const withMotion = computeDeadline({ rule: 'lcvr7n.certified_list', trigger: '2026-03-02', params: { dispositive_motion_filed: '2026-03-20' } });
    expect(withMotion.due).toBe('2026-03-20');
    const without = computeDeadline({ rule: 'lcvr7n.certified_list', trigger: '2026-03-02' });
    expect(without.due).toBe('2026-04-01');
    expect(without.alternative).toBeUndefined();
  });
});

describe('LCvR 7(n) and a dispositive motion', () => {
  const notes = (motion: string) => computeDeadline({ rule: 'lcvr7n.certified_list', trigger: '2026-03-02', params: { dispositive_motion_filed: motion } });
  it('a motion on or after the 30th day does not come first; one before it does, with the other reading', () => {
    // The 30 days from Monday 2 March 2026 end Wednesday 1 April.
    for (const motion of ['2026-04-10', '2026-04-01']) {
      const r = notes(motion);
      expect(r.due, motion).toBe('2026-04-01');
      expect(r.receipt.filter((e) => e.step === 'note').map((e) => e.text), motion).toContain(`The dispositive motion filed ${motion} (${motion === '2026-04-01' ? 'Wednesday' : 'Friday'}) does not come first: the 30-day period governs.`);
      expect(r.alternative, motion).toBeUndefined();
    }
    const early = notes('2026-03-31');
    expect(early.due).toBe('2026-03-31');
    expect(early.receipt.filter((e) => e.step === 'note').map((e) => e.text)).toContain(
      'A dispositive motion was filed 2026-03-31 (Tuesday), before the 30-day period ends: the certified list is due simultaneously with it (LCvR 7(n)(1), "whichever occurs first"). See the alternative.',
    );
    expect(early.alternative?.due).toBe('2026-04-01');
  });

  it('without a motion, says what one would do', () => {
    const r = computeDeadline({ rule: 'lcvr7n.certified_list', trigger: '2026-03-02' });
    expect(r.receipt.filter((e) => e.step === 'note').map((e) => e.text)).toContain(
      'If the agency files a dispositive motion before then, the certified list is due with that motion (LCvR 7(n)(1), "whichever occurs first").',
    );
  });
});

describe('a date fixed by an order', () => {
  it('stands as the order sets it, even on the order’s own day or a weekend, and says so', () => {
    const same = computeDeadline({ rule: 'court_order.fixed', trigger: '2026-03-02', params: { date: '2026-03-02' } });
    expect(same.due).toBe('2026-03-02');
    expect(same.receipt.find((e) => e.step === 'lastday')!.text).toBe(
      "The order sets the date: 2026-03-02 (Monday). Rule 6(a) computes periods; it does not move a date fixed by order (Fed. R. Civ. P. 6(a) advisory committee's note to the 2009 amendment).",
    );
    expect(same.receipt.filter((e) => e.step === 'note')).toEqual([]);
    const saturday = computeDeadline({ rule: 'court_order.fixed', trigger: '2026-03-02', params: { date: '2026-03-07' } });
    expect(saturday.due).toBe('2026-03-07');
    expect(saturday.receipt.filter((e) => e.step === 'note').map((e) => e.text)).toEqual([
      '2026-03-07 (Saturday) is not an ordinary court day (Saturday); the date stands: file by then (CM/ECF is open) or move to extend (Fed. R. Civ. P. 6(b)).',
    ]);
    // A D.C. holiday is not an ordinary court day either (the order's date is "forward" of it).
    const emancipation = computeDeadline({ rule: 'court_order.fixed', trigger: '2026-04-01', params: { date: '2026-04-16' } });
    expect(emancipation.receipt.filter((e) => e.step === 'note').map((e) => e.text)[0]).toMatch(/^2026-04-16 \(Thursday\) is not an ordinary court day \(D\.C\. Emancipation Day/);
  });

  it('a number of days from the order is a Rule 6(a) period', () => {
    expect(computeDeadline({ rule: 'court_order.fixed', trigger: '2026-03-02', params: { days: 5 } }).due).toBe('2026-03-09');
    expect(() => computeDeadline({ rule: 'court_order.fixed', trigger: '2026-03-02', params: { days: 0 } })).toThrow(/params\.days: must be at least 1/);
  });
});

describe('FOIA working days that the default counts', () => {
  it('names each closure day it counts, and the lapse days it counts', () => {
    const closure = computeDeadline({ rule: 'foia.response', trigger: '2024-12-20' });
    expect(closure.receipt.filter((e) => e.step === 'counted').map((e) => e.date)).toEqual(['2024-12-24', '2025-01-09']);
    expect(closure.receipt.find((e) => e.step === 'counted')!.text).toMatch(/^2024-12-24 \(Tuesday\): counted as working day 2 although federal offices were closed/);
    const lapse = computeDeadline({ rule: 'foia.response', trigger: '2025-10-01' });
    expect(lapse.due).toBe('2025-10-30');
    expect(lapse.alternative).toEqual({ due: '2025-12-11', reason: 'If days during the lapse in appropriations are not counted as working days.' });
    expect(lapse.receipt.filter((e) => e.step === 'counted' || e.step === 'note').map((e) => e.text).join('\n')).toMatch(/lapse in appropriations/);
    expect(lapse.receipt.filter((e) => e.step === 'skip').map((e) => e.text)).not.toContainEqual(expect.stringContaining('lapse'));
  });
});
