/**
 * The public intake form in Chromium against the local stack: keyboard use, the receipt, the
 * server's field errors, the Idempotency-Key, labels and the phone layout.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  UUID, expectNoHorizontalScroll, fillRequest, newContext, recordIntake,
  screenshot, tabTo, useBrowser, watchProblems,
} from './support';

// Callbacks given to page.evaluate run inside Chromium. The project compiles without the DOM lib
// (it is server code), so the browser globals they touch are declared here, for this module only.
declare const document: any;
declare function getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string };

interface Created {
  trackingCode: string;
  kind: string;
  agency: string;
  phaseLabel: string;
  receivedAt: string;
  deadlines: { label: string; due: string; rule: string }[];
  trackUrl: string;
}

interface Tracked {
  phaseLabel: string;
  nextDeadline: { label: string; due: string } | null;
  events: { label: string; at: string }[];
}

const LONG_DATE = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2}, \d{4}$/;

const session = useBrowser();

const activeId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');
const isPost = (url: string, method: string) => method === 'POST' && new URL(url).pathname === '/api/requests';

describe('intake form', () => {
  it('takes a FOIA request filled in with the keyboard, shows the receipt and links to the tracking page', async () => {
    const { stack, context, page, problems } = session;
    const sent = recordIntake(page);
    await page.goto('/');

    await tabTo(page, 'f-kind-foia');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('f-agency');
    await page.keyboard.type('IRS'); // type-ahead on a closed <select>
    expect(await page.inputValue('#f-agency')).toBe('IRS');
    expect(await page.isHidden('#f-agency-other')).toBe(true);

    await tabTo(page, 'f-requester-name');
    await page.keyboard.type('Maria Example');
    await page.keyboard.press('Tab');
    await page.keyboard.type('maria@example.org');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('f-requester-organization');
    await page.keyboard.type('Center for Taxpayer Rights');

    await tabTo(page, 'f-description');
    await page.keyboard.type('All records of the IRS-ICE memorandum of understanding on ITIN data, April 2025.');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('f-date-from');
    await page.keyboard.type('04012025'); // mm dd yyyy segments in en-US
    await tabTo(page, 'f-date-to', 5);
    await page.keyboard.type('09302025');
    expect(await page.inputValue('#f-date-from')).toBe('2025-04-01');
    expect(await page.inputValue('#f-date-to')).toBe('2025-09-30');

    await tabTo(page, 'f-fee-limit');
    await page.keyboard.type('25');
    await tabTo(page, 'f-expedited');
    await page.keyboard.press('Space');
    expect(await page.isVisible('#f-expedited-justification')).toBe(true);
    expect(await page.getAttribute('#f-expedited', 'aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('f-expedited-justification');
    await page.keyboard.type('The court ordered production of the administrative record; the public needs these records now.');
    await screenshot(page, 'intake-form-filled');

    // Hold the request in flight to see the disabled button and a second submit being ignored.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/api/requests', async (route) => {
      await held;
      await route.continue();
    });
    await tabTo(page, 'submit-button');
    const responded = page.waitForResponse((r) => isPost(r.url(), r.request().method()));
    await page.keyboard.press('Enter');
    await expect.poll(() => sent.length).toBe(1);
    expect(await page.isDisabled('#submit-button')).toBe(true);
    await page.locator('#request-form').evaluate((form) => (form as { requestSubmit(): void }).requestSubmit());
    await page.click('#submit-button', { force: true });
    release();
    const response = await responded;
    expect(response.status()).toBe(201);
    const created = (await response.json()) as Created;
    expect(sent).toHaveLength(1);
    expect(sent[0]!.idempotencyKey).toMatch(UUID);
    expect(sent[0]!.body).toMatchObject({
      kind: 'foia',
      agency: 'IRS',
      requester: { name: 'Maria Example', email: 'maria@example.org', organization: 'Center for Taxpayer Rights' },
      dateRange: { from: '2025-04-01', to: '2025-09-30' },
      feeWaiver: { requested: false },
      expedited: { requested: true },
      feeLimit: 25,
    });

    // The receipt.
    await page.locator('#receipt').waitFor({ state: 'visible' });
    expect(await page.isHidden('#request-form')).toBe(true);
    expect(await activeId(page)).toBe('receipt-title');
    expect(created.trackingCode.length).toBeGreaterThanOrEqual(22); // >= 128 bits in base32/64
    expect(await page.textContent('#tracking-code')).toBe(created.trackingCode);
    expect(await page.textContent('#receipt-kind')).toBe('FOIA request');
    expect(await page.textContent('#receipt-agency')).toBe('IRS');
    expect(await page.textContent('#receipt-received')).toMatch(LONG_DATE);
    expect(await page.textContent('#receipt-phase')).toBe(created.phaseLabel);
    const primary = page.locator('.deadline.primary');
    expect(await primary.locator('.deadline-due').textContent()).toMatch(LONG_DATE);
    expect((await primary.locator('.deadline-label').textContent())?.trim()).not.toBe('');
    expect(await page.getAttribute('#receipt-track-link', 'href')).toBe(`/track/${created.trackingCode}`);

    // The computation receipt opens from the keyboard and lists its steps.
    await primary.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await primary.locator('details').getAttribute('open')).not.toBeNull();
    expect(await primary.locator('.computation li').count()).toBeGreaterThanOrEqual(1);

    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
    await page.click('#copy-code');
    await expect.poll(() => page.textContent('#copy-status')).not.toBe('');
    await screenshot(page, 'intake-receipt');

    // Follow the link with the keyboard to the tracking page.
    await page.focus('#receipt-track-link');
    await Promise.all([page.waitForURL(`**/track/${created.trackingCode}`), page.keyboard.press('Enter')]);
    await page.locator('#result').waitFor({ state: 'visible' });
    const tracked = (await (await page.request.get(`/api/track/${created.trackingCode}`)).json()) as Tracked;
    expect(await page.textContent('#result-phase')).toBe(tracked.phaseLabel);
    expect(tracked.nextDeadline).not.toBeNull();
    expect(await page.textContent('#result-deadline .deadline-due')).toMatch(LONG_DATE);
    expect(await page.textContent('#result-deadline .deadline-label')).toBe(tracked.nextDeadline!.label);
    expect(await page.locator('#result-events li').count()).toBeGreaterThanOrEqual(1);
    // The public page never shows what the requester told only the team.
    const text = await page.textContent('body');
    for (const secret of ['maria@example.org', 'Maria Example', 'Center for Taxpayer Rights', 'memorandum']) {
      expect(text).not.toContain(secret);
    }
    await screenshot(page, 'track-status');
    expect(problems).toEqual([]);
  });

  it('shows the server\'s field error next to its field when client checks are bypassed', async () => {
    const { page, problems } = session;
    const sent = recordIntake(page);
    await page.goto('/');
    await fillRequest(page);
    // The form's own check would stop a bad email: change it on the wire instead, once.
    await page.route('**/api/requests', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { requester: { email: string } };
      body.requester.email = 'not-an-email';
      await route.continue({ postData: JSON.stringify(body) });
    }, { times: 1 });

    const rejected = page.waitForResponse((r) => isPost(r.url(), r.request().method()));
    await page.click('#submit-button');
    const response = await rejected;
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    const problem = (await response.json()) as { errors?: { field: string; message: string }[] };
    const serverError = problem.errors?.find((e) => e.field === 'requester.email');
    expect(serverError, `errors[] names requester.email: ${JSON.stringify(problem)}`).toEqual({ field: 'requester.email', message: 'must be an email address' });

    const message = page.locator('#error-requester-email');
    await message.waitFor({ state: 'visible' });
    expect(await message.textContent()).toContain(serverError!.message);
    // Next to the field: inside the same .field block, and tied to the input for screen readers.
    expect(await page.locator('.field:has(#f-requester-email) #error-requester-email').count()).toBe(1);
    expect(await page.getAttribute('#f-requester-email', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-requester-email', 'aria-describedby')).toContain('error-requester-email');
    // The summary at the top has the focus and links to the field.
    expect(await activeId(page)).toBe('error-summary');
    const link = page.locator('#error-summary a[href="#f-requester-email"]');
    expect(await link.textContent()).toContain(serverError!.message);
    await screenshot(page, 'intake-server-error');
    await link.click();
    expect(await activeId(page)).toBe('f-requester-email');

    // Corrected (the field in the page was valid all along), it goes through with a new key:
    // the 400 wrote nothing, so this is a new submission, not a retry.
    const accepted = page.waitForResponse((r) => isPost(r.url(), r.request().method()));
    await page.click('#submit-button');
    expect((await accepted).status()).toBe(201);
    await page.locator('#receipt').waitFor({ state: 'visible' });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.idempotencyKey).toMatch(UUID);
    expect(sent[1]!.idempotencyKey).not.toBe(sent[0]!.idempotencyKey);
    expect(problems).toEqual([]);
  });

  it('retries with the same Idempotency-Key after a lost response and gets the same request back', async () => {
    const { page } = session;
    const sent = recordIntake(page);
    await page.goto('/');
    await fillRequest(page, { agency: 'DHS' });
    let firstCode = '';
    // The server creates the request but the answer never reaches the page.
    await page.route('**/api/requests', async (route) => {
      const answer = await route.fetch();
      firstCode = ((await answer.json()) as Created).trackingCode;
      await route.abort('connectionreset');
    }, { times: 1 });
    await page.click('#submit-button');
    await page.locator('#error-summary').waitFor({ state: 'visible' });
    expect(await page.textContent('#error-summary')).toContain('will not create a second request');
    expect(firstCode).not.toBe('');

    const retried = page.waitForResponse((r) => isPost(r.url(), r.request().method()));
    await page.click('#submit-button');
    expect([200, 201]).toContain((await retried).status());
    await page.locator('#receipt').waitFor({ state: 'visible' });
    expect(await page.textContent('#tracking-code')).toBe(firstCode);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.idempotencyKey).toBe(sent[0]!.idempotencyKey);
  });

  it('checks required fields in the browser before sending anything', async () => {
    const { page, problems } = session;
    const sent = recordIntake(page);
    await page.goto('/');
    await page.click('#submit-button');
    await page.locator('#error-summary').waitFor({ state: 'visible' });
    expect(await activeId(page)).toBe('error-summary');
    for (const id of ['kind', 'agency', 'requester-name', 'requester-email', 'description']) {
      expect(await page.isVisible(`#error-${id}`), `#error-${id}`).toBe(true);
    }
    expect(await page.getAttribute('#f-kind-foia', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-requester-name', 'aria-describedby')).toContain('error-requester-name');

    // "Other" reveals a labelled text field, required once shown.
    await page.selectOption('#f-agency', 'Other');
    expect(await page.isVisible('#f-agency-other')).toBe(true);
    expect(await page.getAttribute('#f-agency-other', 'aria-required')).toBe('true');
    await page.check('#f-fee-waiver');
    expect(await page.isVisible('#f-fee-waiver-justification')).toBe(true);
    await page.fill('#f-fee-limit', '-5');
    await page.click('#submit-button');
    for (const id of ['agency', 'feeWaiver-justification', 'feeLimit']) {
      expect(await page.isVisible(`#error-${id}`), `#error-${id}`).toBe(true);
    }
    expect(await page.getAttribute('#f-agency-other', 'aria-invalid')).toBe('true');
    await screenshot(page, 'intake-client-errors');
    expect(sent).toHaveLength(0);
    expect(problems).toEqual([]);
  });

  it('takes a Privacy Act request to another agency named by the requester', async () => {
    const { page, problems } = session;
    await page.goto('/');
    await fillRequest(page, { kind: 'privacy_act', otherAgency: 'Social Security Administration' });
    const sent = recordIntake(page);
    await page.click('#submit-button');
    await page.locator('#receipt').waitFor({ state: 'visible' });
    expect(sent[0]!.body).toMatchObject({ kind: 'privacy_act', agency: 'Social Security Administration' });
    expect(await page.textContent('#receipt-kind')).toBe('Privacy Act request');
    expect(await page.textContent('#receipt-agency')).toBe('Social Security Administration');

    // "Make another request" starts a fresh fill with a fresh key.
    await page.click('#new-request');
    expect(await page.isVisible('#request-form')).toBe(true);
    expect(await page.inputValue('#f-requester-name')).toBe('');
    expect(await page.isHidden('#f-agency-other')).toBe(true);
    await fillRequest(page);
    await page.click('#submit-button');
    await page.locator('#receipt').waitFor({ state: 'visible' });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.idempotencyKey).not.toBe(sent[0]!.idempotencyKey);
    expect(problems).toEqual([]);
  });
});

