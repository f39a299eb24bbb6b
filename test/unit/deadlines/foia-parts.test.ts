/**
 * The parts of the FOIA clocks one at a time, each date counted here by hand from
 * 5 U.S.C. 552(a)(6) and the agencies' regulations: the order tolls are taken in, the receipt's
 * day 0, start-cap and calendar-day lines, the appeal window under a regulation that counts
 * working days, and each parameter's bounds.
 */
import { describe, expect, it } from 'vitest';
import { due, messageOf as refusal, steps } from './helpers';

const toll = (type: string, sent: string, answered: string | null) => ({ type, agency_request_sent: sent, requester_response_received: answered });

describe('tolls: which count, in which order', () => {
  it('two information requests sent the same day: the one answered first is the one toll', () => {
    // Sorted by answer: the request answered Thu 03-05 tolls that one day; the other is ignored. Due Tue 03-31.
    const r = due('foia.response', '2026-03-02', { tolling: [toll('information_request', '2026-03-04', '2026-03-10'), toll('information_request', '2026-03-04', '2026-03-05')] });
    expect(r.due).toBe('2026-03-31');
    expect(steps(r, 'tolled')).toEqual(['2026-03-05 (Thursday): not counted, the clock is tolled (request for information sent 2026-03-04, answered 2026-03-05)']);
    expect(steps(r, 'toll').filter((t) => t.includes('IGNORED'))).toHaveLength(1);
  });

  it('a fee clarification does not use up the one request for information', () => {
    // Tolled: Wed 03-04 (fee) and Tue 03-10 (information): due two working days late, Wed 04-01.
    const r = due('foia.response', '2026-03-02', { tolling: [toll('fee_clarification', '2026-03-03', '2026-03-04'), toll('information_request', '2026-03-09', '2026-03-10')] });
    expect(r.due).toBe('2026-04-01');
    expect(steps(r, 'toll').some((t) => t.includes('IGNORED'))).toBe(false);
  });

  it('a fee clarification answered the same day tolls nothing, and the receipt says so under clause (II)', () => {
    const r = due('foia.response', '2026-03-02', { tolling: [toll('fee_clarification', '2026-03-04', '2026-03-04')] });
    expect(r.due).toBe('2026-03-30');
    expect(steps(r, 'toll')).toEqual(['Fee clarification sent 2026-03-04 (Wednesday) and answered the same day: no day is tolled (5 U.S.C. 552(a)(6)(A)(ii)(II)).']);
  });

  it('a bad answer date is refused under its own field', () => {
    expect(refusal({ rule: 'foia.response', trigger: '2026-03-02', params: { tolling: [toll('fee_clarification', '2026-03-03', 'soon')] } })).toMatch(/^params\.tolling\[0\]\.requester_response_received: /);
  });

  it('an answer given as null is refused as missing, with why', () => {
    expect(refusal({ rule: 'foia.response', trigger: '2026-03-02', params: { tolling: [toll('fee_clarification', '2026-03-03', null)] } })).toBe(
      'params.tolling[0].requester_response_received: is required: the clock stays stopped until the answer arrives, so no date can be computed yet',
    );
  });
});

