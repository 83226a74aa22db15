import type { UID } from '@strapi/strapi';
import type { Page } from 'playwright-core';
import { DEMO_BLOG_POSTS } from '../../playground/src/seed/demo-content';
import type { TestApp } from '../helpers/strapi';
import { eventually, screenshot, startDemoSession, waitShown } from './browser';

/*
 * The journey in the team's languages, as an editor meets it: the Journey panel of a Danish entry
 * gives Danish guidance (the language the editor writes in) whatever the interface language, and
 * an admin user who switches the interface to Danish sees the stage model in Danish, in the
 * coverage matrix too. Expected texts are the default preset's, written out here.
 */

const VIEWPORT = { width: 1600, height: 1000 };
const BLOG_POST = 'plugin::journey.blog-post' as UID.ContentType;
const STAGE_KEYS = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
const LABELS = {
  en: ['Awareness', 'Consideration', 'Decision', 'Retention', 'Advocacy'],
  da: ['Kendskab', 'Overvejelse', 'Køb', 'Brug', 'Loyalitet'],
};
/** The default preset's awareness keywords. */
const AWARENESS_KEYWORDS = {
  en: ['what is', 'how to', 'why does', 'trends', 'tips', 'guide', 'examples'],
  da: ['hvad er', 'hvordan', 'hvorfor', 'tips', 'guide', 'eksempler', 'trends'],
};

/** A demo post written in Danish too, at the awareness stage. */
const DANISH_POST = DEMO_BLOG_POSTS.find((post) => post.stage === 'awareness' && post.da)!;

let app: TestApp;
let page: Page;
let baseUrl: string;
let session: Awaited<ReturnType<typeof startDemoSession>>;

beforeAll(async () => {
  session = await startDemoSession(VIEWPORT);
  ({ app, page, baseUrl } = session);
});

afterAll(async () => {
  await session?.stop();
});

const text = (testId: string) => () => page.getByTestId(testId).first().innerText();
const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Opens the Danish version of the demo post and waits for the Journey panel's guidance. */
const openDanishPost = async () => {
  const post = (await app.strapi
    .documents(BLOG_POST)
    .findFirst({ filters: { slug: DANISH_POST.en.slug }, locale: 'en' })) as unknown as {
    documentId: string;
  };
  await page.goto(
    `${baseUrl}/admin/content-manager/collection-types/${BLOG_POST}/${post.documentId}?plugins[i18n][locale]=da`
  );
  await waitShown(page.getByTestId('journey-guidance'), 60_000);
};

/** The keyword chips of the guidance, once they read `expected`. */
const expectKeywords = (expected: string[]) =>
  eventually(
    async () =>
      page
        .getByTestId('journey-guidance-keywords')
        .locator('li')
        // The text as written: the badges show it in capitals (CSS), which innerText would return.
        .allTextContents()
        .then((items) => items.map((item) => item.trim())),
    (keywords) => expect(keywords).toEqual(expected)
  );

/** The label of each stage card in the picker, in journey order. */
const expectPickerLabels = async (expected: string[]) => {
  for (const [index, key] of STAGE_KEYS.entries()) {
    await eventually(text(`journey-stage-option-${key}`), (value) =>
      expect(lines(value)[0]).toBe(expected[index])
    );
  }
};

describe("the journey in the team's languages", () => {
  it('gives Danish guidance on a Danish entry in an English admin', async () => {
    expect(DANISH_POST).toBeDefined();
    await openDanishPost();
    await eventually(
      () => page.getByTestId('journey-guidance').getAttribute('data-stage'),
      (stage) => expect(stage).toBe('awareness')
    );
    await expectKeywords(AWARENESS_KEYWORDS.da);
    // The editor chooses by the interface's labels, and is told why the guidance is Danish.
    await expectPickerLabels(LABELS.en);
    await eventually(text('journey-guidance-locale'), (value) =>
      expect(value).toBe('Guidance in the language of this entry: Danish')
    );
  });

  it('shows the stage model in Danish once the admin user switches the interface to Danish', async () => {
    // Profile > Interface language, as a user does it.
    await page.goto(`${baseUrl}/admin/me`);
    const language = page.getByRole('combobox', { name: 'Interface language' });
    await waitShown(language, 60_000);
    await language.click();
    await page.getByRole('option', { name: 'Dansk' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(
      () => page.evaluate(() => window.localStorage.getItem('strapi-admin-language')),
      (stored) => expect(stored).toBe('da')
    );

    // The coverage matrix labels its rows in Danish.
    await page.goto(`${baseUrl}/admin/plugins/journey`);
    await waitShown(page.getByTestId('coverage-stage-advocacy'), 60_000);
    for (const [index, key] of STAGE_KEYS.entries()) {
      await eventually(text(`coverage-stage-${key}`), (value) =>
        expect(lines(value)[0]).toBe(LABELS.da[index])
      );
    }
    await screenshot(page, 'coverage-panel-danish');

    // The Danish entry: Danish labels to choose by and Danish keywords, with no note (same language).
    await openDanishPost();
    await expectPickerLabels(LABELS.da);
    await expectKeywords(AWARENESS_KEYWORDS.da);
    await expect(page.getByTestId('journey-guidance-locale').count()).resolves.toBe(0);
    await page.setViewportSize({ width: VIEWPORT.width, height: 2000 });
    await screenshot(page, 'editor-side-panel-danish');
    await page.setViewportSize(VIEWPORT);

    // The English version of the same post, in the Danish admin: English guidance, flagged.
    const url = page.url().replace('plugins[i18n][locale]=da', 'plugins[i18n][locale]=en');
    await page.goto(url.includes('locale=en') ? url : url.replace('locale%5D=da', 'locale%5D=en'));
    await waitShown(page.getByTestId('journey-guidance'), 60_000);
    await expectKeywords(AWARENESS_KEYWORDS.en);
    await expectPickerLabels(LABELS.da);
    await eventually(text('journey-guidance-locale'), (value) =>
      expect(value).toBe('Vejledning på indlæggets sprog: engelsk')
    );
  });
});
