/**
 * The case at a glance, in Chromium against a local stack: the month calendar (a deadline on
 * its day, moved when extended, the old date shown as superseded; keyboard; the list's filters),
 * a FOIA clock as a picture (the tolled span, a holiday named, the extension, the day the
 * requester may sue), the matter page and its docket report printed to PDF by Chromium (text
 * read back with unpdf), and axe-core on every page the team and the public use: no serious or
 * critical violations. Screenshots go to test-results/e2e/.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { screenshot, signInAt, tokenFor, useBrowser } from './support';

// Callbacks given to page.evaluate run inside Chromium (see support.ts).
declare const document: any;
declare const axe: any;

/** Monday 2 February 2026, 10:00 am in Washington. */
const CLOCK = '2026-02-02T15:00:00Z';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const local = !process.env.E2E_BASE_URL;
/** A member of the demo matter's team (and an administrator). */
const EMAIL = 'alex.rivera@example.org';

interface Seeded {
  token: string;
  foiaId: string;
  trackingCode: string;
  /** The response deadline before and after the extension. */
  before: string;
  after: string;
}
let seeded: Seeded;

async function call(url: string, token: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
const responseDue = (item: any): string => item.deadlines.find((d: any) => d.rule.startsWith('foia.response') && d.status === 'open').due;

describe.skipIf(!local)('the case at a glance', () => {
  const session = useBrowser({
    noProblems: true,
    clockStart: CLOCK,
    async setup(stack) {
      const token = await tokenFor(stack, EMAIL);
      // Received Monday 12 January 2026: the count skips Martin Luther King, Jr. Day (19 January).
      const created = await call(stack.url, token, '/api/requests', {
        kind: 'foia', agency: 'IRS', matterId: 'ctr-v-irs', receivedAt: '2026-01-12T10:00:00-05:00',
        requester: { name: 'Maria Example', email: 'maria@example.org' },
        description: 'Records of the IRS-ICE data sharing agreement concerning ITIN holders.',
        feeWaiver: { requested: false }, expedited: { requested: false },
      });
      const path = `/api/requests/${created.id}/events`;
      // The agency asks for information on the 26th; the answer arrives on the 29th: tolled.
      await call(stack.url, token, path, { type: 'info_request_sent', at: '2026-01-26T11:00:00-05:00' });
      const tolled = await call(stack.url, token, path, { type: 'info_response_received', at: '2026-01-29T11:00:00-05:00' });
      const before = responseDue(tolled);
      const extended = await call(stack.url, token, path, { type: 'extension_notice', at: '2026-02-02T09:00:00-05:00', workingDays: 5 });
      const after = responseDue(extended);
      // The docket's demo entries, so the matter page has a docket to show.
      const { seedDemoDocket } = await import('../../local/demo-docket');
      await seedDemoDocket(new Date(CLOCK));
      // A sweep on the morning two weeks before the new date: its reminders go out by e-mail.
      const { runSweep } = await import('../../functions/lib/reminder-sweep');
      const sweep = await runSweep({ at: new Date('2026-02-09T13:30:00Z') });
      if (sweep.failed || !sweep.sent.some((n) => n.itemId === created.id)) throw new Error(`the sweep sent nothing for the request: ${JSON.stringify(sweep)}`);
      seeded = { token, foiaId: created.id, trackingCode: created.trackingCode, before, after };
    },
  });

  async function seriousViolations(p: Page): Promise<string[]> {
    await p.evaluate(AXE_SOURCE);
    const results = await p.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
    return (results.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  const cell = (p: Page, iso: string) => p.locator(`#calendar-grid td[data-date="${iso}"]`);

  it('the extension moved the response deadline later (the premise of what follows)', () => {
    expect(seeded.before.localeCompare(seeded.after)).toBeLessThan(0);
    expect(seeded.before.slice(0, 7)).toBe('2026-02');
    expect(seeded.after.slice(0, 7)).toBe('2026-02');
  });

  it('calendar: the deadline sits on its day, the extension moved it, the old day shows it superseded', async () => {
    const { page } = session;
    await signInAt(page, '/dashboard/calendar?month=2026-02', EMAIL, 'calendar-title');
    await page.waitForFunction(() => /entr(y|ies) in February 2026/.test(document.getElementById('calendar-status').textContent));
    expect(await page.locator('#calendar-title').textContent()).toBe('Calendar: February 2026');
    expect(await page.locator('#calendar-grid').getAttribute('role')).toBe('grid');
    // Every day of the month, each with its date in a <time datetime>.
    expect(await page.locator('#calendar-grid td[data-date] time[datetime]').count()).toBe(28);
    expect(await cell(page, '2026-02-14').locator('time').getAttribute('datetime')).toBe('2026-02-14');

    const now = cell(page, seeded.after).locator('li.entry');
    expect(await now.filter({ hasText: 'Agency response due' }).getAttribute('class')).toMatch(/kind-request state-open/);
    expect(await now.locator('a').first().getAttribute('href')).toBe(`/dashboard/requests/${seeded.foiaId}`);
    const was = cell(page, seeded.before).locator('li.entry.state-superseded');
    expect(await was.count()).toBe(1);
    expect(await was.textContent()).toContain('moved (superseded)');
    // Today is marked.
    expect(await cell(page, '2026-02-02').getAttribute('class')).toContain('is-today');
    await screenshot(page, 'views-calendar-february');

    // Keyboard: one tab stop on today; arrows move by day and week; Page Down to March.
    await page.locator('#calendar-grid td[tabindex="0"]').focus();
    expect(await page.evaluate(() => document.activeElement.dataset.date)).toBe('2026-02-02');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement.dataset.date)).toBe('2026-02-10');
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => document.getElementById('calendar-title').textContent === 'Calendar: March 2026');
    await page.waitForFunction(() => document.activeElement?.dataset?.date === '2026-03-10');
    expect(new URL(page.url()).search).toBe('?month=2026-03');

    // The list's filters apply: another kind empties February.
    await page.goto('/dashboard/calendar?month=2026-02');
    await page.waitForFunction(() => /entr(y|ies) in February 2026/.test(document.getElementById('calendar-status').textContent));
    await page.selectOption('#f-kind', 'filing');
    await page.waitForFunction(() => /Nothing falls in February 2026/.test(document.getElementById('calendar-status').textContent));
    expect(await cell(page, seeded.after).locator('li.entry').count()).toBe(0);
  });

  it('calendar: prints the month on one page', async () => {
    const { page } = session;
    await signInAt(page, '/dashboard/calendar?month=2026-02', EMAIL, 'calendar-title');
    await page.waitForFunction(() => /entr(y|ies) in February 2026/.test(document.getElementById('calendar-status').textContent));
    const pdf = await page.pdf({ printBackground: true });
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    expect(doc.numPages).toBe(1);
    const text = (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Calendar: February 2026');
    expect(text).toContain('Agency response due');
    expect(text).not.toContain('Sign out');
  });

  it('the clock as a picture: the tolled span, a holiday named, the extension, the day to sue', async () => {
    const { page } = session;
    await signInAt(page, `/dashboard/requests/${seeded.foiaId}`, EMAIL, 'item-title');
    const figure = page.locator('li.deadline.status-open').filter({ hasText: 'Agency response due' }).locator('figure.clock');
    await figure.waitFor({ state: 'visible' });
    const svg = figure.locator('svg');
    // Tolled: the 27th through the 29th (the day the agency asked counts; the answer day does not).
    expect(await svg.locator('rect.day-tolled').evaluateAll((r) => r.map((x: any) => x.dataset.date))).toEqual(['2026-01-27', '2026-01-28', '2026-01-29']);
    // The holiday, named on hover (its <title>) and in the text beside the picture.
    const holiday = svg.locator('rect.day-holiday[data-date="2026-01-19"] title');
    expect(await holiday.textContent()).toContain('Birthday of Martin Luther King, Jr.');
    const caption = (await figure.locator('figcaption').textContent()) ?? '';
    expect(caption).toContain('Tolled from 2026-01-27 through 2026-01-29 (3 days not counted)');
    expect(caption).toContain('Skipped 2026-01-19: Birthday of Martin Luther King, Jr.');
    expect(caption).toContain(`Extension: the last 5 working days`);
    expect(await svg.locator('rect.day-extension').count()).toBe(5);
    // The due date, the day the requester may sue (the next), and today.
    expect(await svg.locator('g.marker-due').getAttribute('data-date')).toBe(seeded.after);
    const sue = await svg.locator('g.marker-sue').getAttribute('data-date');
    expect(Date.parse(sue!) - Date.parse(seeded.after)).toBe(86_400_000);
    expect(await svg.locator('g.marker-today').getAttribute('data-date')).toBe('2026-02-02');
    // The picture is labelled for screen readers by its title and description; the receipt stays below.
    const desc = await svg.locator('desc').textContent();
    expect(desc).toContain('Tolled from 2026-01-27');
    expect(await page.locator('li.deadline.status-open details.receipt').first().isVisible()).toBe(true);
    // The reminders the sweep e-mailed are listed as sent, each to its person, with its Message-ID.
    await page.waitForFunction(() => document.querySelectorAll('#item-notifications li').length >= 3);
    const sent = await page.locator('#item-notifications li').allTextContents();
    for (const name of ['Alex Rivera', 'Jordan Lee', 'Sam Okafor']) {
      expect(sent.some((t) => t.includes(`e-mail sent to ${name}`) && /Message-ID <\w+@docketwatch\.notifications>/.test(t)), name).toBe(true);
    }
    await screenshot(page, 'views-clock-foia');
  });

  it('the matter page: facts, items by phase, team, docket, and the docket report printed to PDF', async () => {
    const { page } = session;
    await signInAt(page, '/dashboard/matters/ctr-v-irs', EMAIL, 'matter-title');
    await page.waitForFunction(() => document.getElementById('matter-title').textContent === 'Center for Taxpayer Rights v. IRS');
    expect(await page.locator('#matter-facts').textContent()).toContain('No. 1:25-cv-00457-CKK');
    expect(await page.locator('#matter-items a').first().getAttribute('href')).toBe(`/dashboard/requests/${seeded.foiaId}`);
    expect(await page.locator('#matter-team').textContent()).toContain('Jordan Lee');
    await page.waitForFunction(() => document.querySelectorAll('#matter-docket li.docket-entry').length > 0);
    expect(await page.locator('#matter-proposals').textContent()).toMatch(/proposals? from the docket wait/);
    const report = page.locator('#matter-report-body');
    expect(await report.locator(`tr.status-open`).filter({ hasText: 'Agency response due' }).count()).toBe(1);
    expect(await report.locator(`tr.status-superseded`).count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'views-matter');

    const pdf = await page.pdf({ printBackground: true, format: 'Letter' });
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Center for Taxpayer Rights v. IRS');
    expect(text).toContain('No. 1:25-cv-00457-CKK');
    expect(text).toContain('Docket report');
    expect(text).toContain('Agency response due');
    expect(text).toContain('5 U.S.C. 552(a)(6)');
    expect(text).toContain('foia.response+unusual');
    // The receipt in short, and the history: both superseded dates are in it.
    expect(text).toContain('Unusual-circumstances extension of 5 working day(s)');
    expect(text).toContain('Past deadlines (met, missed or moved)');
    // The page's controls are not printed.
    expect(text).not.toContain('Print the docket report');
    expect(text).not.toContain('Sign out');
  });

  it('no serious or critical accessibility violations on the public and the team pages', async () => {
    const { page } = session;
    const found: Record<string, string[]> = {};
    await page.goto('/');
    await page.locator('form').first().waitFor({ state: 'visible' });
    found.intake = await seriousViolations(page);
    await page.goto(`/track/${seeded.trackingCode}`);
    await page.waitForFunction(() => !!document.querySelector('main h1, main h2'));
    await page.waitForLoadState('networkidle');
    found.tracking = await seriousViolations(page);

    await signInAt(page, '/dashboard', EMAIL, 'due-title');
    await page.waitForFunction(() => /open deadline|No open deadlines/.test(document.getElementById('due-status').textContent));
    found.list = await seriousViolations(page);
    await page.goto('/dashboard/calendar?month=2026-02');
    await page.waitForFunction(() => /entr(y|ies) in February 2026/.test(document.getElementById('calendar-status')?.textContent ?? ''));
    found.calendar = await seriousViolations(page);
    await page.goto(`/dashboard/requests/${seeded.foiaId}`);
    await page.locator('figure.clock').first().waitFor({ state: 'visible' });
    await page.waitForFunction(() => !/Loading/.test(document.getElementById('item-notifications').textContent));
    found.item = await seriousViolations(page);
    await page.goto('/dashboard/matters/ctr-v-irs');
    await page.waitForFunction(() => document.querySelectorAll('#matter-docket li.docket-entry').length > 0);
    found.matter = await seriousViolations(page);
    expect(found).toEqual({ intake: [], tracking: [], list: [], calendar: [], item: [], matter: [] });
  });
});
