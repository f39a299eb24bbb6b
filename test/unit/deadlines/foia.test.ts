/**
 * FOIA clocks, hand-computed from 5 U.S.C. 552(a)(6) and DESIGN.md's deadline policy.
 * Working day: not a Saturday, Sunday or legal public holiday (552(a)(6)(A)(i)).
 */
import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../../core/deadlines';
import { due, steps } from './helpers';

describe('foia.response: 20 working days after receipt, 552(a)(6)(A)(i)', () => {
  it.each([
    // [trigger, due, why]
    ['2026-03-02', '2026-03-30', 'four plain weeks'],
    ['2026-01-02', '2026-02-02', 'MLK Day 2026-01-19 skipped'],
    ['2026-05-20', '2026-06-18', 'Memorial Day 2026-05-25 skipped'],
    ['2026-06-12', '2026-07-14', 'Juneteenth (Fri 06-19) and Independence Day observed (Fri 07-03) skipped'],
    ['2026-11-02', '2026-12-02', 'Veterans Day (Wed 11-11) and Thanksgiving (Thu 11-26) skipped'],
    ['2024-12-16', '2025-01-15', 'closures 2024-12-24 and 2025-01-09 count; Christmas and New Year skipped'],
  ])('received %s -> due %s (%s)', (trigger, expected) => {
    const r = due('foia.response', trigger);
    expect(r.due).toBe(expected);
    expect(r.rule.id).toBe('foia.response');
    expect(r.rule.citation).toContain('552(a)(6)(A)(i)');
  });

  it('a date deadline ends at 23:59:59.999 in America/New_York', () => {
    expect(due('foia.response', '2026-03-02').dueInstant).toBe('2026-03-31T03:59:59.999Z'); // EDT
    expect(due('foia.response', '2026-01-02').dueInstant).toBe('2026-02-03T04:59:59.999Z'); // EST
  });

  it('the receipt lists day 0, each skipped day with its reason, and the citation', () => {
    const r = due('foia.response', '2026-01-02');
    expect(steps(r, 'day0')[0]).toContain('2026-01-02 (Friday)');
    const skips = steps(r, 'skip');
    expect(skips).toContain('2026-01-19 (Monday): not a working day: Birthday of Martin Luther King, Jr., a legal public holiday (5 U.S.C. 6103(a))');
    expect(skips.filter((s) => s.includes('Saturday'))).toHaveLength(5);
    expect(steps(r, 'citation')[0]).toContain('552(a)(6)(A)(i)');
    expect(r.calendarVersion).toMatch(/^cal-[0-9a-f]{8}$/);
  });

  it('executive-order closure days count as working days; the alternative excludes them', () => {
    // 2025-12-15 (Mon): 16,17,18,19 (4), 22,23 (6), 24 closure (7), 25 Christmas, 26 closure (8),
    // 29,30,31 (11), Jan 1 holiday, Jan 2 (12), 5-9 (17), 12,13,14 (20).
    const r = due('foia.response', '2025-12-15');
    expect(r.due).toBe('2026-01-14');
    expect(r.alternative?.due).toBe('2026-01-16');
    expect(r.alternative?.reason).toMatch(/closed by executive order/);
    expect(steps(r, 'counted').join(' ')).toMatch(/2025-12-24.*counted as working day 7/);
  });

  it('shutdown days count; the alternative excludes them', () => {
    // 2025-09-25 (Thu): 26 (1), 29, 30 (3), Oct 1-3 (6), 6-10 (11), Columbus Day 13, 14-17 (15), 20-24 (20).
    const r = due('foia.response', '2025-09-25');
    expect(r.due).toBe('2025-10-24');
    // Without Oct 1 - Nov 12: Nov 13 (4), 14 (5), 17-21 (10), 24-26 (13), Thanksgiving, 28 (14), Dec 1-5 (19), Dec 8 (20).
    expect(r.alternative?.due).toBe('2025-12-08');
    expect(steps(r, 'counted').join(' ')).toMatch(/lapse in appropriations/);
  });

  it('a weekend receipt is day 0 as it happened; the alternative starts on the next working day', () => {
    // Sat 2026-03-07: day 1 is Mon 03-09 ... day 20 is Fri 04-03. Alternative day 0 Mon 03-09 -> Mon 04-06.
    const r = due('foia.response', '2026-03-07');
    expect(r.due).toBe('2026-04-03');
    expect(r.alternative).toEqual({ due: '2026-04-06', reason: expect.stringMatching(/next working day/) });
    expect(steps(r, 'day0')[0]).toMatch(/2026-03-07 \(Saturday\).*not a working day/);
  });

  it('a receipt time is taken as its date in America/New_York', () => {
    // 2026-03-03T03:00Z is 22:00 on Monday 2026-03-02 in New York.
    const r = due('foia.response', '2026-03-03T03:00:00Z');
    expect(r.due).toBe('2026-03-30');
    expect(steps(r, 'timezone')[0]).toContain('2026-03-02');
  });

  describe('tolling, 552(a)(6)(A)(ii)(I)-(II)', () => {
    const info = (sent: string, answered: string) => ({ type: 'information_request', agency_request_sent: sent, requester_response_received: answered });
    const fee = (sent: string, answered: string) => ({ type: 'fee_clarification', agency_request_sent: sent, requester_response_received: answered });

    it('the sending day counts; the days after it through the answer day do not', () => {
      // Received Mon 03-02: 03 (1), 04 sent (2), tolled 05-10, 11 (3), 12-13 (5), 16-20 (10), 23-27 (15), 30-Apr 3 (20).
      const r = due('foia.response', '2026-03-02', { tolling: [info('2026-03-04', '2026-03-10')] });
      expect(r.due).toBe('2026-04-03');
      expect(steps(r, 'tolled')).toHaveLength(6);
      // Alternative: the answer day (Tue 03-10) counts.
      expect(r.alternative?.due).toBe('2026-04-02');
      expect(r.alternative?.reason).toMatch(/answer arrives/);
    });

    it('any number of fee clarifications toll', () => {
      const r = due('foia.response', '2026-03-02', { tolling: [fee('2026-03-04', '2026-03-05'), fee('2026-03-12', '2026-03-16')] });
      // 03 (1), 04 (2), 05 tolled, 06 (3), 09-12 (7), 13-16 tolled, 17-20 (11), 23-27 (16), 30-Apr 2 (20).
      expect(r.due).toBe('2026-04-02');
    });

    it('a second information request is ignored and flagged', () => {
      const one = due('foia.response', '2026-03-02', { tolling: [info('2026-03-04', '2026-03-10')] });
      const two = due('foia.response', '2026-03-02', { tolling: [info('2026-03-04', '2026-03-10'), info('2026-03-16', '2026-03-20')] });
      expect(two.due).toBe(one.due);
      expect(steps(two, 'toll').join(' ')).toMatch(/IGNORED: the agency may toll the clock for only one request for information/);
    });

    it('a request sent after the time limit ran tolls nothing (flagged)', () => {
      const r = due('foia.response', '2026-03-02', { tolling: [fee('2026-04-01', '2026-04-10')] });
      expect(r.due).toBe('2026-03-30');
      expect(steps(r, 'toll')[0]).toMatch(/IGNORED.*on or after 2026-03-30/);
    });

    it('an open toll (no answer yet) is an error naming the field', () => {
      expect(() => due('foia.response', '2026-03-02', { tolling: [{ type: 'fee_clarification', agency_request_sent: '2026-03-04' }] })).toThrow(
        /params\.tolling\[0\]\.requester_response_received/,
      );
    });

    it('accepts tolling as JSON text', () => {
      const r = due('foia.response', '2026-03-02', { tolling: JSON.stringify([info('2026-03-04', '2026-03-10')]) });
      expect(r.due).toBe('2026-04-03');
    });
  });

  describe('start cap: at most 10 working days after receipt by a designated component, 552(a)(6)(A)(ii)', () => {
    it('starts the clock at the cap when routing took longer', () => {
      // First received Mon 03-02; 10 working days later is Mon 03-16 (day 0); 20 more -> Mon 04-13.
      const r = due('foia.response', '2026-03-20', { first_received_by_designated_component: '2026-03-02' });
      expect(r.due).toBe('2026-04-13');
      expect(steps(r, 'startcap')[0]).toMatch(/2026-03-16/);
      // "ten days" read as calendar days: day 0 Thu 03-12 -> Thu 04-09.
      expect(r.alternative?.due).toBe('2026-04-09');
    });
    it('has no effect when the right component received it in time', () => {
      expect(due('foia.response', '2026-03-05', { first_received_by_designated_component: '2026-03-02' }).due).toBe('2026-04-02');
    });
    it('rejects a designated-component date after the trigger', () => {
      expect(() => due('foia.response', '2026-03-02', { first_received_by_designated_component: '2026-03-05' })).toThrow(/first_received_by_designated_component/);
    });
  });
});

