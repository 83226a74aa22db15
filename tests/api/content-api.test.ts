import request from 'supertest';
import { createEntry, createPersona, setPublicPermission } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
const http = () => request(app.strapi.server.httpServer);
const ids: Record<string, string> = {};

const BLOG = 'plugin::journey.blog-post';
const LANDING = 'plugin::journey.landing-page';
const CTA = 'plugin::journey.cta';
const FORM = 'plugin::journey.form';
const ARTICLE = 'api::article.article';

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  const owner = await createPersona(strapi, {
    name: 'Restaurant owner',
    goals: 'More bookings\n- Fewer no-shows',
    touchpoints: 'Search\nInstagram',
  });
  const buyer = await createPersona(strapi, {
    name: 'B2B buyer',
    description: 'Part of a buying team.',
  });
  await createPersona(strapi, { name: 'Secret persona' }, { publish: false });
  ids.owner = owner.documentId;
  ids.buyer = buyer.documentId;

  // Published at fixed times: newest first is i, h, g, ... a.
  ids.a = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'Why diners book online' },
    stage: 'awareness',
    personas: [ids.owner],
    publishedAt: '2026-01-01T10:00:00.000Z',
  });
  ids.b = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'Comparing booking systems' },
    stage: 'consideration',
    personas: [ids.owner, ids.buyer],
    publishedAt: '2026-01-02T10:00:00.000Z',
    translations: { da: { title: 'Sammenlign bookingsystemer' } },
  });
  ids.c = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'apps for small teams' },
    stage: 'awareness',
    publishedAt: '2026-01-03T10:00:00.000Z',
  });
  ids.d = await createEntry(strapi, {
    uid: LANDING,
    data: { title: 'Booking for cafes', headline: 'Fill every table' },
    stage: 'awareness',
    personas: [ids.buyer],
    publishedAt: '2026-01-04T10:00:00.000Z',
  });
  ids.e = await createEntry(strapi, {
    uid: CTA,
    data: { label: 'Book a demo', url: '/demo' },
    stage: 'decision',
    personas: [ids.owner],
    publishedAt: '2026-01-05T10:00:00.000Z',
  });
  ids.f = await createEntry(strapi, {
    uid: FORM,
    data: {
      name: 'Newsletter',
      fields: [{ name: 'email', label: 'Email', type: 'email', required: true }],
    },
    stage: 'consideration',
    publishedAt: '2026-01-06T10:00:00.000Z',
  });
  ids.g = await createEntry(strapi, {
    uid: ARTICLE,
    data: { title: 'Zero-commission delivery', internalNotes: 'do not leak' },
    stage: 'awareness',
    personas: [ids.owner],
    publishedAt: '2026-01-07T10:00:00.000Z',
  });
  ids.h = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'Loyalty that works' },
    stage: 'retention',
    personas: [ids.owner],
    publishedAt: '2026-01-08T10:00:00.000Z',
  });
  ids.i = await createEntry(strapi, {
    uid: CTA,
    data: { label: 'Leave a review', url: '/review' },
    stage: null,
    publishedAt: '2026-01-09T10:00:00.000Z',
  });
  // Never published: must never appear.
  ids.draft = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'Draft about awareness' },
    stage: 'awareness',
    personas: [ids.owner],
  });
  // Published, then edited: the API shows the published version only.
  await app.strapi
    .documents(BLOG as never)
    .update({ documentId: ids.a, data: { title: 'DRAFT EDIT' } } as never);
});

afterAll(async () => {
  await app?.stop();
});

const documentIds = (body: { data: Array<{ documentId: string }> }) =>
  body.data.map((item) => item.documentId);
const expectOk = async (url: string) => {
  const response = await http().get(url);
  expect({ url, status: response.status, error: response.body.error }).toEqual({
    url,
    status: 200,
    error: undefined,
  });
  return response.body;
};

describe('GET /api/journey/stages', () => {
  it('lists the configured stages in order with their guidance', async () => {
    const body = await expectOk('/api/journey/stages');
    expect(body.data.map((s: { key: string; order: number }) => [s.key, s.order])).toEqual([
      ['awareness', 0],
      ['consideration', 1],
      ['decision', 2],
      ['retention', 3],
      ['advocacy', 4],
    ]);
    expect(Object.keys(body.data[0]).sort()).toEqual(
      [
        'description',
        'key',
        'keywords',
        'label',
        'minimum',
        'order',
        'questions',
        'touchpoints',
      ].sort()
    );
    expect(body.data[0]).toMatchObject({ label: 'Awareness', minimum: 3 });
    expect(body.data[0].questions.length).toBeGreaterThan(0);
  });
});

