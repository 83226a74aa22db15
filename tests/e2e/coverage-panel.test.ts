import type { Page } from 'playwright-core';
import {
  DEMO_BLOG_POSTS,
  DEMO_CTAS,
  DEMO_FORMS,
  DEMO_LANDING_PAGES,
} from '../../playground/src/seed/demo-content';
import { eventually, screenshot, startDemoSession, waitForTestId, waitShown } from './browser';

let page: Page;
let baseUrl: string;

let session: Awaited<ReturnType<typeof startDemoSession>>;

beforeAll(async () => {
  session = await startDemoSession();
  ({ page, baseUrl } = session);
});

afterAll(async () => {
  await session?.stop();
});

describe('the coverage panel in a real browser', () => {
  it('highlights the thin stage and the empty cell of the demo content', async () => {
    await page.goto(`${baseUrl}/admin/plugins/journey`);
    const advocacyTotal = page.getByTestId('coverage-total-advocacy');
    await waitShown(advocacyTotal, 60_000);

    // The demo's advocacy stage has a single entry against a minimum of 3.
    await eventually(
      () => advocacyTotal.getAttribute('data-status'),
      (status) => expect(status).toBe('thin')
    );
    await eventually(
      () => advocacyTotal.innerText(),
      (text) => expect(text.trim()).toMatch(/^1\b/)
    );
    // The consulting client has nothing at the decision stage.
    await eventually(
      () =>
        page.getByTestId('coverage-cell-decision-consulting-client').getAttribute('data-status'),
      (status) => expect(status).toBe('gap')
    );
    await eventually(
      () => page.getByTestId('coverage-total-awareness').getAttribute('data-status'),
      (status) => expect(status).toBe('ok')
    );
    await page.getByTestId('coverage-chart').waitFor({ state: 'visible' });

    await screenshot(page, 'coverage-panel');
  });

  it('lands on the Content Manager list filtered to the clicked stage and persona', async () => {
    // The demo type with the most entries at decision for the restaurant owner (drafts included: it is the CM).
    const demoTypes = [
      { name: 'blog-post', entries: DEMO_BLOG_POSTS.map((e) => ({ ...e, title: e.en.title })) },
      {
        name: 'landing-page',
        entries: DEMO_LANDING_PAGES.map((e) => ({ ...e, title: e.en.title })),
      },
      { name: 'cta', entries: DEMO_CTAS.map((e) => ({ ...e, title: e.en.label })) },
      { name: 'form', entries: DEMO_FORMS.map((e) => ({ ...e, title: e.en.name })) },
    ];
    const matches = (e: { stage: string; personas: string[] }) =>
      e.stage === 'decision' && e.personas.includes('restaurant-owner');
    const target = [...demoTypes].sort(
      (a, b) => b.entries.filter(matches).length - a.entries.filter(matches).length
    )[0];
    const expected = target.entries.filter(matches).map((e) => e.title);
    const others = target.entries.filter((e) => !matches(e)).map((e) => e.title);
    expect(expected.length).toBeGreaterThan(0);

    // Opened afresh: this test does not lean on the page the one before left.
    await page.goto(`${baseUrl}/admin/plugins/journey`);
    await waitForTestId(page, 'coverage-cell-decision-restaurant-owner');
    await page.getByTestId('coverage-cell-decision-restaurant-owner').click();
    await page.getByTestId(`coverage-type-link-${target.name}`).click();
    await page.waitForURL(
      new RegExp(`content-manager/collection-types/plugin::journey\\.${target.name}`),
      { timeout: 30_000 }
    );

    const url = decodeURIComponent(page.url());
    expect(url).toContain('filters[$and][0][journeyStage][$eq]=decision');
    expect(url).toContain('filters[$and][1][personas][slug][$eq]=restaurant-owner');

    // Every expected title listed and no other: the list may first show the previous page's rows.
    await eventually(
      async () => ({
        shown: await Promise.all(
          expected.map((title) => page.getByText(title, { exact: true }).count())
        ),
        others: await Promise.all(
          others.map((title) => page.getByText(title, { exact: true }).count())
        ),
      }),
      ({ shown, others: shownOthers }) => {
        expect(shown.every((count) => count > 0)).toBe(true);
        expect(shownOthers.every((count) => count === 0)).toBe(true);
      },
      60_000
    );

    await screenshot(page, 'content-manager-filtered');
  });

  it('lists exactly the stages below their minimum in the homepage widget, with their counts', async () => {
    // What the widget asks for: published content of every type in the default locale.
    const matrix = await session.app.strapi
      .plugin('journey')
      .service('coverage')
      .compute({ status: 'published', fresh: false });
    const weak = matrix.stageTotals.filter(
      (total: { status: string }) => total.status === 'gap' || total.status === 'thin'
    ) as Array<{ stage: string; count: number; minimum: number }>;
    expect(weak.map((total) => total.stage)).toContain('advocacy');
    await page.goto(`${baseUrl}/admin`);
    // Strapi shows "Loading widget content" while the widget's chunk loads, then our loader, then
    // the data: wait for the thin stage's row itself, not for the widget's container.
    const advocacy = page.getByTestId('journey-coverage-widget-stage-advocacy');
    await waitShown(advocacy, 60_000);
    await eventually(
      () => advocacy.getAttribute('data-status'),
      (status) => expect(status).toBe('thin')
    );
    await eventually(
      () => advocacy.innerText(),
      (text) => expect(text).toContain('Advocacy')
    );
    await expect(page.getByTestId('journey-coverage-widget').innerText()).resolves.not.toContain(
      'Awareness'
    );
    const rows = page.locator('[data-testid^="journey-coverage-widget-stage-"]');
    const listed = await rows.evaluateAll((elements) =>
      elements.map((element) => ({
        stage: element.getAttribute('data-testid')!.replace('journey-coverage-widget-stage-', ''),
        text: (element as HTMLElement).innerText,
      }))
    );
    expect(listed.map((row) => row.stage)).toEqual(weak.map((total) => total.stage));
    listed.forEach((row, index) =>
      expect(row.text).toContain(`${weak[index].count} / ${weak[index].minimum}`)
    );
    await screenshot(page, 'homepage-widget');
  });

  it('stays usable on a narrow screen: no sideways scrolling of the page, and a cell opens its list', async () => {
    await page.setViewportSize({ width: 420, height: 900 });
    try {
      await page.goto(`${baseUrl}/admin/plugins/journey`);
      await waitShown(page.getByTestId('coverage-total-advocacy'), 60_000);
      // The page itself never scrolls sideways (a wide matrix scrolls inside its own box).
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'coverage-panel-narrow');

      const cell = page.getByTestId('coverage-cell-decision-restaurant-owner');
      await cell.scrollIntoViewIfNeeded();
      await cell.click();
      const link = page.locator('[data-testid^="coverage-type-link-"]').first();
      await link.waitFor({ state: 'visible' });
      await link.click();
      await page.waitForURL(/content-manager\/collection-types\/plugin::journey\./, {
        timeout: 30_000,
      });
      expect(decodeURIComponent(page.url())).toContain('[journeyStage][$eq]=decision');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('lets the super admin recount, and says every kept count matched the database', async () => {
    await page.goto(`${baseUrl}/admin/plugins/journey`);
    await waitShown(page.getByTestId('coverage-total-advocacy'), 60_000);
    await page.getByTestId('coverage-recount').click();
    // The matrix just shown was served from a kept count: at least that one is checked.
    await page
      .getByText(/Recounted in \d+ ms: (all \d+ kept counts|the kept count) matched the database\./)
      .first()
      .waitFor({ timeout: 30_000 });
    // And the matrix is shown again, from the recount.
    await eventually(
      () => page.getByTestId('coverage-total-advocacy').getAttribute('data-status'),
      (status) => expect(status).toBe('thin')
    );
  });
});
