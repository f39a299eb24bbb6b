/**
 * Mail in, end to end on the local stack: a letter dropped into DATA_DIR/mail/inbox/ or sent
 * over SMTP (nodemailer) to the embedded server's intake address becomes proposals on the
 * request it is about, apart from the mail the app sends; confirming them records the events through the
 * dashboard's path (the tracking number set, the deadline moved by the extension); a court
 * notice by e-mail becomes docket proposals; each message is kept once; what is neither is
 * kept and listed as unrecognised.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar, isoOf, parseIsoDay } from '../../core/calendar';
import { DEFAULT_READING } from '../../core/deadlines/readings';
import { SILENT } from '../../core/deadlines/receipt';
import { countWorkingDays } from '../../core/deadlines/working-days';
import { listMessages } from '../../local/mail-server';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
import { letterText, rawMail } from '../support/mail';
import { api, testStack, type Api, type JsonResponse } from '../support/stack';

let stack: LocalStack;
let http: Api;
let team: Record<string, string>;
const MATTER = 'ctr-v-irs';

beforeAll(async () => {
  stack = await testStack({ clockStart: '2025-10-21T15:00:00Z' });
  http = api(stack);
  team = { authorization: `Bearer ${stack.teamToken}` };
});
afterAll(() => stack?.stop());

async function request(agency: string, receivedAt: string) {
  const res = await http.post('/api/requests', validIntake({ agency, matterId: MATTER, receivedAt }), team);
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = await res.json();
  await stack.workflows.settled(id);
  return id as string;
}

/** Delivered as a mail program delivers to a Maildir: written aside, then renamed in. */
async function drop(name: string, raw: Buffer) {
  const tmp = join(stack.mailInbox.dir, `.${name}`);
  writeFileSync(tmp, raw);
  renameSync(tmp, join(stack.mailInbox.dir, name));
  return stack.mailInbox.settled(name);
}

const postMail = (raw: Buffer, headers: Record<string, string>): Promise<JsonResponse> => fetch(`${stack.url}/api/inbound/email`, { method: 'POST', headers: { 'content-type': 'message/rfc822', ...headers }, body: raw });
const proposals = async () => (await (await http.get('/api/mail/proposals', stack.teamToken)).json()).proposals as { id: string; itemId?: string; mailSha256: string; event: { type: string }; status: string; candidates: string[] }[];
const settledItem = async (id: string) => {
  const execution = [...stack.workflows.list()].filter((e) => e.name === id || e.name.startsWith(`${id}-g`)).at(-1);
  await stack.workflows.settled(execution?.name ?? id);
};

