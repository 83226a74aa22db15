import request from 'supertest';
import { createEntry, createImage, createPersona, setPublicPermission } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * `populate` and `fields` on /api/journey/content and /content/next: Strapi's REST syntax applied
 * per type, sanitized for the caller like core REST. The playground's article type has a cover
 * image and an author (api::author.author, with a private email and an avatar); the shipped types
 * have neither, which is what the per-type rule is about.
 */
let app: TestApp;
const http = () => request(app.strapi.server.httpServer);
const ids: Record<string, string> = {};

const BLOG = 'plugin::journey.blog-post';
const CTA = 'plugin::journey.cta';
const ARTICLE = 'api::article.article';
const AUTHOR_FIND = 'api::author.author.find';
const POPULATABLE = ['relation', 'media', 'component', 'dynamiczone'];

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  const owner = await createPersona(strapi, { name: 'Restaurant owner' });
  ids.owner = owner.documentId;
  const avatar = await createImage(strapi, 'ada.png');
  const cover = await createImage(strapi, 'delivery-cover.png');
  const author = await strapi.documents('api::author.author' as never).create({
    data: { name: 'Ada', bio: 'Writes about delivery.', email: 'ada@example.com', avatar },
  } as never);
  ids.author = (author as { documentId: string }).documentId;

  ids.blog = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'Why diners book online', excerpt: 'Short.', body: 'Long body' },
    stage: 'awareness',
    personas: [ids.owner],
    publishedAt: '2026-01-01T10:00:00.000Z',
  });
  ids.article = await createEntry(strapi, {
    uid: ARTICLE,
    data: {
      title: 'Zero-commission delivery',
      summary: 'Keep the margin.',
      body: 'Long article body',
      internalNotes: 'do not leak',
      cover,
      author: ids.author,
    },
    stage: 'awareness',
    personas: [ids.owner],
    publishedAt: '2026-01-02T10:00:00.000Z',
  });
  ids.bare = await createEntry(strapi, {
    uid: ARTICLE,
    data: { title: 'No cover, no author' },
    stage: 'consideration',
    publishedAt: '2026-01-03T10:00:00.000Z',
  });
  ids.cta = await createEntry(strapi, {
    uid: CTA,
    data: { label: 'Book a demo', url: '/demo' },
    stage: 'consideration',
    publishedAt: '2026-01-04T10:00:00.000Z',
  });
});

afterAll(async () => {
  await app?.stop();
});

const get = async (url: string) => {
  const response = await http().get(url);
  return { status: response.status, body: response.body };
};
const expectOk = async (url: string) => {
  const { status, body } = await get(url);
  expect({ url, status, error: body.error }).toEqual({ url, status: 200, error: undefined });
  return body as { data: Array<Record<string, any>>; meta: Record<string, unknown> };
};
const byId = (body: { data: Array<Record<string, any>> }) =>
  Object.fromEntries(body.data.map((item) => [item.documentId, item]));
/** Expects a 400 in Strapi's shape naming `parameter`, with exactly this message. */
const expectBadRequest = async (url: string, parameter: string, message: string) => {
  const { status, body } = await get(url);
  expect({ url, status, body }).toEqual({
    url,
    status: 400,
    body: {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message,
        details: { errors: [expect.objectContaining({ path: [parameter], message })] },
      },
    },
  });
};

const CONTRACT = {
  stage: expect.any(String),
  personas: expect.any(Array),
  locale: expect.any(String),
  publishedAt: expect.any(String),
  updatedAt: expect.any(String),
};
const coverOf = {
  name: 'delivery-cover.png',
  url: '/uploads/delivery-cover.png',
  mime: 'image/png',
};