describe('foia.response+unusual: up to 10 more working days, 552(a)(6)(B)(i)', () => {
  it('adds 10 working days by default', () => {
    // 2026-03-02 + 30 working days: 03-30 (20), 31, Apr 1-3 (24), 6-10 (29), 13 (30).
    const r = due('foia.response+unusual', '2026-03-02');
    expect(r.due).toBe('2026-04-13');
    expect(r.rule.citation).toContain('552(a)(6)(B)(i)');
  });
  it('takes a shorter extension', () => {
    expect(due('foia.response+unusual', '2026-03-02', { extension_working_days: 5 }).due).toBe('2026-04-06');
  });
  it('refuses an extension over ten working days', () => {
    expect(() => due('foia.response+unusual', '2026-03-02', { extension_working_days: 11 })).toThrow(/extension_working_days.*at most 10/);
  });
});

describe('foia.expedite_decision: 10 calendar days, 552(a)(6)(E)(ii)(I)', () => {
  it('counts calendar days', () => {
    expect(due('foia.expedite_decision', '2026-03-02').due).toBe('2026-03-12');
  });
  it('does not roll off a weekend; the alternative rolls forward', () => {
    const r = due('foia.expedite_decision', '2026-03-04'); // + 10 = Sat 03-14
    expect(r.due).toBe('2026-03-14');
    expect(r.alternative?.due).toBe('2026-03-16');
    expect(r.alternative?.reason).toMatch(/rolls forward/);
  });
});

