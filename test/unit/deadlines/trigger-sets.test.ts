/**
 * Trigger sets: one event, every deadline it sets, each from its rule (hand-computed: see
 * rules.test.ts for the periods), and a moved trigger moving them all.
 */
import { describe, expect, it } from 'vitest';
import { chainChanges, computeTriggerSet, TRIGGER_SETS } from '../../../core/deadlines';

const dues = (set: string, trigger: string, params?: Record<string, unknown>) =>
  computeTriggerSet({ triggerSet: set, trigger, ...(params ? { params } : {}) }).map((d) => [d.link, d.rule, d.result.due]);

describe('trigger sets', () => {
  it('judgment entered without a United States party: 30 days to appeal (FRAP 4(a)(1)(A)) and the post-judgment motions', () => {
    expect(dues('judgment_entered', '2026-03-02')).toEqual([
      ['appeal', 'frap4a1a.appeal', '2026-04-01'],
      ['alter_amend', 'frcp59e.alter_amend', '2026-03-30'],
      ['renewed_jmol', 'frcp50b.renewed_jmol', '2026-03-30'],
      ['amended_findings', 'frcp52b.amended_findings', '2026-03-30'],
      ['fees', 'frcp54d2.fees', '2026-03-16'],
    ]);
  });
  it('with us_party the appeal window is 60 days (FRAP 4(a)(1)(B))', () => {
    expect(dues('judgment_entered', '2026-03-02', { us_party: true })[0]).toEqual(['appeal', 'frap4.appeal_us', '2026-05-01']);
  });
  it('us_party is read as true or false, also as text (the CLI passes strings), and refused otherwise', () => {
    expect(dues('judgment_entered', '2026-03-02', { us_party: 'true' })[0]).toEqual(['appeal', 'frap4.appeal_us', '2026-05-01']);
    expect(dues('judgment_entered', '2026-03-02', { us_party: 'false' })[0]).toEqual(['appeal', 'frap4a1a.appeal', '2026-04-01']);
    expect(dues('judgment_entered', '2026-03-02', { us_party: false })[0]).toEqual(['appeal', 'frap4a1a.appeal', '2026-04-01']);
    expect(() => dues('judgment_entered', '2026-03-02', { us_party: 'yes' })).toThrow('params.us_party: must be true or false, not "yes"');
  });
  it('answer served sets the LCvR 7(n) certified list', () => {
    expect(dues('answer_served', '2026-03-02')).toEqual([['certified_list', 'lcvr7n.certified_list', '2026-04-01']]);
  });
  it('motion served: the opposition, and the reply projected from the opposition until it is served', () => {
    const set = computeTriggerSet({ triggerSet: 'motion_served', trigger: '2026-03-02' });
    expect(set.map((d) => [d.link, d.result.due, d.trigger, d.projected])).toEqual([
      ['opposition', '2026-03-16', '2026-03-02', false],
      ['reply', '2026-03-23', '2026-03-16', true],
    ]);
    // Strictly: a parameter the request did not give is not stored as undefined.
    expect(set[1]!.request).toStrictEqual({ rule: 'lcvr7d.reply', trigger: '2026-03-16', params: {} });
  });
  it('passes service on to the rules that take it (FRCP 6(d))', () => {
    expect(dues('motion_served', '2026-03-02', { service: 'mail' })).toEqual([
      ['opposition', 'lcvr7b.opposition', '2026-03-19'],
      ['reply', 'lcvr7d.reply', '2026-03-30'],
    ]);
    // ... and stores it in the request each deadline is recomputed from.
    const set = computeTriggerSet({ triggerSet: 'motion_served', trigger: '2026-03-02', params: { service: 'mail' } });
    expect(set.map((d) => d.request)).toStrictEqual([
      { rule: 'lcvr7b.opposition', trigger: '2026-03-02', params: { service: 'mail' } },
      { rule: 'lcvr7d.reply', trigger: '2026-03-19', params: { service: 'mail' } },
    ]);
  });
  it('a moved trigger moves every deadline of the set', () => {
    const before = computeTriggerSet({ triggerSet: 'motion_served', trigger: '2026-03-02' });
    const after = computeTriggerSet({ triggerSet: 'motion_served', trigger: '2026-03-05' });
    expect(chainChanges(before, after)).toEqual([
      { id: 'opposition', from: '2026-03-16', to: '2026-03-19' },
      { id: 'reply', from: '2026-03-23', to: '2026-03-26' },
    ]);
  });
  it('refuses an unknown set, an unknown parameter and a bad trigger, naming the field', () => {
    expect(() => computeTriggerSet({ triggerSet: 'verdict', trigger: '2026-03-02' })).toThrow(/triggerSet: unknown trigger set "verdict"/);
    expect(() => computeTriggerSet({ triggerSet: 'judgment_entered', trigger: '2026-03-02', params: { days: 3 } })).toThrow(/params\.days/);
    expect(() => computeTriggerSet({ triggerSet: 'judgment_entered', trigger: '03/02/2026' })).toThrow(/^trigger:/);
  });
  it('every link of every set computes from a plain date trigger', () => {
    for (const set of TRIGGER_SETS) {
      const out = computeTriggerSet({ triggerSet: set.id, trigger: '2026-06-15' });
      expect(out.map((d) => d.link)).toEqual(set.links.map((l) => l.id));
    }
  });
});