describe('populate', () => {
  beforeEach(() => setPublicPermission(app.strapi, AUTHOR_FIND, true));

  it('populate=* loads the images and relations of each type, personas stay { slug, name }', async () => {
    const items = byId(await expectOk('/api/journey/content?populate=*'));
    expect(Object.keys(items).sort()).toEqual([ids.article, ids.bare, ids.blog, ids.cta].sort());
    expect(items[ids.article]).toMatchObject({
      title: 'Zero-commission delivery',
      cover: coverOf,
      author: { documentId: ids.author, name: 'Ada', bio: 'Writes about delivery.' },
      personas: [{ slug: 'restaurant-owner', name: 'Restaurant owner' }],
    });
    expect(items[ids.bare]).toMatchObject({ cover: null, author: null, personas: [] });
    // Private fields, at any level, never appear; a wildcard populates one level only.
    expect(items[ids.article]).not.toHaveProperty('internalNotes');
    expect(items[ids.article].author).not.toHaveProperty('email');
    expect(items[ids.article].author).not.toHaveProperty('avatar');
    expect(items[ids.article]).not.toHaveProperty('createdBy');
    expect(items[ids.article]).not.toHaveProperty('localizations');
    // Other types keep everything they had and gain only their own (here empty) relations, media
    // and components.
    const plain = byId(await expectOk('/api/journey/content'));
    for (const [id, uid] of [
      [ids.blog, BLOG],
      [ids.cta, CTA],
    ]) {
      const attributes = app.strapi.contentType(uid as never).attributes as Record<
        string,
        { type: string }
      >;
      const added = Object.keys(items[id]).filter((key) => !(key in plain[id]));
      expect(added.filter((key) => !POPULATABLE.includes(attributes[key]?.type))).toEqual([]);
      expect(added.map((key) => items[id][key]).filter((value) => value !== null)).toEqual([]);
      expect(
        Object.fromEntries(Object.keys(plain[id]).map((key) => [key, items[id][key]]))
      ).toEqual(plain[id]);
    }
  });

  it('populates named relations: populate[cover]=true, populate=cover,author, populate[0]=cover', async () => {
    for (const url of [
      '/api/journey/content?type=article&populate[cover]=true',
      '/api/journey/content?type=article&populate=cover',
      '/api/journey/content?type=article&populate[0]=cover',
    ]) {
      const item = byId(await expectOk(url))[ids.article];
      expect({ url, cover: item.cover, author: item.author }).toEqual({
        url,
        cover: expect.objectContaining(coverOf),
        author: undefined,
      });
    }
    const both = byId(await expectOk('/api/journey/content?populate=cover,author'))[ids.article];
    expect(both).toMatchObject({ cover: coverOf, author: { name: 'Ada' } });
  });

  it('populates nested levels: populate[author][populate]=avatar and populate=author.avatar', async () => {
    for (const url of [
      '/api/journey/content?populate[author][populate]=avatar',
      '/api/journey/content?populate[author][populate][avatar]=true',
      '/api/journey/content?populate=author.avatar',
    ]) {
      const item = byId(await expectOk(url))[ids.article];
      expect({ url, author: item.author }).toEqual({
        url,
        author: expect.objectContaining({
          name: 'Ada',
          avatar: expect.objectContaining({ name: 'ada.png', url: '/uploads/ada.png' }),
        }),
      });
      expect(item.author).not.toHaveProperty('email');
    }
    // Nested fields, as core REST takes them.
    const slim = byId(await expectOk('/api/journey/content?populate[author][fields][0]=name'))[
      ids.article
    ];
    expect(slim.author).toEqual({ id: expect.any(Number), documentId: ids.author, name: 'Ada' });
  });

  it('gives exactly what core REST gives for the same populate', async () => {
    const core = await expectOk(
      '/api/articles?populate[cover]=true&populate[author][populate]=avatar'
    );
    const coreItem = core.data.find((entry) => entry.documentId === ids.article)!;
    const item = byId(await expectOk('/api/journey/content?populate=cover,author.avatar'))[
      ids.article
    ];
    expect(coreItem.author.avatar).toMatchObject({ name: 'ada.png' });
    expect({ cover: item.cover, author: item.author }).toEqual({
      cover: coreItem.cover,
      author: coreItem.author,
    });
  });

  it('applies a relation to the types that have it and leaves the others alone', async () => {
    const items = byId(await expectOk('/api/journey/content?populate=cover'));
    expect(items[ids.article].cover).toMatchObject(coverOf);
    expect(items[ids.cta]).not.toHaveProperty('cover');
    // Blog posts get a cover of their own in another change of this issue: empty here either way.
    if ('cover' in app.strapi.contentType(BLOG as never).attributes) {
      expect(items[ids.blog].cover).toBeNull();
    } else {
      expect(items[ids.blog]).not.toHaveProperty('cover');
    }
  });

  it('drops a relation to a type the role cannot read, as core REST does', async () => {
    await setPublicPermission(app.strapi, AUTHOR_FIND, false);
    const item = byId(await expectOk('/api/journey/content?populate=*'))[ids.article];
    expect(item).not.toHaveProperty('author');
    expect(item.cover).toMatchObject(coverOf);
    const named = byId(await expectOk('/api/journey/content?populate=author.avatar'))[ids.article];
    expect(named).not.toHaveProperty('author');
    // Core REST on the article type agrees.
    const core = await expectOk(`/api/articles?populate=*`);
    expect(core.data.find((entry) => entry.documentId === ids.article)).not.toHaveProperty(
      'author'
    );
  });

  it('works on /content/next too', async () => {
    const body = await expectOk('/api/journey/content/next?stage=awareness&populate=cover');
    expect(body.meta).toMatchObject({ stage: 'consideration' });
    const items = byId(body);
    expect(Object.keys(items).sort()).toEqual([ids.bare, ids.cta].sort());
    expect(items[ids.bare].cover).toBeNull();
  });
});

