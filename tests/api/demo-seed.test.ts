import request from 'supertest';
import {
  DEMO_ADMIN,
  DEMO_LOCALES,
  HISTORY_DAYS,
  seedDemoContent,
  seedDemoHistory,
  setUpDemo,
} from '../../playground/src/seed';
import {
  DEMO_BLOG_POSTS,
  DEMO_CTA_TARGETS,
  DEMO_CTAS,
  DEMO_FORMS,
  DEMO_IMAGES,
  DEMO_LANDING_PAGES,
  DEMO_PERSONAS,
} from '../../playground/src/seed/demo-content';
import { adminToken } from '../helpers/admin';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const TYPES = [
  'plugin::journey.blog-post',
  'plugin::journey.landing-page',
  'plugin::journey.cta',
  'plugin::journey.form',
];
const ALL_ENTRIES = [...DEMO_BLOG_POSTS, ...DEMO_LANDING_PAGES, ...DEMO_CTAS, ...DEMO_FORMS];

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

/** Every document and row count the demo touches, read through the database layer. */
const snapshot = async () => {
  const counts: Record<string, number> = {};
  for (const uid of ['plugin::journey.persona', ...TYPES]) {
    counts[`${uid} rows`] = await app.strapi.db.query(uid as never).count();
    counts[`${uid} en published`] = await app.strapi
      .documents(uid as never)
      .count({ status: 'published', locale: 'en' } as never);
    counts[`${uid} en drafts`] = await app.strapi
      .documents(uid as never)
      .count({ status: 'draft', locale: 'en' } as never);
  }
  return counts;
};

/** Events written to the per-entry rollups, straight from the table. */
const rollupSum = async () => {
  const row = await app.strapi.db
    .connection('journey_event_rollups')
    .sum({ total: 'count' })
    .first();
  return Number(row?.total ?? 0);
};

