import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { createEntry, createPersona, setPublicPermission } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Generated abuse of the public and admin read endpoints. Bounded (a fixed count, loopback only)
 * and reproducible: the generator is seeded, and a failure prints the offending URL.
 */
const CONTENT_REQUESTS = 2500;
const COVERAGE_REQUESTS = 600;
const GRAPHQL_REQUESTS = 800;
const CORE_REST_REQUESTS = 1000;

/** mulberry32: a tiny seeded PRNG, so a failing URL can be reproduced. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const NASTY_VALUES = [
  "awareness' OR 1=1--",
  'awareness"; DROP TABLE journey_blog_posts; --',
  '1) UNION SELECT * FROM admin_users --',
  '%27%20OR%201%3D1',
  '$ne',
  '{"$ne":null}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'Ünïcødé 🚀 ÆØÅ',
  '\u0000',
  '　',
  'x'.repeat(10_240),
  '-1',
  '0',
  '1.5',
  '1e309',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  ',',
  ',,,',
  ' awareness ',
  'AWARENESS',
  'awarness',
  'restaurant-owner',
  'secret-persona',
  'blog-post',
  'article',
  'da',
  'en',
  'fr',
  'publishedAt:desc',
  'title:asc',
  'id:asc',
  'publishedAt',
];
const VALID = {
  stage: ['awareness', 'consideration', 'decision', 'retention', 'advocacy', 'awareness,decision'],
  persona: ['restaurant-owner', 'b2b-buyer', 'restaurant-owner,b2b-buyer'],
  type: ['blog-post', 'cta', 'article', 'form,landing-page'],
  locale: ['en', 'da'],
  page: ['1', '2', '3'],
  pageSize: ['1', '5', '25', '100'],
  sort: ['publishedAt:desc', 'publishedAt:asc', 'updatedAt:desc', 'title:asc'],
  populate: ['*', 'cover', 'author', 'author.avatar', 'cover,author', 'personas'],
  fields: ['title', 'title,summary', 'label,url', 'title,name,label'],
};
const KEYS = [
  ...Object.keys(VALID),
  'filters',
  'populate',
  'fields',
  'status',
  'publicationState',
  'locale[]',
  'stage[$ne]',
  'filters[journeyStage][$eq]',
  'filters[$or][0][publishedAt][$null]',
  'populate[cover]',
  'populate[author][populate]',
  'populate[author][fields][0]',
  'populate[author][populate][avatar][populate]',
  'populate[personas][populate]',
  'populate[0]',
  'fields[0]',
  'fields[1]',
  'pagination[pageSize]',
  '__proto__',
  'constructor[prototype][x]',
  'ståge',
  '',
];

const enc = encodeURIComponent;

const randomQuery = (random: () => number) => {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const parts: string[] = [];
  const count = Math.floor(random() * 5);
  for (let i = 0; i < count; i += 1) {
    const key = random() < 0.75 ? pick(Object.keys(VALID)) : pick(KEYS);
    const good = (VALID as Record<string, string[]>)[key];
    const value = good && random() < 0.55 ? pick(good) : pick(NASTY_VALUES);
    const style = random();
    if (style < 0.7) parts.push(`${enc(key)}=${enc(value)}`);
    else if (style < 0.8)
      parts.push(`${key}[]=${enc(value)}&${key}[]=${enc(value)}`); // arrays
    else if (style < 0.9)
      parts.push(`${key}[$eq]=${enc(value)}`); // nested objects / operators
    else parts.push(`${enc(key)}=${enc(value)}&${enc(key)}=${enc(pick(NASTY_VALUES))}`); // repeated keys
  }
  return parts.join('&');
};

let app: TestApp;
let token: string;
const draftOnly = new Set<string>();
const publishedTitles = new Map<string, string>();
/** documentIds by core REST path (`blog-posts`...), published and draft-only alike. */
const documentsByPath: Record<string, string[]> = {};
const PATH_OF: Record<string, string> = {
  'plugin::journey.blog-post': 'blog-posts',
  'plugin::journey.landing-page': 'landing-pages',
  'plugin::journey.cta': 'ctas',
  'plugin::journey.form': 'forms',
};

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  const owner = await createPersona(strapi, { name: 'Restaurant owner' });
  const buyer = await createPersona(strapi, { name: 'B2B buyer' });
  await createPersona(strapi, { name: 'Secret persona' }, { publish: false });
  // Populated by the populate cases; its private email must never show (Public may read authors here).
  const author = await strapi
    .documents('api::author.author' as never)
    .create({ data: { name: 'Ada', email: 'private-author@example.com' } } as never);
  await setPublicPermission(strapi, 'api::author.author.find', true);
  const stages = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
  const uids = [
    'plugin::journey.blog-post',
    'plugin::journey.landing-page',
    'api::article.article',
  ];
  for (let i = 0; i < 24; i += 1) {
    const uid = uids[i % uids.length];
    const personas = [
      [],
      [owner.documentId],
      [buyer.documentId],
      [owner.documentId, buyer.documentId],
    ][i % 4];
    const publish = i % 3 !== 0;
    const title = `Entry ${i}`;
    const documentId = await createEntry(strapi, {
      uid,
      data: {
        title,
        ...(uid === 'api::article.article'
          ? { internalNotes: 'PRIVATE', author: (author as { documentId: string }).documentId }
          : {}),
      },
      stage: stages[i % stages.length],
      personas,
      publishedAt: publish ? new Date(Date.UTC(2026, 0, 1 + i)).toISOString() : undefined,
      translations: i % 4 === 1 ? { da: { title: `Indlæg ${i}` } } : undefined,
    });
    if (PATH_OF[uid]) (documentsByPath[PATH_OF[uid]] ??= []).push(documentId);
    if (!publish) draftOnly.add(documentId);
    else {
      publishedTitles.set(documentId, title);
      // A later draft edit: the API must keep serving the published title.
      if (i % 5 === 0)
        await strapi
          .documents(uid as never)
          .update({ documentId, data: { title: `DRAFT ${i}` } } as never);
    }
  }
  // CTAs leading to a landing page and to a form, one of them a draft, for the core REST fuzz.
  const form = await createEntry(strapi, {
    uid: 'plugin::journey.form',
    data: { name: 'Fuzz form', fields: [] },
    stage: 'decision',
    publishedAt: new Date(Date.UTC(2026, 1, 1)).toISOString(),
  });
  documentsByPath.forms = [form];
  documentsByPath.ctas = [];
  for (const [i, data] of [
    { label: 'To a page', url: '/p', landingPage: documentsByPath['landing-pages'][1] },
    { label: 'To a form', url: '/f', style: 'secondary', form },
  ].entries()) {
    const publish = i === 0;
    const documentId = await createEntry(strapi, {
      uid: 'plugin::journey.cta',
      data,
      stage: 'decision',
      publishedAt: publish ? new Date(Date.UTC(2026, 1, 2 + i)).toISOString() : undefined,
    });
    documentsByPath.ctas.push(documentId);
    if (!publish) draftOnly.add(documentId);
  }
  token = await adminToken(strapi);
});

