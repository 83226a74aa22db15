import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
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

export const screenshot = async (page: Page, name: string, { fullPage = true } = {}) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
};

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
  const page = await browser.newPage({ viewport });
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
