import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { AddressInfo } from 'net';
import { DEMO_ADMIN, seedDemoContent } from '../../playground/src/seed';
import { ROOT } from '../helpers/paths';
import { bootStrapi } from '../helpers/strapi';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'tests', 'e2e', 'screenshots');
/**
 * A desktop Chrome user agent. Headless Chromium says "HeadlessChrome", which the events endpoint
 * (isbot) rightly answers as a bot, counting nothing: pages whose tracking a test checks use this.
 */
export const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Debian's Chromium, headless, with the flags this sandbox needs (no network but loopback). */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/**
 * Reads `read()` until `check` accepts the value (its jest `expect` stops throwing), then returns it.
 * The admin renders in steps (lazy chunks, then loaders, then data), so a value read once right after
 * an element appears can be the loader's. On timeout the last assertion error is thrown, with jest's
 * diff of what the page last showed. Polls a condition; never waits for a fixed time.
 */
export const eventually = async <T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  timeout = 30_000
): Promise<T> => {
  const deadline = Date.now() + timeout;
  for (;;) {
    let failure: unknown;
    try {
      const value = await read();
      check(value);
      return value;
    } catch (error) {
      failure = error;
    }
    if (Date.now() > deadline) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** What each watched page went through that a failure message should tell: see watchPage. */
const pageTroubles = new WeakMap<Page, string[]>();

/**
 * Records a page's browser-side trouble as it happens: console errors, uncaught exceptions,
 * requests that failed (navigation's own aborts left out) and 5xx answers. A wait that times out
 * (waitForTestId) prints them, so a failure seen once in CI says why the view never came.
 */
export const watchPage = (page: Page) => {
  const troubles: string[] = [];
  pageTroubles.set(page, troubles);
  const note = (line: string) => {
    troubles.push(`${new Date().toISOString()} ${line}`);
    if (troubles.length > 40) troubles.shift();
  };
  page.on('console', (message) => {
    if (message.type() === 'error') note(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => note(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    if (reason !== 'net::ERR_ABORTED') note(`${request.method()} ${request.url()}: ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500)
      note(`${response.request().method()} ${response.url()}: ${response.status()}`);
  });
  return page;
};

export const screenshot = async (page: Page, name: string, { fullPage = true } = {}) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
};

const FAILURES = path.join(ROOT, '.tmp', 'e2e-failures');

/**
 * Waits for `locator` to be shown, like `locator.waitFor`, and when it never is fails with what the
 * page showed instead: its URL, its text, the browser's trouble (watchPage) and a screenshot under
 * .tmp/e2e-failures. A bare waitFor timeout says only that it timed out.
 */
export const waitShown = async (locator: Locator, timeout = 60_000) => {
  try {
    await locator.waitFor({ timeout });
    return locator;
  } catch (error) {
    const page = locator.page();
    fs.mkdirSync(FAILURES, { recursive: true });
    const file = path.join(FAILURES, `shown-${Date.now()}.png`);
    const shot = await page
      .screenshot({ path: file, fullPage: true })
      .then(() => file)
      .catch((reason: Error) => `none (${reason.message})`);
    const text = await page
      .locator('body')
      .innerText({ timeout: 5_000 })
      .catch((reason: Error) => `unreadable (${reason.message})`);
    const troubles = pageTroubles.get(page);
    const trouble =
      troubles === undefined
        ? 'page not watched'
        : troubles.length > 0
          ? `\n  ${troubles.join('\n  ')}`
          : 'none';
    throw new Error(
      [
        `${String(locator)} was not shown within ${timeout} ms (${(error as Error).message.split('\n')[0]}).`,
        `URL: ${page.url()}`,
        `The page showed: ${text.replace(/\s+/g, ' ').slice(0, 1_500)}`,
        `Browser trouble: ${trouble}`,
        `Screenshot: ${shot}`,
      ].join('\n'),
      { cause: error }
    );
  }
};

/** waitShown for the element with this data-testid. */
export const waitForTestId = (page: Page, testId: string, timeout = 60_000) =>
  waitShown(page.getByTestId(testId), timeout);

export const logIn = async (page: Page, baseUrl: string, email: string, password: string) => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
};

/**
 * The demo as a person meets it: the playground booted on a fresh database with the demo content
 * and demo admin, listening on a free loopback port, and a logged-in Chromium page.
 */
export const startDemoSession = async (viewport = { width: 1280, height: 900 }) => {
  const app = await bootStrapi();
  await seedDemoContent(app.strapi);
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi
    .service('admin::user')
    .create({ ...DEMO_ADMIN, isActive: true, roles: [superAdmin.id] });
  await new Promise<void>((resolve) =>
    app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve)
  );
  const baseUrl = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as AddressInfo).port}`;

  const browser = await launchBrowser();
  const page = watchPage(await browser.newPage({ viewport }));
  await logIn(page, baseUrl, DEMO_ADMIN.email, DEMO_ADMIN.password);
  return {
    app,
    browser,
    page,
    baseUrl,
    async stop() {
      await browser.close();
      await new Promise((resolve) => app.strapi.server.httpServer.close(resolve));
      await app.stop();
    },
  };
};