afterAll(async () => {
  await app?.stop();
});

/** Long URLs would drown the report; the seed reproduces the full one. */
const short = (url: string) =>
  url.length > 300 ? `${url.slice(0, 300)}... (${url.length} chars)` : url;

const expectStrapiError = (longUrl: string, status: number, body: any) => {
  const url = short(longUrl);
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect({
    url,
    status,
    shape: body && {
      data: body.data,
      status: body.error?.status,
      name: typeof body.error?.name,
      message: typeof body.error?.message,
    },
  }).toEqual({
    url,
    status,
    shape: { data: null, status, name: 'string', message: 'string' },
  });
  expect(body.error.message.length).toBeLessThan(1000);
};

describe('fuzzing the content API', () => {
  it(`answers ${CONTENT_REQUESTS} generated queries with a 200 or a clean 4xx, and leaks nothing`, async () => {
    const random = prng(20261122);
    const tally: Record<string, number> = {};
    for (let i = 0; i < CONTENT_REQUESTS; i += 1) {
      const path = random() < 0.2 ? '/api/journey/content/next' : '/api/journey/content';
      const url = `${path}?${randomQuery(random)}`;
      const response = await request(app.strapi.server.httpServer).get(url);
      tally[response.status] = (tally[response.status] ?? 0) + 1;
      if (response.status >= 500)
        throw new Error(`5xx for ${short(url)}: ${JSON.stringify(response.body)}`);
      if (response.status !== 200) {
        expectStrapiError(url, response.status, response.body);
        continue;
      }
      for (const item of response.body.data) {
        if (draftOnly.has(item.documentId))
          throw new Error(`draft leaked for ${short(url)}: ${item.documentId}`);
        if ('internalNotes' in item) throw new Error(`private field leaked for ${short(url)}`);
        if (JSON.stringify(item).includes('private-author@'))
          throw new Error(`private field of a populated relation leaked for ${short(url)}`);
        if (!item.publishedAt) throw new Error(`unpublished item for ${short(url)}`);
        // `fields` may leave the title out; when present it must be the published one.
        const hasTitle = 'title' in item;
        if (
          hasTitle &&
          item.locale === 'en' &&
          item.title !== publishedTitles.get(item.documentId)
        ) {
          throw new Error(`draft edit leaked for ${short(url)}: ${item.title}`);
        }
      }
    }
    // Both outcomes must actually have been exercised.
    expect(tally['200']).toBeGreaterThan(CONTENT_REQUESTS * 0.1);
    expect(tally['400']).toBeGreaterThan(CONTENT_REQUESTS * 0.3);
    console.log(`content API fuzz: ${JSON.stringify(tally)}`);
  });

  it('answers raw, unencoded and oversized query strings cleanly', async () => {
    for (const url of [
      '/api/journey/content?stage=%',
      '/api/journey/content?stage=%E0%A4%A',
      '/api/journey/content?%00=1',
      `/api/journey/content?${'a'.repeat(7000)}=1`,
      // Over Node's 16 kB header limit: answered before Strapi runs (by the playground's clientError handler).
      `/api/journey/content?stage=${'x'.repeat(20_000)}`,
      `/api/journey/content?stage=${'%2C'.repeat(2000)}`,
      '/api/journey/content?page=1&page=2&page=3',
      '/api/journey/content?stage[0][1][2][3][4][5]=x',
      `/api/journey/content?populate${'[a][populate]'.repeat(30)}=x`,
      `/api/journey/content?populate=${'author.'.repeat(1500)}avatar`,
      `/api/journey/content?fields=${'title,'.repeat(1500)}title`,
      '/api/journey/content?populate[author][filters][$where]=1',
      '/api/journey/content?populate[author][populate][avatar][fields][0]=id',
      '/api/journey/content?populate[cover][on][x]=true',
      '/api/journey/stages?__proto__[x]=1',
      '/api/journey/personas?constructor[prototype][admin]=1',
    ]) {
      const response = await request(app.strapi.server.httpServer).get(url);
      expect({ url: short(url), ok: response.status < 500 }).toEqual({ url: short(url), ok: true });
      if (response.status !== 200) expectStrapiError(url, response.status, response.body);
    }
  });
});