describe('demo content', () => {
  it('matches what the demo promises: 4-6 personas, 40+ entries, thin spots for coverage', () => {
    expect(DEMO_PERSONAS.length).toBeGreaterThanOrEqual(4);
    expect(DEMO_PERSONAS.length).toBeLessThanOrEqual(6);
    expect(ALL_ENTRIES.length).toBeGreaterThanOrEqual(40);
    const stages = new Set(ALL_ENTRIES.map((entry) => entry.stage));
    expect([...stages].sort()).toEqual([
      'advocacy',
      'awareness',
      'consideration',
      'decision',
      'retention',
    ]);
    // One stage with a single entry, and a persona with nothing at the decision stage.
    expect(ALL_ENTRIES.filter((entry) => entry.stage === 'advocacy')).toHaveLength(1);
    expect(
      ALL_ENTRIES.filter((e) => e.stage === 'decision' && e.personas.includes('consulting-client'))
    ).toHaveLength(0);
    expect(ALL_ENTRIES.some((entry) => !entry.published)).toBe(true);
    expect(ALL_ENTRIES.some((entry) => entry.da)).toBe(true);
    expect(DEMO_LOCALES.map((l) => l.code)).toEqual(['en', 'da']);
  });

  it('seeds everything once, and seeding again creates nothing', async () => {
    const first = await seedDemoContent(app.strapi);
    expect(first).toEqual({
      personasCreated: DEMO_PERSONAS.length,
      imagesUploaded: Object.keys(DEMO_IMAGES).length,
      entriesCreated: ALL_ENTRIES.length,
      entriesSkipped: 0,
    });
    const afterFirst = await snapshot();

    const second = await seedDemoContent(app.strapi);
    expect(second).toEqual({
      personasCreated: 0,
      imagesUploaded: 0,
      entriesCreated: 0,
      entriesSkipped: ALL_ENTRIES.length,
    });
    expect(await snapshot()).toEqual(afterFirst);

    const publishedEn = TYPES.reduce((sum, uid) => sum + afterFirst[`${uid} en published`], 0);
    expect(publishedEn).toBe(ALL_ENTRIES.filter((entry) => entry.published).length);
    expect(afterFirst['plugin::journey.persona en published']).toBe(DEMO_PERSONAS.length);
  });

  it('seeds Danish translations with the same stage and personas', async () => {
    const withDanish = DEMO_BLOG_POSTS.find((entry) => entry.da && entry.personas.length > 0)!;
    const danish = (await app.strapi.documents('plugin::journey.blog-post' as never).findFirst({
      locale: 'da',
      filters: { slug: withDanish.da!.slug },
      populate: ['personas'],
    } as never)) as any;
    expect(danish.journeyStage).toBe(withDanish.stage);
    expect(danish.personas.map((p: { slug: string }) => p.slug).sort()).toEqual(
      [...withDanish.personas].sort()
    );
  });

  it('uploads the demo images once and gives every page its image and SEO fields', async () => {
    const files = (await app.strapi.db
      .query('plugin::upload.file')
      .findMany({ orderBy: { name: 'asc' } })) as Array<{ name: string; mime: string }>;
    expect(files.map((file) => [file.name, file.mime])).toEqual(
      Object.values(DEMO_IMAGES)
        .map(({ file }) => [`journey-demo-${file}`, 'image/png'])
        .sort()
    );
    for (const [uid, entries, imageField, summaryField] of [
      ['plugin::journey.blog-post', DEMO_BLOG_POSTS, 'cover', 'excerpt'],
      ['plugin::journey.landing-page', DEMO_LANDING_PAGES, 'hero', 'headline'],
    ] as const) {
      for (const entry of entries) {
        for (const locale of entry.da ? (['en', 'da'] as const) : (['en'] as const)) {
          const texts = entry[locale]! as { slug: string; title: string } & Record<string, string>;
          const page = (await app.strapi.documents(uid as never).findFirst({
            locale,
            status: 'draft',
            filters: { slug: texts.slug },
            populate: { [imageField]: true, seo: { populate: ['shareImage'] } },
          } as never)) as any;
          expect({ slug: texts.slug, image: page[imageField]?.name }).toEqual({
            slug: texts.slug,
            image: `journey-demo-${entry.stage}.png`,
          });
          expect(page.seo.shareImage.name).toBe('journey-demo-share.png');
          // Titles and summaries fit SEO lengths, cut at a word with an ellipsis when longer.
          expect(page.seo.metaTitle.length).toBeLessThanOrEqual(70);
          expect(page.seo.metaDescription.length).toBeLessThanOrEqual(160);
          const summary = texts[summaryField];
          if (summary.length <= 160) expect(page.seo.metaDescription).toBe(summary);
          else expect(summary.startsWith(page.seo.metaDescription.slice(0, -1))).toBe(true);
        }
      }
    }
  });

  it('links each CTA to its landing page or form, in every locale it has', async () => {
    expect(Object.keys(DEMO_CTA_TARGETS).sort()).toEqual(DEMO_CTAS.map((cta) => cta.key).sort());
    let linked = 0;
    for (const cta of DEMO_CTAS) {
      const target = DEMO_CTA_TARGETS[cta.key];
      for (const locale of cta.da ? (['en', 'da'] as const) : (['en'] as const)) {
        const found = (await app.strapi.documents('plugin::journey.cta' as never).findFirst({
          locale,
          status: 'draft',
          filters: { url: cta[locale]!.url },
          populate: ['landingPage', 'form'],
        } as never)) as any;
        expect({
          cta: cta.key,
          locale,
          style: found.style,
          landingPage: found.landingPage?.slug,
          landingPageLocale: found.landingPage?.locale,
          form: found.form?.locale === 'en' ? found.form.name : found.form?.locale,
        }).toEqual({
          cta: cta.key,
          locale,
          style: target.style,
          landingPage: target.landingPage
            ? locale === 'en'
              ? target.landingPage
              : DEMO_LANDING_PAGES.find((page) => page.en.slug === target.landingPage)!.da!.slug
            : undefined,
          landingPageLocale: target.landingPage ? locale : undefined,
          form: target.form ? (locale === 'en' ? target.form : locale) : undefined,
        });
        if (target.landingPage || target.form) linked += 1;
      }
    }
    // 8 English CTAs lead somewhere, and the 4 Danish ones (all of them do).
    expect(linked).toBe(12);
  });

  it('serves a seeded page by slug to Public with its cover, SEO and share image', async () => {
    const response = await request(app.strapi.server.httpServer).get(
      '/api/journey/blog-posts?filters[slug][$eq]=what-is-the-customer-journey&populate[cover]=true&populate[seo][populate]=shareImage'
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    const [post] = response.body.data;
    expect(post.cover).toMatchObject({ name: 'journey-demo-awareness.png', width: 640 });
    expect(post.seo).toMatchObject({
      metaTitle: 'What is the customer journey?',
      shareImage: { name: 'journey-demo-share.png', width: 1200, height: 630 },
    });
  });

  it('seeds 90 days of performance history: views fall along the journey, conversions at decision', async () => {
    await seedDemoContent(app.strapi);
    const lines: string[] = [];
    const report = await seedDemoHistory(app.strapi, { log: (line) => lines.push(line) });
    expect(report).toMatchObject({ seeded: true, days: HISTORY_DAYS });
    expect(HISTORY_DAYS).toBe(90);
    expect(lines).toEqual(
      [10, 20, 30, 40, 50, 60, 70, 80, 90].map(
        (done) => `[journey demo] seeding 90 days of performance history: ${done}/90`
      )
    );
    // Everything recorded was written (flushed), nothing waits in memory.
    expect(await rollupSum()).toBe(report.events);
    expect(app.strapi.plugin('journey').service('analytics').pending().events).toBe(0);

    const token = await adminToken(app.strapi);
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 89 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const response = await request(app.strapi.server.httpServer)
      .get(`/journey/performance?from=${from}&to=${today}`)
      .set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    const step = (stage: string) =>
      response.body.data.funnel.find((s: { stage: string }) => s.stage === stage) as {
        views: number;
        clicks: number;
        conversions: number;
      };
    const [awareness, consideration, decision] = ['awareness', 'consideration', 'decision'].map(
      step
    );
    expect(awareness.views).toBeGreaterThan(consideration.views);
    expect(consideration.views).toBeGreaterThan(decision.views);
    expect(decision.views).toBeGreaterThan(0);
    expect(decision.conversions).toBeGreaterThan(0);
    expect(decision.conversions).toBeGreaterThan(awareness.conversions + consideration.conversions);
    const { totals } = response.body.data;
    expect(totals.clicks).toBeGreaterThan(totals.views * 0.01);
    expect(totals.clicks).toBeLessThan(totals.views * 0.2);
    expect(totals.conversions).toBeLessThan(totals.clicks);
    // Every day of the period has events; the first day before it has none.
    const days = await app.strapi.db
      .connection('journey_event_rollups')
      .distinct('day')
      .orderBy('day');
    expect(days.map((row: { day: string }) => row.day)).toHaveLength(90);
    expect(days[0].day).toBe(from);
    expect(days[89].day).toBe(today);
  });

  it('seeds the history once: a restart (and another call) leaves the rollups as they are', async () => {
    const before = await rollupSum();
    expect(before).toBeGreaterThan(0);
    expect(await seedDemoHistory(app.strapi)).toEqual({ seeded: false, days: 0, events: 0 });

    // A development boot runs setUpDemo from the playground's bootstrap.
    const previous = process.env.NODE_ENV;
    await app.stop({ keepDatabase: true });
    try {
      process.env.NODE_ENV = 'development';
      app = await bootStrapi({ database: app.database });
    } finally {
      process.env.NODE_ENV = previous;
    }
    await app.strapi.plugin('journey').service('analytics').flush();
    expect(await rollupSum()).toBe(before);
    // The next test starts from a database without admins, as a fresh demo has.
    await app.strapi.db.query('admin::user').deleteMany({});
  });

  it('creates the demo admin only in development and only when no admin exists', async () => {
    const users = app.strapi.service('admin::user');
    const previous = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = 'test';
      await setUpDemo(app.strapi);
      expect(await users.exists({ email: DEMO_ADMIN.email })).toBe(false);

      process.env.NODE_ENV = 'development';
      await setUpDemo(app.strapi);
      expect(await users.exists({ email: DEMO_ADMIN.email })).toBe(true);
      await setUpDemo(app.strapi); // an admin exists now: nothing happens
      expect(
        await app.strapi.db.query('admin::user').count({ where: { email: DEMO_ADMIN.email } })
      ).toBe(1);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