describe('accessibility and layout', () => {
  it('gives every input, select and textarea a visible label and an accessible name', async () => {
    const { context, page, problems } = session;
    await page.goto('/');
    // Open every conditional field so hidden ones are checked too.
    await page.selectOption('#f-agency', 'Other');
    await page.check('#f-fee-waiver');
    await page.check('#f-expedited');

    const controls = await page.locator('input,select,textarea').evaluateAll((nodes) =>
      nodes.map((node) => {
        const control = node;
        const label = control.labels?.[0];
        const box = label?.getBoundingClientRect();
        return {
          id: control.id,
          type: control.type,
          label: label?.textContent?.trim() ?? '',
          labelVisible: Boolean(box && box.width > 0 && box.height > 0),
          inFieldsetWithLegend: Boolean(control.closest('fieldset')?.querySelector('legend')?.textContent?.trim()),
          required: control.required || control.getAttribute('aria-required') === 'true',
          requiredMarked: Boolean(label?.querySelector('.req-mark')) || Boolean(control.closest('fieldset')?.querySelector(':scope > legend .req-mark')),
        };
      }));
    expect(controls.length).toBeGreaterThanOrEqual(16);
    for (const c of controls) {
      expect(c.label, `label for #${c.id}`).not.toBe('');
      expect(c.labelVisible, `visible label for #${c.id}`).toBe(true);
      if (c.type === 'radio') expect(c.inFieldsetWithLegend, `legend for #${c.id}`).toBe(true);
      if (c.required) expect(c.requiredMarked, `(required) shown for #${c.id}`).toBe(true);
    }
    // Every describedby reference points at an element that exists.
    const dangling = await page.locator('[aria-describedby]').evaluateAll((nodes) =>
      nodes.flatMap((n) => (n.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id: string) => id && !document.getElementById(id))));
    expect(dangling).toEqual([]);

    // Chromium's own accessibility tree: every form control has a non-empty name.
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[];
    };
    const formRoles = new Set(['textbox', 'combobox', 'radio', 'checkbox', 'spinbutton', 'button']);
    const unnamed = nodes.filter((n) => !n.ignored && formRoles.has(String(n.role?.value)) && !n.name?.value?.trim());
    expect(unnamed.map((n) => n.role?.value)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows a visible focus outline when moving by keyboard', async () => {
    const { page } = session;
    await page.goto('/');
    for (const id of ['f-requester-name', 'submit-button']) {
      await tabTo(page, id);
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
      });
      expect(outline.style, id).not.toBe('none');
      expect(outline.width, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('fits a phone screen, form and receipt', async () => {
    const { stack, browser } = session;
    const phone = await newContext(browser, stack, true);
    try {
      const small = await phone.newPage();
      const smallProblems = watchProblems(small);
      await small.goto('/');
      await expectNoHorizontalScroll(small);
      await screenshot(small, 'phone-intake');
      await fillRequest(small, { agency: 'Treasury' });
      await small.click('#submit-button');
      await small.locator('#receipt').waitFor({ state: 'visible' });
      await expectNoHorizontalScroll(small);
      await screenshot(small, 'phone-receipt');
      expect(smallProblems).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