/** Strapi's REST parameters, well- and ill-formed, over the shipped kinds' attributes. */
const CORE_FIELDS = [
  'title',
  'slug',
  'label',
  'name',
  'style',
  'journeyStage',
  'publishedAt',
  'locale',
  'nope',
  'createdBy',
  'internalNotes',
  '__proto__',
];
const CORE_RELATIONS = [
  'cover',
  'hero',
  'seo',
  'personas',
  'landingPage',
  'form',
  'nope',
  'createdBy',
];
const CORE_OPERATORS = ['$eq', '$ne', '$in', '$containsi', '$null', '$lt', '$nope', '$where', 'eq'];

const randomCoreQuery = (random: () => number) => {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const value = () => (random() < 0.5 ? pick(NASTY_VALUES) : pick(['1', 'a', 'primary', 'x y']));
  const populate = (depth: number): string =>
    depth > 0 && random() < 0.4
      ? `[${pick(CORE_RELATIONS)}][populate]${populate(depth - 1)}`
      : `=${enc(pick(['*', 'true', ...CORE_RELATIONS, 'shareImage', value()]))}`;
  const generators = [
    () => `filters[${pick(CORE_FIELDS)}][${pick(CORE_OPERATORS)}]=${enc(value())}`,
    () => `filters[$or][0][${pick(CORE_FIELDS)}][$eq]=${enc(value())}`,
    () => `filters[${pick(CORE_RELATIONS)}][${pick(CORE_FIELDS)}][$eq]=${enc(value())}`,
    () => `populate${populate(6)}`,
    () => `populate[${pick(CORE_RELATIONS)}][fields][0]=${pick(CORE_FIELDS)}`,
    () => `fields=${[pick(CORE_FIELDS), pick(CORE_FIELDS)].join(',')}`,
    () => `fields[0]=${pick(CORE_FIELDS)}`,
    () => `sort=${pick(CORE_FIELDS)}:${pick(['asc', 'desc', 'up', ''])}`,
    () => `sort[0]=${enc(value())}`,
    () =>
      `pagination[${pick(['page', 'pageSize', 'start', 'limit', 'withCount', 'x'])}]=${enc(pick(['1', '2', '100', ...NASTY_VALUES]))}`,
    () => `pagination=${enc(value())}`,
    () => `locale=${enc(pick(['en', 'da', 'fr', '*', value()]))}`,
    () => `status=${enc(pick(['published', value()]))}`,
    () => `${enc(pick(KEYS))}=${enc(value())}`,
  ];
  return Array.from({ length: Math.floor(random() * 4) }, () => pick(generators)()).join('&');
};