describe('GET /api/journey/personas', () => {
  it('lists published personas by name, with lists split by line', async () => {
    const body = await expectOk('/api/journey/personas');
    expect(body.data).toEqual([
      {
        documentId: ids.buyer,
        slug: 'b2b-buyer',
        name: 'B2B buyer',
        description: 'Part of a buying team.',
        goals: [],
        painPoints: [],
        touchpoints: [],
      },
      {
        documentId: ids.owner,
        slug: 'restaurant-owner',
        name: 'Restaurant owner',
        description: null,
        goals: ['More bookings', 'Fewer no-shows'],
        painPoints: [],
        touchpoints: ['Search', 'Instagram'],
      },
    ]);
  });
});

describe('GET /api/journey/content', () => {
  it('merges every tagged type, newest first, published only', async () => {
    const body = await expectOk('/api/journey/content');
    expect(documentIds(body)).toEqual([
      ids.i,
      ids.h,
      ids.g,
      ids.f,
      ids.e,
      ids.d,
      ids.c,
      ids.b,
      ids.a,
    ]);
    expect(body.meta).toEqual({ pagination: { page: 1, pageSize: 25, pageCount: 1, total: 9 } });
  });

  it('shapes each item with its type, stage, personas and its own public fields', async () => {
    const body = await expectOk('/api/journey/content?type=blog-post,article&stage=awareness');
    const [article] = body.data;
    const blog = body.data.find((item: { documentId: string }) => item.documentId === ids.a);
    expect(article).toEqual({
      documentId: ids.g,
      type: 'article',
      stage: 'awareness',
      personas: [{ slug: 'restaurant-owner', name: 'Restaurant owner' }],
      locale: 'en',
      publishedAt: '2026-01-07T10:00:00.000Z',
      updatedAt: '2026-01-07T10:00:00.000Z',
      title: 'Zero-commission delivery',
      summary: null,
      body: null,
      createdAt: expect.any(String),
    });
    // The published version, not the later draft edit; the private field never appears.
    expect(blog).toMatchObject({
      documentId: ids.a,
      type: 'blog-post',
      title: 'Why diners book online',
      slug: 'why-diners-book-online',
    });
    for (const item of body.data) {
      expect(item).not.toHaveProperty('id');
      expect(item).not.toHaveProperty('internalNotes');
      expect(item).not.toHaveProperty('createdBy');
      expect(item).not.toHaveProperty('journeyStage');
    }
  });

  it('filters by one or several stages', async () => {
    expect(documentIds(await expectOk('/api/journey/content?stage=awareness'))).toEqual([
      ids.g,
      ids.d,
      ids.c,
      ids.a,
    ]);
    expect(documentIds(await expectOk('/api/journey/content?stage=decision,retention'))).toEqual([
      ids.h,
      ids.e,
    ]);
    expect((await expectOk('/api/journey/content?stage=advocacy')).data).toEqual([]);
  });

  it('filters by persona; entries without personas only appear unfiltered', async () => {
    expect(documentIds(await expectOk('/api/journey/content?persona=b2b-buyer'))).toEqual([
      ids.d,
      ids.b,
    ]);
    expect(
      documentIds(await expectOk('/api/journey/content?persona=restaurant-owner&stage=awareness'))
    ).toEqual([ids.g, ids.a]);
    // Several personas: any of them, each entry once.
    expect(
      documentIds(
        await expectOk(
          '/api/journey/content?persona=restaurant-owner,b2b-buyer&stage=consideration,awareness'
        )
      )
    ).toEqual([ids.g, ids.d, ids.b, ids.a]);
  });

  it('filters by type, including a configured type', async () => {
    expect(documentIds(await expectOk('/api/journey/content?type=cta'))).toEqual([ids.i, ids.e]);
    expect(documentIds(await expectOk('/api/journey/content?type=article,form'))).toEqual([
      ids.g,
      ids.f,
    ]);
  });

  it('serves another locale', async () => {
    const body = await expectOk('/api/journey/content?locale=da');
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      documentId: ids.b,
      locale: 'da',
      title: 'Sammenlign bookingsystemer',
      stage: 'consideration',
    });
    expect(body.data[0].personas.map((p: { slug: string }) => p.slug).sort()).toEqual([
      'b2b-buyer',
      'restaurant-owner',
    ]);
  });

  it('pages the merged list exactly', async () => {
    const all = documentIds(await expectOk('/api/journey/content'));
    const pages = [];
    for (let page = 1; page <= 4; page += 1) {
      const body = await expectOk(`/api/journey/content?pageSize=2&page=${page}`);
      expect(body.meta.pagination).toEqual({ page, pageSize: 2, pageCount: 5, total: 9 });
      pages.push(...documentIds(body));
    }
    const last = await expectOk('/api/journey/content?pageSize=2&page=5');
    pages.push(...documentIds(last));
    expect(pages).toEqual(all);
    const beyond = await expectOk('/api/journey/content?pageSize=2&page=6');
    expect(beyond).toEqual({
      data: [],
      meta: { pagination: { page: 6, pageSize: 2, pageCount: 5, total: 9 } },
    });
  });

  it('pages every sort exactly: each type is cut to the first page*pageSize rows before merging', async () => {
    for (const sort of ['publishedAt:desc', 'publishedAt:asc', 'updatedAt:desc', 'title:asc']) {
      const all = documentIds(await expectOk(`/api/journey/content?sort=${sort}`));
      expect(all).toHaveLength(9);
      for (const pageSize of [1, 2, 4]) {
        const paged: string[] = [];
        for (let page = 1; page <= Math.ceil(9 / pageSize); page += 1) {
          const body = await expectOk(
            `/api/journey/content?sort=${sort}&pageSize=${pageSize}&page=${page}`
          );
          expect({ sort, pageSize, pagination: body.meta.pagination }).toEqual({
            sort,
            pageSize,
            pagination: { page, pageSize, pageCount: Math.ceil(9 / pageSize), total: 9 },
          });
          paged.push(...documentIds(body));
        }
        expect({ sort, pageSize, paged }).toEqual({ sort, pageSize, paged: all });
      }
    }
  });

  it('sorts by the documented orders', async () => {
    expect(
      documentIds(await expectOk('/api/journey/content?sort=publishedAt:asc&type=blog-post'))
    ).toEqual([ids.a, ids.b, ids.c, ids.h]);
    // Case-insensitive title (label/name for CTAs and forms).
    expect(
      (await expectOk('/api/journey/content?sort=title:asc&type=blog-post,cta')).data.map(
        (i: any) => i.title ?? i.label
      )
    ).toEqual([
      'apps for small teams',
      'Book a demo',
      'Comparing booking systems',
      'Leave a review',
      'Loyalty that works',
      'Why diners book online',
    ]);
    // The draft edit of `a` touched only its draft row: published rows keep their updatedAt.
    expect(
      documentIds(await expectOk('/api/journey/content?sort=updatedAt:desc&type=blog-post'))
    ).toEqual([ids.h, ids.c, ids.b, ids.a]);
  });
});

