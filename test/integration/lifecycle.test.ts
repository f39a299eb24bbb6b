/**
 * Named lifecycle scenarios through the HTTP API, on DynamoDB Local and the real ASL run by the
 * local runner, with the runtime clock moved between steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../core/events';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
let team: Record<string, string>;

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z' });
  http = api(stack);
  team = { authorization: `Bearer ${stack.teamToken}` };
});
afterAll(() => stack?.stop());

type Deadline = { id: string; rule: string; due: string; status: string; supersedes?: string; supersededBy?: string };
const byRule = (item: { deadlines: Deadline[] }, rule: string, status = 'open') => item.deadlines.filter((d) => d.rule === rule && d.status === status);

async function at(iso: string) {
  await stack.setClock(iso);
}

async function intake(overrides: Record<string, unknown> = {}) {
  const res = await http.post('/api/requests', validIntake(overrides));
  expect(res.status).toBe(201);
  const body = await res.json();
  await stack.workflows.settled(body.id);
  return body.id as string;
}

async function event(collection: string, id: string, body: Record<string, unknown>, status = 200) {
  const res = await http.post(`/api/${collection}/${id}/events`, body, team);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(status);
  return json;
}

async function item(collection: string, id: string) {
  return (await http.get(`/api/${collection}/${id}`, stack.teamToken)).json();
}

/** The workflow has taken the change in: waiting again (or ended). */
async function settled(id: string) {
  const execution = [...stack.workflows.list()].filter((e) => e.name === id || e.name.startsWith(`${id}-g`)).at(-1);
  await stack.workflows.settled(execution?.name ?? id);
}

