/**
 * Mail respects matters. A letter that fits open requests of two matters offers each member only
 * the requests of their own matters, and a member of neither matter does not see the letter, its
 * proposals or its words, and cannot decide them; a letter whose candidates all belong to one
 * matter is that matter's. Proposals stored before each candidate's matter was kept are held to
 * the same rule (the matters are read from the items).
 */
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterProposalKey } from '../../functions/lib/keys';
import { LOCAL_AWS_ENV } from '../../local/dynamo';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
import { letterText, rawMail } from '../support/mail';
import { api, mintToken, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
let admin: string;
let demoMember: string;
let otherMember: string;
let outsider: string;
let demoIce: string;
let otherIce: string;

interface Proposal { id: string; matterId?: string; itemId?: string; candidates: string[]; candidateMatters?: unknown; status: string; evidence: string; mailSha256: string; why: string }
interface Message { id: string; matterId?: string; candidates?: string[]; proposals: string[]; subject?: string }


const proposalsOf = async (token: string) => (await (await http.get('/api/mail/proposals', token)).json()).proposals as Proposal[];
const messagesOf = async (token: string) => (await (await http.get('/api/inbound/email', token)).json()).messages as Message[];
const eventsOf = async (id: string) => ((await (await http.get(`/api/requests/${id}`, admin)).json()).events as { type: string }[]).map((e) => e.type);
const postMail = (raw: Buffer, token: string) => fetch(`${stack.url}/api/inbound/email`, { method: 'POST', headers: { 'content-type': 'message/rfc822', ...auth(token) }, body: raw });

const matter = (id: string, name: string, member: { id: string; name: string; email: string }) =>
  http.post('/api/matters', { id, name, timeZone: 'America/New_York', team: [{ ...member, role: 'Counsel' }] }, auth(admin));

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z' });
  http = api(stack);
  admin = stack.teamToken;
  demoMember = await mintToken(stack, 'associate', 'jordan.lee@example.org');
  otherMember = await mintToken(stack, 'kim', 'kim.tran@example.org');
  outsider = await mintToken(stack, 'lee', 'lee.park@example.org');
  expect((await matter('other-matter', 'Another client v. DHS', { id: 'kim', name: 'Kim Tran', email: 'kim.tran@example.org' })).status).toBe(201);
  expect((await matter('third-matter', 'A third client v. Treasury', { id: 'lee', name: 'Lee Park', email: 'lee.park@example.org' })).status).toBe(201);
  const ice = async (matterId: string, receivedAt: string) => {
    const res = await http.post('/api/requests', validIntake({ agency: 'ICE', matterId, receivedAt }), auth(admin));
    expect(res.status).toBe(201);
    const { id } = await res.json();
    await stack.workflows.settled(id);
    return id as string;
  };
  demoIce = await ice('ctr-v-irs', '2026-02-20T15:00:00Z');
  otherIce = await ice('other-matter', '2026-02-23T15:00:00Z');
  // Sent to an address neither request shares: the letter fits both by agency and dates alone.
  const letter = rawMail({ from: 'ICE FOIA <ice-foia@ice.dhs.gov>', to: 'records@example.net', subject: 'FOIA 2026-ICFO-09931', date: 'Fri, 27 Feb 2026 11:30:00 -0500', text: letterText('ice-ack-unnumbered-two-matters.txt') });
  expect((await postMail(letter, admin)).status).toBe(202);
});
afterAll(() => stack?.stop());

