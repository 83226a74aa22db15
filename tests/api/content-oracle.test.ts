import request from 'supertest';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * GET /api/journey/content checked against an oracle: fixtures are created with known stages,
 * personas, locales, publication times and titles, and for generated valid queries the test
 * computes what the answer must be (which entries, in which order, on which page, the total) from
 * its own list, independently of the plugin's SQL, then compares. The fuzz suite proves bad input
 * cannot hurt; this one proves good input gets the right answer.
 */
const QUERIES = 400;
const STAGES = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'] as const;
const TYPES = [
  { name: 'blog-post', uid: 'plugin::journey.blog-post' },
  { name: 'landing-page', uid: 'plugin::journey.landing-page' },
  { name: 'article', uid: 'api::article.article' },
] as const;
const SORTS = ['publishedAt:desc', 'publishedAt:asc', 'updatedAt:desc', 'title:asc'] as const;

/** mulberry32, seeded: a failure names its query, and the seed reproduces the run. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** One published locale version, as the oracle sees it. */
interface Version {
  type: string;
  documentId: string;
  locale: string;
  stage: string | null;
  personas: string[];
  publishedAt: string;
  title: string;
}

let app: TestApp;
const versions: Version[] = [];
const personaSlugs: string[] = [];

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  const personas = [];
  for (const name of ['Restaurant owner', 'B2B buyer', 'Student']) {
    const persona = await createPersona(strapi, { name });
    personas.push(persona);
    personaSlugs.push(persona.slug);
  }
  const random = prng(7);
  // Titles chosen to make title sorting meaningful: mixed case, shared prefixes, a tie.
  const titles = ['alpha', 'Beta', 'beta two', 'Gamma', 'delta', 'Épsilon', 'zeta', 'Alpha'];
  for (let i = 0; i < 36; i += 1) {
    const type = TYPES[i % TYPES.length];
    const stage = i % 11 === 0 ? null : STAGES[Math.floor(random() * STAGES.length)];
    const linked = personas.filter(() => random() < 0.4);
    const published = i % 7 !== 3;
    // Some entries share a publication time: ties are broken by type, then documentId.
    const publishedAt = new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 2), 9)).toISOString();
    const title = `${titles[i % titles.length]} ${i % 5}`;
    const translated = i % 3 === 0;
    const documentId = await createEntry(strapi, {
      uid: type.uid,
      data: { title },
      stage,
      personas: linked.map((persona) => persona.documentId),
      publishedAt: published ? publishedAt : undefined,
      translations: translated ? { da: { title: `da ${title}` } } : undefined,
    });
    if (!published) continue;
    const base = {
      type: type.name,
      documentId,
      stage,
      personas: linked.map((persona) => persona.slug),
      publishedAt,
    };
    versions.push({ ...base, locale: 'en', title });
    if (translated) versions.push({ ...base, locale: 'da', title: `da ${title}` });
  }
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

/** What the answer must be, from the oracle's list. */
const expected = (query: {
  stage?: string[];
  persona?: string[];
  type?: string[];
  locale: string;
  sort: (typeof SORTS)[number];
  page: number;
  pageSize: number;
}) => {
  const matching = versions.filter(
    (v) =>
      v.locale === query.locale &&
      (!query.type || query.type.includes(v.type)) &&
      (!query.stage || (v.stage !== null && query.stage.includes(v.stage))) &&
      (!query.persona || v.personas.some((slug) => query.persona!.includes(slug)))
  );
  const tie = (a: Version, b: Version) =>
    a.type.localeCompare(b.type) ||
    (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);
  const by: Record<string, (a: Version, b: Version) => number> = {
    'publishedAt:desc': (a, b) => b.publishedAt.localeCompare(a.publishedAt),
    'publishedAt:asc': (a, b) => a.publishedAt.localeCompare(b.publishedAt),
    // createEntry pins updatedAt to publishedAt.
    'updatedAt:desc': (a, b) => b.publishedAt.localeCompare(a.publishedAt),
    // Case-insensitive as the SQL's LOWER(): ASCII and the one non-ASCII letter compare the same.
    'title:asc': (a, b) => {
      const x = a.title.toLowerCase();
      const y = b.title.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    },
  };
  matching.sort((a, b) => by[query.sort](a, b) || tie(a, b));
  const start = (query.page - 1) * query.pageSize;
  return {
    ids: matching
      .slice(start, start + query.pageSize)
      .map((v) => `${v.type}:${v.documentId}:${v.locale}`),
    total: matching.length,
    pageCount: Math.ceil(matching.length / query.pageSize),
  };
};

it(`answers ${QUERIES} generated valid queries exactly as the oracle computes them`, async () => {
  const random = prng(20261201);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const subset = <T>(list: readonly T[]) => {
    const chosen = list.filter(() => random() < 0.5);
    return chosen.length > 0 ? chosen : [pick(list)];
  };
  let nonEmpty = 0;
  let paged = 0;
  for (let i = 0; i < QUERIES; i += 1) {
    const query = {
      stage: random() < 0.6 ? subset(STAGES) : undefined,
      persona: random() < 0.5 ? subset(personaSlugs) : undefined,
      type: random() < 0.4 ? subset(TYPES.map((t) => t.name)) : undefined,
      locale: random() < 0.75 ? 'en' : 'da',
      sort: pick(SORTS),
      page: 1 + Math.floor(random() * 3),
      pageSize: pick([1, 2, 5, 25]),
    };
    const params = new URLSearchParams({
      locale: query.locale,
      sort: query.sort,
      page: String(query.page),
      pageSize: String(query.pageSize),
      ...(query.stage ? { stage: query.stage.join(',') } : {}),
      ...(query.persona ? { persona: query.persona.join(',') } : {}),
      ...(query.type ? { type: query.type.join(',') } : {}),
    });
    const url = `/api/journey/content?${params}`;
    const response = await request(app.strapi.server.httpServer).get(url);
    const want = expected(query);
    const got = {
      status: response.status,
      ids: (response.body.data ?? []).map(
        (item: { type: string; documentId: string; locale: string }) =>
          `${item.type}:${item.documentId}:${item.locale}`
      ),
      total: response.body.meta?.pagination?.total,
      pageCount: response.body.meta?.pagination?.pageCount,
    };
    expect({ url, ...got }).toEqual({ url, status: 200, ...want });
    if (want.ids.length > 0) nonEmpty += 1;
    if (query.page > 1 && want.ids.length > 0) paged += 1;
  }
  // The queries exercised real answers, not mostly empty pages.
  expect(nonEmpty).toBeGreaterThan(QUERIES / 2);
  expect(paged).toBeGreaterThan(QUERIES / 10);
}, 180_000);
