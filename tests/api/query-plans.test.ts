import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { TEST_ENGINE } from '../helpers/database';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * The plans SQLite picks for the plugin's statements on a database without statistics (Strapi
 * never runs ANALYZE, so that is what SQLite users have): every read of a tagged table must come
 * from a covering index (coverage, counts) or walk an index (pages), never scan the table. The
 * statements are the ones the endpoints really run, captured from Strapi's connection.
 * PostgreSQL's plans depend on table statistics and size (a few test rows are read by sequential
 * scan, as they should be), so there the benchmark is the check: see bench/REPORT-postgres.md.
 */
const sqliteOnly = TEST_ENGINE === 'sqlite' ? describe : describe.skip;

let app: TestApp;
let token: string;
const captured: Array<{ sql: string; bindings: unknown[] }> = [];

const TAGGED_TABLES = [
  'journey_blog_posts',
  'journey_landing_pages',
  'journey_ctas',
  'journey_forms',
  'articles',
];

/** EXPLAIN QUERY PLAN lines of the captured statement matching `pattern`, from the last request. */
const planOf = async (pattern: RegExp) => {
  const statement = captured.find((query) => pattern.test(query.sql));
  expect(statement).toBeDefined();
  const rows = (await app.strapi.db.connection.raw(
    `EXPLAIN QUERY PLAN ${statement!.sql}`,
    statement!.bindings as never
  )) as Array<{ detail: string }>;
  return rows.map((row) => row.detail);
};
/** Plan lines that read one of the tagged tables (aliased `e` by the plugin). */
const entryReads = (plan: string[]) => plan.filter((line) => /^(SCAN|SEARCH) e\b/.test(line));

const capture = async (run: () => Promise<unknown>) => {
  captured.length = 0;
  const listener = (query: { sql: string; bindings: unknown[] }) =>
    captured.push({ sql: query.sql, bindings: query.bindings });
  app.strapi.db.connection.on('query', listener);
  try {
    await run();
  } finally {
    app.strapi.db.connection.removeListener('query', listener);
  }
};

beforeAll(async () => {
  app = await bootStrapi();
  token = await adminToken(app.strapi);
  const owner = await createPersona(app.strapi, { name: 'Plan owner' });
  for (let i = 0; i < 3; i += 1) {
    await createEntry(app.strapi, {
      uid: 'plugin::journey.blog-post',
      data: { title: `Plan ${i}` },
      stage: 'awareness',
      personas: [owner.documentId],
      publishedAt: `2026-03-0${i + 1}T10:00:00.000Z`,
    });
  }
});
afterAll(async () => {
  await app?.stop();
});

sqliteOnly('query plans on SQLite without statistics', () => {
  it('starts from a database without ANALYZE statistics', async () => {
    const rows = (await app.strapi.db.connection.raw(
      `SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`
    )) as Array<{ n: number }>;
    expect(rows[0].n).toBe(0);
  });

  it('coverage reads every tagged table from a covering index', async () => {
    await capture(() =>
      request(app.strapi.server.httpServer)
        .get('/journey/coverage')
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    );
    const reads = entryReads(await planOf(/AS type_name/i));
    // Two grouped reads per type: by stage, and by stage x persona.
    expect(reads).toHaveLength(TAGGED_TABLES.length * 2);
    for (const line of reads)
      expect(line).toMatch(/USING COVERING INDEX \w+_journey_(cov|stage)_idx/);
  });

  it('a content page walks the stage index and its count reads it alone', async () => {
    await capture(() =>
      request(app.strapi.server.httpServer)
        .get('/api/journey/content?stage=awareness&persona=plan-owner&pageSize=2')
        .expect(200)
    );
    const pageReads = entryReads(await planOf(/data_version/i));
    expect(pageReads).toHaveLength(TAGGED_TABLES.length);
    for (const line of pageReads)
      expect(line).toMatch(
        /USING (COVERING )?INDEX \w+_journey_stage_idx \(journey_stage=\? AND locale=\?/
      );

    const countReads = entryReads(await planOf(/COUNT\(\*\) AS total/i));
    expect(countReads).toHaveLength(TAGGED_TABLES.length);
    for (const line of countReads)
      expect(line).toMatch(
        /USING COVERING INDEX \w+_journey_stage_idx \(journey_stage=\? AND locale=\?/
      );
  });

  it("a new entry's free slug is looked up through the slug index, not a table scan", async () => {
    await capture(() =>
      app.strapi.documents('plugin::journey.blog-post').create({ data: { title: 'Plan 1' } })
    );
    // The slug family lookup: Strapi's Query Engine aliases the table t0.
    const plan = await planOf(/^select [`"]t0[`"]\.[`"]slug[`"] from/i);
    const reads = plan.filter((line) => /^(SCAN|SEARCH) t0\b/.test(line));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(
      /^SEARCH t0 USING (COVERING )?INDEX journey_blog_posts_slug_idx \(slug=\?/
    );
    // "Plan 1" was taken by the seeded post: the next free one is found in the same query.
    const created = await app.strapi.db
      .query('plugin::journey.blog-post')
      .findOne({ select: ['slug'], where: { title: 'Plan 1', slug: { $ne: 'plan-1' } } });
    expect(created).toEqual({ slug: 'plan-1-2' });
  });
});