describe('an acknowledgment dropped into mail/inbox/', () => {
  let iceId: string;
  let irsId: string;
  let sha: string;
  const ack = rawMail({ from: 'ICE FOIA Office <ice-foia@ice.dhs.gov>', to: 'alex.rivera@example.org', subject: 'ICE FOIA 2026-ICFO-01234', date: 'Mon, 20 Oct 2025 16:02:11 -0400', messageId: '<ack-2026-ICFO-01234@ice.dhs.gov>', text: letterText('ice-ack-extension.txt') });

  beforeAll(async () => {
    irsId = await request('IRS', '2025-10-13T14:00:00Z');
    iceId = await request('U.S. Immigration and Customs Enforcement', '2025-10-14T14:00:00Z');
  });

  it('becomes proposals on the ICE request, not the IRS one', async () => {
    const result = await drop('ack.eml', ack);
    expect(result).toMatchObject({ outcome: 'read', detail: { status: 'stored', mail: { kind: 'letter', itemId: iceId, matterId: MATTER, agency: 'ICE', trackingNumber: '2026-ICFO-01234' } } });
    sha = (result as { detail: { mail: { sha256: string } } }).detail.mail.sha256;
    const mine = (await proposals()).filter((p) => p.mailSha256 === sha);
    expect(mine.map((p) => [p.event.type, p.itemId, p.status]).sort()).toEqual([
      ['acknowledged', iceId, 'pending'],
      ['extension_notice', iceId, 'pending'],
      ['received', iceId, 'pending'],
    ]);
    expect(mine.find((p) => p.event.type === 'acknowledged')!.event).toEqual({ type: 'acknowledged', at: '2025-10-20', trackingNumber: '2026-ICFO-01234' });
    expect(readFileSync(join(stack.dataDir, 'mail', 'read', 'ack.eml')).equals(ack)).toBe(true);
  });

  it('is kept once: the same message by the API is a duplicate and adds nothing', async () => {
    const before = (await proposals()).length;
    const again = await postMail(ack, team);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate', message: { id: sha, via: 'inbox' } });
    // The same Message-ID with other bytes (a relay added a header) is the same message.
    const relayed = Buffer.concat([Buffer.from('Received: from relay.example\r\n'), ack]);
    expect((await (await postMail(relayed, team)).json()).status).toBe('duplicate');
    expect((await proposals()).length).toBe(before);
  });

  it('confirmed, sets the tracking number and moves the deadline by the extension', async () => {
    const mine = (await proposals()).filter((p) => p.mailSha256 === sha);
    const before = await (await http.get(`/api/requests/${iceId}`, stack.teamToken)).json();
    const original = before.deadlines.find((d: { rule: string; status: string }) => d.rule === 'foia.response' && d.status === 'open');
    for (const type of ['acknowledged', 'extension_notice']) {
      const res = await http.post(`/api/mail/proposals/${mine.find((p) => p.event.type === type)!.id}/confirm`, {}, team);
      expect(res.status, await res.clone().text()).toBe(200);
      await settledItem(iceId);
    }
    const after = await (await http.get(`/api/requests/${iceId}`, stack.teamToken)).json();
    expect(after.events.find((e: { type: string }) => e.type === 'acknowledged').data).toEqual({ trackingNumber: '2026-ICFO-01234' });
    const extended = after.deadlines.find((d: { rule: string; status: string }) => d.rule === 'foia.response+unusual' && d.status === 'open');
    expect(extended.due).toBe(isoOf(countWorkingDays(defaultCalendar, parseIsoDay(original.due)!, 10, DEFAULT_READING, SILENT)));
    const listed = (await proposals()).filter((p) => p.mailSha256 === sha);
    expect(listed.filter((p) => p.status === 'confirmed').map((p) => p.event.type).sort()).toEqual(['acknowledged', 'extension_notice']);
    // Decided once.
    expect((await http.post(`/api/mail/proposals/${mine.find((p) => p.event.type === 'acknowledged')!.id}/confirm`, {}, team)).status).toBe(409);
    expect(irsId).not.toBe(iceId);
  });

  it('a later letter finds the request by its tracking number alone', async () => {
    const decision = rawMail({ from: 'Records <records@other.example>', to: 'someone@elsewhere.example', subject: 'Final response', date: 'Fri, 24 Oct 2025 10:00:00 -0400', text: letterText('ice-no-records.txt').replace('2026-ICFO-04410', '2026-ICFO-01234').replace('January 9, 2026', 'October 24, 2025') });
    const res = await postMail(decision, team);
    expect(res.status).toBe(202);
    expect((await res.json()).message).toMatchObject({ kind: 'letter', itemId: iceId, why: 'tracking number 2026-ICFO-01234' });
  });
});

