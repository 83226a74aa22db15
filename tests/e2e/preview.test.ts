/**
 * Strapi's Preview against the demo site, in Chromium: an editor opens "Open preview" on a blog
 * post with unpublished edits, sees the draft on the demo page under the preview banner while
 * visitors get the published version, publishes from the preview page and sees the frame render
 * again (Strapi's `strapiUpdate`), then opens the Published tab.
 */
import type { UID } from '@strapi/strapi';
import type { Frame, Page } from 'playwright-core';
import { DEMO_BLOG_POSTS } from '../../playground/src/seed/demo-content';
import type { TestApp } from '../helpers/strapi';
import { eventually, screenshot, startDemoSession } from './browser';

const BLOG_POST = 'plugin::journey.blog-post' as UID.ContentType;
const POST = DEMO_BLOG_POSTS.find((post) => post.published && post.en)!;
const PUBLISHED_TITLE = POST.en!.title;
const DRAFT_TITLE = `${PUBLISHED_TITLE} (draft edit)`;

let session: Awaited<ReturnType<typeof startDemoSession>>;
let app: TestApp;
let page: Page;
let documentId: string;

beforeAll(async () => {
  session = await startDemoSession({ width: 1440, height: 1000 });
  ({ app, page } = session);
  const post = (await app.strapi
    .documents(BLOG_POST)
    .findFirst({ filters: { slug: POST.en!.slug }, locale: 'en' })) as { documentId: string };
  documentId = post.documentId;
  // An edit not yet published: the preview must show it, visitors must not.
  await app.strapi
    .documents(BLOG_POST)
    .update({ documentId, locale: 'en', data: { title: DRAFT_TITLE } } as never);
});

afterAll(async () => {
  await session?.stop();
});

/** The demo page inside the preview panel, once its frame has loaded the demo. */
const previewFrame = async (): Promise<Frame> =>
  eventually(
    async () => page.frames().find((frame) => frame.url().includes('/demo/#/preview?grant=')),
    (frame) => expect(frame).toBeDefined()
  ) as Promise<Frame>;

const shownTitle = async (frame: Frame) => {
  const heading = frame.getByTestId('entry').locator('h1');
  return (await heading.count()) === 1 ? heading.innerText() : null;
};

describe('Open preview on the demo site', () => {
  it('shows the draft under the preview banner, and renders again after publishing', async () => {
    await page.goto(
      `${session.baseUrl}/admin/content-manager/collection-types/${BLOG_POST}/${documentId}?plugins[i18n][locale]=en`
    );
    await page.getByRole('link', { name: 'Open preview' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/preview'));

    const frame = await previewFrame();
    await eventually(
      () => shownTitle(frame),
      (title) => expect(title).toBe(DRAFT_TITLE)
    );
    await expect(frame.getByTestId('preview-banner').innerText()).resolves.toBe(
      'Preview of the draft: visitors do not see this version until it is published.'
    );
    await screenshot(page, 'preview-demo-site', { fullPage: false });

    // Visitors meanwhile get the published version.
    const visitor = await session.browser.newPage();
    const visitorTitle = () =>
      eventually(
        async () => {
          const heading = visitor.getByTestId('entry').locator('h1');
          return (await heading.count()) === 1 ? heading.innerText() : null;
        },
        (shown) => expect(shown).not.toBeNull()
      );
    await visitor.goto(`${session.baseUrl}/demo/#/blog/${POST.en!.slug}?locale=en`);
    await expect(visitorTitle()).resolves.toBe(PUBLISHED_TITLE);

    // Publishing from the preview page: the admin posts strapiUpdate and the frame renders again
    // (the marked heading is replaced by a new one).
    await frame
      .getByTestId('entry')
      .locator('h1')
      .evaluate((h1) => (h1.dataset.before = 'save'));
    await page.getByRole('button', { name: 'Publish' }).click();
    await eventually(
      async () => {
        const heading = frame.getByTestId('entry').locator('h1:not([data-before])');
        return (await heading.count()) === 1 ? heading.innerText() : null;
      },
      (shown) => expect(shown).toBe(DRAFT_TITLE)
    );
    await visitor.reload();
    await expect(visitorTitle()).resolves.toBe(DRAFT_TITLE);
    await visitor.close();

    // The Published tab opens the published version, labelled as such.
    await page.getByRole('tab', { name: 'Published' }).click();
    const published = await eventually(
      async () => {
        const frames = page.frames().filter((f) => f.url().includes('/demo/#/preview?grant='));
        const banner = frames.length === 1 ? frames[0].getByTestId('preview-banner') : null;
        return banner && (await banner.count()) === 1 ? banner.innerText() : null;
      },
      (text) => expect(text).toBe('Preview of the published version.')
    );
    expect(published).toBe('Preview of the published version.');
    await expect(shownTitle(await previewFrame())).resolves.toBe(DRAFT_TITLE);
  });
});
