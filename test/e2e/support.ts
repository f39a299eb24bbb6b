/**
 * Shared set-up for the browser tests: the local stack (or an already running one), Debian's
 * Chromium through playwright-core, screenshots as artifacts, and small page helpers.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

// Callbacks given to page.evaluate run inside Chromium. The project compiles without the DOM lib
// (it is server code), so the browser globals they touch are declared here, for this module only.
declare const document: any;
declare const window: any;

export interface Stack {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts the whole local system in a fresh data directory. `E2E_BASE_URL` points the tests at a
 * stack that is already running (`npm start`) instead; nothing is started or stopped then.
 */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const external = process.env.E2E_BASE_URL;
  if (external) return { url: external.replace(/\/+$/, ''), stop: async () => {} };

  // Imported here, not at the top, so E2E_BASE_URL runs need no local runtime at all.
  const { startLocal } = await import('../../local/runtime');
  const dataDir = await mkdtemp(join(tmpdir(), 'docketwatch-e2e-'));
  try {
    // No demo items: each test counts what it creates itself.
    const stack = await startLocal({ port: 0, dataDir, quiet: true, noDemoItems: true, ...(opts.clockStart ? { clockStart: opts.clockStart } : {}) });
    return {
      url: stack.url.replace(/\/+$/, ''),
      async stop() {
        try {
          await stack.stop();
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface StackOptions {
  /** The runtime clock starts at this instant and runs on (ignored with E2E_BASE_URL). */
  clockStart?: string;
}

/** What the browser tests of one file share; `context`, `page` and `problems` are this test's. */
export interface BrowserSession {
  readonly stack: Stack;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Script errors, CSP violations and console errors of `page` (see watchProblems). */
  readonly problems: string[];
  /** Replaces this test's context and page with a phone-sized one (closed after the test). */
  usePhone(): Promise<Page>;
}

export interface UseBrowserOptions extends StackOptions {
  /** After each test, expect no problems on its page (script errors, CSP, console errors). */
  noProblems?: boolean;
  /** Runs once after the stack has started, before the first test (e.g. to seed data). */
  setup?: (stack: Stack) => Promise<void>;
}

/**
 * Registers the hooks every browser test file needs (a local stack and Chromium for the file,
 * a fresh desktop context and page per test, all closed afterwards) and returns a live session:
 * read `session.page` inside a test, not at module load.
 */
export function useBrowser(opts: UseBrowserOptions = {}): BrowserSession {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let problems: string[] = [];
  const live = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useBrowser: ${name} is only available inside a test`);
    return value;
  };
  const open = async (phone: boolean) => {
    context = await newContext(live(browser, 'browser'), live(stack, 'stack'), phone);
    page = await context.newPage();
    problems = watchProblems(page);
    return page;
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(opts), launchBrowser()]);
    await opts.setup?.(stack);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  beforeEach(async () => {
    await open(false);
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
    if (opts.noProblems) expect(problems).toEqual([]);
  });

  return {
    get stack() { return live(stack, 'stack'); },
    get browser() { return live(browser, 'browser'); },
    get context() { return live(context, 'context'); },
    get page() { return live(page, 'page'); },
    get problems() { return problems; },
    async usePhone() {
      await context?.close();
      return open(true);
    },
  };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/** A fresh context: US English, Eastern Time (the court's), a desktop or a phone viewport. */
export function newContext(browser: Browser, stack: Stack, phone = false): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: stack.url,
    locale: 'en-US',
    timezoneId: 'America/New_York',
    ...(phone
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
      : { viewport: { width: 1100, height: 900 } }),
  });
}

const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

/** Saves a full-page screenshot to test-results/e2e/<name>.png (gitignored artifact). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Collects script errors, CSP violations and console errors. Chromium also logs every 4xx
 * fetch as "Failed to load resource"; those are expected answers here, not page faults.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (text.startsWith('Failed to load resource')) return;
    problems.push(`console: ${text}`);
  });
  return problems;
}

/** Presses Tab until the element with `id` has focus: proves it is reachable by keyboard. */
export async function tabTo(page: Page, id: string, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    await page.keyboard.press('Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);
  throw new Error(`#${id} not reached with ${maxPresses} Tab presses (focus is on ${at})`);
}

export interface RequestFill {
  kind?: 'foia' | 'privacy_act';
  agency?: 'IRS' | 'ICE' | 'DHS' | 'Treasury';
  otherAgency?: string;
  name?: string;
  email?: string;
  description?: string;
}

/** Fills a valid request the quick way (tests that are not about keyboard use). */
export async function fillRequest(page: Page, fill: RequestFill = {}): Promise<void> {
  await page.check(`#f-kind-${fill.kind ?? 'foia'}`);
  if (fill.otherAgency !== undefined) {
    await page.selectOption('#f-agency', 'Other');
    await page.fill('#f-agency-other', fill.otherAgency);
  } else {
    await page.selectOption('#f-agency', fill.agency ?? 'ICE');
  }
  await page.fill('#f-requester-name', fill.name ?? 'Maria Example');
  await page.fill('#f-requester-email', fill.email ?? 'maria@example.org');
  await page.fill('#f-description', fill.description
    ?? 'Records of any agreement between ICE and the IRS on sharing ITIN holders\' addresses, 2025.');
}

/** The one in-flight POST /api/requests, with its headers and body. */
export interface SentRequest {
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Records every POST /api/requests the page sends (without changing them). */
export function recordIntake(page: Page): SentRequest[] {
  const sent: SentRequest[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/requests')) return;
    sent.push({
      idempotencyKey: request.headers()['idempotency-key'],
      body: JSON.parse(request.postData() ?? 'null') as Record<string, unknown>,
    });
  });
  return sent;
}

/** No horizontal scrolling: the page fits the viewport (phones). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Opens `path` on the dashboard, signs in with the development sign-in, and waits for `headingId`. */
export async function signInAt(page: Page, path: string, email: string, headingId: string): Promise<void> {
  await page.goto(path);
  await page.fill('#f-email', email);
  await page.click('#signin-submit');
  await page.locator(`#${headingId}`).waitFor({ state: 'visible' });
}

/** A POST to the API as the member whose team `token` it is (a test's set-up and its checks through the API). */
export function postAs(stack: Stack, token: string, path: string, body?: string, type = 'application/json'): Promise<Response> {
  return fetch(`${stack.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': type }) }, ...(body === undefined ? {} : { body }) });
}

/** A team token for a demo member, from the development sign-in (for a test's set-up calls). */
export async function tokenFor(stack: Stack, email: string): Promise<string> {
  const res = await fetch(`${stack.url}/local-idp/sign-in`, { method: 'POST', body: JSON.stringify({ email }) });
  return ((await res.json()) as { token: string }).token;
}