describe('GET /api/journey/content/next', () => {
  it('returns the content of the following stage and names it', async () => {
    const body = await expectOk(
      '/api/journey/content/next?stage=awareness&persona=restaurant-owner'
    );
    expect(body.meta).toEqual({
      stage: 'consideration',
      pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 },
    });
    expect(documentIds(body)).toEqual([ids.b]);
  });

  it('returns nothing after the last stage', async () => {
    expect(await expectOk('/api/journey/content/next?stage=advocacy')).toEqual({
      data: [],
      meta: { stage: null, pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 } },
    });
  });

  it.each([
    [
      '/api/journey/content/next',
      '"stage" is required: the stage the visitor is in (one of: awareness, consideration, decision, retention, advocacy).',
    ],
    [
      '/api/journey/content/next?stage=awareness,decision',
      '"stage" takes a single stage here: the stage the visitor is in.',
    ],
    [
      '/api/journey/content/next?stage=adv',
      'Unknown journey stage "adv". Valid stages: awareness, consideration, decision, retention, advocacy.',
    ],
    [
      '/api/journey/content/next?stage=advocacy&persona=nobody',
      'Unknown persona "nobody". Known personas: b2b-buyer, restaurant-owner.',
    ],
  ])('%s -> 400', async (url, message) => {
    const response = await http().get(url);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      data: null,
      error: { status: 400, name: 'ValidationError', message },
    });
  });
});

