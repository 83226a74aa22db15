import type { UID } from '@strapi/strapi';
import type { Page } from 'playwright-core';
import { CONTENT_API_ACTIONS } from '../../shared/constants';
import { DEMO_BLOG_POSTS, DEMO_LANDING_PAGES } from '../../playground/src/seed/demo-content';
import { grantRolePermissions } from '../helpers/fixtures';
import type { TestApp } from '../helpers/strapi';
import { DESKTOP_CHROME, eventually, screenshot, startDemoSession, waitShown } from './browser';

/*
 * The Performance view as a marketer meets it: events sent the way a frontend sends them (POST
 * /api/journey/events, anonymously), then the matrix, a cell's entries, the entry's own numbers
 * in its edit view, and a phone-sized screen. Every number asserted is one this test caused: the
 * demo database starts with no events.
 */

const BLOG_POST = 'plugin::journey.blog-post' as UID.ContentType;
const LANDING_PAGE = 'plugin::journey.landing-page' as UID.ContentType;

/** Published demo entries at awareness for the restaurant owner only: one cell, nothing elsewhere. */
const forOwnerAtAwareness = (entry: { stage: string; personas: string[]; published: boolean }) =>
  entry.published &&
  entry.stage === 'awareness' &&
  entry.personas.length === 1 &&
  entry.personas[0] === 'restaurant-owner';
const STRONG = { type: 'blog-post', uid: BLOG_POST, ...DEMO_BLOG_POSTS.find(forOwnerAtAwareness)! };
const WEAK = {
  type: 'landing-page',
  uid: LANDING_PAGE,
  ...DEMO_LANDING_PAGES.find(forOwnerAtAwareness)!,
};
/** Per post: views, clicks, conversions. The cell: 65 views, 12 clicks, 4 conversions = 6.2%. */
const SENT = {
  strong: { views: 40, clicks: 10, conversions: 4 },
  weak: { views: 25, clicks: 2, conversions: 0 },
};

let app: TestApp;
let page: Page;
let baseUrl: string;
let session: Awaited<ReturnType<typeof startDemoSession>>;
const documentIds: Record<'strong' | 'weak', string> = { strong: '', weak: '' };

const findEntry = async (uid: UID.ContentType, slug: string) =>
  (
    (await app.strapi
      .documents(uid)
      .findFirst({ filters: { slug }, locale: 'en', status: 'published' })) as unknown as {
      documentId: string;
    }
  ).documentId;

const eventsOf = (entry: { type: string }, documentId: string, counts: (typeof SENT)['strong']) =>
  (['views', 'clicks', 'conversions'] as const).flatMap((measure) =>
    Array.from({ length: counts[measure] }, () => ({
      type: ({ views: 'view', clicks: 'click', conversions: 'conversion' } as const)[measure],
      documentId,
      contentType: entry.type,
      locale: 'en',
    }))
  );

const text = (testId: string) => () => page.getByTestId(testId).first().innerText();

beforeAll(async () => {
  expect([STRONG.en.slug, WEAK.en.slug]).toEqual([
    'digital-solutions-for-restaurants',
    'digital-restaurant',
  ]);
  session = await startDemoSession();
  ({ app, page, baseUrl } = session);

  // Frontends send events anonymously: Public needs the action (the playground grants it too;
  // this test does not rely on that).
  const granted = await app.strapi.db.query('plugin::users-permissions.permission').findOne({
    where: { action: CONTENT_API_ACTIONS.events, role: { type: 'public' } },
  });
  if (!granted) await grantRolePermissions(app.strapi, 'public', [CONTENT_API_ACTIONS.events]);

  documentIds.strong = await findEntry(STRONG.uid, STRONG.en.slug);
  documentIds.weak = await findEntry(WEAK.uid, WEAK.en.slug);
  const response = await fetch(`${baseUrl}/api/journey/events`, {
    method: 'POST',
    // A desktop browser's: the endpoint accepts but does not count requests from bots.
    headers: { 'Content-Type': 'application/json', 'User-Agent': DESKTOP_CHROME },
    body: JSON.stringify({
      events: [
        ...eventsOf(STRONG, documentIds.strong, SENT.strong),
        ...eventsOf(WEAK, documentIds.weak, SENT.weak),
      ],
    }),
  });
  expect(response.status).toBe(202);
  expect(await response.json()).toEqual({ data: { accepted: 81, dropped: [], notCounted: null } });
  // Written to the rollups now rather than at the next flush interval.
  await app.strapi.plugin('journey').service('analytics').flush();
});

afterAll(async () => {
  await session?.stop();
});