describe('cost', () => {
  /** SQL statements one request runs on Strapi's connection. */
  const statementsFor = async (url: string) => {
    let count = 0;
    const listener = () => (count += 1);
    app.strapi.db.connection.on('query', listener);
    try {
      await expectOk(url);
    } finally {
      app.strapi.db.connection.removeListener('query', listener);
    }
    return count;
  };

  it('populates once per type for the whole page, not once per item', async () => {
    // One article with cover and author, or both articles (pages that are not full, so neither
    // counts a total): the same statements.
    const url = '/api/journey/content?type=article&populate=cover,author.avatar';
    const one = await statementsFor(`${url}&stage=awareness`);
    const two = await statementsFor(url);
    expect((await expectOk(url)).data).toHaveLength(2);
    expect(two).toBe(one);
    // populate=* over every type costs more than no populate only by the populated relations.
    const plain = await statementsFor('/api/journey/content?type=article');
    const populated = await statementsFor('/api/journey/content?type=article&populate=cover');
    expect(populated - plain).toBeGreaterThanOrEqual(1);
    expect(populated - plain).toBeLessThanOrEqual(2);
  });
});

describe('fields', () => {
  it('keeps the named fields and the item contract, per type', async () => {
    const items = byId(await expectOk('/api/journey/content?fields=title'));
    expect(items[ids.article]).toEqual({
      documentId: ids.article,
      type: 'article',
      ...CONTRACT,
      title: 'Zero-commission delivery',
    });
    expect(items[ids.blog]).toEqual({
      documentId: ids.blog,
      type: 'blog-post',
      ...CONTRACT,
      title: 'Why diners book online',
    });
    // A CTA has no title: it keeps its contract only.
    expect(items[ids.cta]).toEqual({
      documentId: ids.cta,
      type: 'cta',
      ...CONTRACT,
      locale: 'en',
    });
    expect(items[ids.article].personas).toEqual([
      { slug: 'restaurant-owner', name: 'Restaurant owner' },
    ]);
  });

  it('takes lists in both syntaxes and combines with populate', async () => {
    const expected = {
      documentId: ids.article,
      type: 'article',
      ...CONTRACT,
      title: 'Zero-commission delivery',
      summary: 'Keep the margin.',
    };
    for (const url of [
      '/api/journey/content?type=article&fields=title,summary',
      '/api/journey/content?type=article&fields[0]=title&fields[1]=summary',
      // Contract keys are accepted and always there anyway.
      '/api/journey/content?type=article&fields=title,summary,documentId,stage,publishedAt',
    ]) {
      expect({ url, item: byId(await expectOk(url))[ids.article] }).toEqual({
        url,
        item: expected,
      });
    }
    const withCover = byId(await expectOk('/api/journey/content?fields=title&populate=cover'));
    expect(withCover[ids.article]).toEqual({
      ...expected,
      summary: undefined,
      cover: expect.objectContaining(coverOf),
    });
  });
});

