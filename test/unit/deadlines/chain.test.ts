/** Chained deadlines recompute when a trigger moves; open deadlines recompute on a calendar change. */
import { describe, expect, it } from 'vitest';
import { defaultCalendar, withDays } from '../../../core/calendar';
import { chainChanges, computeChain, recomputeAll, type ChainLink } from '../../../core/deadlines';

const briefing = (motionServed: string): ChainLink[] => [
  { id: 'opposition', rule: 'lcvr7b.opposition', trigger: motionServed },
  { id: 'reply', rule: 'lcvr7d.reply', after: 'opposition' },
];

describe('computeChain', () => {
  it('projects a reply from the opposition due date (LCvR 7(b) then 7(d))', () => {
    const [opp, reply] = computeChain(briefing('2026-03-02'));
    expect(opp!.result.due).toBe('2026-03-16');
    expect(reply).toMatchObject({ trigger: '2026-03-16', projected: true });
    expect(reply!.result.due).toBe('2026-03-23');
  });

  it('moves downstream deadlines when a trigger moves, and says which moved', () => {
    const before = computeChain(briefing('2026-03-02'));
    const after = computeChain(briefing('2026-03-04'));
    expect(chainChanges(before, after)).toEqual([
      { id: 'opposition', from: '2026-03-16', to: '2026-03-18' },
      { id: 'reply', from: '2026-03-23', to: '2026-03-25' },
    ]);
  });

  it('a link new to the chain has no "from"; a link whose date stayed is not listed', () => {
    const before = computeChain(briefing('2026-03-02').slice(0, 1));
    const after = computeChain(briefing('2026-03-02'));
    const changes = chainChanges(before, after);
    expect(changes).toStrictEqual([{ id: 'reply', to: '2026-03-23' }]);
    expect(Object.keys(changes[0]!)).toEqual(['id', 'to']);
  });

  it('uses the actual event once it is recorded', () => {
    const [, reply] = computeChain([
      { id: 'opposition', rule: 'lcvr7b.opposition', trigger: '2026-03-02' },
      { id: 'reply', rule: 'lcvr7d.reply', after: 'opposition', trigger: '2026-03-12' },
    ]);
    expect(reply).toMatchObject({ projected: false });
    expect(reply!.result.due).toBe('2026-03-19');
  });

  it('chains the answer to the certified list and an appeal window to its determination', () => {
    const chain = computeChain([
      { id: 'list', rule: 'lcvr7n.certified_list', after: 'answer' },
      { id: 'answer', rule: 'frcp12a2.answer_us', trigger: '2025-02-20' },
    ]);
    expect(chain.map((c) => c.result.due)).toEqual(['2025-05-21', '2025-04-21']);
  });

  it('rejects cycles and dangling links with the field named', () => {
    expect(() => computeChain([{ id: 'a', rule: 'lcvr7d.reply', after: 'b' }, { id: 'b', rule: 'lcvr7d.reply', after: 'a' }])).toThrow(/depends on itself/);
    expect(() => computeChain([{ id: 'a', rule: 'lcvr7d.reply', after: 'zz' }])).toThrow(/links\[0\]\.after/);
    expect(() => computeChain([{ id: 'a', rule: 'frcp6.days', trigger: '2026-03-02' }])).toThrow(/links\[0\]\.params\.days/);
  });
});

describe('recomputeAll', () => {
  it('marks the deadlines a new court closure moves', () => {
    const open = [
      { id: 'd1', request: { rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 14 } }, due: '2026-03-16' },
      { id: 'd2', request: { rule: 'frcp6.days', trigger: '2026-03-03', params: { days: 14 } }, due: '2026-03-17' },
    ];
    const cal = withDays(defaultCalendar, { courtClosures: ['2026-03-16'] });
    const out = recomputeAll(open, cal);
    expect(out.calendarVersion).toBe(cal.version);
    expect(out.changed.map((c) => [c.id, c.previousDue, c.result.due, c.result.calendarVersion])).toEqual([['d1', '2026-03-16', '2026-03-17', cal.version]]);
    expect(out.unchanged).toEqual(['d2']);
  });
});
