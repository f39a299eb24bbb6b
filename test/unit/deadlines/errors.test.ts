/** Bad input is a DeadlineInputError naming the field, never a guess. */
import { describe, expect, it } from 'vitest';
import { computeDeadline, DeadlineInputError, RULE_IDS, type DeadlineRequest } from '../../../core/deadlines';

function errorOf(req: DeadlineRequest): DeadlineInputError {
  try {
    computeDeadline(req);
  } catch (err) {
    expect(err).toBeInstanceOf(DeadlineInputError);
    return err as DeadlineInputError;
  }
  throw new Error('expected a DeadlineInputError');
}

describe('input errors', () => {
  it('lists exactly the contracted rule ids', () => {
    expect([...RULE_IDS].sort()).toEqual(
      [
        'foia.response', 'foia.response+unusual', 'foia.expedite_decision', 'foia.appeal_window', 'foia.appeal_decision',
        'frcp6.days', 'frcp6.hours', 'frcp6.days+mail', 'frcp12a2.answer_us', 'lcvr7b.opposition', 'lcvr7d.reply',
        'lcvr65.1.pi_opposition', 'lcvr7n.certified_list', 'frap4.appeal_us', 'court_order.fixed',
        'frcp12a1.answer', 'frcp12a4.answer_after_motion', 'frcp15a1.amend_once', 'frcp15a3.respond_amended',
        'frcp26f.conference', 'frcp26f.report', 'frcp26a1.initial_disclosures', 'frcp16b2.scheduling_order',
        'frcp33.answers', 'frcp34.responses', 'frcp36.admissions', 'frcp54d2.fees', 'frcp59.new_trial',
        'frcp59e.alter_amend', 'frcp50b.renewed_jmol', 'frcp52b.amended_findings', 'frcp72.objections',
        'frap4a1a.appeal', 'frap4a3.cross_appeal', 'frap4a5.extension_motion', 'frap10b.transcript',
        'frap40.rehearing_us', 'supct13.cert', 'lcvr65.1d.pi_hearing', 'lcvr16.3.meet_confer',
        'privacy_act.amendment_ack', 'privacy_act.amendment_appeal_decision', 'privacy_act.limitations',
        'foia.limitations', 'eaja.fees',
      ].sort(),
    );
  });

  it.each<[string, DeadlineRequest, string, RegExp]>([
    ['unknown rule', { rule: 'foia.respnse', trigger: '2026-03-02' }, 'rule', /unknown rule "foia.respnse"/],
    ['malformed date', { rule: 'foia.response', trigger: '03/02/2026' }, 'trigger', /not an ISO date/],
    ['impossible date', { rule: 'foia.response', trigger: '2026-02-30' }, 'trigger', /not an ISO date/],
    ['date-time without offset', { rule: 'frcp6.hours', trigger: '2026-03-02T10:00', params: { hours: 1 } }, 'trigger', /no UTC offset/],
    ['absurd year', { rule: 'foia.response', trigger: '0201-03-02' }, 'trigger', /outside the supported range/],
    ['negative count', { rule: 'frcp6.days', trigger: '2026-03-02', params: { days: -14 } }, 'params.days', /negative/],
    ['absurd count', { rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 1_000_000 } }, 'params.days', /at most/],
    ['fractional count', { rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 1.5 } }, 'params.days', /whole number/],
    ['missing count', { rule: 'frcp6.days', trigger: '2026-03-02' }, 'params.days', /required/],
    ['unknown direction', { rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 3, direction: 'sideways' } }, 'params.direction', /"after", "before"/],
    ['unknown service', { rule: 'lcvr7b.opposition', trigger: '2026-03-02', params: { service: 'pigeon' } }, 'params.service', /"electronic", "mail", "hand", "consented_other"/],
    ['unknown param', { rule: 'foia.response', trigger: '2026-03-02', params: { calender_days: 3 } }, 'params.calender_days', /not a parameter of foia.response/],
    ['other court', { rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 3, court: 'SDNY' } }, 'params.court', /"DDC"/],
    ['bad toll type', { rule: 'foia.response', trigger: '2026-03-02', params: { tolling: [{ type: 'vacation', agency_request_sent: '2026-03-03', requester_response_received: '2026-03-04' }] } }, 'params.tolling[0].type', /information_request/],
    ['toll answered before sent', { rule: 'foia.response', trigger: '2026-03-02', params: { tolling: [{ type: 'fee_clarification', agency_request_sent: '2026-03-05', requester_response_received: '2026-03-04' }] } }, 'params.tolling[0].requester_response_received', /before/],
    ['tolling not a list', { rule: 'foia.response', trigger: '2026-03-02', params: { tolling: '{oops' } }, 'params.tolling', /JSON list/],
    ['backward hours', { rule: 'frcp6.hours', trigger: '2026-03-02T10:00:00Z', params: { hours: 3, direction: 'before' } }, 'params.direction', /forward/],
  ])('%s', (_name, req, field, message) => {
    const err = errorOf(req);
    expect(err.name).toBe('DeadlineInputError');
    expect(err.field).toBe(field);
    expect(err.message).toMatch(message);
  });

  it('accepts and ignores free text', () => {
    const r = computeDeadline({ rule: 'foia.response', trigger: '2026-03-02', params: { note: 'web form', event: 'submitted', received_via: 'email', agency: 'IRS' } });
    expect(r.due).toBe('2026-03-30');
  });

  it('accepts numbers as text (the CLI and forms send strings)', () => {
    expect(computeDeadline({ rule: 'frcp6.days', trigger: '2026-03-02', params: { days: '14' } }).due).toBe('2026-03-16');
  });
});