describe('an acknowledgment sent over SMTP to the intake address', () => {
  // The client a mail program or a forwarding rule would be: it hears the server's own replies.
  const smtp = () => createTransport({ host: '127.0.0.1', port: stack.mail.port, secure: false, ignoreTLS: true });
  const send = (raw: Buffer, to = stack.mail.intakeAddress) => smtp().sendMail({ envelope: { from: 'foia@hq.dhs.gov', to: [to] }, raw });
  const listed = async () => (await (await http.get('/api/inbound/email', stack.teamToken)).json()).messages as { id: string; via: string; kind: string; itemId?: string }[];
  const ack = rawMail({
    from: 'DHS Privacy Office <foia@hq.dhs.gov>',
    to: 'jordan.lee@example.org',
    subject: 'Your FOIA request',
    date: 'Tue, 21 Oct 2025 10:30:00 -0400',
    messageId: '<ack-2025-HQFO-00789@hq.dhs.gov>',
    text: letterText('dhs-ack.txt').replace('November 12, 2025', 'October 21, 2025').replace('November 6, 2025', 'October 15, 2025').replace('November 7,', 'October 16,'),
  });
  let dhsId: string;
  let treasuryId: string;

  beforeAll(async () => {
    treasuryId = await request('Treasury', '2025-10-15T14:00:00Z');
    dhsId = await request('Department of Homeland Security', '2025-10-16T14:00:00Z');
  });

  it('becomes proposals on the DHS request, and is not kept as mail the app sent', async () => {
    const sentBefore = listMessages(stack.mail.sentDir);
    expect(stack.mail.intakeAddress).toBe('intake@docketwatch.local');
    // The server answers 250 only once the intake has kept the message: no waiting after it.
    const info = await send(ack);
    expect(info.accepted).toEqual([stack.mail.intakeAddress]);
    const message = (await listed()).find((m) => m.via === 'smtp')!;
    expect(message).toMatchObject({ kind: 'letter', itemId: dhsId, agency: 'DHS', trackingNumber: '2025-HQFO-00789' });
    const mine = (await proposals()).filter((p) => p.mailSha256 === message.id);
    expect(mine.map((p) => [p.event.type, p.itemId]).sort()).toEqual([
      ['acknowledged', dhsId],
      ['extension_notice', dhsId],
      ['received', dhsId],
    ]);
    expect(mine.some((p) => p.itemId === treasuryId)).toBe(false);
    expect(listMessages(stack.mail.sentDir)).toEqual(sentBefore);

    const confirmed = await http.post(`/api/mail/proposals/${mine.find((p) => p.event.type === 'acknowledged')!.id}/confirm`, {}, team);
    expect(confirmed.status, await confirmed.clone().text()).toBe(200);
    await settledItem(dhsId);
    const item = await (await http.get(`/api/requests/${dhsId}`, stack.teamToken)).json();
    expect(item.events.find((e: { type: string }) => e.type === 'acknowledged').data).toEqual({ trackingNumber: '2025-HQFO-00789' });
  });

  it('the same message again is accepted and adds nothing', async () => {
    const before = await listed();
    await send(ack);
    expect(await listed()).toEqual(before);
  });

  it('a MIME bomb or a 25 MB message gets a permanent SMTP error and nothing is kept', async () => {
    const before = await listed();
    const sentBefore = listMessages(stack.mail.sentDir);
    const bomb = Buffer.from(`From: a@b.example\r\nSubject: parts\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${'--b\r\nContent-Type: text/plain\r\n\r\nx\r\n'.repeat(500)}--b--\r\n`);
    await expect(send(bomb)).rejects.toMatchObject({ responseCode: 554, response: expect.stringMatching(/501 MIME parts.*nothing was stored/) });
    const huge = rawMail({ subject: 'A very long letter', text: `${'This line says nothing at all, many times over. '.repeat(550_000)}` });
    expect(huge.length).toBeGreaterThan(25 * 1024 * 1024);
    await expect(send(huge)).rejects.toMatchObject({ responseCode: 552 });
    expect(await listed()).toEqual(before);
    expect(listMessages(stack.mail.sentDir)).toEqual(sentBefore);
  });

  it('mail to any other address goes to the sent store, not to the intake', async () => {
    const before = await listed();
    const info = await send(rawMail({ text: letterText('dhs-ack.txt') }), 'someone@example.org');
    expect(info.accepted).toEqual(['someone@example.org']);
    expect(await listed()).toEqual(before);
  });
});

