/**
 * Trigger sets through the HTTP API (DynamoDB Local, the local workflow runner): the preview
 * offers every deadline a trigger sets with its receipt; a filing keeps the chosen ones; a
 * moved trigger supersedes and recomputes every one of them. Dates hand-computed under FRCP
 * 6(a) / FRAP 26(a) (see test/unit/deadlines/rules.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
let team: Record<string, string>;

beforeAll(async () => {
  // Before the moved opposition's due date (2026-03-19), so the workflow has not marked it missed.
  stack = await testStack({ clockStart: '2026-03-18T20:00:00Z' });
  http = api(stack);
  team = { authorization: `Bearer ${stack.teamToken}` };
});
afterAll(() => stack?.stop());

type Offered = { link: string; rule: string; due: string; receipt: unknown[]; projected: boolean };
type Deadline = { id: string; rule: string; link?: string; due: string; status: string; supersedes?: string; supersededBy?: string; receipt: unknown[] };

describe('trigger sets', () => {
  it('lists the sets', async () => {
    const res = await http.get('/api/trigger-sets', stack.teamToken);
    expect(res.status).toBe(200);
    const { triggerSets } = await res.json();
    expect(triggerSets.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['judgment_entered', 'answer_served', 'motion_served']));
  });

  it('previews every deadline a judgment sets, each with its receipt, and writes nothing', async () => {
    const res = await http.post('/api/trigger-sets/preview', { triggerSet: 'judgment_entered', trigger: { at: '2026-03-02' }, params: { us_party: true } }, team);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.deadlines.map((d: Offered) => [d.link, d.rule, d.due])).toEqual([
      ['appeal', 'frap4.appeal_us', '2026-05-01'],
      ['alter_amend', 'frcp59e.alter_amend', '2026-03-30'],
      ['renewed_jmol', 'frcp50b.renewed_jmol', '2026-03-30'],
      ['amended_findings', 'frcp52b.amended_findings', '2026-03-30'],
      ['fees', 'frcp54d2.fees', '2026-03-16'],
    ]);
    expect(body.deadlines.every((d: Offered) => d.receipt.length > 0)).toBe(true);
  });

  it('refuses a bad preview with field errors', async () => {
    const res = await http.post('/api/trigger-sets/preview', { triggerSet: 'verdict', trigger: { at: '2026-03-02' } }, team);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/triggerSet/);
    const flag = await http.post('/api/trigger-sets/preview', { triggerSet: 'judgment_entered', trigger: { at: '2026-03-02' }, params: { us_partey: true } }, team);
    expect(flag.status).toBe(400);
    expect(JSON.stringify(await flag.json())).toMatch(/us_partey/);
  });

  it('creates a filing with the kept deadlines; a moved trigger recomputes and supersedes every one', async () => {
    const res = await http.post('/api/filings', {
      matterId: 'ctr-v-irs', title: 'Motion to dismiss (ECF 41)', triggerSet: 'motion_served', trigger: { type: 'motion_served', at: '2026-03-02' }, keep: ['opposition', 'reply'],
    }, team);
    const filing = await res.json();
    expect(res.status, JSON.stringify(filing)).toBe(201);
    expect(filing.triggerSet).toMatchObject({ id: 'motion_served', trigger: '2026-03-02', kept: ['opposition', 'reply'] });
    const open = (filing.deadlines as Deadline[]).filter((d) => d.status === 'open');
    expect(open.map((d) => [d.link, d.rule, d.due])).toEqual([
      ['opposition', 'lcvr7b.opposition', '2026-03-16'],
      ['reply', 'lcvr7d.reply', '2026-03-23'],
    ]);
    await stack.workflows.settled(filing.id);

    const moved = await http.post(`/api/filings/${filing.id}/events`, { type: 'trigger_changed', at: '2026-03-18', triggerAt: '2026-03-05' }, team);
    const after = await moved.json();
    expect(moved.status, JSON.stringify(after)).toBe(200);
    const deadlines = after.deadlines as Deadline[];
    const now = deadlines.filter((d) => d.status === 'open');
    expect(now.map((d) => [d.link, d.due])).toEqual([
      ['opposition', '2026-03-19'],
      ['reply', '2026-03-26'],
    ]);
    for (const d of now) {
      const old = deadlines.find((x) => x.id === d.supersedes)!;
      expect(old).toMatchObject({ status: 'superseded', supersededBy: d.id, link: d.link });
    }
    expect(after.events.at(-1)).toMatchObject({ type: 'trigger_changed', data: { triggerAt: '2026-03-05', note: expect.stringMatching(/from 2026-03-02 to 2026-03-05: 2 deadlines of the set recomputed and superseded/) } });
    expect(after.triggerSet.trigger).toBe('2026-03-05');
    await stack.workflows.settled(filing.id);

    // The team serves its opposition on Wednesday 18 March: the reply now counts from that
    // service, 7 days (LCvR 7(d)): Wednesday 25 March.
    const served = await http.post(`/api/filings/${filing.id}/events`, { type: 'filed', at: '2026-03-18' }, team);
    const afterServed = await served.json();
    expect(served.status, JSON.stringify(afterServed)).toBe(200);
    const byLink = (link: string, status: string) => (afterServed.deadlines as Deadline[]).filter((d) => d.link === link && d.status === status);
    expect(byLink('opposition', 'met'), JSON.stringify(afterServed.deadlines.map((d: Deadline) => [d.link, d.rule, d.status, d.due]))).toHaveLength(1);
    expect(byLink('reply', 'open').map((d) => [d.due, (d as Deadline & { trigger?: string }).supersedes !== undefined])).toEqual([['2026-03-25', true]]);
    expect(afterServed.phase).toBe('due');
  });

  it('keeps only what the lawyer keeps, and refuses a link the set does not have (nothing written)', async () => {
    const kept = await http.post('/api/filings', { matterId: 'ctr-v-irs', triggerSet: 'judgment_entered', trigger: { at: '2026-03-02' }, params: { us_party: true }, keep: ['appeal', 'fees'] }, team);
    const body = await kept.json();
    expect(kept.status, JSON.stringify(body)).toBe(201);
    expect((body.deadlines as Deadline[]).map((d) => [d.link, d.rule, d.due])).toEqual([
      ['fees', 'frcp54d2.fees', '2026-03-16'],
      ['appeal', 'frap4.appeal_us', '2026-05-01'],
    ]);
    expect(body.title).toMatch(/Judgment entered/);
    // Missed ones too: a sweep marking one missed meanwhile must not change the count.
    const count = async () => (await (await http.get('/api/deadlines?include=missed', stack.teamToken)).json()).deadlines.length;
    const before = await count();
    const bad = await http.post('/api/filings', { matterId: 'ctr-v-irs', triggerSet: 'judgment_entered', trigger: { at: '2026-03-02' }, keep: ['appeal', 'rehearing'] }, team);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/keep/);
    expect(await count()).toBe(before);
  });
});
