/**
 * The demo site (/demo/, built from demo/ by scripts/build-demo.mjs) in Chromium against the
 * playground with the demo content: pick a persona and a stage, read the cards, follow a "next
 * step" CTA to the next stage, open a post by its slug, switch the language; and what the demo
 * tracks (views of cards, clicks on CTAs) arrives in the Performance API.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { seedDemoContent } from '../../playground/src/seed';
import {
  DEMO_BLOG_POSTS,
  DEMO_CTAS,
  DEMO_FORMS,
  DEMO_LANDING_PAGES,
  type DemoStage,
} from '../../playground/src/seed/demo-content';
import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { bootStrapi, listenOnFreePort, type TestApp } from '../helpers/strapi';
import {
  DESKTOP_CHROME,
  eventually,
  launchBrowser,
  screenshot,
  waitForTestId,
  watchPage,
} from './browser';

let app: TestApp;
let browser: Browser;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoContent(app.strapi);
  baseUrl = await listenOnFreePort(app);
  browser = await launchBrowser();
  // A normal Chrome user agent: HeadlessChrome's events would be answered as a bot's.
  page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    userAgent: DESKTOP_CHROME,
  });
  watchPage(page);
});

afterAll(async () => {
  await browser?.close();
  if (app?.strapi.server.httpServer.listening)
    await new Promise((resolve) => app.strapi.server.httpServer.close(resolve));
  await app?.stop();
});

type Locale = 'en' | 'da';
/** Published demo entries at a stage for a persona, as the demo lists them (one locale). */
const published = (stage: DemoStage, persona: string, locale: Locale = 'en') =>
  [
    ...DEMO_BLOG_POSTS.map((e) => ({ ...e, kind: 'page', title: e[locale]?.title })),
    ...DEMO_LANDING_PAGES.map((e) => ({ ...e, kind: 'page', title: e[locale]?.title })),
    ...DEMO_FORMS.map((e) => ({ ...e, kind: 'form', title: e[locale]?.name })),
    ...DEMO_CTAS.map((e) => ({ ...e, kind: 'cta', title: e[locale]?.label })),
  ].filter(
    (e) => e.published && e.stage === stage && e.personas.includes(persona) && e.title !== undefined
  );
const cardTitles = (stage: DemoStage, persona: string, locale: Locale = 'en') =>
  published(stage, persona, locale)
    .filter((e) => e.kind !== 'cta')
    .map((e) => e.title as string)
    .sort();
const ctaLabels = (stage: DemoStage, persona: string, locale: Locale = 'en') =>
  published(stage, persona, locale)
    .filter((e) => e.kind === 'cta')
    .map((e) => e.title as string)
    .sort();

const shownCardTitles = async (on: Page = page) =>
  (await on.getByTestId('content-card').locator('h3').allInnerTexts()).map((t) => t.trim()).sort();

