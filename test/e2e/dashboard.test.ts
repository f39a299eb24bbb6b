/**
 * The team dashboard in Chromium against a local stack: development sign-in, what is due in its
 * buckets, the disclosure-notice countdown, filters, one item with its receipt and timeline, the
 * event form's errors, a phone-sized screen. Screenshots go to test-results/e2e/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dateIn } from '../../core/time';
import { expectNoHorizontalScroll, screenshot, tabTo, useBrowser } from './support';

let foiaId: string;
const seeded: Record<string, string> = {};

const DAY = 86_400_000;
const iso = (ms: number) => dateIn(new Date(ms));
/** The local stack's clock: Friday 6 March 2026, 4:45 pm in Washington (EST; DST starts that Sunday). */
const CLOCK = '2026-03-06T21:45:00Z';
const local = !process.env.E2E_BASE_URL;

const session = useBrowser({
  noProblems: true,
  clockStart: CLOCK,
  async setup(stack) {
    const res = await fetch(`${stack.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'foia', agency: 'IRS', requester: { name: 'Maria Example', email: 'maria@example.org' },
        description: 'Records of the IRS-ICE data sharing agreement concerning ITIN holders.',
        feeWaiver: { requested: false }, expedited: { requested: false },
      }),
    });
    foiaId = ((await res.json()) as { id: string }).id;
    // Filings and notices straight into the table, dated against the stack's clock; the stack
    // runs in this process, so the store writes to its table.
    if (local) {
      const { seedItem } = await import('../support/seed');
      const now = Date.parse(CLOCK);
      const notice = await seedItem({
        kind: 'disclosure_notice', title: 'IRS notice: intends to share ITIN addresses with ICE', agency: 'IRS',
        rule: 'frcp6.hours', trigger: new Date(now - 3_600_000).toISOString(), params: { hours: 24 }, summary: 'Addresses of 40,000 ITIN holders',
      });
      const overdue = await seedItem({ kind: 'filing', title: 'Joint status report', rule: 'court_order.fixed', label: 'Joint status report due (order)', trigger: iso(now - 10 * DAY), params: { date: iso(now - DAY) }, owner: 'associate', watchers: ['associate'] });
      const opposition = await seedItem({ kind: 'filing', title: 'Opposition to motion to dismiss', rule: 'lcvr7b.opposition', trigger: iso(now - 2 * DAY), owner: 'associate', watchers: ['associate'] });
      Object.assign(seeded, { notice: notice.item.id, overdue: overdue.item.id, opposition: opposition.item.id });
    }
  },
});

async function signIn(p: Page, email = 'alex.rivera@example.org'): Promise<void> {
  await p.goto('/dashboard');
  await p.locator('#signin-form').waitFor({ state: 'visible' });
  await p.fill('#f-email', email);
  await p.click('#signin-submit');
  await p.locator('#due-title').waitFor({ state: 'visible' });
  // Loaded means the status says how many matched (it is empty before the first load starts).
  await p.waitForFunction(() => /open deadline|No open deadlines/.test((globalThis as any).document.getElementById('due-status').textContent));
}

describe('dashboard', () => {
  it('refuses an unknown email next to the field, then signs in a team member', async () => {
    const { page } = session;
    await page.goto('/dashboard');
    await page.locator('#signin-form').waitFor({ state: 'visible' });
    await page.fill('#f-email', 'stranger@example.com');
    await page.click('#signin-submit');
    await page.locator('#email-error').waitFor({ state: 'visible' });
    expect(await page.textContent('#email-error')).toMatch(/No team member/);
    expect(await page.getAttribute('#f-email', 'aria-invalid')).toBe('true');
    await page.fill('#f-email', 'jordan.lee@example.org');
    await page.keyboard.press('Enter');
    await page.locator('#due-title').waitFor({ state: 'visible' });
    expect(await page.textContent('#whoami-name')).toBe('Jordan Lee');
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('docketwatch.token'))).toMatch(/^ey/);
  });

  it('shows what is due in buckets, the open notice with a live countdown, and filters', async () => {
    const { page } = session;
    await signIn(page);
    expect(await page.locator('#l-overdue .due-card').count()).toBeGreaterThanOrEqual(seeded.overdue ? 1 : 0);
    if (seeded.overdue) expect(await page.textContent('#l-overdue')).toContain('Joint status report');
    if (seeded.notice) {
      await page.locator('#notices').waitFor({ state: 'visible' });
      const countdown = page.locator('#notices-list .countdown').first();
      const first = await countdown.textContent();
      expect(first).toMatch(/^\d+ h \d{2} min \d{2} s left$/);
      await page.waitForFunction((before) => (globalThis as any).document.querySelector('#notices-list .countdown').textContent !== before, first);
    }
    expect(await page.textContent('#buckets')).toContain('FOIA request to IRS');
    await screenshot(page, 'dashboard-due');

    await page.selectOption('#f-kind', 'foia');
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.due-card').length === 1);
    expect(await page.textContent('#buckets')).not.toContain('Joint status report');
    await page.selectOption('#f-kind', '');
    // Public requests are watched by the whole team; the seeded filings only by the associate.
    await page.selectOption('#f-person', 'paralegal');
    if (seeded.opposition) {
      await page.waitForFunction(() => !(globalThis as any).document.getElementById('buckets').textContent.includes('Opposition to motion to dismiss'));
    }
    expect(await page.textContent('#buckets')).toContain('FOIA request to IRS');
    await page.selectOption('#f-person', 'associate');
    if (seeded.opposition) {
      await page.waitForFunction(() => (globalThis as any).document.getElementById('buckets').textContent.includes('Opposition to motion to dismiss'));
    }
  });

  it('opens an item: phase, deadlines with the computation receipt, timeline, and the event form', async () => {
    const { page } = session;
    await signIn(page);
    await page.click(`a[href="/dashboard/requests/${foiaId}"]`);
    await page.waitForURL(`**/dashboard/requests/${foiaId}`);
    await page.locator('#item-title').waitFor({ state: 'visible' });
    await page.waitForFunction(() => /\S/.test((globalThis as any).document.getElementById('item-title').textContent) && (globalThis as any).document.getElementById('item-title').textContent !== 'Loading…');
    expect(await page.textContent('#item-title')).toBe('FOIA request to IRS');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe('item-title');
    expect(await page.textContent('#item-facts')).toContain('Awaiting the agency’s response');
    const deadline = page.locator('#item-deadlines .deadline').first();
    expect(await deadline.textContent()).toContain('Agency response due');
    await deadline.locator('summary').click();
    const receipt = deadline.locator('.computation');
    await receipt.waitFor({ state: 'visible' });
    expect(await receipt.textContent()).toMatch(/5 U\.S\.C\. 552\(a\)\(6\)\(A\)/);
    expect(await page.textContent('#item-events')).toContain('Request submitted through Docketwatch');
    await page.waitForFunction(() => { const t = (globalThis as any).document.getElementById('item-notifications').textContent; return /\S/.test(t) && !/Loading/.test(t); });
    // Either the list (issue 5's endpoint) or a plain statement that it is not there yet.
    expect(await page.textContent('#item-notifications')).toMatch(/None sent yet|not available on this server yet|to /);

    // Required fields are checked before sending, and the errors sit next to their fields.
    await page.click('#event-submit');
    await page.locator('#e-type-error').waitFor({ state: 'visible' });
    expect(await page.getAttribute('#e-type', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe('event-summary');

    await page.selectOption('#e-type', 'acknowledged');
    await page.locator('#e-trackingNumber').waitFor({ state: 'visible' });
    await page.fill('#e-trackingNumber', '2026-IRS-FOIA-00412');
    await page.click('#event-submit');
    await page.waitForFunction(() => {
      const d = (globalThis as any).document;
      return !d.getElementById('event-summary').hidden || /Recorded/.test(d.getElementById('event-status').textContent);
    });
    await page.locator('#item-deadlines .deadline summary').first().click();
    await screenshot(page, 'dashboard-item');
    const recorded = /Recorded/.test((await page.textContent('#event-status')) ?? '');
    if (recorded) expect(await page.textContent('#item-events')).toContain('Acknowledged by the agency');
    else expect(await page.textContent('#event-summary')).toMatch(/not available|not recorded/);

    if (recorded) {
      // The server's own validation: more than 10 extra working days is refused, next to the field.
      await page.selectOption('#e-type', 'extension_notice');
      await page.fill('#e-workingDays', '15');
      await page.click('#event-submit');
      await page.locator('#event-summary').waitFor({ state: 'visible' });
      await page.locator('#e-workingDays-error').waitFor({ state: 'visible' });
      expect(await page.getAttribute('#e-workingDays', 'aria-invalid')).toBe('true');
      expect((await page.textContent('#e-workingDays-error'))?.length).toBeGreaterThan(0);
      await screenshot(page, 'dashboard-event-error');
    }

    await page.click('#back-link');
    await page.waitForURL('**/dashboard');
    await page.locator('#due-title').waitFor({ state: 'visible' });
  });

  it('highlights an open disclosure notice on its page with a countdown', async () => {
    const { page } = session;
    if (!seeded.notice) return;
    await signIn(page);
    await page.goto(`/dashboard/notices/${seeded.notice}`);
    await page.locator('#item-notice').waitFor({ state: 'visible' });
    expect(await page.textContent('#item-notice-countdown')).toMatch(/\d+ h \d{2} min \d{2} s left/);
    expect(await page.textContent('#item-facts')).toContain('Addresses of 40,000 ITIN holders');
    await screenshot(page, 'dashboard-notice');
  });

  it('is usable by keyboard and on a phone', async () => {
    const page = await session.usePhone();
    await page.goto('/dashboard');
    await page.locator('#signin-form').waitFor({ state: 'visible' });
    await tabTo(page, 'f-email');
    await page.keyboard.type('sam.okafor@example.org');
    await page.keyboard.press('Enter');
    await page.locator('#due-title').waitFor({ state: 'visible' });
    await page.waitForFunction(() => /open deadline/.test((globalThis as any).document.getElementById('due-status').textContent));
    await tabTo(page, 'f-matter');
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'dashboard-phone');
  });
});

/** Waits for the item page the dashboard opens after a 201, and returns the new item's id. */
async function openedItem(p: Page, collection: string): Promise<string> {
  await p.waitForURL(new RegExp(`/dashboard/${collection}/[0-9A-Z]{26}$`));
  await p.waitForFunction(() => { const t = (globalThis as any).document.getElementById('item-title').textContent; return /\S/.test(t) && !/Loading/.test(t); });
  return new URL(p.url()).pathname.split('/').pop()!;
}

describe('creating items from the dashboard', () => {
  it('logs a 24-hour notice received on a Friday afternoon: the countdown runs to Saturday, and Monday is shown as the binding end', async () => {
    const { page } = session;
    const sent: Record<string, unknown>[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/notices') sent.push(JSON.parse(r.postData() ?? 'null'));
    });
    await signIn(page);
    // The prominent action, by keyboard.
    expect(await page.textContent('#new-notice')).toBe('Log a 24-hour notice');
    await page.focus('#new-notice');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/dashboard/new/notice');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe('notice-form-title');
    // Filled in with the time now, in Eastern Time, and the lawsuit's matter.
    if (local) {
      expect(await page.inputValue('#n-receivedAt-date')).toBe('2026-03-06');
      expect(await page.inputValue('#n-receivedAt-time')).toMatch(/^16:4\d$/);
    }
    expect(await page.inputValue('#n-matterId')).toBe('ctr-v-irs');
    if (local) await page.fill('#n-receivedAt-time', '16:30');
    await tabTo(page, 'n-summary');
    await page.keyboard.type('IRS intends to share 12,000 ITIN holders’ addresses with ICE');
    await tabTo(page, 'notice-submit');
    await screenshot(page, 'dashboard-notice-form');
    await page.keyboard.press('Enter');

    const id = await openedItem(page, 'notices');
    await page.locator('#item-notice').waitFor({ state: 'visible' });
    expect(await page.textContent('#item-notice-countdown')).toMatch(/^\d+ h \d{2} min \d{2} s left$/);
    expect(await page.textContent('#item-created')).toMatch(/Notice logged/);
    expect(await page.textContent('#item-facts')).toContain('IRS intends to share 12,000 ITIN holders’ addresses with ICE');
    if (local) {
      // Friday 4:30 pm EST + 24 hours ends on Saturday: FRCP 6(a)(2)(C) runs on to the same time on
      // Monday, which is 4:30 pm EDT (the clocks went forward on Sunday). Read as 24 elapsed hours
      // the agency may act on Saturday at 4:30 pm, so the countdown runs to then.
      expect(sent[0]?.receivedAt).toBe('2026-03-06T16:30:00-05:00');
      expect(await page.textContent('#item-notice-due')).toBe('as early as Mar 7, 2026, 4:30 PM EST (binding end Mar 9, 2026, 4:30 PM EDT)');
      const left = await page.textContent('#item-notice-countdown');
      expect(Number(/^(\d+) h/.exec(left ?? '')?.[1])).toBe(23); // 4:45 pm Friday to 4:30 pm Saturday
      expect(await page.textContent('#item-deadlines')).toMatch(/Earliest end: .*Binding end: /s);
      const deadline = page.locator('#item-deadlines .deadline').first();
      await deadline.locator('summary').click();
      expect(await deadline.locator('.computation').textContent()).toMatch(/6\(a\)\(2\)\(C\)/);
    }
    // The open-notice banner above the page already lists it.
    await page.waitForFunction((itemId) => !!(globalThis as any).document.querySelector(`#notices-list a[href$="${itemId}"]`), id);
    await screenshot(page, 'dashboard-notice-logged');

    // Back on the list, the new notice stands out with its own countdown.
    await page.click('#back-link');
    await page.locator('#notices').waitFor({ state: 'visible' });
    await page.waitForFunction((itemId) => !!(globalThis as any).document.querySelector(`#notices-list a[href$="${itemId}"]`), id);
  });

  it('creates a filing from a trigger and a rule, and shows its computed due date with its receipt', async () => {
    const { page } = session;
    await signIn(page);
    await page.click('#new-filing');
    await page.locator('#filing-form').waitFor({ state: 'visible' });
    await page.fill('#fl-title', 'Opposition to motion to dismiss (ECF 41)');
    await page.selectOption('#fl-rule', 'lcvr7b.opposition');
    // The rule suggests its trigger, and asks for no parameters.
    expect(await page.inputValue('#fl-triggerType')).toBe('motion_served');
    expect(await page.isHidden('#fl-days')).toBe(true);
    await page.fill('#fl-triggerAt-date', '2026-03-02');
    await page.selectOption('#fl-service', 'electronic');
    await page.click('#filing-submit');

    await openedItem(page, 'filings');
    expect(await page.textContent('#item-title')).toBe('Opposition to motion to dismiss (ECF 41)');
    const deadline = page.locator('#item-deadlines .deadline').first();
    // Served Monday 2 March: 14 days later is Monday 16 March (LCvR 7(b), FRCP 6(a)(1)).
    expect(await deadline.locator('.deadline-due').textContent()).toBe('Monday, March 16, 2026');
    expect(await page.textContent('#item-created')).toContain('Monday, March 16, 2026');
    await deadline.locator('summary').click();
    const receipt = deadline.locator('.computation');
    await receipt.waitFor({ state: 'visible' });
    expect(await receipt.textContent()).toMatch(/LCvR 7\(b\)/);
    expect(await receipt.textContent()).toContain('2026-03-16');
    await screenshot(page, 'dashboard-filing-created');
  });

  it('creates a filing on a period the Court directed, keeping the rule and its citation', async () => {
    const { page } = session;
    await signIn(page);
    await page.goto('/dashboard/new/filing');
    await page.locator('#filing-form').waitFor({ state: 'visible' });
    await page.fill('#fl-title', 'Opposition to motion for summary judgment (ECF 52)');
    await page.selectOption('#fl-rule', 'lcvr7b.opposition');
    expect(await page.isHidden('#fl-days')).toBe(true);
    await page.check('#fl-courtSet');
    await page.locator('#fl-days').waitFor({ state: 'visible' });
    await page.fill('#fl-days', '21');
    await page.fill('#fl-triggerAt-date', '2026-03-02');
    await page.click('#filing-submit');
    await openedItem(page, 'filings');
    const deadline = page.locator('#item-deadlines .deadline').first();
    // LCvR 7(b) "or at such other time as the Court may direct": 21 days from Monday 2 March.
    expect(await deadline.locator('.deadline-due').textContent()).toBe('Monday, March 23, 2026');
    expect(await deadline.locator('.deadline-status').textContent()).toMatch(/LCvR 7\(b\).*as the Court directed/);
  });

  it('creates a filing from a trigger set: every deadline the judgment sets is offered with its receipt, the lawyer drops one', async () => {
    const { page } = session;
    await signIn(page);
    await page.goto('/dashboard/new/filing');
    await page.locator('#filing-form').waitFor({ state: 'visible' });
    await page.check('#fl-mode-set');
    await page.locator('#fl-triggerSet option[value="judgment_entered"]').waitFor({ state: 'attached' });
    expect(await page.isHidden('#fl-rule')).toBe(true);
    await page.selectOption('#fl-triggerSet', 'judgment_entered');
    await page.locator('#fl-usParty').waitFor({ state: 'visible' });
    await page.check('#fl-usParty');
    await page.fill('#fl-triggerAt-date', '2026-03-02');
    await page.click('#fl-preview');
    await page.locator('#fl-offered > li').nth(4).waitFor({ state: 'visible' });
    const offered = await page.locator('#fl-offered > li').allTextContents();
    // FRAP 4(a)(1)(B): 60 days to Friday 1 May; FRCP 59(e): 28 days to Monday 30 March.
    expect(offered[0]).toMatch(/Notice of appeal due: Friday, May 1, 2026/);
    expect(offered[1]).toMatch(/Rule 59\(e\).*Monday, March 30, 2026/);
    expect(await page.locator('#fl-offered > li').first().locator('.computation').textContent()).toMatch(/Fed\. R\. App\. P\. 26\(a\)/);
    await page.uncheck('#fl-keep-renewed_jmol');
    await screenshot(page, 'dashboard-filing-trigger-set-offered');
    await page.click('#filing-submit');
    await openedItem(page, 'filings');
    const dues = await page.locator('#item-deadlines .deadline-label').allTextContents();
    expect(dues).toHaveLength(4);
    expect(dues.join(' | ')).not.toMatch(/50\(b\)/);
    await screenshot(page, 'dashboard-filing-trigger-set');
  });

  it('shows the server’s field errors next to their fields', async () => {
    const { page } = session;
    await signIn(page);
    // A date fixed by an order cannot come before the order: only the engine knows that.
    await page.goto('/dashboard/new/filing');
    await page.locator('#filing-form').waitFor({ state: 'visible' });
    await page.fill('#fl-title', 'Joint status report');
    await page.selectOption('#fl-rule', 'court_order.fixed');
    await page.fill('#fl-triggerAt-date', '2026-03-05');
    await page.locator('#fl-date').waitFor({ state: 'visible' });
    await page.fill('#fl-date', '2026-03-01');
    await page.click('#filing-submit');
    await page.locator('#fl-date-error').waitFor({ state: 'visible' });
    expect(await page.textContent('#fl-date-error')).toMatch(/before the order/);
    expect(await page.getAttribute('#fl-date', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#fl-date', 'aria-describedby')).toContain('fl-date-error');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe('fl-error-summary');
    expect(page.url()).toMatch(/\/dashboard\/new\/filing$/);
    await screenshot(page, 'dashboard-filing-error');

    // A notice received tomorrow is refused by the server, next to the date and time.
    await page.goto('/dashboard/new/notice');
    await page.locator('#notice-form').waitFor({ state: 'visible' });
    const today = await page.inputValue('#n-receivedAt-date');
    const next = new Date(Date.parse(`${today}T12:00:00Z`) + DAY).toISOString().slice(0, 10);
    await page.fill('#n-receivedAt-date', next);
    await page.fill('#n-summary', 'Notice dated tomorrow by mistake');
    await page.click('#notice-submit');
    await page.locator('#n-receivedAt-error').waitFor({ state: 'visible' });
    expect(await page.textContent('#n-receivedAt-error')).toMatch(/future/);
    expect(await page.getAttribute('#n-receivedAt-date', 'aria-invalid')).toBe('true');
  });

  it('creates a court-ordered production and a record request logged for someone else', async () => {
    const { page } = session;
    await signIn(page);
    await page.click('#new-production');
    await page.locator('#production-form').waitFor({ state: 'visible' });
    await page.fill('#p-title', 'Supplemental administrative record');
    await page.fill('#p-orderedAt', '2026-03-02');
    await page.fill('#p-days', '14');
    await page.click('#production-submit');
    await openedItem(page, 'productions');
    expect(await page.textContent('#item-title')).toBe('Supplemental administrative record');
    expect(await page.locator('#item-deadlines .deadline-due').first().textContent()).toBe('Monday, March 16, 2026');

    await page.click('#new-request');
    await page.locator('#request-form').waitFor({ state: 'visible' });
    await page.selectOption('#r-matterId', 'ctr-v-irs');
    await page.selectOption('#r-kind', 'privacy_act');
    await page.fill('#r-agency', 'ICE');
    await page.fill('#r-name', 'Maria Example');
    await page.fill('#r-email', 'maria@example.org');
    await page.fill('#r-description', 'All records ICE holds about me that came from the IRS.');
    await page.fill('#r-receivedAt-date', '2026-03-02');
    await page.click('#request-submit');
    await openedItem(page, 'requests');
    expect(await page.textContent('#item-title')).toMatch(/Privacy Act request to ICE/);
    expect(await page.textContent('#item-created')).toMatch(/Tracking code for the requester: \S+/);
    expect(await page.textContent('#item-facts')).toContain('Monday, March 2, 2026');
    expect(await page.textContent('#item-facts')).toContain('Center for Taxpayer Rights v. IRS');
  });

  it('lists the member’s calendar feeds and revokes one', async () => {
    const { page } = session;
    await signIn(page, 'sam.okafor@example.org');
    await page.waitForFunction(() => /no calendar feeds/.test((globalThis as any).document.getElementById('feeds-list').textContent));
    await page.click('#feed-create');
    await page.locator('#feed').waitFor({ state: 'visible' });
    const url = await page.inputValue('#feed-url');
    expect((await fetch(url)).status).toBe(200);
    await page.click('#feed-create');
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#feeds-list .feed-row').length === 2);
    const rows = page.locator('#feeds-list .feed-row');
    expect(await rows.nth(0).textContent()).toMatch(/live/);
    // Revoke the older one, the first URL, from the list.
    await rows.nth(1).locator('button').click();
    await page.waitForFunction(() => /revoked/.test((globalThis as any).document.querySelectorAll('#feeds-list .feed-row')[1]?.textContent ?? ''));
    expect(await rows.nth(1).locator('button').count()).toBe(0);
    expect(await rows.nth(0).locator('button').count()).toBe(1);
    expect(await page.textContent('#tools-status')).toMatch(/Feed revoked/);
    expect((await fetch(url)).status).toBe(404);
    await page.locator('#feeds-list').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-feeds');
  });
});
