/**
 * Calendar days in Chromium: an administrator adds a court closure; the banner and the job's
 * progress bar show the recomputation advancing; when it ends, the page says what moved for whom
 * and the moved deadline is on its new date.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, signInAt, tokenFor, useBrowser } from './support';

declare const document: any;

/** Tuesday 3 March 2026, 10:00 in Washington. */
const CLOCK = '2026-03-03T15:00:00Z';
const FILINGS = 120;
// One item a batch: a hundred items take long enough to be seen under way.
process.env.JOB_BATCH_SIZE = '1';

const session = useBrowser({
  noProblems: true,
  clockStart: CLOCK,
  async setup(stack) {
    const token = await tokenFor(stack, 'alex.rivera@example.org');
    for (let i = 0; i < FILINGS; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, j) => {
          const res = await fetch(`${stack.url}/api/filings`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            // Served Monday 2 March: 14 days (LCvR 7(b)) end Monday 16 March.
            body: JSON.stringify({ matterId: 'ctr-v-irs', title: `Opposition ${i + j + 1}`, rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: '2026-03-02', service: 'electronic' } }),
          });
          expect(res.status).toBe(201);
        }),
      );
    }
  },
});

describe('Calendar days', () => {
  it('an administrator adds a closure and watches the recomputation advance to its summary', { timeout: 300_000 }, async () => {
    const page = session.page;
    await signInAt(page, '/dashboard/calendar-days', 'alex.rivera@example.org', 'days-title');
    // The list loads after the page shows: nothing added yet.
    await page.locator('#days-empty').waitFor({ state: 'visible' });
    expect(await page.locator('#days-list tr').count()).toBe(0);

    await page.selectOption('#day-kind', 'courtClosures');
    await page.fill('#day-date', '2026-03-16');
    await page.fill('#day-label', 'Standing order: courthouse closed (water main)');
    await page.click('#day-submit');

    // Under way: the banner's bar shows part of the items, then more of them.
    const bar = '#job-banner progress';
    await page.waitForFunction((sel: string) => {
      const p = document.querySelector(sel);
      return p && p.value > 0 && p.value < p.max;
    }, bar);
    const first = await page.$eval(bar, (p: any) => Number(p.value));
    await screenshot(page, 'calendar-job-running');
    expect(await page.textContent('#job-banner')).toContain('Recomputing deadlines.');
    await page.waitForFunction(
      ([sel, seen]: [string, number]) => {
        const p = document.querySelector(sel);
        return !p || p.value > seen;
      },
      [bar, first] as [string, number],
      { timeout: 60_000 },
    );

    // Done: the banner says so, and the summary lists what moved, per matter and per item.
    // Bounded generously: on a busy machine a hundred and twenty one-item batches take a while.
    await page.waitForFunction(() => /Calendar change done/.test(document.getElementById('job-banner').textContent), undefined, { timeout: 180_000 });
    await page.locator('#job-summary').waitFor({ state: 'visible' });
    const summary = await page.textContent('#job-summary');
    expect(summary).toContain(`${FILINGS} items moved`);
    expect(summary).toContain('Center for Taxpayer Rights v. IRS');
    expect(await page.locator('#job-summary .moved-items li').count()).toBe(FILINGS);
    expect(await page.textContent('#jobs-list')).toContain(`${FILINGS} of ${FILINGS} found; ${FILINGS} moved`);
    expect(await page.locator('#days-list tr').count()).toBe(1);
    expect(await page.locator('#days-list time').getAttribute('datetime')).toBe('2026-03-16');
    await screenshot(page, 'calendar-job-done');

    // An item from the summary is on its new date: Tuesday 17 March.
    await page.locator('#job-summary .moved-items a').first().click();
    await page.locator('#item-title').waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.getElementById('item-deadlines').textContent.length > 0);
    expect(await page.textContent('#item-deadlines')).toContain('Tuesday, March 17, 2026');
  });
});
