/**
 * End-to-end cases computed by hand from the rule texts before the engine was run (review of
 * issue 3): 5 U.S.C. 552(a)(6), 5 U.S.C. 6103 with OPM's observed dates, Fed. R. Civ. P. 6(a)
 * and 6(d), 12(a)(2), D.D.C. LCvR 7(b), 7(d), 7(n)(1), 65.1(c), Fed. R. App. P. 4(a)(1)(B)
 * and 26(a). Each row: rule, trigger, params, due, alternative (or null when none is expected
 * to be reported), and how it was counted.
 */
import { describe, expect, it } from 'vitest';
import { due } from './helpers';

type Row = [rule: string, trigger: string, params: Record<string, unknown>, due: string, alternative: string | null | undefined, why: string];

const info = (sent: string, answered: string) => ({ type: 'information_request', agency_request_sent: sent, requester_response_received: answered });
const fee = (sent: string, answered: string) => ({ type: 'fee_clarification', agency_request_sent: sent, requester_response_received: answered });

const FOIA: Row[] = [
  ['foia.response', '2025-11-27', {}, '2025-12-26', '2025-12-31', '552(a)(6)(A)(i): receipt on Thanksgiving is day 0; closures 12-24 and 12-26 count; alt = next working day + closures excluded'],
  ['foia.response', '2025-12-15', {}, '2026-01-14', '2026-01-16', '552(a)(6)(A)(i): Christmas, New Year skipped; alt excludes closures 12-24, 12-26'],
  ['foia.response', '2027-12-13', {}, '2028-01-12', null, "6103(b): Christmas observed Fri 2027-12-24 and New Year's observed Fri 2027-12-31 skipped"],
  ['foia.response', '2027-12-31', {}, '2028-01-31', '2028-02-01', "receipt on New Year's Day observed (Fri 12-31) is day 0; MLK 01-17 skipped"],
  ['foia.response', '2027-06-07', {}, '2027-07-07', null, '6103(b): Juneteenth observed Fri 06-18, Independence Day observed Mon 07-05'],
  ['foia.response', '2029-01-08', {}, '2029-02-06', null, '6103(c): Inauguration Day Sat 2029-01-20 has no in-lieu Friday (OPM; 51 Comp. Gen. 586); MLK 01-15 skipped'],
  ['foia.response', '2033-01-06', {}, '2033-02-07', null, '6103(c): Inauguration Day Thu 2033-01-20 and MLK 01-17 skipped'],
  ['foia.response', '2020-06-15', {}, '2020-07-14', null, 'no Juneteenth before 2021; Independence Day observed Fri 2020-07-03'],
  ['foia.response', '2024-12-19', {}, '2025-01-21', '2025-01-23', 'closures 2024-12-24 and 2025-01-09 count; MLK/Inauguration 01-20 skipped'],
  ['foia.response', '2025-10-01', {}, '2025-10-30', '2025-12-11', 'shutdown days count (Columbus Day skipped); alt: counting resumes 2025-11-13'],
  ['foia.response', '2025-12-24', {}, '2026-01-26', '2026-01-27', 'receipt on a closure day; 12-26 counts; alt excludes it'],
  ['foia.response', '2026-04-01', {}, '2026-04-29', null, 'D.C. Emancipation Day is not a legal public holiday under 6103: it counts'],
  ['foia.response', '2026-03-02', { tolling: [info('2026-03-04', '2026-03-06'), info('2026-03-16', '2026-03-18'), fee('2026-03-23', '2026-03-25')] }, '2026-04-03', '2026-04-01', '552(a)(6)(A)(ii)(I)-(II): 03-05..06 and 03-24..25 tolled; the second information request is ignored'],
  ['foia.response', '2026-03-02', { tolling: [info('2026-03-04', '2026-03-10'), fee('2026-03-06', '2026-03-12')] }, '2026-04-07', '2026-04-06', 'overlapping tolls stop the clock once: 03-05..03-12'],
  ['foia.response', '2026-03-02', { tolling: [info('2026-03-02', '2026-03-04')] }, '2026-04-01', '2026-03-31', 'request sent on day 0: 03-03..04 tolled'],
  ['foia.response', '2026-03-02', { tolling: [info('2026-03-06', '2026-03-08')] }, '2026-03-30', null, 'toll spanning only a weekend changes nothing'],
  ['foia.response', '2026-03-02', { tolling: [info('2026-03-30', '2026-04-03')] }, '2026-03-30', null, 'sent on working day 20: the time limit ran that day'],
  ['foia.response', '2026-03-02', { first_received_by_designated_component: '2026-02-07' }, '2026-03-23', '2026-03-19', '552(a)(6)(A)(ii) start cap: 10 working days after Sat 02-07 (Presidents Day skipped) = 02-23; alt: received Mon 02-09 + 10 calendar days = 02-19'],
  ['foia.response+unusual', '2026-03-02', { extension_working_days: 5 }, '2026-04-06', null, '552(a)(6)(B)(i): 25 working days'],
  ['foia.appeal_decision', '2026-11-09', {}, '2026-12-09', null, '552(a)(6)(A)(ii): Veterans Day 11-11 and Thanksgiving 11-26 skipped'],
  ['foia.appeal_decision', '2028-11-06', {}, '2028-12-06', null, 'Veterans Day observed Fri 2028-11-10; the day after Thanksgiving counts'],
  ['foia.expedite_decision', '2026-03-18', {}, '2026-03-28', '2026-03-30', '552(a)(6)(E)(ii)(I): 10 calendar days, not rolled off Saturday'],
  ['foia.appeal_window', '2025-09-26', {}, '2025-12-25', '2025-12-26', '552(a)(6)(A)(i)(III)(aa): day 90 is Christmas, not rolled; alt rolls (closure 12-26 counts)'],
];

