/**
 * The public tracking page in Chromium against the local stack: lookup by path and by the form,
 * unknown codes, and that it shows only the public view.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from './support';

interface Tracked {
  trackingCode: string;
  phaseLabel: string;
  nextDeadline: { label: string; due: string } | null;
  events: { label: string; at: string }[];
}

const session = useBrowser();

const REQUESTER = {
  name: 'Jordan Privatename',
  email: 'jordan.private@example.net',
  organization: 'Main Street Alliance',
  phone: '202-555-0147',
};

/** A request made through the public API, as the form would. */
async function createRequest(): Promise<string> {
  const response = await session.page.request.post('/api/requests', {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    data: {
      kind: 'foia',
      agency: 'Treasury',
      requester: REQUESTER,
      description: 'Correspondence between Treasury and DHS about taxpayer address data, 2025.',
      feeWaiver: { requested: false },
      expedited: { requested: false },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { trackingCode: string }).trackingCode;
}

describe('tracking page', () => {
  it('looks up a code typed into its form and shows phase, next deadline and history, oldest first', async () => {
    const { page, problems } = session;
    const code = await createRequest();
    await page.goto('/track/');
    expect(await page.isHidden('#result')).toBe(true);
    await page.focus('#f-code');
    await page.keyboard.type(code);
    await Promise.all([page.waitForURL(`**/track/${code}`), page.keyboard.press('Enter')]);
    await page.locator('#result').waitFor({ state: 'visible' });

    const tracked = (await (await page.request.get(`/api/track/${code}`)).json()) as Tracked;
    expect(await page.inputValue('#f-code')).toBe(code);
    expect(await page.textContent('#result-code')).toBe(code);
    expect(await page.textContent('#result-kind')).toBe('FOIA request');
    expect(await page.textContent('#result-agency')).toBe('Treasury');
    expect(await page.textContent('#result-phase')).toBe(tracked.phaseLabel);
    expect(await page.textContent('#result-deadline .deadline-label')).toBe(tracked.nextDeadline?.label);
    expect(await page.getAttribute('#result-deadline time', 'datetime')).toBe(tracked.nextDeadline?.due);

    const oldestFirst = [...tracked.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((e) => e.label);
    expect(await page.locator('#result-events .event-label').allTextContents()).toEqual(oldestFirst);

    const text = (await page.textContent('body')) ?? '';
    for (const secret of Object.values(REQUESTER)) expect(text).not.toContain(secret);
    expect(text).not.toContain('Correspondence between');
    expect(problems).toEqual([]);
  });

  it('accepts a pasted tracking link in its form', async () => {
    const { stack, page } = session;
    const code = await createRequest();
    await page.goto('/track/');
    await page.fill('#f-code', `  ${stack.url}/track/${code}  `);
    await Promise.all([page.waitForURL(`**/track/${code}`), page.click('#track-form button')]);
    await page.locator('#result').waitFor({ state: 'visible' });
    expect(await page.textContent('#result-code')).toBe(code);
  });

  it('says so when no request has the code', async () => {
    const { page, problems } = session;
    await page.goto('/track/NOSUCHCODE0000000000000000');
    await page.locator('#not-found').waitFor({ state: 'visible' });
    expect(await page.textContent('#not-found h2')).toBe('No request with that tracking code');
    expect(await page.isHidden('#result')).toBe(true);
    await screenshot(page, 'track-not-found');
    expect(problems).toEqual([]);
  });

  it('asks for a code when the form is sent empty', async () => {
    const { page } = session;
    await page.goto('/track/');
    await page.click('#track-form button');
    expect(await page.isVisible('#code-error')).toBe(true);
    expect(await page.getAttribute('#f-code', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-code', 'aria-describedby')).toContain('code-error');
    expect(new URL(page.url()).pathname).toBe('/track/');
  });

  it('labels its one input', async () => {
    const { page } = session;
    await page.goto('/track/');
    const labels = await page.locator('input,select,textarea').evaluateAll((nodes) =>
      nodes.map((n) => n.labels?.[0]?.textContent?.trim() ?? ''));
    expect(labels).toEqual(['Tracking code']);
  });
});