/** Keys that must never reach the content API, at any depth of a populated answer. */
const PRIVATE_KEYS = ['createdBy', 'updatedBy', 'internalNotes', 'password', 'resetPasswordToken'];

describe('fuzzing the shipped kinds’ core REST', () => {
  it(`answers ${CORE_REST_REQUESTS} generated queries with a 200 or a clean 4xx, and leaks nothing`, async () => {
    const random = prng(20261201);
    const tally: Record<string, number> = {};
    const paths = Object.keys(documentsByPath);
    for (let i = 0; i < CORE_REST_REQUESTS; i += 1) {
      const plural = paths[Math.floor(random() * paths.length)];
      const ids = documentsByPath[plural];
      const one = random() < 0.3;
      const documentId = random() < 0.8 ? ids[Math.floor(random() * ids.length)] : 'nosuchdoc';
      const url = `/api/journey/${plural}${one ? `/${documentId}` : ''}?${randomCoreQuery(random)}`;
      const response = await request(app.strapi.server.httpServer).get(url);
      tally[response.status] = (tally[response.status] ?? 0) + 1;
      if (response.status >= 500)
        throw new Error(`5xx for ${short(url)}: ${JSON.stringify(response.body)}`);
      if (response.status !== 200) {
        expectStrapiError(url, response.status, response.body);
        continue;
      }
      const text = JSON.stringify(response.body);
      for (const key of PRIVATE_KEYS) {
        if (text.includes(`"${key}"`)) throw new Error(`${key} leaked for ${short(url)}`);
      }
      const items = one ? [response.body.data] : response.body.data;
      for (const item of items) {
        if (draftOnly.has(item.documentId))
          throw new Error(`draft leaked for ${short(url)}: ${item.documentId}`);
        if ('publishedAt' in item && !item.publishedAt)
          throw new Error(`unpublished item for ${short(url)}`);
        if (item.locale === 'en' && 'title' in item && publishedTitles.has(item.documentId)) {
          if (item.title !== publishedTitles.get(item.documentId))
            throw new Error(`draft edit leaked for ${short(url)}: ${item.title}`);
        }
      }
    }
    expect(tally['200']).toBeGreaterThan(CORE_REST_REQUESTS * 0.1);
    expect(tally['400']).toBeGreaterThan(CORE_REST_REQUESTS * 0.1);
    expect(tally['404']).toBeGreaterThan(0);
    console.log(`core REST fuzz: ${JSON.stringify(tally)}`);
  });
});

