/**
 * "From the mail" in Chromium: an ICE acknowledgment forwarded to the intake waits as proposed
 * events on the ICE request; confirming one from the dashboard records the tracking number on
 * the request, dismissing another keeps its reason. The messages received are listed, an
 * unrecognised one with the reason, and what a message says is shown as text, never as HTML.
 */
import { describe, expect, it } from 'vitest';
import { letterText, rawMail } from '../support/mail';
import { validIntake } from '../support/fixtures';
import { postAs, screenshot, signInAt, tokenFor, useBrowser } from './support';

declare const document: any;

/** Tuesday 21 October 2025, 11:00 in Washington: the letter came yesterday. */
const CLOCK = '2025-10-21T15:00:00Z';
let token: string;
let iceId: string;

const HOSTILE_SUBJECT = 'Bulletin <img src=x onerror="document.title=1"> <script>document.title=2</script>';

const session = useBrowser({
  noProblems: true,
  clockStart: CLOCK,
  async setup(stack) {
    token = await tokenFor(stack, 'alex.rivera@example.org');
    const post = (path: string, body: string, type: string) => postAs(stack, token, path, body, type);
    const created = await post('/api/requests', JSON.stringify(validIntake({ agency: 'ICE', matterId: 'ctr-v-irs', receivedAt: '2025-10-14T14:00:00Z' })), 'application/json');
    expect(created.status).toBe(201);
    iceId = ((await created.json()) as { id: string }).id;
    const ack = rawMail({ from: 'ICE FOIA Office <ice-foia@ice.dhs.gov>', to: 'alex.rivera@example.org', subject: 'ICE FOIA 2026-ICFO-01234', date: 'Mon, 20 Oct 2025 16:02:11 -0400', text: letterText('ice-ack-extension.txt') });
    expect((await post('/api/inbound/email', ack.toString('utf8'), 'message/rfc822')).status).toBe(202);
    const html = rawMail({ from: 'news@litigators.example', subject: HOSTILE_SUBJECT, html: '<p>Our <b>December</b> bulletin.</p><script>document.title = "ran"</script>' });
    expect((await post('/api/inbound/email', html.toString('utf8'), 'message/rfc822')).status).toBe(202);
  },
});

describe('From the mail', () => {
  it('confirms and dismisses a letter’s proposals from the dashboard; messages are listed as text', async () => {
    const page = session.page;
    await signInAt(page, '/dashboard', 'alex.rivera@example.org', 'due-title');
    const cards = page.locator('#mail-list .letter-proposal');
    await cards.first().waitFor({ state: 'visible' });
    expect(await page.textContent('#mail-count')).toBe('(3)');
    const ack = cards.filter({ hasText: 'Acknowledged by the agency' });
    expect(await ack.locator('.proposal-due').textContent()).toContain('Agency tracking number: 2026-ICFO-01234');
    expect(await ack.locator('.proposal-meta').textContent()).toContain('ICE request');
    expect(await ack.locator('.proposal-evidence').textContent()).toMatch(/2026-ICFO-01234/);

    // The messages: the letter and the bulletin, whose subject stays text and whose body is never shown.
    await page.click('#mail-messages-box summary');
    const messages = page.locator('#mail-messages .mail-message');
    await messages.first().waitFor({ state: 'visible' });
    expect(await messages.count()).toBe(2);
    const bulletin = messages.filter({ hasText: 'Not recognised' });
    expect(await bulletin.locator('.docket-entry-text').textContent()).toBe(HOSTILE_SUBJECT);
    expect(await bulletin.locator('.mail-reason').textContent()).toBe('neither a court notice nor an agency letter about a record request');
    expect(await page.locator('#mail-messages img, #mail-messages script, #mail-messages b').count()).toBe(0);
    expect(await page.title()).toBe('What is due | Docketwatch');
    expect(await messages.filter({ hasText: 'Agency letter from ICE, 2026-ICFO-01234: 3 proposed events' }).count()).toBe(1);
    await screenshot(page, 'mail-proposals');

    await ack.locator('button[data-action="confirm"]').click();
    await page.waitForFunction(() => document.getElementById('mail-count').textContent === '(2)');
    expect(await page.textContent('#mail-status')).toContain('Confirmed: Acknowledged by the agency on');

    const extension = cards.filter({ hasText: 'Working days' });
    await extension.locator('button[data-action="dismiss"]').click();
    await extension.locator('input[name="reason"]').fill('Already on the calendar from the officer’s call');
    await extension.locator('form.dismiss-form button[type="submit"]').click();
    await page.waitForFunction(() => document.getElementById('mail-count').textContent === '(1)');
    expect(await page.textContent('#mail-status')).toContain('Dismissed:');
    await screenshot(page, 'mail-decided');

    // What the page did, through the API: the tracking number on the request, the reason on the dismissal.
    const item = (await (await fetch(`${session.stack.url}/api/requests/${iceId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { events: { type: string; data: unknown }[] };
    expect(item.events.find((e: { type: string }) => e.type === 'acknowledged')?.data).toEqual({ trackingNumber: '2026-ICFO-01234' });
    const { proposals: listed } = (await (await fetch(`${session.stack.url}/api/mail/proposals`, { headers: { authorization: `Bearer ${token}` } })).json()) as { proposals: { event: { type: string }; status: string; reason?: string }[] };
    expect(listed.find((p) => p.event.type === 'extension_notice')).toMatchObject({ status: 'dismissed', reason: 'Already on the calendar from the officer’s call' });
    expect(listed.find((p) => p.event.type === 'received')?.status).toBe('pending');
  });
});