describe('a letter that fits requests of two matters', () => {
  it('shows an administrator every candidate, and each member only the requests of their matter', async () => {
    const all = await proposalsOf(admin);
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) {
      expect(p.matterId).toBeUndefined();
      expect(new Set(p.candidates)).toEqual(new Set([demoIce, otherIce]));
      expect(p.candidateMatters).toBeUndefined();
    }
    const ids = all.map((p) => p.id).sort();
    const demo = await proposalsOf(demoMember);
    expect(demo.map((p) => p.id).sort()).toEqual(ids);
    // The matcher's reason counts every candidate; a member is told only to pick.
    for (const p of all) expect(p.why).toBe('no open ICE request of this address fits: pick the request');
    for (const p of demo) expect(p).toMatchObject({ candidates: [demoIce], why: 'no request is certain: pick the request' });
    const other = await proposalsOf(otherMember);
    expect(other.map((p) => p.id).sort()).toEqual(ids);
    for (const p of other) expect(p.candidates).toEqual([otherIce]);
  });

  it('is not shown to a member of neither matter: no proposal, no message, none of its words', async () => {
    expect(await proposalsOf(outsider)).toEqual([]);
    expect(await messagesOf(outsider)).toEqual([]);
    const [message] = await messagesOf(demoMember);
    expect(message?.candidates).toEqual([demoIce]);
    expect((await messagesOf(otherMember))[0]?.candidates).toEqual([otherIce]);
  });

  it('cannot be confirmed or dismissed by a member of neither matter (404), and nothing changes', async () => {
    const [p] = await proposalsOf(admin);
    const confirm = await http.post(`/api/mail/proposals/${p!.id}/confirm`, { itemId: demoIce }, auth(outsider));
    expect(confirm.status).toBe(404);
    const dismiss = await http.post(`/api/mail/proposals/${p!.id}/dismiss`, { reason: 'not ours' }, auth(outsider));
    expect(dismiss.status).toBe(404);
    expect((await proposalsOf(admin)).find((q) => q.id === p!.id)?.status).toBe('pending');
    expect(await eventsOf(demoIce)).toEqual(['submitted']);
  });

  it('lets a member confirm on a request of their matter only; the answer names only their candidates', async () => {
    const p = (await proposalsOf(demoMember)).find((q) => q.status === 'pending')!;
    const across = await http.post(`/api/mail/proposals/${p.id}/confirm`, { itemId: otherIce }, auth(demoMember));
    expect(across.status).toBe(404);
    expect(await eventsOf(otherIce)).toEqual(['submitted']);
    const unpicked = await http.post(`/api/mail/proposals/${p.id}/confirm`, {}, auth(demoMember));
    expect(unpicked.status).toBe(409);
    const refusal = JSON.stringify(await unpicked.json());
    expect(refusal).toContain(demoIce);
    expect(refusal).not.toContain(otherIce);
    expect(refusal).toContain('no request is certain: pick the request');
    const done = await http.post(`/api/mail/proposals/${p.id}/confirm`, { itemId: demoIce }, auth(demoMember));
    expect(done.status).toBe(200);
    const body = await done.json();
    expect(body.proposal).toMatchObject({ status: 'confirmed', itemId: demoIce, matterId: 'ctr-v-irs', candidates: [demoIce] });
    expect(body.proposal.candidateMatters).toBeUndefined();
    // What was stored keeps every candidate: the administrator still sees both.
    expect(new Set((await proposalsOf(admin)).find((q) => q.id === p.id)?.candidates)).toEqual(new Set([demoIce, otherIce]));
  });

  it('holds proposals stored before candidate matters were kept to the same rule', async () => {
    const dynamo = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: LOCAL_AWS_ENV.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    try {
      const pending = (await proposalsOf(admin)).filter((q) => q.status === 'pending');
      expect(pending.length).toBeGreaterThan(0);
      for (const p of pending) {
        const key = letterProposalKey(p.id);
        await dynamo.send(new UpdateItemCommand({ TableName: stack.tableName, Key: { PK: { S: key.PK }, SK: { S: key.SK } }, UpdateExpression: 'REMOVE candidateMatters', ConditionExpression: 'attribute_exists(candidateMatters)' }));
      }
      const ids = pending.map((p) => p.id).sort();
      expect((await proposalsOf(otherMember)).filter((q) => ids.includes(q.id)).map((q) => q.candidates)).toEqual(ids.map(() => [otherIce]));
      expect(await proposalsOf(outsider)).toEqual([]);
    } finally {
      dynamo.destroy();
    }
  });
});

describe('a letter whose candidates all belong to one matter', () => {
  it('is that matter’s: its members see it, others do not', async () => {
    const res = await http.post('/api/requests', validIntake({ agency: 'DHS', matterId: 'other-matter', receivedAt: '2026-02-23T15:00:00Z', description: 'Records of the DHS data exchange with the IRS.' }), auth(admin));
    expect(res.status).toBe(201);
    const dhs = (await res.json()).id as string;
    await stack.workflows.settled(dhs);
    const text = letterText('ice-ack-unnumbered-two-matters.txt').replace(/U\.S\. Immigration and Customs Enforcement/g, 'U.S. Department of Homeland Security').replace('2026-ICFO-09931', '2026-HQFO-00417');
    const posted = await postMail(rawMail({ from: 'DHS Privacy Office <foia@hq.dhs.gov>', to: 'records@example.net', subject: 'FOIA 2026-HQFO-00417', date: 'Fri, 27 Feb 2026 14:00:00 -0500', text }), admin);
    expect(posted.status).toBe(202);
    const { message } = (await posted.json()) as { message: Message };
    expect(message).toMatchObject({ matterId: 'other-matter', candidates: [dhs] });
    const mine = (await proposalsOf(otherMember)).filter((p) => p.mailSha256 === message.id);
    expect(mine.length).toBeGreaterThan(0);
    for (const p of mine) expect(p).toMatchObject({ matterId: 'other-matter', candidates: [dhs] });
    expect((await proposalsOf(demoMember)).filter((p) => p.mailSha256 === message.id)).toEqual([]);
    expect((await messagesOf(demoMember)).map((m) => m.id)).not.toContain(message.id);
  });
});