describe('the receipt of a working-day clock', () => {
  it('day 0 on a working day, without a start cap', () => {
    expect(steps(due('foia.response', '2026-03-02'), 'day0')).toEqual([
      'Day 0: 2026-03-02 (Monday), the day the request was received by the agency component that processes it. It is not counted; day 1 is the next working day.',
    ]);
  });

  it('a start cap that falls on the day of receipt does not apply', () => {
    // Ten working days after Mon 03-02 is Mon 03-16, the day the processing component received it.
    const r = due('foia.response', '2026-03-16', { first_received_by_designated_component: '2026-03-02' });
    expect(r.due).toBe('2026-04-13');
    expect(steps(r, 'startcap')).toEqual([
      'First received by a component designated to receive requests on 2026-03-02 (Monday); the period commences no later than ten working days after that, on 2026-03-16 (Monday) (5 U.S.C. 552(a)(6)(A)(ii)); receipt by the processing component came first, so the cap does not apply.',
    ]);
    expect(steps(r, 'day0')[0]).toMatch(/^Day 0: 2026-03-16 \(Monday\), the day the request was received/);
  });

  it('a start cap that comes first is day 0, and the receipt says why', () => {
    // Received by the processing component Fri 03-20; the cap, ten working days after Mon 03-02, is Mon 03-16.
    const r = due('foia.response', '2026-03-20', { first_received_by_designated_component: '2026-03-02' });
    expect(r.due).toBe('2026-04-13');
    expect(steps(r, 'day0')).toEqual(['Day 0: 2026-03-16 (Monday), the day the period commences under the start cap. It is not counted; day 1 is the next working day.']);
  });

  it('a first receipt on the day of receipt itself is accepted', () => {
    expect(due('foia.response', '2026-03-02', { first_received_by_designated_component: '2026-03-02' }).due).toBe('2026-03-30');
  });

  it('the working days of a lapse in appropriations are counted, and the receipt says which', () => {
    // Mon 2025-09-29: 20 working days, Columbus Day (10-13) skipped: Tue 10-28. Of them, 10-01 through 10-28 fell in the lapse: 19.
    const r = due('foia.response', '2025-09-29');
    expect(r.due).toBe('2025-10-28');
    expect(steps(r, 'counted')).toEqual([
      '19 working day(s) from 2025-10-01 to 2025-10-28 fell during the lapse in appropriations, October 1 - November 12, 2025; they are counted: a lapse in appropriations does not stop FOIA clocks (Docketwatch policy)',
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a period of no working days', { working_days: 0 }, 'params.working_days: must be at least 1 (got 0)'],
    ['a period past the engine’s limit', { working_days: 2601 }, 'params.working_days: must be at most 2600 (got 2601)'],
  ])('refuses %s', (_name, params, message) => {
    expect(refusal({ rule: 'foia.response', trigger: '2026-03-02', params })).toBe(message);
  });
});

describe('foia.expedite_decision: 10 calendar days, 552(a)(6)(E)(ii)(I)', () => {
  it('counts calendar days and, ending on a working day, adds no note', () => {
    const r = due('foia.expedite_decision', '2026-03-02');
    expect(r.due).toBe('2026-03-12');
    expect(steps(r, 'count')).toEqual(['Counting 10 calendar days after 2026-03-02 (Monday): every day counts.']);
    expect(steps(r, 'lastday')).toEqual(['Day 10 is 2026-03-12 (Thursday).']);
    expect(steps(r, 'note')).toEqual([]);
  });

  it('refuses a period of no days', () => {
    expect(refusal({ rule: 'foia.expedite_decision', trigger: '2026-03-02', params: { calendar_days: 0 } })).toBe('params.calendar_days: must be at least 1 (got 0)');
  });
});

describe('foia.appeal_window under an agency regulation', () => {
  it('DHS counts 90 working days; days federal offices were closed by executive order are the alternative', () => {
    // From Mon 2025-12-22, with Christmas, New Year's Day, MLK Day and Presidents Day skipped and the closures
    // of 12-24 and 12-26 counted: Fri 2026-05-01. Without those two closure days: Tue 05-05.
    const r = due('foia.appeal_window', '2025-12-22', { agency: 'DHS' });
    expect(r.due).toBe('2026-05-01');
    expect(r.alternative?.due).toBe('2026-05-05');
    expect(r.alternative?.reason).toMatch(/executive order/);
  });

  it('the receipt of a working-day window: day 0, the count and the last day; a verified regulation gets no caveat', () => {
    const r = due('foia.appeal_window', '2026-03-02', { agency: 'DHS' });
    expect(steps(r, 'day0')).toEqual(['Day 0: 2026-03-02 (Monday), the date of the response. It is not counted.']);
    expect(steps(r, 'count')).toEqual(['Counting 90 working days after the response: Saturdays, Sundays and legal public holidays are not counted.']);
    expect(steps(r, 'lastday')).toEqual(['Working day 90 is 2026-07-09 (Thursday).']);
    expect(steps(r, 'note').filter((t) => t.includes('could not be verified'))).toEqual([]);
    expect(steps(r, 'note').filter((t) => t.includes('longer than'))).toEqual([]);
  });

  it('a longer window the agency allows is named', () => {
    const r = due('foia.appeal_window', '2026-03-02', { agency: 'DHS', working_days: 100 });
    // Ten working days after Thu 07-09: Thu 07-23.
    expect(r.due).toBe('2026-07-23');
    expect(steps(r, 'note')).toContain('The agency allows 100 working days, longer than its regulation\'s 90.');
    expect(steps(r, 'lastday')).toEqual(['Working day 100 is 2026-07-23 (Thursday).']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['calendar days for DHS', { agency: 'DHS', calendar_days: 120 }, 'params.calendar_days: 6 C.F.R. 5.8(a)(1) counts working days: give working_days, not calendar_days'],
    ['fewer working days than the regulation', { agency: 'DHS', working_days: 89 }, 'params.working_days: must be at least 90 (got 89)'],
    ['working days under the statute', { working_days: 95 }, 'params.working_days: the appeal window under the statute is counted in calendar days (give agency: DHS or ICE for a regulation that counts working days); give calendar_days'],
    ['working days under a calendar-day regulation', { agency: 'IRS', working_days: 95 }, 'params.working_days: the appeal window under 26 C.F.R. 601.702(c)(10) is counted in calendar days; give calendar_days'],
  ])('refuses %s', (_name, params, message) => {
    expect(refusal({ rule: 'foia.appeal_window', trigger: '2026-03-02', params })).toBe(message);
  });

  it('a regulation\'s own note, and the caveat that its text was not verified, are notes of the receipt', () => {
    const notes = steps(due('foia.appeal_window', '2026-03-02', { agency: 'IRS' }), 'note');
    expect(notes.some((t) => t.startsWith('Internal Revenue Service: its regulation governs the appeal window, 26 C.F.R. 601.702(c)(10) (administrative appeals). A published version'))).toBe(true);
    expect(notes.some((t) => t.startsWith('The current text of 26 C.F.R. 601.702(c)(10) could not be verified here'))).toBe(true);
  });

  it('an agency with no regulation on file: the statute’s 90 days, and the receipt says so', () => {
    const r = due('foia.appeal_window', '2026-03-02', { agency: 'FBI' });
    // 90 calendar days after Mon 03-02: Sun 05-31, which does not roll for an agency's period.
    expect(r.due).toBe('2026-05-31');
    expect(steps(r, 'note')).toContain('No appeal regulation is on file for "FBI": the statute\'s minimum of 90 days applies.');
  });
});

describe('foia.appeal_decision', () => {
  it('has no tolling: its receipt has no toll line; day 0 is the appeal\'s receipt', () => {
    const r = due('foia.appeal_decision', '2026-03-02');
    expect(r.due).toBe('2026-03-30');
    expect(steps(r, 'toll')).toEqual([]);
    expect(steps(r, 'day0')).toEqual(['Day 0: 2026-03-02 (Monday), the day the appeal was received. It is not counted; day 1 is the next working day.']);
  });
});