const COURT: Row[] = [
  ['lcvr7b.opposition', '2025-12-10', { service: 'mail' }, '2026-01-02', '2025-12-29', 'LCvR 7(b), FRCP 6(a)(1)(C), 6(a)(6)(B), 6(d): 12-24..12-28 closed -> 12-29, + 3 = New Year -> 01-02'],
  ['lcvr7d.reply', '2028-04-10', {}, '2028-04-18', null, 'LCvR 7(d): day 7 is Emancipation Day observed Mon 2028-04-17 (Sun -> Mon), 6(a)(6)(C)'],
  ['lcvr65.1.pi_opposition', '2033-04-08', {}, '2033-04-18', null, 'LCvR 65.1(c): day 7 is Emancipation Day observed Fri 2033-04-15 (Sat -> Fri)'],
  ['lcvr7d.reply', '2026-11-19', { service: 'mail' }, '2026-11-30', null, 'Thanksgiving -> Fri 11-27, + 3 (FRCP 6(d)) = Mon 11-30'],
  ['frcp6.days', '2027-12-17', { days: 14 }, '2028-01-03', null, "6(a)(6)(A): New Year's Day observed Fri 2027-12-31 is a legal holiday"],
  ['frcp6.days', '2027-06-04', { days: 14 }, '2027-06-21', null, '6(a)(6)(A): Juneteenth observed Fri 2027-06-18'],
  ['frcp6.days', '2029-01-05', { days: 14 }, '2029-01-19', null, 'Fri 2029-01-19 is an ordinary day: no in-lieu Inauguration Day'],
  ['frcp6.days', '2033-01-06', { days: 14 }, '2033-01-21', null, '6(a)(6)(B): Inauguration Day Thu 2033-01-20'],
  ['frcp6.days', '2025-12-31', { days: 7, direction: 'before' }, '2025-12-23', '2025-12-24', '6(a)(5): backward off the 12-24 closure'],
  ['frcp6.days', '2026-12-03', { days: 7, direction: 'before' }, '2026-11-25', null, '6(a)(5): backward off Thanksgiving'],
  ['frcp6.days', '2028-04-24', { days: 7, direction: 'before' }, '2028-04-17', null, '6(a)(6)(C): a D.C. holiday does not stop a backward period'],
  ['frcp6.days', '2025-10-01', { days: 30 }, '2025-10-31', null, 'a lapse in appropriations does not close the court'],
  ['frcp6.days+mail', '2026-01-02', { days: 14 }, '2026-01-20', null, '6(d): Fri 01-16 + 3 = MLK Day 01-19 -> 01-20'],
  ['frcp12a2.answer_us', '2026-03-26', {}, '2026-05-26', null, 'FRCP 12(a)(2): day 60 is Memorial Day 05-25'],
  ['frcp12a2.answer_us', '2026-03-02', { service: 'mail' }, '2026-05-01', null, '6(d) does not reach service of process under Rule 4'],
  ['frap4.appeal_us', '2027-02-15', {}, '2027-04-19', null, 'FRAP 26(a)(6)(C): day 60 is Emancipation Day Fri 2027-04-16'],
  ['frap4.appeal_us', '2025-10-27', {}, '2025-12-29', '2025-12-26', 'FRAP 26(a)(6)(B): day 60 is the 12-26 closure'],
  ['lcvr7n.certified_list', '2026-04-25', {}, '2026-05-26', null, 'LCvR 7(n)(1): day 30 is Memorial Day'],
  ['lcvr7n.certified_list', '2026-03-02', { dispositive_motion_filed: '2026-02-20' }, '2026-02-20', '2026-04-01', 'LCvR 7(n)(1): a motion filed before the answer comes first'],
  ['court_order.fixed', '2025-09-09', { days: 45 }, '2025-10-24', null, 'CONTEXT.md: administrative record 45 days from Tue 2025-09-09'],
  ['court_order.fixed', '2026-06-01', { date: '2026-07-03' }, '2026-07-03', null, '6(a) does not move a fixed date (2009 committee note)'],
  ['frcp6.hours', '2025-12-23T16:30:00-05:00', { hours: 24 }, '2025-12-29T16:30:00-05:00', '2025-12-24T16:30:00-05:00', '6(a)(2)(C): 12-24 closure, Christmas, 12-26 closure, weekend'],
  ['frcp6.hours', '2025-11-01T09:00:00-04:00', { hours: 72 }, '2025-11-04T08:00:00-05:00', '2025-11-04T09:00:00-05:00', '6(a)(2)(B): elapsed hours across the fall-back change'],
  ['frcp6.hours', '2033-04-14T09:15:00-04:00', { hours: 24 }, '2033-04-18T09:15:00-04:00', null, '6(a)(2)(C), 6(a)(6)(C): Emancipation Day observed Fri 2033-04-15'],
  ['frcp6.hours', '2025-09-05T16:00:00-04:00', { hours: 24 }, '2025-09-08T16:00:00-04:00', null, 'CONTEXT.md: a Friday-afternoon 24-hour window runs to Monday'],
];

describe.each([['FOIA', FOIA], ['court', COURT]] as const)('hand-computed %s cases', (_name, rows) => {
  it.each(rows)('%s %s %j -> %s', (rule, trigger, params, expected, alternative) => {
    const r = due(rule, trigger, params);
    expect(r.due).toBe(expected);
    if (alternative === null) expect(r.alternative).toBeUndefined();
    else if (alternative !== undefined) expect(r.alternative?.due).toBe(alternative);
  });
});

describe('start cap under the next-working-day reading of receipt (552(a)(6)(A)(ii) "first received")', () => {
  it('moves a weekend receipt by the designated component to the next working day', () => {
    // Sat 2026-02-07 -> Mon 02-09; 10 working days after it (Presidents Day 02-16 skipped) = Tue 02-24 = day 0; + 20 = Tue 03-24.
    const r = due('foia.response', '2026-03-02', { first_received_by_designated_component: '2026-02-07' });
    const alternatives = r.receipt.filter((e) => e.step === 'alternative').map((e) => e.text);
    expect(alternatives.some((t) => /next working day, the deadline is 2026-03-24/.test(t))).toBe(true);
    expect(alternatives.some((t) => /ten calendar days, the deadline is 2026-03-17/.test(t))).toBe(true);
  });
});
