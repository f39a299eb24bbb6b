/**
 * What a FOIA receipt says, step by step, and which alternative readings it reports: the
 * extension and a non-statutory period named, tolls in date order whatever order they were
 * given, a toll answered the same day, the start cap, a weekend receipt, calendar-day periods
 * that do not roll, the agency's longer appeal window; and each refusal of a bad toll.
 */
import { describe, expect, it } from 'vitest';
import { computeDeadline, DeadlineInputError, type DeadlineRequest } from '../../../core/deadlines';

const result = (req: DeadlineRequest) => computeDeadline(req);
const stepsOf = (req: DeadlineRequest) => result(req).receipt.map((e) => e.step).filter((s) => s !== 'skip' && s !== 'citation' && s !== 'calendar');
const textOf = (req: DeadlineRequest, step: string) => result(req).receipt.filter((e) => e.step === step).map((e) => e.text);

describe('FOIA working-day clocks', () => {
  it('names an unusual-circumstances extension and counts 20 + its days', () => {
    const req = { rule: 'foia.response+unusual', trigger: '2026-03-02', params: { extension_working_days: 10 } };
    expect(result(req).due).toBe('2026-04-13');
    expect(stepsOf(req)).toEqual(['trigger', 'day0', 'extension', 'count', 'lastday', 'due']);
    expect(textOf(req, 'extension')).toEqual(['Unusual-circumstances extension of 10 working day(s) by written notice (5 U.S.C. 552(a)(6)(B)(i): no more than ten working days).']);
    expect(textOf(req, 'count')[0]).toMatch(/^Counting 30 working days after day 0/);
    expect(textOf(req, 'lastday')).toEqual(['Working day 30 is 2026-04-13 (Monday).']);
    // No extension step for the plain 20 days, and no note of a non-statutory period.
    expect(stepsOf({ rule: 'foia.response', trigger: '2026-03-02' })).toEqual(['trigger', 'day0', 'count', 'lastday', 'due']);
  });

  it('says when the period is not the statute’s 20 working days', () => {
    const req = { rule: 'foia.response', trigger: '2026-03-02', params: { working_days: 30 } };
    expect(result(req).due).toBe('2026-04-13');
    expect(textOf(req, 'note')).toEqual(["Period of 30 working days as given (the statute's is 20)."]);
    expect(textOf({ rule: 'foia.response', trigger: '2026-03-02', params: { working_days: 20 } }, 'note')).toEqual([]);
  });

  it('lists tolls in date order whatever order they came in, and reports the answer-day reading', () => {
    const tolling = [
      { type: 'fee_clarification', agency_request_sent: '2026-03-10', requester_response_received: '2026-03-12' },
      { type: 'information_request', agency_request_sent: '2026-03-04', requester_response_received: '2026-03-06' },
    ];
    const r = result({ rule: 'foia.response', trigger: '2026-03-02', params: { tolling } });
    expect(r.due).toBe('2026-04-03');
    expect(r.receipt.filter((e) => e.step === 'toll').map((e) => e.date)).toEqual(['2026-03-04', '2026-03-10']);
    expect(r.receipt.find((e) => e.step === 'toll')!.text).toMatch(/^Request for information sent to the requester 2026-03-04 \(Wednesday\): that day counts; the clock stops from 2026-03-05 \(Thursday\) through 2026-03-06 \(Friday\)/);
    expect(r.receipt.filter((e) => e.step === 'tolled').map((e) => e.date)).toEqual(['2026-03-05', '2026-03-06', '2026-03-11', '2026-03-12']);
    expect(r.receipt.find((e) => e.step === 'tolled')!.text).toBe('2026-03-05 (Thursday): not counted, the clock is tolled (request for information sent 2026-03-04, answered 2026-03-06)');
    expect(r.alternative?.due).toBe('2026-04-01');
  });

  it('tolls nothing for a request answered the day it was sent', () => {
    const r = result({ rule: 'foia.response', trigger: '2026-03-02', params: { tolling: [{ type: 'information_request', agency_request_sent: '2026-03-04', requester_response_received: '2026-03-04' }] } });
    expect(r.due).toBe('2026-03-30');
    expect(r.receipt.filter((e) => e.step === 'toll').map((e) => e.text)).toEqual(['Request for information sent 2026-03-04 (Wednesday) and answered the same day: no day is tolled (5 U.S.C. 552(a)(6)(A)(ii)(I)).']);
    expect(r.receipt.map((e) => e.step)).not.toContain('tolled');
  });

  it('ignores a toll sent on the due date or later, and says so', () => {
    const r = result({ rule: 'foia.response', trigger: '2026-03-02', params: { tolling: [{ type: 'fee_clarification', agency_request_sent: '2026-03-30', requester_response_received: '2026-04-02' }] } });
    expect(r.due).toBe('2026-03-30');
    expect(textOf({ rule: 'foia.response', trigger: '2026-03-02', params: { tolling: [{ type: 'fee_clarification', agency_request_sent: '2026-03-30', requester_response_received: '2026-04-02' }] } }, 'toll')[0]).toMatch(/IGNORED: it was sent on or after/);
    // The day before the due date still tolls.
    expect(result({ rule: 'foia.response', trigger: '2026-03-02', params: { tolling: [{ type: 'fee_clarification', agency_request_sent: '2026-03-27', requester_response_received: '2026-03-31' }] } }).due).toBe('2026-04-01');
  });

  it('ignores a second information request, and still tolls for fee clarifications', () => {
    const tolling = [
      { type: 'information_request', agency_request_sent: '2026-03-04', requester_response_received: '2026-03-06' },
      { type: 'information_request', agency_request_sent: '2026-03-10', requester_response_received: '2026-03-12' },
    ];
    const r = result({ rule: 'foia.response', trigger: '2026-03-02', params: { tolling } });
    expect(r.due).toBe('2026-04-01');
    expect(r.receipt.filter((e) => e.step === 'toll').map((e) => /IGNORED/.test(e.text))).toEqual([false, true]);
  });

  it('starts the clock at the cap and reports the calendar-day reading of the cap', () => {
    const req = { rule: 'foia.response', trigger: '2026-03-10', params: { first_received_by_designated_component: '2026-02-20' } };
    const r = result(req);
    expect(r.due).toBe('2026-04-03');
    expect(stepsOf(req)).toEqual(['trigger', 'startcap', 'day0', 'count', 'lastday', 'due', 'alternative']);
    expect(r.receipt.find((e) => e.step === 'startcap')!.date).toBe('2026-03-06');
    expect(r.alternative?.due).toBe('2026-03-30');
    // A first receipt that caps nothing (the right component got it within ten working days).
    const early = result({ rule: 'foia.response', trigger: '2026-03-02', params: { first_received_by_designated_component: '2026-02-27' } });
    expect(early.due).toBe('2026-03-30');
    expect(early.receipt.find((e) => e.step === 'day0')!.date).toBe('2026-03-02');
  });

  it('takes a weekend receipt as day 0, with the next-working-day reading', () => {
    const r = result({ rule: 'foia.response', trigger: '2026-03-07' });
    expect(r.due).toBe('2026-04-03');
    expect(r.receipt.find((e) => e.step === 'day0')!.text).toMatch(/taken as day 0 as it happened even though it is not a working day \(Saturday\)/);
    expect(r.alternative?.due).toBe('2026-04-06');
    // A weekday receipt with nothing else has no alternative at all.
    expect(result({ rule: 'foia.response', trigger: '2026-03-02' }).alternative).toBeUndefined();
  });

  it('reports the closure reading when an executive-order closure falls in the count, and only then', () => {
    expect(result({ rule: 'foia.response', trigger: '2024-12-20' }).alternative?.due).toBe('2025-01-24');
    expect(result({ rule: 'foia.response', trigger: '2024-12-26' }).alternative?.due).toBe('2025-01-28');
    expect(result({ rule: 'foia.response', trigger: '2025-01-10' }).alternative).toBeUndefined();
  });

  it('an appeal decision counts 20 working days and takes no tolls', () => {
    expect(result({ rule: 'foia.appeal_decision', trigger: '2026-03-02' }).due).toBe('2026-03-30');
    expect(() => result({ rule: 'foia.appeal_decision', trigger: '2026-03-02', params: { tolling: [] } })).toThrow(/params\.tolling: is not a parameter of foia\.appeal_decision/);
  });
});