describe('fuzzing the coverage API', () => {
  it(`answers ${COVERAGE_REQUESTS} generated queries with a 200 or a clean 4xx`, async () => {
    const random = prng(42);
    const tally: Record<string, number> = {};
    const values = ['published', 'draft', 'all', 'true', 'false', 'csv', 'json', ...NASTY_VALUES];
    const keys = ['type', 'locale', 'status', 'fresh', 'format', 'stage', 'filters[x]', 'status[]'];
    for (let i = 0; i < COVERAGE_REQUESTS; i += 1) {
      const path = random() < 0.3 ? '/journey/coverage/export' : '/journey/coverage';
      const count = Math.floor(random() * 4);
      const query = Array.from({ length: count }, () => {
        const key = keys[Math.floor(random() * keys.length)];
        return `${key}=${enc(values[Math.floor(random() * values.length)])}`;
      }).join('&');
      const url = `${path}?${query}`;
      const response = await request(app.strapi.server.httpServer)
        .get(url)
        .set('Authorization', `Bearer ${token}`);
      tally[response.status] = (tally[response.status] ?? 0) + 1;
      if (response.status >= 500)
        throw new Error(`5xx for ${short(url)}: ${JSON.stringify(response.body)}`);
      if (response.status !== 200) expectStrapiError(url, response.status, response.body);
    }
    expect(tally['200']).toBeGreaterThan(0);
    expect(tally['400']).toBeGreaterThan(0);
    console.log(`coverage API fuzz: ${JSON.stringify(tally)}`);
  });
});

/** GraphQL error codes a bad or refused query may get; anything else (INTERNAL_SERVER_ERROR) fails. */
const CLEAN_GRAPHQL_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);

/**
 * A random GraphQL operation from the Public role: the plugin's queries and Strapi's own queries of
 * tagged types and personas, with valid, nasty and ill-typed variables, and every publication
 * status (DRAFT must be refused, never answered).
 */
const randomGraphqlOperation = (random: () => number) => {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const maybe = <T>(value: () => T) => (random() < 0.5 ? value() : undefined);
  const strings = (good: readonly string[]) => () =>
    Array.from({ length: Math.floor(random() * 3) }, () =>
      random() < 0.6 ? pick(good) : pick(NASTY_VALUES)
    );
  const anyValue = () =>
    pick<unknown>([
      pick(NASTY_VALUES),
      -1,
      0,
      1,
      2,
      100,
      101,
      2 ** 31,
      1.5,
      true,
      null,
      [],
      { $ne: null },
    ]);
  const stageValues = ['awareness', 'decision', 'advocacy', 'awarness', 'post_purchase'];
  const number = () => (random() < 0.7 ? pick([1, 2, 3, 5, 25, 100]) : anyValue());
  const status = () => pick(['DRAFT', 'PUBLISHED', 'DRAFT', 'draft', null]);
  const contentArgs =
    '$persona: [String!], $type: [String!], $locale: String, $page: Int, $pageSize: Int, $sort: String';
  const contentPass =
    'persona: $persona, type: $type, locale: $locale, page: $page, pageSize: $pageSize, sort: $sort';
  const contentVariables = () => ({
    persona: maybe(strings(VALID.persona.flatMap((value) => value.split(',')))),
    type: maybe(strings(VALID.type.flatMap((value) => value.split(',')))),
    locale: maybe(() => (random() < 0.6 ? pick(VALID.locale) : anyValue())),
    page: maybe(number),
    pageSize: maybe(number),
    sort: maybe(() => (random() < 0.6 ? pick(VALID.sort) : anyValue())),
  });
  const item =
    'documentId type stage journeyStage locale publishedAt personas { slug name } ' +
    '... on JourneyContentBlogPost { title } ... on JourneyContentArticle { title }';
  const entry = 'documentId title journeyStage publishedAt personas { slug name }';

  switch (pick(['content', 'next', 'articles', 'article', 'personas', 'stages'])) {
    case 'content':
      return {
        query: `query ($stage: [JourneyStage!], ${contentArgs}) {
          journeyContent(stage: $stage, ${contentPass}) {
            data { ${item} } meta { pagination { page pageSize pageCount total } } } }`,
        variables: { stage: maybe(strings(stageValues)), ...contentVariables() },
      };
    case 'next':
      return {
        query: `query ($stage: JourneyStage!, ${contentArgs}) {
          journeyNextContent(stage: $stage, ${contentPass}) { data { ${item} } meta { stage } } }`,
        variables: { stage: maybe(() => pick(stageValues)), ...contentVariables() },
      };
    case 'articles':
      return {
        query: `query ($status: PublicationStatus, $filters: ArticleFiltersInput,
                      $pagination: PaginationArg, $sort: [String], $locale: I18NLocaleCode) {
          articles(status: $status, filters: $filters, pagination: $pagination, sort: $sort,
                   locale: $locale) { ${entry} } }`,
        variables: {
          status: maybe(status),
          filters: maybe(() =>
            pick<unknown>([
              { journeyStage: { eq: pick(stageValues) } },
              { title: { contains: 'Entry' } },
              { personas: { slug: { eq: pick(VALID.persona) } } },
              { publishedAt: { null: true } },
              { internalNotes: { eq: 'PRIVATE' } },
              { nope: { eq: 1 } },
              {},
              anyValue(),
            ])
          ),
          pagination: maybe(() => ({ page: number(), pageSize: number() })),
          sort: maybe(() => [
            pick(['title:asc', 'publishedAt:desc', 'nope:asc', pick(NASTY_VALUES)]),
          ]),
          locale: maybe(() => pick(['en', 'da', '*', pick(NASTY_VALUES)])),
        },
      };
    case 'article':
      return {
        query: `query ($documentId: ID!, $status: PublicationStatus) {
          article(documentId: $documentId, status: $status) { ${entry} } }`,
        variables: {
          documentId: pick([...draftOnly, ...publishedTitles.keys()]),
          status: maybe(status),
        },
      };
    case 'personas':
      return {
        query: `query ($status: PublicationStatus, $filters: JourneyPersonaFiltersInput) {
          journeyPersonas(status: $status, filters: $filters) { documentId name slug } }`,
        variables: {
          status: maybe(status),
          filters: maybe(() =>
            pick<unknown>([
              { slug: { eq: pick(VALID.persona) } },
              { name: { null: false } },
              anyValue(),
            ])
          ),
        },
      };
    default:
      return { query: '{ journeyStages { key value label order } }', variables: {} };
  }
};

