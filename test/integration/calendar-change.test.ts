/**
 * A calendar change reaches the open deadlines it touches: the request answers 202 with a job,
 * the job recomputes each deadline, supersedes it (not overwritten) and records the reason;
 * later computations use the new calendar version.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
let admin: Record<string, string>;

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-03T15:00:00Z' });
  http = api(stack);
  admin = { authorization: `Bearer ${stack.teamToken}` };
});
afterAll(() => stack?.stop());

/** Adds a day, waits for its job's run to end, and answers the job with its summary. */
async function addDay(day: Record<string, unknown>) {
  const res = await http.post('/api/calendar/days', day, admin);
  expect(res.status).toBe(202);
  const answer = await res.json();
  expect(res.headers.get('location')).toBe(`/api/jobs/${answer.job.id}`);
  await stack.workflows.settled(answer.job.id, 30_000);
  const job = await (await http.get(`/api/jobs/${answer.job.id}`, stack.teamToken)).json();
  return { answer, ...job };
}

const opposition = {
  matterId: 'ctr-v-irs',
  title: 'Opposition to motion to dismiss',
  rule: 'lcvr7b.opposition',
  trigger: { type: 'motion_served', at: '2026-03-02', service: 'electronic' },
};

it('a court closure on the due date moves the deadline to the next day, with the reason on record', async () => {
  const created = await (await http.post('/api/filings', opposition, admin)).json();
  expect(created.deadlines[0].due).toBe('2026-03-16');
  const before = (await (await http.get('/api/calendar/days', stack.teamToken)).json()).calendarVersion;

  const { answer, job, summary } = await addDay({ kind: 'courtClosures', date: '2026-03-16', label: 'Standing order: courthouse closed (weather)' });
  expect(answer.calendarVersion).not.toBe(before);
  expect(answer.job).toMatchObject({ status: 'running', day: { date: '2026-03-16' }, calendarVersion: answer.calendarVersion });
  expect(job).toMatchObject({ status: 'done', progress: { moved: 1, failed: 0, done: true } });
  expect(summary.items).toEqual([{ itemId: created.id, collection: 'filings', matterId: 'ctr-v-irs', title: opposition.title, moved: [{ rule: 'lcvr7b.opposition', from: '2026-03-16', to: '2026-03-17' }] }]);
  expect(summary.byMatter).toEqual([{ matterId: 'ctr-v-irs', name: expect.any(String), items: 1 }]);

  const item = await (await http.get(`/api/filings/${created.id}`, stack.teamToken)).json();
  const [old, next] = [item.deadlines.find((d: { status: string }) => d.status === 'superseded'), item.deadlines.find((d: { status: string }) => d.status === 'open')];
  expect(next.due).toBe('2026-03-17');
  expect(next.calendarVersion).toBe(answer.calendarVersion);
  expect(next.supersedes).toBe(old.id);
  expect(item.events.at(-1)).toMatchObject({ type: 'calendar_changed', data: { day: '2026-03-16', reason: 'Standing order: courthouse closed (weather)', jobId: answer.job.id } });

  // New computations use the new calendar.
  const later = await (await http.post('/api/filings', opposition, admin)).json();
  expect(later.deadlines[0].due).toBe('2026-03-17');
});

it('refuses a day twice, a bad kind, and anyone but an administrator; nothing changes', async () => {
  const again = await http.post('/api/calendar/days', { kind: 'courtClosures', date: '2026-03-16', label: 'again' }, admin);
  expect(again.status).toBe(409);
  const bad = await http.post('/api/calendar/days', { kind: 'weather', date: '2026-13-01', label: '' }, admin);
  expect(bad.status).toBe(400);
  expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(['date', 'kind', 'label']);
  const signIn = await fetch(`${stack.url}/local-idp/sign-in`, { method: 'POST', body: JSON.stringify({ email: 'jordan.lee@example.org' }) });
  const { token } = (await signIn.json()) as { token: string };
  const member = await http.post('/api/calendar/days', { kind: 'closures', date: '2026-03-20', label: 'x' }, { authorization: `Bearer ${token}` });
  expect(member.status).toBe(403);
  const { days } = await (await http.get('/api/calendar/days', stack.teamToken)).json();
  expect(days).toHaveLength(1);
});

it('a closure of the Supreme Court building moves a certiorari deadline and nothing counted in the D.C. courthouse', async () => {
  // Entry of the court of appeals' judgment Thu 2026-01-15: rehearing 45 days (FRAP 40(d)(1)) ends
  // Mon 03-02; certiorari 90 days (Sup. Ct. R. 13.1) ends Wed 04-15.
  const created = await (await http.post('/api/filings', { matterId: 'ctr-v-irs', triggerSet: 'appellate_judgment_entered', trigger: { at: '2026-01-15' } }, admin)).json();
  expect(created.deadlines.map((d: { link: string; due: string }) => [d.link, d.due])).toEqual([['rehearing', '2026-03-02'], ['cert', '2026-04-15']]);
  const onlyCourthouse = await http.post('/api/calendar/days', { kind: 'closures', date: '2026-04-14', label: 'x', court: 'SCOTUS' }, admin);
  expect(onlyCourthouse.status).toBe(400);
  const { answer, summary } = await addDay({ kind: 'courtClosures', date: '2026-04-15', label: 'Supreme Court building closed by order of the Chief Justice', court: 'SCOTUS' });
  expect(answer.day).toMatchObject({ court: 'SCOTUS' });
  expect(summary.items).toEqual([{ itemId: created.id, collection: 'filings', matterId: 'ctr-v-irs', title: expect.any(String), moved: [{ rule: 'supct13.cert', from: '2026-04-15', to: '2026-04-16' }] }]);
  const item = await (await http.get(`/api/filings/${created.id}`, stack.teamToken)).json();
  expect(item.deadlines.find((d: { status: string; link: string }) => d.status === 'open' && d.link === 'cert')).toMatchObject({ due: '2026-04-16' });
  // The courthouse may close the same day: a second day of data, not a repeat of the first.
  const courthouse = await addDay({ kind: 'courtClosures', date: '2026-04-15', label: 'Prettyman courthouse closed (weather)' });
  expect(courthouse.job.status).toBe('done');
  expect((await http.post('/api/calendar/days', { kind: 'courtClosures', date: '2026-04-15', label: 'again', court: 'SCOTUS' }, admin)).status).toBe(409);
});