describe('bad input is a 400 that says what is allowed', () => {
  it.each([
    [
      'stage=awarness',
      'stage',
      'Unknown journey stage "awarness". Valid stages: awareness, consideration, decision, retention, advocacy.',
    ],
    [
      'persona=chef',
      'persona',
      'Unknown persona "chef". Known personas: b2b-buyer, restaurant-owner.',
    ],
    [
      'persona=secret-persona',
      'persona',
      'Unknown persona "secret-persona". Known personas: b2b-buyer, restaurant-owner.',
    ],
    [
      'type=blog',
      'type',
      'Unknown type "blog". Valid types: blog-post, landing-page, cta, form, article.',
    ],
    ['locale=fr', 'locale', 'Unknown locale "fr". Available locales: en, da.'],
    ['page=0', 'page', '"page" must be a whole number from 1 to 1000000.'],
    ['page=-1', 'page', '"page" must be a whole number from 1 to 1000000.'],
    ['page=1.5', 'page', '"page" must be a whole number from 1 to 1000000.'],
    ['page=99999999999999999999', 'page', '"page" must be a whole number from 1 to 1000000.'],
    ['pageSize=101', 'pageSize', '"pageSize" must be a whole number from 1 to 100 (default 25).'],
    ['pageSize=ten', 'pageSize', '"pageSize" must be a whole number from 1 to 100 (default 25).'],
    [
      'sort=title:desc',
      'sort',
      'Unknown sort "title:desc". Valid sorts: publishedAt:desc, publishedAt:asc, updatedAt:desc, title:asc.',
    ],
    [
      'stage=awareness&stage=decision',
      'stage',
      '"stage" was given more than once. Give it once, with several values separated by commas (stage=a,b).',
    ],
    [
      'persona[slug]=chef',
      'persona',
      '"persona" must be a plain value, not an object (persona[...]=).',
    ],
    [
      'stage=awareness,,decision',
      'stage',
      '"stage" has an empty value; separate values with single commas (stage=a,b).',
    ],
  ])('%s', async (query, parameter, message) => {
    const response = await http().get(`/api/journey/content?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message,
        details: { errors: [expect.objectContaining({ path: [parameter], message })] },
      },
    });
  });

  it('names unknown parameters and the allowed ones', async () => {
    const response = await http().get(
      '/api/journey/content?filters[journeyStage][$eq]=awareness&publicationState=preview&populate=*'
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'Unknown parameters "filters", "publicationState". Allowed parameters: stage, persona, type, locale, page, pageSize, sort, populate, fields.'
    );
  });

  it('refuses parameters on the parameterless endpoints', async () => {
    const response = await http().get('/api/journey/personas?locale=da');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('This endpoint takes no parameters; got "locale".');
  });

  it('does not echo huge values back', async () => {
    const response = await http().get(`/api/journey/content?stage=${'x'.repeat(10_000)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message.length).toBeLessThan(200);
  });
});

describe('permissions', () => {
  it.each([
    ['plugin::journey.content.find', '/api/journey/content'],
    ['plugin::journey.next-content.find', '/api/journey/content/next?stage=awareness'],
    ['plugin::journey.stage.find', '/api/journey/stages'],
    ['plugin::journey.persona.find', '/api/journey/personas'],
  ])('%s is required for %s', async (action, url) => {
    await setPublicPermission(app.strapi, action, false);
    try {
      const denied = await http().get(url);
      expect(denied.status).toBe(403);
      expect(denied.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
    } finally {
      await setPublicPermission(app.strapi, action, true);
    }
    expect((await http().get(url)).status).toBe(200);
  });

  it('shows personas through Strapi core REST to roles that may read personas', async () => {
    const url =
      '/api/articles?filters[journeyStage][$eq]=awareness&filters[personas][slug][$eq]=restaurant-owner&populate=personas';
    const body = await expectOk(url);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ documentId: ids.g, journeyStage: 'awareness' });
    expect(body.data[0].personas.map((p: { slug: string }) => p.slug)).toEqual([
      'restaurant-owner',
    ]);
    expect(body.data[0]).not.toHaveProperty('internalNotes');

    await setPublicPermission(app.strapi, 'plugin::journey.persona.find', false);
    try {
      const stripped = await expectOk('/api/articles?populate=personas');
      expect(stripped.data[0]).not.toHaveProperty('personas');
    } finally {
      await setPublicPermission(app.strapi, 'plugin::journey.persona.find', true);
    }
  });
});
