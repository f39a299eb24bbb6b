/**
 * "From the docket" in Chromium: a CourtListener delivery to the matter's webhook URL waits as a
 * proposal; confirming it from the dashboard puts its deadline under "What is due".
 */
import { describe, expect, it } from 'vitest';
import { screenshot, signInAt, tokenFor, useBrowser } from './support';

/** Thursday 14 May 2026, 10:00 in Washington: the motion was served Tuesday. */
const CLOCK = '2026-05-14T14:00:00Z';

const session = useBrowser({
  noProblems: true,
  clockStart: CLOCK,
  async setup(stack) {
    const token = await tokenFor(stack, 'alex.rivera@example.org');
    const hook = await fetch(`${stack.url}/api/matters/ctr-v-irs/hooks`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    const { path } = (await hook.json()) as { path: string };
    const delivery = await fetch(`${stack.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-0001' },
      body: JSON.stringify({
        webhook: { version: 2, event_type: 1, date_created: '2026-05-12T14:01:00-07:00', deprecation_date: null },
        payload: {
          results: [
            { id: 5550001, docket: 69610442, date_filed: '2026-05-12', time_filed: '16:55:00', entry_number: 101, recap_sequence_number: '2026-05-12.001', description: 'MOTION to Dismiss the Amended Complaint by INTERNAL REVENUE SERVICE. (Attachments: # 1 Memorandum in Support)(Ellis, Morgan)', recap_documents: [] },
            { id: 5550002, docket: 69610442, date_filed: '2026-05-12', time_filed: null, entry_number: 102, recap_sequence_number: '2026-05-12.002', description: 'NOTICE of Appearance by Morgan Ellis on behalf of All Defendants (Ellis, Morgan)', recap_documents: [] },
          ],
        },
      }),
    });
    expect(delivery.status).toBe(202);
  },
});

describe('From the docket', () => {
  it('confirms a proposal from the dashboard; its deadline appears in What is due', async () => {
    const page = session.page;
    await signInAt(page, '/dashboard', 'alex.rivera@example.org', 'due-title');
    await page.waitForFunction(() => /open deadline|No open deadlines/.test((globalThis as any).document.getElementById('due-status').textContent));

    const card = page.locator('#docket-list .proposal-card');
    await card.first().waitFor({ state: 'visible' });
    expect(await page.textContent('#docket-count')).toBe('(1)');
    expect(await card.count()).toBe(1);
    const title = 'Opposition to Motion to Dismiss the Amended Complaint [101] due';
    expect(await card.locator('.proposal-title').textContent()).toBe(title);
    // LCvR 7(b): 14 days after service on Tuesday 12 May 2026 is Tuesday 26 May (Memorial Day is the 25th, not the last day).
    expect(await card.locator('.proposal-due time').getAttribute('datetime')).toBe('2026-05-26');
    expect(await card.locator('.proposal-evidence').textContent()).toContain('MOTION to Dismiss the Amended Complaint by INTERNAL REVENUE SERVICE');
    // Not a deadline yet.
    expect(await page.locator('#buckets').textContent()).not.toContain(title);
    await screenshot(page, 'docket-proposal');

    await card.locator('button[data-action="confirm"]').click();
    await page.waitForFunction(() => (globalThis as any).document.getElementById('docket-count').textContent === '(0)');
    expect(await page.textContent('#docket-status')).toContain(`Confirmed: ${title}`);
    const due = page.locator('#l-later .due-card, #l-week .due-card').filter({ hasText: title });
    await due.first().waitFor({ state: 'visible' });
    expect(await due.locator('.due-label').textContent()).toBe('Opposition due');
    expect(await due.locator('time').getAttribute('datetime')).toBe('2026-05-26');

    // The matter's docket: both entries, with what became of each.
    await page.click('#docket-entries-box summary');
    const entries = page.locator('#docket-entries .docket-entry');
    await entries.first().waitFor({ state: 'visible' });
    expect(await entries.count()).toBe(2);
    const text = await page.textContent('#docket-entries');
    expect(text).toContain(`${title} (`);
    expect(text).toContain('confirmed');
    expect(text).toContain('No deadline follows from it.');
    await screenshot(page, 'docket-confirmed');
  });
});
