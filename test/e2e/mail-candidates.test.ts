/**
 * Picking the request a letter is about, in Chromium. Two open ICE requests of the same
 * requester, made the same day and neither with a tracking number yet: an ICE acknowledgment
 * fits both, so its proposals offer both as candidates. The card names each request so a person
 * can tell them apart; Confirm without a pick says so and sends nothing; the pick decides which
 * request the event lands on, and only that one. A Treasury letter, with no Treasury request
 * open, offers nothing to pick and cannot be confirmed, only dismissed.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { letterText, rawMail } from '../support/mail';
import { validIntake } from '../support/fixtures';
import { postAs, screenshot, signInAt, tokenFor, useBrowser } from './support';

declare const document: any;

/** Wednesday 5 November 2025, 10:00 in Washington: both letters came in the last two days. */
const CLOCK = '2025-11-05T15:00:00Z';
const DETENTION = 'Detention transfer records for the Alvarez family held at the Krome facility, 2024 to date.';
const CONTRACTS = 'Contracts and task orders with private transport firms for removal flights from Louisiana, 2025.';

let token: string;
/** The requests in the order they were made. */
const made: { id: string; description: string }[] = [];

interface Proposal { id: string; itemId?: string; candidates: string[]; status: string; why: string; reason?: string; agency?: string; event: { type: string; trackingNumber?: string } }
interface Item { id: string; events: { type: string; data: Record<string, unknown> }[] }

const api = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${session.stack.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};
const proposals = async () => (await api<{ proposals: Proposal[] }>('/api/mail/proposals')).proposals;
const eventTypes = async (id: string) => (await api<Item>(`/api/requests/${id}`)).events.map((e) => e.type);

/** Every POST the page sends to confirm a letter's proposal. */
function recordConfirms(page: Page): { url: string; body: unknown }[] {
  const sent: { url: string; body: unknown }[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/mail\/proposals\/[^/]+\/confirm$/.test(r.url())) sent.push({ url: r.url(), body: JSON.parse(r.postData() ?? 'null') });
  });
  return sent;
}

const session = useBrowser({
  noProblems: true,
  clockStart: CLOCK,
  async setup(stack) {
    token = await tokenFor(stack, 'alex.rivera@example.org');
    const post = (path: string, body: string, type = 'application/json') => postAs(stack, token, path, body, type);
    for (const [description, receivedAt] of [[DETENTION, '2025-10-27T14:10:00Z'], [CONTRACTS, '2025-10-27T19:45:00Z']] as const) {
      const res = await post('/api/requests', JSON.stringify(validIntake({ agency: 'ICE', matterId: 'ctr-v-irs', receivedAt, description })));
      expect(res.status).toBe(201);
      made.push({ id: ((await res.json()) as { id: string }).id, description });
    }
    const ice = rawMail({ from: 'ICE FOIA <ice-foia@ice.dhs.gov>', to: 'maria@example.org', subject: 'Your FOIA request', date: 'Mon, 03 Nov 2025 15:20:00 -0500', text: letterText('ice-ack-two-requests.txt') });
    expect((await post('/api/inbound/email', ice.toString('utf8'), 'message/rfc822')).status).toBe(202);
    const treasury = rawMail({ from: 'Treasury FOIA <foia@treasury.gov>', to: 'maria@example.org', subject: 'FOIA acknowledgment', date: 'Tue, 04 Nov 2025 09:05:00 -0500', text: letterText('treasury-ack-unmatched.txt') });
    expect((await post('/api/inbound/email', treasury.toString('utf8'), 'message/rfc822')).status).toBe(202);
  },
});