describe('the Performance view in a real browser', () => {
  it('shows the events sent in their cell and the funnel', async () => {
    await page.goto(`${baseUrl}/admin/plugins/journey/performance`);
    const cellId = 'performance-cell-awareness-restaurant-owner';
    await waitShown(page.getByTestId(cellId), 60_000);

    await eventually(text(`${cellId}-views`), (value) => expect(value).toBe('65'));
    await expect(text(`${cellId}-clicks`)()).resolves.toBe('12');
    await expect(text(`${cellId}-conversions`)()).resolves.toBe('4');
    await expect(text(`${cellId}-rate`)()).resolves.toBe('6.2%');
    // The only cell with events is also the whole period: it converts as well as overall.
    await expect(page.getByTestId(cellId).getAttribute('data-rate')).resolves.toBe('even');
    await expect(text('performance-cell-decision-restaurant-owner-views')()).resolves.toBe('0');
    await expect(text('performance-overall-rate')()).resolves.toBe(
      'Conversion rate = conversions / views. Overall in this period: 6.2%.'
    );
    await expect(text('performance-funnel-awareness-counts')()).resolves.toBe(
      '65 views · 12 clicks · 4 conversions · 6.2%'
    );
    await expect(text('performance-funnel-note')()).resolves.toContain(
      'Not the paths of individual visitors'
    );
    await eventually(text('performance-trend-views-summary'), (value) =>
      expect(value).toBe('65 in total · at most 65 a day')
    );
  });

  it('opens the cell’s best and weakest entries, and the entry’s numbers in its edit view', async () => {
    await page.getByTestId('performance-cell-awareness-restaurant-owner').click();
    const best = page.getByTestId('performance-entries-best');
    await waitShown(best, 30_000);

    // Both ranked (20 views or more), best rate first; with so few, none is left for "weakest".
    await eventually(
      () => best.getByRole('link').allInnerTexts(),
      (titles) => expect(titles).toEqual([STRONG.en.title, WEAK.en.title])
    );
    await expect(
      best.getByTestId('performance-entries-best-numbers').allInnerTexts()
    ).resolves.toEqual([
      'Blog post · 40 views · 10 clicks · 4 conversions · 10%',
      'Landing page · 25 views · 2 clicks · 0 conversions · 0%',
    ]);
    await expect(text('performance-entries-weakest-empty')()).resolves.toBe(
      'Every ranked entry is listed under best converting.'
    );
    await expect(text('performance-entries-min-views')()).resolves.toBe(
      'Ranked by conversion rate: only entries with at least 20 views in the period. No entry with views was left out.'
    );
    await eventually(text('performance-trend-subject'), (value) =>
      expect(value).toBe('Awareness x Restaurant owner')
    );
    expect(decodeURIComponent(page.url())).toContain(
      'cellStage=awareness&cellPersona=restaurant-owner'
    );

    // Tall enough for the matrix, the entries and the charts: a full-page capture of the admin
    // leaves what is below the first screen blank in headless Chromium.
    await page.setViewportSize({ width: 1440, height: 2200 });
    await page.getByTestId('performance-trend').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'performance-view', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The link leads to the entry's edit view, whose Journey panel has the same numbers.
    await best.getByRole('link', { name: STRONG.en.title }).click();
    await page.waitForURL(new RegExp(`/content-manager/collection-types/${BLOG_POST}/`), {
      timeout: 30_000,
    });
    expect(decodeURIComponent(page.url())).toContain(
      `${documentIds.strong}?plugins[i18n][locale]=en`
    );
    await waitShown(page.getByTestId('journey-performance'), 60_000);
    await eventually(text('journey-performance-views'), (value) => expect(value).toBe('40'));
    await expect(text('journey-performance-clicks')()).resolves.toBe('10');
    await expect(text('journey-performance-conversions')()).resolves.toBe('4');
    await expect(text('journey-performance-rate')()).resolves.toBe('Conversion rate: 10%');
  });

  it('fits a 390px wide screen without scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/admin/plugins/journey/performance`);
    await page.getByTestId('performance-cell-awareness-restaurant-owner').waitFor({
      timeout: 60_000,
    });
    await page.getByTestId('performance-funnel').waitFor();
    await eventually(text('performance-trend-views-summary'), (value) =>
      expect(value).toBe('65 in total · at most 65 a day')
    );

    // The matrix scrolls in its own container; the page itself never wider than the screen.
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      screen: window.innerWidth,
    }));
    expect(widths).toEqual({ page: 390, body: 390, screen: 390 });
    for (const testId of ['performance-funnel', 'performance-trend', 'performance-legend']) {
      const box = await page.getByTestId(testId).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    // The matrix on a phone (a full-page capture of the admin at this width leaves the part below
    // the first screen blank in headless Chromium).
    await page.getByTestId('performance-matrix').scrollIntoViewIfNeeded();
    await screenshot(page, 'performance-view-narrow', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