describe('FOIA calendar-day clocks', () => {
  it('an expedite decision counts 10 calendar days from a weekend receipt, with the next-working-day reading', () => {
    const r = result({ rule: 'foia.expedite_decision', trigger: '2026-03-07' });
    expect(r.due).toBe('2026-03-17');
    expect(r.receipt.find((e) => e.step === 'day0')!.text).toBe('Day 0: 2026-03-07 (Saturday), the day the request was received, taken as it happened even though it is not a working day (Docketwatch policy; see the alternative).');
    expect(r.alternative?.due).toBe('2026-03-19');
    const weekday = result({ rule: 'foia.expedite_decision', trigger: '2026-03-02' });
    expect(weekday.receipt.find((e) => e.step === 'day0')!.text).toBe('Day 0: 2026-03-02 (Monday), the day the request was received.');
    expect(weekday.due).toBe('2026-03-12');
    expect(weekday.alternative).toBeUndefined();
  });

  it('does not roll a period that ends on a weekend, and reports the rolling reading', () => {
    const r = result({ rule: 'foia.expedite_decision', trigger: '2026-03-02', params: { calendar_days: 12 } });
    expect(r.due).toBe('2026-03-14');
    expect(r.receipt.filter((e) => e.step === 'note').map((e) => e.text)).toEqual([
      "2026-03-14 (Saturday) is not a working day (Saturday), but an agency's calendar-day period does not roll forward (Docketwatch policy; see the alternative).",
    ]);
    expect(r.alternative?.due).toBe('2026-03-16');
  });

  it('an appeal window of 90 days, or the agency’s longer one, named', () => {
    expect(result({ rule: 'foia.appeal_window', trigger: '2026-03-02' }).due).toBe('2026-05-31');
    const longer = result({ rule: 'foia.appeal_window', trigger: '2026-03-02', params: { calendar_days: 120 } });
    expect(longer.due).toBe('2026-06-30');
    expect(longer.receipt.filter((e) => e.step === 'note').map((e) => e.text)[0]).toBe('The agency allows 120 days, longer than the statutory minimum of 90.');
    expect(result({ rule: 'foia.appeal_window', trigger: '2026-03-02' }).receipt.filter((e) => e.step === 'note' && /agency allows/.test(e.text))).toEqual([]);
    expect(() => result({ rule: 'foia.appeal_window', trigger: '2026-03-02', params: { calendar_days: 89 } })).toThrow(/must be at least 90/);
  });
});