describe('bad populate and fields', () => {
  const TYPES = 'blog-post, landing-page, cta, form, article';

  it('refuses a name no requested type has, naming it and the types', async () => {
    await expectBadRequest(
      '/api/journey/content?populate=gallery',
      'populate',
      `Unknown relation "gallery" in "populate": no requested type (${TYPES}) has a relation, media, component or dynamic zone of that name.`
    );
    await expectBadRequest(
      '/api/journey/content?type=cta,form&populate[cover]=true',
      'populate',
      'Unknown relation "cover" in "populate": no requested type (cta, form) has a relation, media, component or dynamic zone of that name.'
    );
    await expectBadRequest(
      '/api/journey/content?populate=title',
      'populate',
      `Unknown relation "title" in "populate": no requested type (${TYPES}) has a relation, media, component or dynamic zone of that name.`
    );
    await expectBadRequest(
      '/api/journey/content?type=article&fields=slug',
      'fields',
      'Unknown field "slug" in "fields": no requested type (article) has a field of that name (relations and media are asked for with populate).'
    );
    await expectBadRequest(
      '/api/journey/content?fields=cover',
      'fields',
      `Unknown field "cover" in "fields": no requested type (${TYPES}) has a field of that name (relations and media are asked for with populate).`
    );
  });

  it('refuses private fields and unknown nested names with Strapi’s own reason, per type', async () => {
    await expectBadRequest(
      '/api/journey/content?fields=internalNotes',
      'fields',
      '"fields" for type "article": Invalid key internalNotes.'
    );
    await expectBadRequest(
      '/api/journey/content?populate[author][populate]=nothing',
      'populate',
      '"populate" for type "article": Invalid key nothing.'
    );
  });

  it(`limits populate depth`, async () => {
    await expectOk('/api/journey/content?populate=author.avatar');
    await expectBadRequest(
      '/api/journey/content?populate=author.avatar.related.more',
      'populate',
      '"populate" goes 4 levels deep; at most 3 are allowed (populate=author.avatar is 2).'
    );
    await expectBadRequest(
      '/api/journey/content?populate[author][populate][avatar][populate][a][populate][b]=true',
      'populate',
      '"populate" goes 4 levels deep; at most 3 are allowed (populate=author.avatar is 2).'
    );
  });

  it('refuses malformed values, naming the parameter', async () => {
    const malformedFields =
      '"fields" takes attribute names: fields=title,slug or fields[0]=title&fields[1]=slug.';
    await expectBadRequest('/api/journey/content?fields[x]=title', 'fields', malformedFields);
    await expectBadRequest(
      '/api/journey/content?fields=title,,summary',
      'fields',
      `"fields" has an empty name. ${malformedFields}`
    );
    await expectBadRequest(
      '/api/journey/content?populate=cover,,author',
      'populate',
      '"populate" has an empty name in ""; separate relations with single commas (populate=cover,author) and levels with single dots (populate=author.avatar).'
    );
    await expectBadRequest(
      '/api/journey/content?populate[personas][populate]=x',
      'populate',
      '"populate" of "personas" takes nothing nested: every item always carries its personas as { slug, name }.'
    );
    await expectBadRequest(
      '/api/journey/content?populate=localizations',
      'populate',
      '"populate" of "localizations" is not offered here: ask for another language with locale=.'
    );
    await expectBadRequest(
      '/api/journey/content/next?stage=awareness&populate=nope',
      'populate',
      `Unknown relation "nope" in "populate": no requested type (${TYPES}) has a relation, media, component or dynamic zone of that name.`
    );
  });
});