describe('fuzzing GraphQL', () => {
  it(`answers ${GRAPHQL_REQUESTS} generated operations from Public with data or clean errors, and no draft`, async () => {
    const random = prng(20261201);
    const tally: Record<string, number> = {};
    for (let i = 0; i < GRAPHQL_REQUESTS; i += 1) {
      const operation = randomGraphqlOperation(random);
      const response = await request(app.strapi.server.httpServer).post('/graphql').send(operation);
      const where = short(JSON.stringify(operation));
      if (response.status >= 500)
        throw new Error(`5xx for ${where}: ${JSON.stringify(response.body)}`);
      const codes: string[] = (response.body.errors ?? []).map(
        (error: { extensions?: { code?: string } }) => error.extensions?.code ?? 'none'
      );
      for (const code of codes) {
        if (!CLEAN_GRAPHQL_CODES.has(code))
          throw new Error(`error ${code} for ${where}: ${JSON.stringify(response.body)}`);
        tally[code] = (tally[code] ?? 0) + 1;
      }
      if (codes.length === 0) tally.data = (tally.data ?? 0) + 1;
      // The data only: error messages may echo the variables sent (e.g. a filter on internalNotes).
      const body = JSON.stringify(response.body.data ?? null);
      for (const documentId of draftOnly) {
        if (body.includes(documentId)) throw new Error(`draft ${documentId} leaked for ${where}`);
      }
      if (/Secret persona|DRAFT \d|PRIVATE/.test(body))
        throw new Error(`draft or private content leaked for ${where}: ${short(body)}`);
    }
    // Answers, refused drafts and refused input must all have been exercised.
    expect(tally.data).toBeGreaterThan(GRAPHQL_REQUESTS * 0.1);
    expect(tally.FORBIDDEN).toBeGreaterThan(GRAPHQL_REQUESTS * 0.05);
    expect(tally.BAD_USER_INPUT).toBeGreaterThan(GRAPHQL_REQUESTS * 0.05);
    console.log(`GraphQL fuzz: ${JSON.stringify(tally)}`);
  });
});