describe('a letter no request matches', () => {
  it('waits for a person to pick the request, then records on the one picked', async () => {
    const id = await request('Department of Justice', '2025-10-01T14:00:00Z');
    const text = letterText('doj-clarify-and-fee.txt').replace('December 9, 2025', 'October 20, 2025');
    const res = await postMail(rawMail({ from: 'foia@crt.usdoj.gov', to: 'nobody@example.net', date: 'Mon, 20 Oct 2025 09:00:00 -0400', text }), team);
    const { message } = await res.json();
    // The DOJ request fits the agency and dates, but the message shares no address with it: a candidate, not a match.
    expect(message).toMatchObject({ kind: 'letter', agency: 'DOJ', candidates: [id], why: 'no open DOJ request of this address fits: pick the request' });
    expect(message.itemId).toBeUndefined();
    const info = (await proposals()).find((p) => p.mailSha256 === message.id && p.event.type === 'info_request_sent')!;
    const unpicked = await http.post(`/api/mail/proposals/${info.id}/confirm`, {}, team);
    expect(unpicked.status).toBe(409);
    expect((await unpicked.json()).detail).toMatch(/Which request is this letter about\?/);
    const picked = await http.post(`/api/mail/proposals/${info.id}/confirm`, { itemId: id }, team);
    expect(picked.status, await picked.clone().text()).toBe(200);
    expect((await picked.json()).item.events.map((e: { type: string }) => e.type)).toContain('info_request_sent');
  });
});

describe('a court notice by e-mail', () => {
  it('becomes docket proposals for the matter whose inbound secret it came with', async () => {
    const hook = await (await http.post(`/api/matters/${MATTER}/hooks`, { side: 'plaintiffs', usParty: true }, team)).json();
    const secret = String(hook.url).split('/api/hooks/courtlistener/')[1]!;
    const nef = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'docket', 'nef-01-motion-to-dismiss.eml'));
    expect((await postMail(nef, { 'x-inbound-secret': `${secret.slice(0, -2)}xx` })).status).toBe(404);
    const res = await postMail(nef, { 'x-inbound-secret': secret });
    expect(res.status).toBe(202);
    expect((await res.json()).message).toMatchObject({ kind: 'nef', matterId: MATTER, docketSeq: expect.any(Number) });
    const docket = await (await http.get(`/api/proposals?matter=${MATTER}`, stack.teamToken)).json();
    expect(docket.proposals.some((p: { evidence: string; source: string }) => p.source === 'nef' && /MOTION to Dismiss/.test(p.evidence))).toBe(true);
  });

  it('without a secret, finds the matter by the case number it tracks', async () => {
    const nef = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'docket', 'nef-02-status-report-order.eml'));
    const result = await drop('nef-02.eml', nef);
    expect(result).toMatchObject({ outcome: 'read', detail: { mail: { kind: 'nef', matterId: MATTER } } });
  });
});

describe('what is neither', () => {
  it('is kept and listed as unrecognised, with the reason; a refused message is not kept', async () => {
    const news = rawMail({ from: 'news@litigators.example', subject: 'December bulletin', text: letterText('bar-newsletter.txt') });
    const kept = await postMail(news, team);
    expect(kept.status).toBe(202);
    const { message } = await kept.json();
    expect(message).toMatchObject({ kind: 'unrecognised', reason: 'neither a court notice nor an agency letter about a record request' });
    const bad = await drop('bomb.eml', Buffer.from(`From: a@b.example\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${'--b\r\nContent-Type: text/plain\r\n\r\nx\r\n'.repeat(500)}--b--\r\n`));
    expect(bad).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/501 MIME parts/) });
    const listed = (await (await http.get('/api/inbound/email', stack.teamToken)).json()).messages as { id: string; kind: string }[];
    expect(listed.find((m) => m.id === message.id)?.kind).toBe('unrecognised');
    expect(listed.some((m) => m.kind === 'nef')).toBe(true);
    expect(readFileSync(join(stack.dataDir, 'mail', 'refused', 'bomb.eml.reason.txt'), 'utf8')).toMatch(/MIME parts/);
  });
});
