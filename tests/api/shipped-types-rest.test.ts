import path from 'path';
import fs from 'fs';
import request from 'supertest';
import { CONTENT_API_ACTIONS } from '../../shared/constants';
import { createEntry, createPersona, setPublicPermission } from '../helpers/fixtures';
import { PLAYGROUND } from '../helpers/paths';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/*
 * Strapi's core REST for the shipped kinds, read-only under /api/journey: what a frontend rendering
 * /blog/<slug> needs. The playground grants Public find/findOne on all four kinds (as the demo does).
 */

let app: TestApp;
const http = () => request(app.strapi.server.httpServer);
const ids: Record<string, string> = {};
const files: Record<string, number> = {};

const BLOG = 'plugin::journey.blog-post';
const LANDING = 'plugin::journey.landing-page';
const CTA = 'plugin::journey.cta';
const FORM = 'plugin::journey.form';

const upload = async (file: string) => {
  const filepath = path.join(PLAYGROUND, 'src', 'seed', 'images', file);
  const [created] = await app.strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: `test-${file}`, alternativeText: `Alt of ${file}` } },
      files: {
        filepath,
        originalFilename: `test-${file}`,
        mimetype: 'image/png',
        size: fs.statSync(filepath).size,
      },
    });
  return created.id as number;
};

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  files.cover = await upload('awareness.png');
  files.share = await upload('share.png');
  const owner = await createPersona(strapi, { name: 'Restaurant owner' });
  ids.owner = owner.documentId;

  ids.alpha = await createEntry(strapi, {
    uid: BLOG,
    data: {
      title: 'Alpha post',
      excerpt: 'The first post.',
      body: 'Alpha body',
      cover: files.cover,
      seo: {
        metaTitle: 'Alpha SEO title',
        metaDescription: 'Alpha SEO text',
        shareImage: files.share,
      },
    },
    stage: 'awareness',
    personas: [ids.owner],
    publishedAt: '2026-01-01T10:00:00.000Z',
    translations: {
      da: { title: 'Alfa indlæg', seo: { metaTitle: 'Alfa SEO-titel' } },
    },
  });
  ids.beta = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'Beta post', excerpt: 'The second post.' },
    stage: 'consideration',
    publishedAt: '2026-01-03T10:00:00.000Z',
  });
  ids.gamma = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'Gamma post' },
    stage: 'decision',
    publishedAt: '2026-01-02T10:00:00.000Z',
  });
  ids.draft = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'Draft post' },
    stage: 'awareness',
  });

  ids.landing = await createEntry(strapi, {
    uid: LANDING,
    data: {
      title: 'Booking landing',
      headline: 'Fill every table',
      hero: files.cover,
      seo: { metaTitle: 'Booking SEO title' },
    },
    stage: 'decision',
    publishedAt: '2026-01-04T10:00:00.000Z',
  });
  ids.form = await createEntry(strapi, {
    uid: FORM,
    data: { name: 'Demo request', fields: [] },
    stage: 'decision',
    publishedAt: '2026-01-05T10:00:00.000Z',
  });
  ids.toLanding = await createEntry(strapi, {
    uid: CTA,
    data: {
      label: 'See the booking page',
      url: '/booking-landing',
      style: 'secondary',
      landingPage: ids.landing,
    },
    stage: 'consideration',
    publishedAt: '2026-01-06T10:00:00.000Z',
  });
  ids.toForm = await createEntry(strapi, {
    uid: CTA,
    data: { label: 'Book a demo', url: '/demo', form: ids.form },
    stage: 'decision',
    publishedAt: '2026-01-07T10:00:00.000Z',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const titles = (body: any) => body.data.map((entry: any) => entry.title);

describe('GET /api/journey/blog-posts', () => {
  it('lists published posts of the default locale in core REST shape', async () => {
    const response = await http().get('/api/journey/blog-posts?sort=title:asc');
    expect(response.status).toBe(200);
    expect(titles(response.body)).toEqual(['Alpha post', 'Beta post', 'Gamma post']);
    expect(response.body.meta).toEqual({
      pagination: { page: 1, pageSize: 25, pageCount: 1, total: 3 },
    });
    const alpha = response.body.data[0];
    expect(alpha).toMatchObject({
      documentId: ids.alpha,
      title: 'Alpha post',
      slug: 'alpha-post',
      excerpt: 'The first post.',
      body: 'Alpha body',
      locale: 'en',
      journeyStage: 'awareness',
      publishedAt: '2026-01-01T10:00:00.000Z',
    });
    // Relations, media and components only come when populated, as in core REST.
    expect(alpha).not.toHaveProperty('cover');
    expect(alpha).not.toHaveProperty('seo');
    expect(alpha).not.toHaveProperty('personas');
  });

  it('finds one page by slug', async () => {
    const response = await http().get('/api/journey/blog-posts?filters[slug][$eq]=alpha-post');
    expect(response.status).toBe(200);
    expect(response.body.data.map((entry: any) => entry.documentId)).toEqual([ids.alpha]);
    const none = await http().get('/api/journey/blog-posts?filters[slug][$eq]=no-such-post');
    expect(none.status).toBe(200);
    expect(none.body.data).toEqual([]);
    expect(none.body.meta.pagination.total).toBe(0);
  });

  it('populates the cover, the SEO component and its share image', async () => {
    const response = await http().get(
      `/api/journey/blog-posts?filters[slug][$eq]=alpha-post&populate[cover]=true&populate[seo][populate]=shareImage`
    );
    expect(response.status).toBe(200);
    const [alpha] = response.body.data;
    expect(alpha.cover).toMatchObject({
      id: files.cover,
      name: 'test-awareness.png',
      alternativeText: 'Alt of awareness.png',
      mime: 'image/png',
      width: 640,
      height: 360,
    });
    expect(alpha.cover.url).toMatch(/^\/uploads\/.+\.png$/);
    expect(alpha.seo).toMatchObject({
      metaTitle: 'Alpha SEO title',
      metaDescription: 'Alpha SEO text',
      shareImage: { id: files.share, width: 1200, height: 630, mime: 'image/png' },
    });
  });

  it('populates one level with populate=*, without private fields', async () => {
    const response = await http().get(`/api/journey/blog-posts/${ids.alpha}?populate=*`);
    expect(response.status).toBe(200);
    const { data } = response.body;
    expect(data.cover.id).toBe(files.cover);
    // One level: the component comes, its image does not.
    expect(data.seo).toEqual({
      id: expect.any(Number),
      metaTitle: 'Alpha SEO title',
      metaDescription: 'Alpha SEO text',
    });
    expect(data.personas.map((persona: any) => persona.slug)).toEqual(['restaurant-owner']);
    // Private fields never reach the content API.
    expect(data).not.toHaveProperty('createdBy');
    expect(data).not.toHaveProperty('updatedBy');
    expect(data.cover).not.toHaveProperty('folderPath');
    expect(data.cover).not.toHaveProperty('related');
  });

  it('selects fields', async () => {
    const response = await http().get(
      '/api/journey/blog-posts?fields[0]=title&fields[1]=slug&sort=title:asc&pagination[pageSize]=1'
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      { id: expect.any(Number), documentId: ids.alpha, title: 'Alpha post', slug: 'alpha-post' },
    ]);
  });

  it('sorts and paginates', async () => {
    const newest = await http().get('/api/journey/blog-posts?sort=publishedAt:desc');
    expect(titles(newest.body)).toEqual(['Beta post', 'Gamma post', 'Alpha post']);
    const page2 = await http().get(
      '/api/journey/blog-posts?sort=publishedAt:desc&pagination[page]=2&pagination[pageSize]=2'
    );
    expect(page2.status).toBe(200);
    expect(titles(page2.body)).toEqual(['Alpha post']);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
  });

  it('answers in another locale, with that locale’s SEO and the shared cover', async () => {
    const response = await http().get(
      '/api/journey/blog-posts?locale=da&populate[0]=cover&populate[1]=seo'
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0]).toMatchObject({
      documentId: ids.alpha,
      title: 'Alfa indlæg',
      slug: 'alfa-indlaeg',
      locale: 'da',
      // The image is not localized: the Danish version shows the same cover.
      cover: { id: files.cover },
      seo: { metaTitle: 'Alfa SEO-titel', metaDescription: null },
    });
  });

  it('finds a page by slug through an index (slug, locale, published_at)', async () => {
    for (const table of ['journey_blog_posts', 'journey_landing_pages']) {
      const indexes = (await app.strapi.db.dialect.schemaInspector.getIndexes(table)) as Array<{
        name: string;
        columns: string[];
      }>;
      // Sorted: PostgreSQL's inspector lists an index's columns in table order.
      const columns = indexes.find((index) => index.name === `${table}_slug_idx`)?.columns;
      expect([...(columns ?? [])].sort()).toEqual(['locale', 'published_at', 'slug']);
    }
  });

  it('returns no drafts by default', async () => {
    const list = await http().get('/api/journey/blog-posts?filters[title][$eq]=Draft post');
    expect(list.body.data).toEqual([]);
    const one = await http().get(`/api/journey/blog-posts/${ids.draft}`);
    expect(one.status).toBe(404);
  });
});

