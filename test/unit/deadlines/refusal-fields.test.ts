/**
 * Refusals name the field at fault (what the API and the intake form point the user to) and
 * list what would have been accepted one by one.
 */
import { describe, expect, it } from 'vitest';
import { computeChain, computeDeadline, triggerSetLinks } from '../../../core/deadlines';
import { refusal } from './helpers';

describe('the field at fault', () => {
  it('an hour rule given a bare date: the trigger', () => {
    expect(refusal(() => computeDeadline({ rule: 'frcp6.hours', trigger: '2026-03-06', params: { hours: 24 } }))).toEqual({
      field: 'trigger',
      message: 'trigger: frcp6.hours counts hours: give the trigger as a date-time with offset (e.g. 2026-03-06T15:00:00-05:00)',
    });
  });
  it('a court order with neither its date nor a period: the params', () => {
    expect(refusal(() => computeDeadline({ rule: 'court_order.fixed', trigger: '2026-03-02' })).field).toBe('params');
  });
  it('a link that follows itself, and one that follows no link: its after', () => {
    expect(refusal(() => computeChain([{ id: 'a', rule: 'lcvr7d.reply', after: 'a' }]))).toEqual({ field: 'links[0].after', message: 'links[0].after: link "a" depends on itself through "after"' });
    expect(refusal(() => computeChain([{ id: 'a', rule: 'lcvr7b.opposition', trigger: '2026-03-02' }, { id: 'b', rule: 'lcvr7d.reply', after: 'zz' }]))).toEqual({
      field: 'links[1].after',
      message: 'links[1].after: no link with id "zz"',
    });
  });
  it('a parameter a trigger set does not take names the set', () => {
    expect(refusal(() => triggerSetLinks({ triggerSet: 'answer_served', trigger: '2026-03-02', params: { bogus: 1 } }))).toEqual({
      field: 'params.bogus',
      message: 'params.bogus: is not a parameter of trigger set answer_served',
    });
  });
  it('a Privacy Act period set by statute: no other number of working days', () => {
    // 5 U.S.C. 552a(d)(2)(A): acknowledgment within 10 working days; nothing lets anyone change it.
    expect(refusal(() => computeDeadline({ rule: 'privacy_act.amendment_ack', trigger: '2026-03-02', params: { working_days: 12 } }))).toEqual({
      field: 'params.working_days',
      message: 'params.working_days: privacy_act.amendment_ack runs 10 working days by statute and no one can change it',
    });
  });
});

describe('what would have been accepted, item by item', () => {
  const listed = (message: string, after: string) => message.slice(message.indexOf(after) + after.length).split(', ');
  it('an unknown rule lists the known rules', () => {
    const { field, message } = refusal(() => computeDeadline({ rule: 'frcp99.none', trigger: '2026-03-02' }));
    expect(field).toBe('rule');
    const rules = listed(message, 'known rules: ');
    for (const id of ['foia.response', 'frcp6.days', 'lcvr7n.certified_list', 'supct13.cert', 'eaja.fees']) expect(rules).toContain(id);
  });
  it('an unknown trigger set lists the known sets', () => {
    const { field, message } = refusal(() => triggerSetLinks({ triggerSet: 'verdict', trigger: '2026-03-02' }));
    expect(field).toBe('triggerSet');
    const sets = listed(message, 'known sets: ');
    for (const id of ['judgment_entered', 'answer_served', 'motion_served']) expect(sets).toContain(id);
  });
});
