/** The engine's request and trigger parsing, the trigger steps of a receipt, and combined alternative readings. */
import { describe, expect, it } from 'vitest';
import { computeDeadline, type DeadlineRequest } from '../../../core/deadlines';

const message = (req: unknown) => {
  try {
    computeDeadline(req as DeadlineRequest);
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
};
const step = (req: DeadlineRequest, name: string) => computeDeadline(req).receipt.filter((e) => e.step === name).map((e) => e.text);

describe('requests and triggers the engine refuses', () => {
  it.each<[string, unknown, string]>([
    ['no request', null, 'a deadline request must be an object {rule, trigger, params?}'],
    ['a string', 'foia.response', 'a deadline request must be an object {rule, trigger, params?}'],
    ['a number as trigger', { rule: 'foia.response', trigger: 20260302 }, 'trigger: must be an ISO date (2026-03-02) or date-time with offset (2026-03-02T15:00:00-05:00)'],
    ['an impossible hour', { rule: 'frcp6.hours', trigger: '2026-03-06T25:30:00-05:00', params: { hours: 24 } }, 'trigger: "2026-03-06T25:30:00-05:00" is not a valid date-time'],
    ['a date-time with text before it', { rule: 'foia.response', trigger: 'x2026-03-02T10:00:00Z' }, 'trigger: "x2026-03-02T10:00:00Z" is not an ISO date (YYYY-MM-DD) or date-time with offset'],
    ['a date-time with text after it', { rule: 'foia.response', trigger: '2026-03-02T10:00:00Zx' }, 'trigger: "2026-03-02T10:00:00Zx" is not an ISO date (YYYY-MM-DD) or date-time with offset'],
    ['a local date-time', { rule: 'foia.response', trigger: '2026-03-02T10:00' }, 'trigger: "2026-03-02T10:00" has no UTC offset; add Z or an offset such as -05:00'],
    ['a date-time on a day the month does not have', { rule: 'foia.response', trigger: '2026-02-30T10:00:00Z' }, 'trigger: "2026-02-30T10:00:00Z" is not an ISO date (YYYY-MM-DD) or date-time with offset'],
    ['a rule\'s own period of no days', { rule: 'foia.expedite_decision', trigger: '2026-03-02', params: { days: 0 } }, 'params.days: must be at least 1 (got 0)'],
    ['another period than the rule\'s own', { rule: 'foia.expedite_decision', trigger: '2026-03-02', params: { days: 11 } }, 'params.days: foia.expedite_decision runs 10 days (5 U.S.C. 552(a)(6)(E)(ii)(I) ("within 10 days after the date of the request")); it cannot be changed here'],
    ['an agency given as a number', { rule: 'foia.appeal_window', trigger: '2026-03-02', params: { agency: 5 } }, 'params.agency: must be text, not 5'],
    ['a local date-time with text before it', { rule: 'foia.response', trigger: 'x2026-03-02T10:00' }, 'trigger: "x2026-03-02T10:00" is not an ISO date (YYYY-MM-DD) or date-time with offset'],
    ['a whole number written with an exponent', { rule: 'foia.response', trigger: '2026-03-02', params: { working_days: '2e1' } }, 'params.working_days: must be a whole number, not "2e1"'],
    ['a fraction of ten digits', { rule: 'frcp6.hours', trigger: '2026-03-06T16:30:00.1234567891-05:00', params: { hours: 24 } }, 'trigger: "2026-03-06T16:30:00.1234567891-05:00" is not an ISO date (YYYY-MM-DD) or date-time with offset'],
    ['a local date-time with text after it', { rule: 'foia.response', trigger: '2026-03-02T10:00 soon' }, 'trigger: "2026-03-02T10:00 soon" is not an ISO date (YYYY-MM-DD) or date-time with offset'],
    ['the year before the range', { rule: 'foia.response', trigger: '1989-12-31' }, 'trigger: year 1989 is outside the supported range 1990-2199'],
    ['the year after the range', { rule: 'foia.response', trigger: '2200-01-03' }, 'trigger: year 2200 is outside the supported range 1990-2199'],
  ])('%s', (_name, req, text) => {
    expect(message(req)).toBe(text);
  });

  it('takes the first and last years of the range, spaces around a trigger, and a zone annotation', () => {
    expect(computeDeadline({ rule: 'frcp6.days', trigger: '1990-01-02', params: { days: 1 } }).due).toBe('1990-01-03');
    // Saturday 1 June 2199 + 1 day is Sunday: Monday 3 June.
    expect(computeDeadline({ rule: 'frcp6.days', trigger: '2199-06-01', params: { days: 1 } }).due).toBe('2199-06-03');
    expect(computeDeadline({ rule: 'foia.response', trigger: ' 2026-03-02 ' }).due).toBe('2026-03-30');
    const annotated = computeDeadline({ rule: 'frcp6.hours', trigger: '2026-03-06T16:30:00-05:00[America/New_York]', params: { hours: 24 } });
    expect(annotated.due).toBe('2026-03-09T16:30:00-04:00');
    expect(computeDeadline({ rule: 'frcp6.hours', trigger: '2026-03-06T16:30-05:00', params: { hours: 24 } }).due).toBe('2026-03-09T16:30:00-04:00');
    expect(computeDeadline({ rule: 'frcp6.hours', trigger: '2026-03-06T21:30:00.000Z', params: { hours: 24 } }).due).toBe('2026-03-09T16:30:00-04:00');
  });

  it('takes a rule\'s own period, and says it changes nothing; a parameter given as null is not given', () => {
    const own = computeDeadline({ rule: 'foia.expedite_decision', trigger: '2026-03-02', params: { days: 10 } });
    expect(own.due).toBe('2026-03-12');
    expect(own.receipt.filter((e) => e.step === 'note').map((e) => e.text)).toEqual(["days = 10 is the rule's own period: nothing changes."]);
    expect(computeDeadline({ rule: 'foia.expedite_decision', trigger: '2026-03-02', params: { days: null, working_days: null } }).due).toBe('2026-03-12');
  });

  it('an agency of blanks is no agency', () => {
    const notes = (params: Record<string, unknown>) => computeDeadline({ rule: 'foia.appeal_window', trigger: '2026-03-02', params }).receipt.filter((e) => e.step === 'note');
    const r = computeDeadline({ rule: 'foia.appeal_window', trigger: '2026-03-02', params: { agency: '   ' } });
    expect(r.due).toBe('2026-05-31');
    // The same notes as with no agency at all: no "no regulation is on file for" a blank name.
    expect(notes({ agency: '   ' })).toEqual(notes({}));
    expect(notes({}).map((e) => e.text)).toEqual(["2026-05-31 (Sunday) is not a working day (Sunday), but an agency's calendar-day period does not roll forward (Docketwatch policy; see the alternative)."]);
    expect(r.rule.citation).toMatch(/^5 U\.S\.C\. 552\(a\)\(6\)\(A\)\(i\)\(III\)\(aa\)/);
  });

  it('an instant at the spring clock change is read with the new offset', () => {
    // 07:00 UTC on Sunday 8 March 2026 is the moment clocks jump from 2:00 EST to 3:00 EDT.
    const r = computeDeadline({ rule: 'frcp6.hours', trigger: '2026-03-08T07:00:00Z', params: { hours: 24 } });
    expect(r.receipt.find((e) => e.step === 'trigger')!.text).toBe('Event that triggers the period: 2026-03-08 (Sunday) 03:00 America/New_York (UTC-04:00).');
    expect(r.due).toBe('2026-03-09T03:00:00-04:00');
  });

  it('takes lower-case separators, nine digits of a second, an offset with minutes, and a number as text', () => {
    const hours = (trigger: string) => computeDeadline({ rule: 'frcp6.hours', trigger, params: { hours: 24 } }).due;
    expect(hours('2026-03-06t21:30:00z')).toBe('2026-03-09T16:30:00-04:00');
    expect(hours('2026-03-06T21:30:00.123456789Z')).toBe('2026-03-09T16:30:00.123-04:00');
    // 03:00 on Saturday in India is 16:30 on Friday in Washington.
    expect(hours('2026-03-07T03:00:00+05:30')).toBe('2026-03-09T16:30:00-04:00');
    expect(computeDeadline({ rule: 'foia.response', trigger: '2026-03-02', params: { working_days: ' 20 ' } }).due).toBe('2026-03-30');
  });
});

describe('the trigger in the receipt', () => {
  it('a day rule names the day; a date-time trigger is read at the court, and the receipt says so', () => {
    expect(step({ rule: 'foia.response', trigger: '2026-03-02' }, 'trigger')).toEqual(['Receipt of the request by the agency component that processes it: 2026-03-02 (Monday).']);
    expect(step({ rule: 'foia.response', trigger: '2026-03-02' }, 'timezone')).toEqual([]);
    const late = { rule: 'foia.response', trigger: ' 2026-03-03T02:00:00Z ' };
    expect(step(late, 'trigger')).toEqual(['Receipt of the request by the agency component that processes it: 2026-03-02 (Monday).']);
    expect(step(late, 'timezone')).toEqual(['The trigger 2026-03-03T02:00:00Z is 2026-03-02 (Monday) 21:00 America/New_York (UTC-05:00): its date at the court is 2026-03-02.']);
  });

  it('an hour rule names the time and offset', () => {
    expect(step({ rule: 'frcp6.hours', trigger: '2026-03-06T16:30:00-05:00', params: { hours: 24 } }, 'trigger')).toEqual([
      'Event that triggers the period: 2026-03-06 (Friday) 16:30 America/New_York (UTC-05:00).',
    ]);
    expect(step({ rule: 'frcp6.hours', trigger: '2026-03-06T16:30:00-05:00', params: { hours: 24 } }, 'due')).toEqual([
      'Due: 2026-03-09 (Monday) 16:30 America/New_York (UTC-04:00) (2026-03-09T20:30:00.000Z).',
    ]);
    expect(step({ rule: 'foia.response', trigger: '2026-03-02' }, 'due')).toEqual(['Due: 2026-03-30 (Monday), by 11:59 pm America/New_York (2026-03-31T03:59:59.999Z).']);
  });

  it('ends with the calendar it used', () => {
    const r = computeDeadline({ rule: 'foia.response', trigger: '2026-03-02' });
    expect(r.receipt.at(-1)).toEqual({ step: 'calendar', text: expect.stringMatching(new RegExp(`^Calendar ${r.calendarVersion}: legal public holidays \\(5 U\\.S\\.C\\. 6103\\)`)) });
  });
});

describe('several alternative readings at once', () => {
  it('reports each, then all together, and the combined one is the alternative', () => {
    // Received Saturday 21 December 2024; executive-order closures on December 24 and January 9.
    const r = computeDeadline({ rule: 'foia.response', trigger: '2024-12-21' });
    expect(r.due).toBe('2025-01-22');
    expect(r.receipt.filter((e) => e.step === 'alternative').map((e) => e.text)).toEqual([
      'Alternative reading: if a request received on a Saturday, Sunday or holiday is treated as received on the next working day, the deadline is 2025-01-23.',
      'Alternative reading: if days federal offices were closed by executive order are not counted as working days, the deadline is 2025-01-24.',
      'Under all of these alternative readings together, the deadline is 2025-01-27.',
    ]);
    expect(r.alternative).toEqual({
      due: '2025-01-27',
      reason: 'If a request received on a Saturday, Sunday or holiday is treated as received on the next working day; and if days federal offices were closed by executive order are not counted as working days.',
    });
  });

  it('one differing reading is the alternative by itself, with no combined line', () => {
    const r = computeDeadline({ rule: 'foia.response', trigger: '2026-03-07' });
    expect(r.receipt.filter((e) => e.step === 'alternative').map((e) => e.text)).toEqual([
      'Alternative reading: if a request received on a Saturday, Sunday or holiday is treated as received on the next working day, the deadline is 2026-04-06.',
    ]);
    expect(r.alternative).toEqual({ due: '2026-04-06', reason: 'If a request received on a Saturday, Sunday or holiday is treated as received on the next working day.' });
  });

  it('an hour rule’s alternative is a date-time', () => {
    // 24 hours from Saturday 7 March 2026, 12:00 EST cross the clock change.
    const r = computeDeadline({ rule: 'frcp6.hours', trigger: '2026-03-07T12:00:00-05:00', params: { hours: 24 } });
    expect(r.due).toBe('2026-03-09T13:00:00-04:00');
    expect(r.alternative?.due).toBe('2026-03-09T12:00:00-04:00');
    // The receipt dates its due and alternative lines by the day alone.
    expect(r.receipt.filter((e) => e.step === 'due' || e.step === 'alternative').map((e) => e.date)).toEqual(['2026-03-09', '2026-03-09']);
  });

  it('two alternatives of an hour rule, and both together: each receipt line dated by the day alone', () => {
    // Fri 2024-11-01 10:00 EDT + 1,273 elapsed hours = Tue 12-24 10:00 EST, a day federal offices were
    // closed by executive order (a legal holiday in court): rolled past Christmas to Thu 12-26 10:00.
    // On the wall clock the hours end an hour later, at 11:00; with the closure an ordinary day, on 12-24.
    const r = computeDeadline({ rule: 'frcp6.hours', trigger: '2024-11-01T10:00:00-04:00', params: { hours: 1273 } });
    expect(r.due).toBe('2024-12-26T10:00:00-05:00');
    const alternatives = r.receipt.filter((e) => e.step === 'alternative');
    expect(alternatives.map((e) => [e.date, e.text.slice(-27)])).toEqual([
      ['2024-12-26', 'deadline is 2024-12-26T11:00:00-05:00.'.slice(-27)],
      ['2024-12-24', 'deadline is 2024-12-24T10:00:00-05:00.'.slice(-27)],
      ['2024-12-24', 'deadline is 2024-12-24T11:00:00-05:00.'.slice(-27)],
    ]);
    expect(r.alternative?.due).toBe('2024-12-24T11:00:00-05:00');
  });

  it('a wall-clock end in the hour the spring change skips is read forward, and here matches the elapsed hours', () => {
    // Saturday 7 March 2026, 02:30 EST + 24 elapsed hours = Sunday 03:30 EDT; on the wall clock Sunday 02:30, which does not exist.
    const r = computeDeadline({ rule: 'frcp6.hours', trigger: '2026-03-07T02:30:00-05:00', params: { hours: 24 } });
    expect(r.due).toBe('2026-03-09T03:30:00-04:00');
    expect(r.alternative).toBe(undefined);
  });
});
