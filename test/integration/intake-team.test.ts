/**
 * The public-intake matter as a deployment has it: nothing seeded, created by the first public
 * request with the INTAKE_TEAM setting, shown on GET /api/matters, and its reminders reach that
 * team. A stored intake matter with another team is brought up to the setting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../core/model';
import type { LocalStack } from '../../local/runtime';
import { recordingDelivery } from '../support/reminders';
import { api, testStack, type Api } from '../support/stack';

const CLERK: Person = { id: 'records-clerk', name: 'Rene Clerk', email: 'rene.clerk@example.org', role: 'Records clerk' };
let stack: LocalStack;
let http: Api;

const PUBLIC_REQUEST = {
  kind: 'foia', agency: 'IRS', requester: { name: 'Maria Example', email: 'maria@example.org' },
  description: 'Records of the IRS-ICE data sharing agreement concerning ITIN holders.',
  feeWaiver: { requested: false }, expedited: { requested: false },
};

beforeAll(async () => {
  // Monday 2 March 2026, 10:00 EST.
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z', intakeTeam: [CLERK] });
  http = api(stack);
});
afterAll(() => stack?.stop());

describe('the public-intake matter', () => {
  it('does not exist before the first public request; the setting is shown to the team', async () => {
    const listed = await (await http.get('/api/matters', stack.teamToken)).json();
    expect(listed.matters.map((m: { id: string }) => m.id)).toEqual(['ctr-v-irs']);
    expect(listed.intake).toEqual({ matterId: 'public-intake', team: [CLERK] });
  });

  it('is created by a public request with the configured team, who watch the request and get its reminders', async () => {
    const res = await http.post('/api/requests', PUBLIC_REQUEST);
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const matters = await (await http.get('/api/matters', stack.teamToken)).json();
    const intake = matters.matters.find((m: { id: string }) => m.id === 'public-intake');
    expect(intake).toMatchObject({ name: 'Public record requests (not yet assigned)', team: [CLERK] });

    const item = await (await http.get(`/api/requests/${id}`, stack.teamToken)).json();
    expect(item.item ?? item).toMatchObject({ matterId: 'public-intake', watchers: [CLERK.id] });
    const due = (item.deadlines as { rule: string; due: string }[]).find((d) => d.rule === 'foia.response')!;
    // Received Monday 2 March: 20 working days later is Monday 30 March.
    expect(due.due).toBe('2026-03-30');

    // 08:30 EDT on D-14: the clerk is reminded, by the same sweep a deployment runs.
    const { runSweep } = await import('../../functions/lib/reminder-sweep');
    const deliver = recordingDelivery();
    const report = await runSweep({ at: new Date('2026-03-16T12:30:00Z'), deliver });
    const mine = report.sent.filter((s) => s.itemId === id);
    expect(mine.map((s) => `${s.rung}>${s.recipient}`)).toEqual([`D-14>${CLERK.id}`]);
    expect(deliver.delivered.filter((m) => m.itemId === id).map((m) => m.recipient)).toEqual([CLERK.id]);
  });

  it('takes the configured team over a stored intake matter that has another one', async () => {
    const store = await import('../../functions/lib/matter-store');
    const { ensureIntakeMatter } = await import('../../functions/lib/intake-matter');
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { ddb } = await import('../../functions/lib/clients');
    const { matterToRecord } = await import('../../functions/lib/keys');
    const stale = { ...(await store.getMatter('public-intake'))!, team: [{ id: 'left-the-firm', name: 'Gone', email: 'gone@example.org', role: 'Clerk' }] };
    await ddb.send(new PutCommand({ TableName: stack.tableName, Item: matterToRecord(stale) }));
    expect((await ensureIntakeMatter(new Date('2026-03-03T15:00:00Z'))).team).toEqual([CLERK]);
    expect((await store.getMatter('public-intake'))!.team).toEqual([CLERK]);
  });
});