describe('the demo site in a real browser', () => {
  // First, on a fresh database: every number the Performance API shows is this test's.
  it('tracks a view of each card shown and a click on the CTA followed', async () => {
    const token = await adminToken(app.strapi);
    await page.goto(`${baseUrl}/demo/#/?persona=b2b-buyer&stage=consideration&locale=en`);
    const considerationCards = cardTitles('consideration', 'b2b-buyer');
    const decisionCards = cardTitles('decision', 'b2b-buyer');
    await eventually(shownCardTitles, (titles) => expect(titles).toEqual(considerationCards));
    await page.getByTestId('next-step-cta').filter({ hasText: 'Download case studies' }).click();
    await eventually(shownCardTitles, (titles) => expect(titles).toEqual(decisionCards));

    // The page sends its batch after a short delay: flush the server's buffer and read the
    // numbers until they arrive (a deadline, no fixed wait).
    const performance = async () => {
      await app.strapi.plugin('journey').service('analytics').flush();
      const response = await request(app.strapi.server.httpServer)
        .get('/journey/performance')
        .set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      const step = (stage: string) =>
        response.body.data.funnel.find((s: { stage: string }) => s.stage === stage);
      return {
        totals: response.body.data.totals,
        consideration: step('consideration'),
        decision: step('decision'),
      };
    };
    const numbers = await eventually(performance, (seen) =>
      expect(seen.totals).toMatchObject({
        views: considerationCards.length + decisionCards.length,
        clicks: 1,
        conversions: 0,
      })
    );
    expect(numbers.consideration).toMatchObject({
      views: considerationCards.length,
      clicks: 1,
    });
    expect(numbers.decision).toMatchObject({ views: decisionCards.length, clicks: 0 });
    // The click is counted on the CTA itself, the CTA as its target.
    const cta = DEMO_CTAS.find((e) => e.en.label === 'Download case studies')!;
    const clicks = await app.strapi.db
      .connection('journey_event_rollups')
      .where({ event_type: 'click', type_name: 'cta' })
      .select('document_id', 'target', 'persona', 'stage', 'count');
    const idOf = async (uid: string, filters: object) =>
      (
        (await app.strapi
          .documents(uid as never)
          .findFirst({ locale: 'en', filters } as never)) as unknown as { documentId: string }
      ).documentId;
    const ctaId = await idOf('plugin::journey.cta', { url: cta.en.url });
    // Visitor personas are kept by documentId.
    const buyerId = await idOf('plugin::journey.persona', { slug: 'b2b-buyer' });
    expect(
      clicks.map((row: Record<string, unknown>) => ({ ...row, count: Number(row.count) }))
    ).toEqual([
      { document_id: ctaId, target: ctaId, persona: buyerId, stage: 'consideration', count: 1 },
    ]);
  });

  it('shows the cards of the picked persona and stage, and their next-step CTAs', async () => {
    await page.goto(`${baseUrl}/demo/`);
    await page.getByTestId('persona-picker').locator('option[value="b2b-buyer"]').waitFor({
      state: 'attached',
    });
    await page.getByTestId('persona-picker').selectOption('b2b-buyer');
    await page.getByTestId('stage-picker').selectOption('consideration');

    const expectedCards = cardTitles('consideration', 'b2b-buyer');
    const expectedCtas = ctaLabels('consideration', 'b2b-buyer');
    expect(expectedCards.length).toBeGreaterThan(1);
    await eventually(shownCardTitles, (titles) => expect(titles).toEqual(expectedCards));
    await eventually(
      () => page.getByTestId('stage-heading').innerText(),
      (heading) =>
        // CTAs are next steps, not items of the list.
        expect(heading).toBe(`Consideration: ${expectedCards.length} items`)
    );
    // Posts and landing pages show their seeded image (uploaded by the demo seed).
    const pageCards = published('consideration', 'b2b-buyer').filter((e) => e.kind === 'page');
    const imageSources = await page
      .getByTestId('content-card')
      .locator('img')
      .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).src));
    expect(imageSources).toHaveLength(pageCards.length);
    for (const src of imageSources) expect(src).toMatch(/\/uploads\/.+\.png$/);
    const ctas = await page.getByTestId('next-step-cta').allInnerTexts();
    expect(ctas.map((t) => t.trim()).sort()).toEqual(
      expectedCtas.length > 0 ? expectedCtas : ['Continue to Decision']
    );
    await screenshot(page, 'demo-site-cards');
  });

  it('follows a next-step CTA to the next stage’s content', async () => {
    // "Download case studies" leads to no landing page: it moves the visitor one stage on.
    await page.getByTestId('next-step-cta').filter({ hasText: 'Download case studies' }).click();
    await eventually(
      () => page.getByTestId('stage-picker').inputValue(),
      (stage) => expect(stage).toBe('decision')
    );
    await eventually(shownCardTitles, (titles) =>
      expect(titles).toEqual(cardTitles('decision', 'b2b-buyer'))
    );
    expect(page.url()).toContain('stage=decision');
  });

  it('opens a blog post by its slug', async () => {
    const post = DEMO_BLOG_POSTS.find(
      (e) => e.published && e.stage === 'decision' && e.personas.includes('b2b-buyer')
    );
    if (!post) throw new Error('the demo content has no published decision post for b2b-buyer');
    await page.getByTestId('content-card').getByRole('link', { name: post.en.title }).click();
    await waitForTestId(page, 'entry');
    expect(page.url()).toContain(`#/blog/${post.en.slug}?`);
    expect(await page.getByTestId('entry').locator('h1').innerText()).toBe(post.en.title);
    const firstParagraph = post.en.body.split(/\n{2,}/)[0];
    expect(await page.getByTestId('entry').innerText()).toContain(firstParagraph);
    expect(await page.getByTestId('entry').locator('img').getAttribute('src')).toMatch(
      /^\/uploads\/.+\.png$/
    );
    await eventually(
      () => page.title(),
      (title) => expect(title.length).toBeGreaterThan(0)
    );
    await screenshot(page, 'demo-site-post');

    await page.getByTestId('back').click();
    await eventually(shownCardTitles, (titles) =>
      expect(titles).toEqual(cardTitles('decision', 'b2b-buyer'))
    );
  });

  it('follows a CTA that points at a landing page to that page', async () => {
    // The demo's "download the journey guide" CTA (awareness, b2b-buyer) leads to its guide page.
    await page.getByTestId('stage-picker').selectOption('awareness');
    const cta = DEMO_CTAS.find((e) => e.key === 'cta-download-journey-guide');
    const guide = DEMO_LANDING_PAGES.find((e) => e.en.slug === 'customer-journey-guide');
    if (!cta || !guide) throw new Error('the demo content lost its journey guide CTA or page');
    await page.getByTestId('next-step-cta').filter({ hasText: cta.en.label }).click();
    await waitForTestId(page, 'entry');
    expect(page.url()).toContain('#/page/customer-journey-guide?');
    expect(await page.getByTestId('entry').locator('h1').innerText()).toBe(guide.en.title);
    // The page's own next step continues the journey at the stage after the page's.
    const stageKeys = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
    const nextStage = stageKeys[stageKeys.indexOf(guide.stage) + 1];
    await page.getByTestId('next-step-cta').click();
    await eventually(
      () => page.getByTestId('stage-picker').inputValue(),
      (stage) => expect(stage).toBe(nextStage)
    );
  });

  it('switches the content to Danish', async () => {
    await page.getByTestId('stage-picker').selectOption('awareness');
    await page.getByTestId('locale-picker').selectOption('da');
    const expected = cardTitles('awareness', 'b2b-buyer', 'da');
    expect(expected.length).toBeGreaterThan(0);
    await eventually(shownCardTitles, (titles) => expect(titles).toEqual(expected));
  });

  // Picking a persona and then a stage starts two renders; the first one's answers can come last
  // (a CI run once ended on the stage the visitor had left). The stage left is held here until the
  // picked one is shown, so the late answer is certain, not a matter of luck.
  it('ends on the stage picked last when the stage left answers after it', async () => {
    const visitor = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      userAgent: DESKTOP_CHROME,
    });
    try {
      const held: Route[] = [];
      await visitor.route(
        (url) =>
          url.pathname.startsWith('/api/journey/content') &&
          url.searchParams.get('stage') === 'awareness',
        (route) => void held.push(route)
      );
      await visitor.goto(`${baseUrl}/demo/#/?persona=b2b-buyer&stage=awareness&locale=en`);
      await eventually(
        async () => held.length,
        (count) => expect(count).toBeGreaterThan(0)
      );
      await visitor.getByTestId('stage-picker').selectOption('consideration');
      const expected = cardTitles('consideration', 'b2b-buyer');
      await eventually(
        () => shownCardTitles(visitor),
        (titles) => expect(titles).toEqual(expected)
      );

      await Promise.all(held.map((route) => route.continue()));
      // The view is busy until every render has ended, the superseded one included.
      await eventually(
        () => visitor.locator('#view').getAttribute('aria-busy'),
        (busy) => expect(busy).toBe('false')
      );
      expect(await shownCardTitles(visitor)).toEqual(expected);
      expect(await visitor.getByTestId('stage-heading').innerText()).toBe(
        `Consideration: ${expected.length} items`
      );
      expect(await visitor.getByTestId('stage-picker').inputValue()).toBe('consideration');
    } finally {
      await visitor.close();
    }
  });
});
