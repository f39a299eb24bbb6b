/** Chains: each refusal with the link it names, shared links computed once, and what changed. */
import { describe, expect, it } from 'vitest';
import { chainChanges, computeChain, type ChainLink } from '../../../core/deadlines';
import { refusal as refusalOf } from './helpers';

const refusal = (links: ChainLink[]) => refusalOf(() => computeChain(links));

describe('computeChain refuses', () => {
  it('two links with one id', () => {
    const r = refusal([
      { id: 'opp', rule: 'lcvr7b.opposition', trigger: '2026-03-02' },
      { id: 'opp', rule: 'lcvr7d.reply', after: 'opp' },
    ]);
    expect(r).toEqual({ field: 'links[1].id', message: 'links[1].id: duplicate link id "opp"' });
  });

  it('a link with neither a trigger nor an "after"', () => {
    expect(refusal([{ id: 'x', rule: 'lcvr7d.reply' }])).toEqual({ field: 'links[0].trigger', message: 'links[0].trigger: needs a trigger or an "after" link' });
  });

  it('a bad parameter, naming the link it belongs to', () => {
    const r = refusal([
      { id: 'a', rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 3 } },
      { id: 'b', rule: 'frcp6.days', after: 'a', params: { days: -1 } },
    ]);
    expect(r.field).toBe('links[1].params.days');
    expect(r.message).toMatch(/^links\[1\]\.params\.days: must not be negative/);
  });
});

describe('computeChain', () => {
  it('gives every link that follows one the same trigger, its due date', () => {
    const chain = computeChain([
      { id: 'opp', rule: 'lcvr7b.opposition', trigger: '2026-03-02' },
      { id: 'reply', rule: 'lcvr7d.reply', after: 'opp' },
      { id: 'days', rule: 'frcp6.days', after: 'opp', params: { days: 3 } },
    ]);
    expect(chain.map((c) => [c.id, c.trigger, c.projected, c.result.due])).toEqual([
      ['opp', '2026-03-02', false, '2026-03-16'],
      ['reply', '2026-03-16', true, '2026-03-23'],
      ['days', '2026-03-16', true, '2026-03-19'],
    ]);
  });

  it('follows a link listed after the one that depends on it, and a chain of three', () => {
    const chain = computeChain([
      { id: 'c', rule: 'frcp6.days', after: 'b', params: { days: 1 } },
      { id: 'b', rule: 'frcp6.days', after: 'a', params: { days: 1 } },
      { id: 'a', rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 1 } },
    ]);
    expect(chain.map((c) => [c.id, c.result.due])).toEqual([['c', '2026-03-05'], ['b', '2026-03-04'], ['a', '2026-03-03']]);
  });
});

describe('chainChanges', () => {
  it('lists only what moved, with from and to; new links with to only', () => {
    const before = computeChain([
      { id: 'opp', rule: 'lcvr7b.opposition', trigger: '2026-03-02' },
      { id: 'reply', rule: 'lcvr7d.reply', after: 'opp' },
    ]);
    const after = computeChain([
      { id: 'opp', rule: 'lcvr7b.opposition', trigger: '2026-03-02' },
      { id: 'reply', rule: 'lcvr7d.reply', trigger: '2026-03-20' },
      { id: 'surreply', rule: 'frcp6.days', after: 'reply', params: { days: 7 } },
    ]);
    expect(chainChanges(before, after)).toEqual([
      { id: 'reply', from: '2026-03-23', to: '2026-03-27' },
      { id: 'surreply', to: '2026-04-03' },
    ]);
    expect(chainChanges(before, before)).toEqual([]);
  });
});