describe('GET /api/journey/blog-posts/:documentId', () => {
  it('answers one published post', async () => {
    const response = await http().get(`/api/journey/blog-posts/${ids.gamma}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ documentId: ids.gamma, title: 'Gamma post' });
    expect(response.body.meta).toEqual({});
  });

  it('is a 404 in Strapi’s error shape for an unknown documentId', async () => {
    const response = await http().get('/api/journey/blog-posts/nosuchdocument0000000000');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      data: null,
      error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} },
    });
  });
});

describe('landing pages, CTAs and forms', () => {
  it('serves a landing page by slug with its hero and SEO', async () => {
    const response = await http().get(
      '/api/journey/landing-pages?filters[slug][$eq]=booking-landing&populate[0]=hero&populate[1]=seo'
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0]).toMatchObject({
      documentId: ids.landing,
      headline: 'Fill every table',
      hero: { id: files.cover, mime: 'image/png' },
      seo: { metaTitle: 'Booking SEO title', metaDescription: null },
    });
  });

  it('gives each CTA a style and populates the landing page or form it leads to', async () => {
    const response = await http().get(
      '/api/journey/ctas?sort=label:asc&populate[landingPage][fields][0]=slug&populate[form][fields][0]=name'
    );
    expect(response.status).toBe(200);
    expect(
      response.body.data.map(({ label, style, landingPage, form }: any) => ({
        label,
        style,
        landingPage: landingPage && { documentId: landingPage.documentId, slug: landingPage.slug },
        form: form && { documentId: form.documentId, name: form.name },
      }))
    ).toEqual([
      {
        label: 'Book a demo',
        // The schema's default.
        style: 'primary',
        landingPage: null,
        form: { documentId: ids.form, name: 'Demo request' },
      },
      {
        label: 'See the booking page',
        style: 'secondary',
        landingPage: { documentId: ids.landing, slug: 'booking-landing' },
        form: null,
      },
    ]);
  });

  it('filters CTAs by the page they lead to', async () => {
    const response = await http().get(
      `/api/journey/ctas?filters[landingPage][documentId][$eq]=${ids.landing}`
    );
    expect(response.body.data.map((cta: any) => cta.documentId)).toEqual([ids.toLanding]);
  });

  it('serves forms', async () => {
    const list = await http().get('/api/journey/forms');
    expect(list.status).toBe(200);
    expect(list.body.data.map((form: any) => form.name)).toEqual(['Demo request']);
    const one = await http().get(`/api/journey/forms/${ids.form}`);
    expect(one.body.data).toMatchObject({ name: 'Demo request', submitLabel: 'Send' });
  });
});

describe('permissions', () => {
  it('lists find and findOne of each kind among the grantable actions', () => {
    const actions = ['blog-post', 'landing-page', 'cta', 'form'].flatMap((kind) => [
      `plugin::journey.${kind}.find`,
      `plugin::journey.${kind}.findOne`,
    ]);
    expect(Object.values(CONTENT_API_ACTIONS)).toEqual(expect.arrayContaining(actions));
    const registered = app.strapi.contentAPI.permissions.providers.action.keys();
    expect(registered).toEqual(expect.arrayContaining(actions));
    // Read-only: no create, update or delete action exists to grant.
    expect(
      registered.filter((action: string) =>
        /^plugin::journey\.(blog-post|landing-page|cta|form)\.(create|update|delete)$/.test(action)
      )
    ).toEqual([]);
  });

  it('is a 403 without the permission, for the list and for one entry', async () => {
    await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.blogPosts, false);
    await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.blogPost, false);
    try {
      const list = await http().get('/api/journey/blog-posts');
      expect(list.status).toBe(403);
      expect(list.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
      expect((await http().get(`/api/journey/blog-posts/${ids.alpha}`)).status).toBe(403);
      // The other kinds keep their own grants.
      expect((await http().get('/api/journey/ctas')).status).toBe(200);
    } finally {
      await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.blogPosts, true);
      await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.blogPost, true);
    }
    expect((await http().get('/api/journey/blog-posts')).status).toBe(200);
  });

  it('hides a populated relation from a role without find on its target, as core REST does', async () => {
    await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.landingPages, false);
    try {
      const response = await http().get(`/api/journey/ctas/${ids.toLanding}?populate=landingPage`);
      expect(response.status).toBe(200);
      expect(response.body.data).not.toHaveProperty('landingPage');
    } finally {
      await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.landingPages, true);
    }
  });

  it('has no write routes on the content API', async () => {
    const before = await app.strapi.db.query(BLOG as never).count();
    const created = await http()
      .post('/api/journey/blog-posts')
      .send({ data: { title: 'Sneaked in' } });
    expect([404, 405]).toContain(created.status);
    const updated = await http()
      .put(`/api/journey/blog-posts/${ids.alpha}`)
      .send({ data: { title: 'Changed' } });
    expect([404, 405]).toContain(updated.status);
    expect([404, 405]).toContain(
      (await http().delete(`/api/journey/blog-posts/${ids.alpha}`)).status
    );
    expect(await app.strapi.db.query(BLOG as never).count()).toBe(before);
  });
});

describe('bad parameters are a 400 naming them, never a 500', () => {
  const cases: Array<[string, string, string]> = [
    ['an unknown field', '/api/journey/blog-posts?fields[0]=nope', 'nope'],
    ['populate of a missing relation', '/api/journey/blog-posts?populate[nope]=true', 'nope'],
    ['populate inside a component', '/api/journey/blog-posts?populate[seo][populate]=nope', 'nope'],
    ['a bad filter operator', '/api/journey/blog-posts?filters[title][$nope]=x', '$nope'],
    ['a filter on an unknown field', '/api/journey/ctas?filters[nope][$eq]=x', 'nope'],
    ['an unknown sort field', '/api/journey/forms?sort=nope:asc', 'nope'],
    [
      'an unknown field in a filter group',
      '/api/journey/blog-posts?filters[$or][0][nope][$eq]=1',
      'nope',
    ],
    [
      'a field of a component that has none',
      '/api/journey/blog-posts?populate[seo][fields][0]=nope',
      'nope',
    ],
    ['a bad sort order', '/api/journey/blog-posts?sort=title:sideways', 'asc|desc'],
    ['a private field', '/api/journey/blog-posts?fields[0]=createdBy', 'createdBy'],
    [
      'a page that is not a number',
      '/api/journey/blog-posts?pagination[page]=zero',
      'pagination[page] must be a whole number, got "zero".',
    ],
    [
      'a page size that is not a number',
      '/api/journey/ctas?pagination[pageSize]=ten',
      'pagination[pageSize] must be a whole number, got "ten".',
    ],
    // Core REST answers these with a 500 (found by the seeded fuzz); here they are a 400.
    [
      'a field named constructor',
      '/api/journey/ctas/x?fields=publishedAt,__proto__',
      '"__proto__" is not an attribute name.',
    ],
    [
      'a sort on constructor',
      '/api/journey/blog-posts?sort=constructor:asc',
      'sort: "constructor" is not an attribute name.',
    ],
    ['a bad withCount', '/api/journey/forms?pagination[withCount]=maybe', 'withCount'],
    // Core REST reads any status but "published" as draft; these routes take only the two names.
    [
      'a status in capitals',
      '/api/journey/blog-posts?status=DRAFT',
      'status must be "published" or "draft", got "DRAFT".',
    ],
    [
      'an empty status',
      '/api/journey/blog-posts?status=',
      'status must be "published" or "draft", got "".',
    ],
    [
      'a repeated status',
      '/api/journey/blog-posts?status=1&status=published',
      'status must be "published" or "draft", got a list or an object.',
    ],
    [
      'a bad status on one entry',
      `/api/journey/ctas/x?status=1`,
      'status must be "published" or "draft", got "1".',
    ],
  ];
  it.each(cases)('%s', async (_label, url, named) => {
    const response = await http().get(url);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeNull();
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.message).toContain(named);
  });

  it('names the pagination parameter in details, as the plugin’s own endpoints do', async () => {
    const response = await http().get('/api/journey/blog-posts?pagination[pageSize][x]=1');
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      status: 400,
      name: 'ValidationError',
      message: 'pagination[pageSize] must be a whole number, got a list or an object.',
      details: {
        errors: [
          {
            path: ['pagination[pageSize]'],
            message: 'pagination[pageSize] must be a whole number, got a list or an object.',
            name: 'ValidationError',
            value: { x: '1' },
          },
        ],
      },
    });
  });

  it('still takes "constructor" as a filter value', async () => {
    const response = await http().get('/api/journey/blog-posts?filters[title][$eq]=constructor');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
  });

  it('keeps core REST’s tolerance where core REST has it', async () => {
    // Unknown top-level parameters are ignored and an unknown locale is an empty list, exactly
    // as on a user's own type (/api/articles): the routes are Strapi's core REST.
    for (const url of ['/api/journey/landing-pages?nope=1', '/api/articles?nope=1']) {
      expect((await http().get(url)).status).toBe(200);
    }
    const unknownLocale = await http().get('/api/journey/blog-posts?locale=xx');
    expect(unknownLocale.status).toBe(200);
    expect(unknownLocale.body.data).toEqual([]);
    // Whole numbers pass through to core REST, which clamps them as usual.
    const clamped = await http().get('/api/journey/blog-posts?pagination[pageSize]=1000000');
    expect(clamped.body.meta.pagination).toEqual({
      page: 1,
      pageSize: 100,
      pageCount: 1,
      total: 3,
    });
  });
});