describe('FOIA request', () => {
  it('on-time response: acknowledged, full grant, final release, closed; the workflow ends', async () => {
    await at('2026-03-02T15:00:00Z');
    const id = await intake();
    await at('2026-03-04T15:00:00Z');
    await event('requests', id, { type: 'acknowledged', at: '2026-03-04', trackingNumber: 'IRS-2026-00123' });
    await at('2026-03-20T15:00:00Z');
    const granted = await event('requests', id, { type: 'determination', at: '2026-03-20', outcome: 'full_grant' });
    expect(granted.phase).toBe('determination_received');
    expect(byRule(granted, 'foia.response', 'met')).toHaveLength(1);
    const closed = await event('requests', id, { type: 'records_released', at: '2026-03-20', final: true });
    expect(closed.phase).toBe('closed');
    expect(closed.status).toBe('closed');
    const execution = await stack.workflows.settled(id);
    expect(execution?.status).toBe('SUCCEEDED');
    expect(execution?.states).toContain("Request: awaiting the agency's response");
    expect(verifyChain(closed.events)).toBe(-1);
    // Public view: the requester sees the phase and public events only.
    const code = (await (await http.post('/api/requests', validIntake())).json()).trackingCode;
    expect((await http.get(`/api/track/${code}`)).status).toBe(200);
  });

  it('tolled then extended: the clock stops, resumes later, then gains 10 working days; history is kept', async () => {
    await at('2026-03-02T15:00:00Z');
    const id = await intake();
    const [original] = byRule(await item('requests', id), 'foia.response');
    expect(original!.due).toBe('2026-03-30');

    await at('2026-03-05T15:00:00Z');
    const tolled = await event('requests', id, { type: 'info_request_sent', at: '2026-03-05' });
    expect(tolled.phase).toBe('tolled');
    expect(byRule(tolled, 'foia.response')).toHaveLength(0);
    expect(byRule(tolled, 'foia.response', 'superseded')).toHaveLength(1);

    await at('2026-03-12T15:00:00Z');
    const resumed = await event('requests', id, { type: 'info_response_received', at: '2026-03-12' });
    expect(resumed.phase).toBe('awaiting_response');
    const [afterToll] = byRule(resumed, 'foia.response');
    // Sent Thu 3/5 (counts), tolled Fri 3/6 through Thu 3/12: five working days stopped.
    expect(afterToll!.due).toBe('2026-04-06');
    expect(afterToll!.supersedes).toBe(original!.id);

    await at('2026-03-16T15:00:00Z');
    const extended = await event('requests', id, { type: 'extension_notice', at: '2026-03-16', workingDays: 10 });
    expect(extended.phase).toBe('extended');
    const [ext] = byRule(extended, 'foia.response+unusual');
    expect(ext!.due).toBe('2026-04-20');
    expect(extended.deadlines.filter((d: Deadline) => d.status === 'superseded')).toHaveLength(2);

    // A second extension beyond 10 working days in all is refused, and changes nothing.
    const refused = await http.post(`/api/requests/${id}/events`, { type: 'extension_notice', at: '2026-03-16', workingDays: 1 }, team);
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toMatch(/at most 10/);
    const after = await item('requests', id);
    // The workflow's own bookkeeping moves the version; the record of the case must not move.
    expect(after.events).toEqual(extended.events);
    expect(after.deadlines).toEqual(extended.deadlines);
  });

  it('denial, appeal, appeal decided: the windows open and close; a denied appeal exhausts remedies', async () => {
    await at('2026-03-02T15:00:00Z');
    const id = await intake();
    await at('2026-03-25T15:00:00Z');
    const denied = await event('requests', id, { type: 'determination', at: '2026-03-25', outcome: 'denial' });
    expect(denied.phase).toBe('appeal_window');
    expect(byRule(denied, 'foia.appeal_window')[0]!.due).toBe('2026-06-23'); // 90 calendar days
    await at('2026-04-10T15:00:00Z');
    const appealed = await event('requests', id, { type: 'appeal_filed', at: '2026-04-10' });
    expect(appealed.phase).toBe('appeal_pending');
    expect(byRule(appealed, 'foia.appeal_window', 'met')).toHaveLength(1);
    expect(byRule(appealed, 'foia.appeal_decision')[0]!.due).toBe('2026-05-08');
    await at('2026-05-01T15:00:00Z');
    const decided = await event('requests', id, { type: 'appeal_decided', at: '2026-05-01', outcome: 'denied' });
    expect(decided.phase).toBe('exhausted');
  });

  it('missed response: the deadline passes, the workflow marks it missed: constructive exhaustion', async () => {
    await at('2026-03-02T15:00:00Z');
    const id = await intake();
    await at('2026-03-31T13:00:00Z'); // the morning after 11:59 pm on 3/30, Eastern
    await settled(id);
    const after = await item('requests', id);
    expect(after.phase).toBe('exhausted');
    expect(byRule(after, 'foia.response', 'missed')).toHaveLength(1);
    expect(after.events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'deadline_missed']);
  });

  it('refuses events that do not fit, are malformed or lie in the future, and changes nothing', async () => {
    await at('2026-03-02T15:00:00Z');
    const id = await intake();
    const before = await item('requests', id);
    const notTolled = await http.post(`/api/requests/${id}/events`, { type: 'info_response_received', at: '2026-03-02' }, team);
    expect(notTolled.status).toBe(409);
    const future = await http.post(`/api/requests/${id}/events`, { type: 'acknowledged', at: '2026-03-09', trackingNumber: 'X' }, team);
    expect(future.status).toBe(400);
    expect((await future.json()).errors[0].field).toBe('at');
    const unknown = await http.post(`/api/requests/${id}/events`, { type: 'produced', at: '2026-03-02' }, team);
    expect(unknown.status).toBe(400);
    const wrongKind = await http.post(`/api/filings/${id}/events`, { type: 'filed', at: '2026-03-02' }, team);
    expect(wrongKind.status).toBe(404);
    const noToken = await http.post(`/api/requests/${id}/events`, { type: 'acknowledged', at: '2026-03-02', trackingNumber: 'X' });
    expect(noToken.status).toBe(401);
    const after = await item('requests', id);
    expect(after.events).toEqual(before.events);
    expect(after.deadlines).toEqual(before.deadlines);
    expect(after.phase).toBe(before.phase);
  });

  it('concurrent events are all recorded, in one unbroken chain', async () => {
    await at('2026-03-02T15:00:00Z');
    const id = await intake();
    const answers = await Promise.all(
      [1, 2, 3, 4].map((n) => http.post(`/api/requests/${id}/events`, { type: 'acknowledged', at: '2026-03-02', trackingNumber: `N-${n}` }, team)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const after = await item('requests', id);
    expect(after.events.filter((e: { type: string }) => e.type === 'acknowledged')).toHaveLength(4);
    expect(verifyChain(after.events)).toBe(-1);
  });
});

describe('court items', () => {
  it('production ordered then produced late: the missed deadline stays on record', async () => {
    // The administrative record: ordered Tue Sept 9, 2025, due in 45 days.
    await at('2025-09-10T15:00:00Z');
    const res = await http.post('/api/productions', { matterId: 'ctr-v-irs', title: 'Administrative record', order: { orderedAt: '2025-09-09', days: 45 } }, team);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.deadlines[0].due).toBe('2025-10-24');
    await stack.workflows.settled(created.id);
    await at('2025-10-27T14:00:00Z');
    await settled(created.id);
    expect(byRule(await item('productions', created.id), 'court_order.fixed', 'missed')).toHaveLength(1);
    const produced = await event('productions', created.id, { type: 'produced', at: '2025-10-27', objectionDays: 14 });
    expect(produced.phase).toBe('objections_window');
    expect(produced.events.at(-1).data.note).toMatch(/after the deadline/);
    expect(byRule(produced, 'court_order.fixed')[0]!.due).toBe('2025-11-10');
  });

  it('opposition with an extension, filed, then the reply chain', async () => {
    await at('2026-03-02T15:00:00Z');
    const res = await http.post(
      '/api/filings',
      { matterId: 'ctr-v-irs', title: 'Opposition to motion to dismiss', rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: '2026-03-02', service: 'electronic' } },
      team,
    );
    expect(res.status).toBe(201);
    const filing = await res.json();
    const [due] = byRule(filing, 'lcvr7b.opposition');
    expect(due!.due).toBe('2026-03-16');
    const extended = await event('filings', filing.id, { type: 'extension_granted', at: '2026-03-02', newDue: '2026-03-30' });
    expect(byRule(extended, 'court_order.fixed')[0]!.due).toBe('2026-03-30');
    expect(byRule(extended, 'lcvr7b.opposition', 'superseded')[0]!.supersededBy).toBe(byRule(extended, 'court_order.fixed')[0]!.id);
    await at('2026-03-27T15:00:00Z');
    const filed = await event('filings', filing.id, { type: 'filed', at: '2026-03-27' });
    expect(filed.phase).toBe('filed');
    await at('2026-04-03T15:00:00Z');
    const reply = await event('filings', filing.id, { type: 'opposition_served', at: '2026-04-03', service: 'mail' });
    expect(reply.phase).toBe('reply_due');
    // 7 days after service (Fri 4/10) + 3 for mail (FRCP 6(d)) = Mon 4/13.
    expect(byRule(reply, 'lcvr7d.reply')[0]!.due).toBe('2026-04-13');
  });

  it('a disclosure notice arriving Friday afternoon: the 24-hour window runs to Monday at the same time', async () => {
    await at('2026-03-06T21:40:00Z');
    const res = await http.post('/api/notices', { matterId: 'ctr-v-irs', receivedAt: '2026-03-06T16:30:00-05:00', summary: 'Intent to share addresses of 1,200 ITIN filers with ICE' }, team);
    expect(res.status).toBe(201);
    const notice = await res.json();
    expect(notice.phase).toBe('window_open');
    // FRCP 6(a)(2)(C): the period would end Saturday 4:30 pm and so runs to Monday 4:30 pm (EDT from 3/8).
    expect(notice.deadlines[0].due).toBe('2026-03-09T16:30:00-04:00');
    await at('2026-03-06T22:15:00Z');
    const filed = await event('notices', notice.id, { type: 'emergency_motion_filed', at: '2026-03-06T17:10:00-05:00' });
    expect(filed.phase).toBe('motion_filed');
    expect(filed.deadlines[0].status).toBe('met');
  });

  it('rejects a notice without the hour and a filing with an unknown rule', async () => {
    const noHour = await http.post('/api/notices', { matterId: 'ctr-v-irs', receivedAt: '2026-03-06', summary: 'x' }, team);
    expect(noHour.status).toBe(400);
    const badRule = await http.post('/api/filings', { matterId: 'ctr-v-irs', title: 'X', rule: 'frcp99', trigger: { type: 'other', at: '2026-03-02' } }, team);
    expect(badRule.status).toBe(400);
    expect((await badRule.json()).errors[0].field).toBe('rule');
    // The engine's own refusal is the caller's input too: 400 naming the parameter, nothing stored.
    const early = await http.post('/api/filings', { matterId: 'ctr-v-irs', title: 'X', rule: 'court_order.fixed', trigger: { type: 'order_entered', at: '2026-03-02' }, params: { date: '2026-02-20' } }, team);
    expect(early.status).toBe(400);
    expect((await early.json()).errors).toEqual([{ field: 'params.date', message: expect.stringMatching(/before the order/) }]);
  });
});