describe('foia.appeal_window: not less than 90 days, 552(a)(6)(A)(i)(III)(aa)', () => {
  it('90 calendar days after the determination, not rolled (alternative: rolled)', () => {
    const r = due('foia.appeal_window', '2026-01-05'); // + 90 = Sun 2026-04-05
    expect(r.due).toBe('2026-04-05');
    expect(r.alternative?.due).toBe('2026-04-06');
  });
  it("takes the agency's longer period and refuses a shorter one", () => {
    expect(due('foia.appeal_window', '2026-01-05', { calendar_days: 120 }).due).toBe('2026-05-05');
    expect(() => due('foia.appeal_window', '2026-01-05', { calendar_days: 60 })).toThrow(/calendar_days.*at least 90/);
  });
});

describe('foia.appeal_decision: 20 working days after receipt of the appeal, 552(a)(6)(A)(ii)', () => {
  it('counts like the response clock', () => {
    expect(due('foia.appeal_decision', '2026-05-20').due).toBe('2026-06-18');
  });
  it('has no tolling (the tolling clause governs the initial 20 days)', () => {
    expect(() => computeDeadline({ rule: 'foia.appeal_decision', trigger: '2026-05-20', params: { tolling: [] } })).toThrow(/params.tolling: is not a parameter of foia.appeal_decision/);
  });
});
