import type { Browser, Page } from 'playwright-core';
import { DEMO_BLOG_POSTS, DEMO_CTAS, DEMO_FORMS, DEMO_LANDING_PAGES } from '../../playground/src/seed/demo-content';
import type { TestApp } from '../helpers/strapi';
import { screenshot, startDemoSession } from './browser';

let app: TestApp;
let browser: Browser;
let page: Page;
let baseUrl: string;

let session: Awaited<ReturnType<typeof startDemoSession>>;

beforeAll(async () => {
  session = await startDemoSession();
  ({ app, browser, page, baseUrl } = session);
});

afterAll(async () => {
  await session?.stop();
});

describe('the coverage panel in a real browser', () => {
  it('highlights the thin stage and the empty cell of the demo content', async () => {
    await page.goto(`${baseUrl}/admin/plugins/journey`);
    const advocacyTotal = page.getByTestId('coverage-total-advocacy');
    await advocacyTotal.waitFor({ timeout: 60_000 });

    // The demo's advocacy stage has a single entry against a minimum of 3.
    expect(await advocacyTotal.getAttribute('data-status')).toBe('thin');
    expect((await advocacyTotal.innerText()).trim()).toMatch(/^1\b/);
    // The consulting client has nothing at the decision stage.
    expect(await page.getByTestId('coverage-cell-decision-consulting-client').getAttribute('data-status')).toBe('gap');
    expect(await page.getByTestId('coverage-total-awareness').getAttribute('data-status')).toBe('ok');
    await expect(page.getByTestId('coverage-chart').isVisible()).resolves.toBe(true);

    await screenshot(page, 'coverage-panel');
  });

  it('lands on the Content Manager list filtered to the clicked stage and persona', async () => {
    // The demo type with the most entries at decision for the restaurant owner (drafts included: it is the CM).
    const demoTypes = [
      { name: 'blog-post', entries: DEMO_BLOG_POSTS.map((e) => ({ ...e, title: e.en.title })) },
      { name: 'landing-page', entries: DEMO_LANDING_PAGES.map((e) => ({ ...e, title: e.en.title })) },
      { name: 'cta', entries: DEMO_CTAS.map((e) => ({ ...e, title: e.en.label })) },
      { name: 'form', entries: DEMO_FORMS.map((e) => ({ ...e, title: e.en.name })) },
    ];
    const matches = (e: { stage: string; personas: string[] }) => e.stage === 'decision' && e.personas.includes('restaurant-owner');
    const target = [...demoTypes].sort((a, b) => b.entries.filter(matches).length - a.entries.filter(matches).length)[0];
    const expected = target.entries.filter(matches).map((e) => e.title);
    const others = target.entries.filter((e) => !matches(e)).map((e) => e.title);
    expect(expected.length).toBeGreaterThan(0);

    await page.getByTestId('coverage-cell-decision-restaurant-owner').click();
    await page.getByTestId(`coverage-type-link-${target.name}`).click();
    await page.waitForURL(new RegExp(`content-manager/collection-types/plugin::journey\\.${target.name}`), { timeout: 30_000 });

    const url = decodeURIComponent(page.url());
    expect(url).toContain('filters[$and][0][journeyStage][$eq]=decision');
    expect(url).toContain('filters[$and][1][personas][slug][$eq]=restaurant-owner');

    await page.getByText(expected[0], { exact: true }).first().waitFor({ timeout: 30_000 });
    for (const title of expected) await expect(page.getByText(title, { exact: true }).count()).resolves.toBeGreaterThan(0);
    for (const title of others) await expect(page.getByText(title, { exact: true }).count()).resolves.toBe(0);

    await screenshot(page, 'content-manager-filtered');
  });

  it('shows thin stages in the homepage widget', async () => {
    await page.goto(`${baseUrl}/admin`);
    const widget = page.getByTestId('journey-coverage-widget');
    await widget.waitFor({ timeout: 60_000 });
    await expect(widget.innerText()).resolves.toContain('Advocacy');
    await screenshot(page, 'homepage-widget');
  });

  it('stays usable on a narrow screen', async () => {
    await page.setViewportSize({ width: 420, height: 900 });
    await page.goto(`${baseUrl}/admin/plugins/journey`);
    await page.getByTestId('coverage-total-advocacy').waitFor({ timeout: 60_000 });
    await screenshot(page, 'coverage-panel-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