describe('tolling entries are refused with the field named', () => {
  const refusal = (tolling: unknown) => {
    try {
      computeDeadline({ rule: 'foia.response', trigger: '2026-03-02', params: { tolling } });
    } catch (err) {
      expect(err).toBeInstanceOf(DeadlineInputError);
      return (err as Error).message;
    }
    return 'no error';
  };

  it.each<[string, unknown, RegExp]>([
    ['not an object', ['2026-03-04'], /^params\.tolling\[0\]: must be an object \{type, agency_request_sent, requester_response_received\}/],
    ['null', [null], /^params\.tolling\[0\]: must be an object/],
    ['a list', [[1]], /^params\.tolling\[0\]: must be an object/],
    ['an unknown field', [{ type: 'fee_clarification', agency_request_sent: '2026-03-04', requester_response_received: '2026-03-05', why: 'x' }], /^params\.tolling\[0\]\.why: is not a tolling field/],
    ['no answer yet', [{ type: 'fee_clarification', agency_request_sent: '2026-03-04' }], /^params\.tolling\[0\]\.requester_response_received: is required: the clock stays stopped/],
    ['a null answer', [{ type: 'fee_clarification', agency_request_sent: '2026-03-04', requester_response_received: null }], /^params\.tolling\[0\]\.requester_response_received: is required/],
    ['no sending date', [{ type: 'fee_clarification', requester_response_received: '2026-03-05' }], /^params\.tolling\[0\]\.agency_request_sent: is required/],
    ['a null sending date', [{ type: 'fee_clarification', agency_request_sent: null, requester_response_received: '2026-03-05' }], /^params\.tolling\[0\]\.agency_request_sent: is required/],
  ])('%s', (_name, tolling, message) => {
    expect(refusal(tolling)).toMatch(message);
  });

  it('takes a note on a toll', () => {
    expect(refusal([{ type: 'fee_clarification', agency_request_sent: '2026-03-04', requester_response_received: '2026-03-05', note: 'by phone' }])).toBe('no error');
  });
});