describe('Picking the request a letter is about', () => {
  it('lists both fitting requests by name, refuses Confirm without a pick, and records the event on the picked request only', async () => {
    // The matcher could not decide: both requests are candidates of every ICE proposal.
    const before = (await proposals()).filter((p) => p.agency === 'ICE');
    expect(before.map((p) => p.event.type).sort()).toEqual(['acknowledged', 'received']);
    for (const p of before) {
      expect(p.itemId).toBeUndefined();
      expect([...p.candidates].sort()).toEqual(made.map((m) => m.id).sort());
    }
    const ackProposal = before.find((p) => p.event.type === 'acknowledged')!;
    const [first, second] = ackProposal.candidates.map((id) => made.find((m) => m.id === id)!) as [(typeof made)[0], (typeof made)[0]];

    const page = session.page;
    const confirms = recordConfirms(page);
    await signInAt(page, '/dashboard', 'alex.rivera@example.org', 'due-title');
    const card = page.locator(`#mail-list .letter-proposal[data-proposal="${ackProposal.id}"]`);
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('.proposal-due').textContent()).toContain('Agency tracking number: 2026-ICFO-07815');
    expect(await card.locator('.proposal-meta').textContent()).toContain('Which request?');

    // The select offers the placeholder, then both requests best first, each by its own name.
    const pick = card.locator('select[name="itemId"]');
    expect(await page.textContent(`label[for="${await pick.getAttribute('id')}"]`)).toBe('The request this letter is about');
    const options = await pick.locator('option').evaluateAll((os: { value: string; textContent: string }[]) => os.map((o) => ({ value: o.value, text: o.textContent })));
    expect(options.map((o) => o.value)).toEqual(['', first.id, second.id]);
    expect(options[0]!.text).toBe('Pick the request');
    for (const [option, request] of [[options[1]!, first], [options[2]!, second]] as const) {
      expect(option.text).toContain('FOIA request to ICE');
      expect(option.text).toContain(request.description.slice(0, 30));
    }
    expect(options[1]!.text).not.toBe(options[2]!.text);

    // Confirm without a pick: a clear message, focus on the select, nothing sent or recorded.
    await card.locator('button[data-action="confirm"]').click();
    const problem = card.locator('.field-error');
    await problem.waitFor({ state: 'visible' });
    expect(await problem.textContent()).toBe('Pick the request this letter is about first.');
    expect(await pick.evaluate((s: unknown) => document.activeElement === s)).toBe(true);
    expect(confirms).toEqual([]);
    expect((await proposals()).find((p) => p.id === ackProposal.id)?.status).toBe('pending');
    for (const m of made) expect(await eventTypes(m.id)).toEqual(['submitted']);
    await screenshot(page, 'mail-candidates-unpicked');

    // The second request, picked by its name, gets the acknowledgment.
    await pick.selectOption({ label: options[2]!.text });
    await card.locator('button[data-action="confirm"]').click();
    await page.waitForFunction((id) => !document.querySelector(`#mail-list [data-proposal="${id}"]`), ackProposal.id);
    expect(await page.textContent('#mail-status')).toBe(`Confirmed: Acknowledged by the agency on ${options[2]!.text}.`);
    expect(confirms.map((c) => c.body)).toEqual([{ itemId: second.id }]);
    await screenshot(page, 'mail-candidates-picked');

    // Through the API: the event on the picked request, none on the other, the proposal confirmed with that itemId.
    const picked = await api<Item>(`/api/requests/${second.id}`);
    expect(picked.events.filter((e) => e.type === 'acknowledged').map((e) => e.data)).toEqual([{ trackingNumber: '2026-ICFO-07815' }]);
    expect(await eventTypes(first.id)).toEqual(['submitted']);
    const after = await proposals();
    expect(after.find((p) => p.id === ackProposal.id)).toMatchObject({ status: 'confirmed', itemId: second.id });
    // The letter's other proposal still waits for its own pick.
    expect(after.find((p) => p.agency === 'ICE' && p.event.type === 'received')).toMatchObject({ status: 'pending' });
    expect(after.find((p) => p.agency === 'ICE' && p.event.type === 'received')?.itemId).toBeUndefined();
  });

  it('a letter no open request fits says so and cannot be confirmed, only dismissed', async () => {
    const unmatched = (await proposals()).filter((p) => p.agency === 'Treasury');
    expect(unmatched.map((p) => p.event.type).sort()).toEqual(['acknowledged', 'received']);
    for (const p of unmatched) expect(p).toMatchObject({ candidates: [], status: 'pending', why: 'no open Treasury request fits the letter' });

    const page = session.page;
    const confirms = recordConfirms(page);
    await signInAt(page, '/dashboard', 'alex.rivera@example.org', 'due-title');
    const cardOf = (p: Proposal) => page.locator(`#mail-list .letter-proposal[data-proposal="${p.id}"]`);
    for (const p of unmatched) {
      const card = cardOf(p);
      await card.waitFor({ state: 'visible' });
      const pick = card.locator('select[name="itemId"]');
      expect(await pick.locator('option').allTextContents()).toEqual(['No open request fits']);
      expect(await pick.isDisabled()).toBe(true);
      const confirm = card.locator('button[data-action="confirm"]');
      expect(await confirm.isDisabled()).toBe(true);
      const note = page.locator(`#${await confirm.getAttribute('aria-describedby')}`);
      expect(await note.textContent()).toBe('No open request fits this letter, so it cannot be confirmed: dismiss it with the reason.');
      expect(await card.locator('button[data-action="dismiss"]').isDisabled()).toBe(false);
    }
    await screenshot(page, 'mail-candidates-none-fits');

    // The API refuses it too, with the reason, and the proposal still waits.
    const [ack, received] = [unmatched.find((p) => p.event.type === 'acknowledged')!, unmatched.find((p) => p.event.type === 'received')!];
    const refused = await postAs(session.stack, token, `/api/mail/proposals/${ack.id}/confirm`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain('Which request is this letter about?');

    // Someone else dismisses the receipt meanwhile: the page's own dismissal is refused, and its Confirm stays off.
    const elsewhere = await postAs(session.stack, token, `/api/mail/proposals/${received.id}/dismiss`, JSON.stringify({ reason: 'Dismissed from another tab' }));
    expect(elsewhere.status).toBe(200);
    const late = cardOf(received);
    await late.locator('button[data-action="dismiss"]').click();
    await late.locator('input[name="reason"]').fill('We never wrote to Treasury');
    await late.locator('form.dismiss-form button[type="submit"]').click();
    const problem = late.locator('.field-error');
    await problem.waitFor({ state: 'visible' });
    expect(await problem.textContent()).toContain('The proposal is dismissed already');
    expect(await late.locator('button[data-action="confirm"]').isDisabled()).toBe(true);
    expect(await late.locator('button[data-action="dismiss"]').isDisabled()).toBe(false);

    // The acknowledgment is dismissed from the page, with its reason.
    const card = cardOf(ack);
    await card.locator('button[data-action="dismiss"]').click();
    await card.locator('input[name="reason"]').fill('We never wrote to Treasury');
    await card.locator('form.dismiss-form button[type="submit"]').click();
    await page.waitForFunction((id) => !document.querySelector(`#mail-list [data-proposal="${id}"]`), ack.id);
    expect(await page.textContent('#mail-status')).toContain('Dismissed: Acknowledged by the agency.');

    expect(confirms).toEqual([]);
    const after = await proposals();
    expect(after.find((p) => p.id === ack.id)).toMatchObject({ status: 'dismissed', reason: 'We never wrote to Treasury' });
    expect(after.find((p) => p.id === received.id)).toMatchObject({ status: 'dismissed', reason: 'Dismissed from another tab' });
    expect(after.filter((p) => p.agency === 'Treasury').every((p) => p.itemId === undefined)).toBe(true);
  });
});
