import { DEMO_ADMIN, DEMO_LOCALES, seedDemoContent, setUpDemo } from '../../playground/src/seed';
import {
  DEMO_BLOG_POSTS,
  DEMO_CTAS,
  DEMO_FORMS,
  DEMO_IMAGES,
  DEMO_LANDING_PAGES,
  DEMO_PERSONAS,
} from '../../playground/src/seed/demo-content';
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
