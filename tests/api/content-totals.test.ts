import request from 'supertest';
import { writeFromOutside as writeFromOutsideOf } from '../helpers/database';
import { createEntry, createPersona, flushOneAnalyticsEvent } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * The content API keeps a query's total, and a type's groups that any filter's total sums, while
 * the tables it counts are unchanged (server/src/caching/table-changes.ts,
 * server/src/content-api/total-groups.ts). These tests watch the SQL Strapi's connection runs, so
 * "reused" and "recounted" are observed, not inferred, and they change data both through Strapi
 * and from a separate database connection (another process, as far as Strapi can tell). Groups
 * are counted after the request that asks for them: each request here waits for that to finish.
 */
const BLOG = 'plugin::journey.blog-post';
let app: TestApp;
const statements: string[] = [];
const countStatements = () => statements.filter((sql) => /count\(\*\) as total/i.test(sql)).length;
const groupStatements = () =>
  statements.filter((sql) => /count\(\*\) as entries/i.test(sql)).length;
const groupsCounted = () => app.strapi.plugin('journey').service('content').settle();

const content = async (query: string) => {
  statements.length = 0;
  const response = await request(app.strapi.server.httpServer).get(`/api/journey/content?${query}`);
  expect({ query, status: response.status }).toEqual({ query, status: 200 });
  await groupsCounted();
  return {
    total: response.body.meta.pagination.total as number,
    items: response.body.data.length as number,
    counted: countStatements(),
  };
};

const writeFromOutside = (sql: string, values: unknown[]) =>
  writeFromOutsideOf(app.database, sql, values);

let ownerSlug: string;
beforeAll(async () => {
  app = await bootStrapi();
  const owner = await createPersona(app.strapi, { name: 'Cafe owner' });
  ownerSlug = owner.slug;
  for (let i = 1; i <= 5; i += 1) {
    await createEntry(app.strapi, {
      uid: BLOG,
      data: { title: `Awareness ${i}` },
      stage: 'awareness',
      personas: i <= 3 ? [owner.documentId] : [],
      publishedAt: `2026-02-0${i}T10:00:00.000Z`,
    });
  }
  app.strapi.db.connection.on('query', (query: { sql: string }) => statements.push(query.sql));
});
afterAll(async () => {
  await app?.stop();
});

describe('content totals', () => {
  it('counts a full page once, then reuses the total while nothing changes', async () => {
    expect(await content('stage=awareness&pageSize=2')).toEqual({ total: 5, items: 2, counted: 1 });
    expect(await content('stage=awareness&pageSize=2')).toEqual({ total: 5, items: 2, counted: 0 });
    // Same filters, another page and page size: the same total.
    expect(await content('stage=awareness&pageSize=2&page=2')).toEqual({
      total: 5,
      items: 2,
      counted: 0,
    });
  });

  it('keeps totals per filter, and counts the groups once a second filter is asked', async () => {
    expect(await content(`stage=awareness&persona=${ownerSlug}&pageSize=2`)).toEqual({
      total: 3,
      items: 2,
      counted: 1,
    });
    expect(await content(`stage=awareness&persona=${ownerSlug}&pageSize=2`)).toEqual({
      total: 3,
      items: 2,
      counted: 0,
    });
    expect(await content('stage=awareness&pageSize=2')).toEqual({ total: 5, items: 2, counted: 0 });
  });

  it('knows the total from a page that is not full, without counting', async () => {
    expect(await content('stage=awareness&pageSize=10')).toEqual({
      total: 5,
      items: 5,
      counted: 0,
    });
    expect(await content('stage=awareness&pageSize=2&page=3')).toEqual({
      total: 5,
      items: 1,
      counted: 0,
    });
  });

  it('reports the exact total on an empty page past the end', async () => {
    // An empty page reads no version of the tables, so nothing kept can be trusted: it counts.
    expect(await content('stage=consideration&pageSize=2&page=3')).toEqual({
      total: 0,
      items: 0,
      counted: 1,
    });
    expect(await content('stage=awareness&pageSize=2&page=9')).toEqual({
      total: 5,
      items: 0,
      counted: 1,
    });
  });

  it('recounts after a write through Strapi', async () => {
    expect((await content('stage=awareness&pageSize=2')).counted).toBe(0);
    await createEntry(app.strapi, {
      uid: BLOG,
      data: { title: 'Awareness 6' },
      stage: 'awareness',
      publishedAt: '2026-02-06T10:00:00.000Z',
    });
    expect(await content('stage=awareness&pageSize=2')).toEqual({ total: 6, items: 2, counted: 1 });
    expect(await content('stage=awareness&pageSize=2')).toEqual({ total: 6, items: 2, counted: 0 });
  });

  it('recounts after a write from another connection (another process)', async () => {
    const table = app.strapi.db.metadata.get(BLOG as never).tableName;
    const changed = await writeFromOutside(
      `UPDATE ${table} SET journey_stage = $1 WHERE published_at IS NOT NULL AND title = $2`,
      ['decision', 'Awareness 6']
    );
    expect(changed).toBe(1);
    expect(await content('stage=awareness&pageSize=2')).toEqual({ total: 5, items: 2, counted: 1 });
    expect(await content('stage=decision&pageSize=2')).toEqual({ total: 1, items: 1, counted: 0 });
  });

  it('keeps totals through writes to tables they do not count, from Strapi or from outside', async () => {
    expect((await content('type=blog-post&stage=decision&pageSize=1')).counted).toBe(1);
    expect((await content('type=blog-post&stage=decision&pageSize=1')).counted).toBe(0);
    // Another tagged type (its own table and links), Strapi's settings, the analytics rollups.
    await createEntry(app.strapi, {
      uid: 'plugin::journey.landing-page',
      data: { title: 'Decision page' },
      stage: 'decision',
      publishedAt: '2026-02-07T10:00:00.000Z',
    });
    expect(
      await writeFromOutside('UPDATE strapi_core_store_settings SET value = value WHERE key = $1', [
        'plugin_i18n_default_locale',
      ])
    ).toBe(1);
    await flushOneAnalyticsEvent(app.strapi);
    expect(await content('type=blog-post&stage=decision&pageSize=1')).toEqual({
      total: 1,
      items: 1,
      counted: 0,
    });
    // The landing page is counted by queries over every type, which did recount.
    expect(await content('stage=decision&pageSize=1')).toEqual({ total: 2, items: 1, counted: 1 });
  });

  it('recounts only the type written: a total is kept per type', async () => {
    const tables = ['plugin::journey.landing-page', BLOG, 'plugin::journey.cta'].map(
      (uid) => app.strapi.db.metadata.get(uid as never).tableName
    );
    /** The tagged tables the last request counted, in that order. */
    const countedTables = () =>
      statements
        .filter((sql) => /count\(\*\) as total/i.test(sql))
        .flatMap((sql) =>
          tables.filter((table) => new RegExp(`from [\`"]${table}[\`"]`, 'i').test(sql))
        );
    const decision = async () => {
      const { total } = await content('stage=decision&pageSize=1');
      return { total, countedTables: countedTables() };
    };
    expect(await decision()).toEqual({ total: 2, countedTables: [] });
    // One decision entry in each of three types, one type at a time.
    for (const [index, uid] of [
      'plugin::journey.landing-page',
      BLOG,
      'plugin::journey.cta',
    ].entries()) {
      await createEntry(app.strapi, {
        uid,
        data:
          uid === 'plugin::journey.cta'
            ? { label: 'Decide', url: 'https://example.com' }
            : { title: `Decision ${index}` },
        stage: 'decision',
        publishedAt: `2026-03-0${index + 1}T10:00:00.000Z`,
      });
      expect(await decision()).toEqual({ total: 3 + index, countedTables: [tables[index]] });
      expect(await decision()).toEqual({ total: 3 + index, countedTables: [] });
    }
  });

  it('recounts a persona filter after its links change from outside', async () => {
    // Counted again once: the landing page written above is in a table this query counts.
    expect((await content(`stage=awareness&persona=${ownerSlug}&pageSize=2`)).total).toBe(3);
    expect(await content(`stage=awareness&persona=${ownerSlug}&pageSize=2`)).toEqual({
      total: 3,
      items: 2,
      counted: 0,
    });
    const meta = app.strapi.db.metadata.get(BLOG as never);
    const links = (meta.attributes as any).personas.joinTable;
    const table = meta.tableName;
    const removed = await writeFromOutside(
      `DELETE FROM ${links.name} WHERE ${links.joinColumn.name} IN ` +
        `(SELECT id FROM ${table} WHERE published_at IS NOT NULL AND title = $1)`,
      ['Awareness 1']
    );
    expect(removed).toBe(1);
    expect(await content(`stage=awareness&persona=${ownerSlug}&pageSize=1`)).toEqual({
      total: 2,
      items: 1,
      counted: 1,
    });
  });

  it('sums a filter never asked before from the groups: stage lists, any of several personas, none', async () => {
    const chef = await createPersona(app.strapi, { name: 'Head chef' });
    const owner = ownerSlug;
    // Two personas on one entry (counted once for "either"), no persona, no stage, a draft only.
    const fixtures = [
      { title: 'Both personas', stage: 'consideration', personas: ['owner', 'chef'] },
      { title: 'Chef only', stage: 'consideration', personas: ['chef'] },
      { title: 'Chef decides', stage: 'decision', personas: ['chef'] },
      { title: 'Nobody', stage: 'consideration', personas: [] },
      { title: 'No stage', stage: undefined, personas: ['owner', 'chef'] },
      { title: 'Never published', stage: 'consideration', personas: ['chef'], draft: true },
    ];
    const ownerDocument = (await app.strapi
      .documents('plugin::journey.persona' as never)
      .findFirst({ filters: { slug: owner } } as never)) as { documentId: string };
    for (const [index, fixture] of fixtures.entries()) {
      await createEntry(app.strapi, {
        uid: BLOG,
        data: { title: fixture.title },
        stage: fixture.stage,
        personas: fixture.personas.map((name) =>
          name === 'owner' ? ownerDocument.documentId : chef.documentId
        ),
        publishedAt: fixture.draft ? undefined : `2026-04-0${index + 1}T10:00:00.000Z`,
      });
    }
    // Filters missing at the same version, until grouping costs less than counting them: the
    // blog posts' groups are counted after the request that tips it (at most 16, content.ts).
    const others = ['consideration', 'decision', 'retention', 'advocacy'];
    const warmUps = Array.from({ length: 16 }, (_, bits) =>
      ['awareness', ...others.filter((_, index) => bits & (1 << index))].join(',')
    ).map((stages) => `type=blog-post&stage=${stages}&pageSize=1`);
    statements.length = 0;
    let asked = 0;
    for (const query of warmUps) {
      await content(query);
      asked += 1;
      if (groupStatements() > 0) break;
    }
    expect({ asked, groupStatements: groupStatements() }).toEqual({
      asked: expect.any(Number),
      groupStatements: 1,
    });

    const either = `persona=${owner},${chef.slug}`;
    const queries = [
      `type=blog-post&pageSize=1`,
      `type=blog-post&stage=consideration,decision&${either}&pageSize=1`,
      `type=blog-post&stage=consideration&persona=${chef.slug}&pageSize=1`,
      `type=blog-post&stage=awareness,decision&persona=${owner}&pageSize=1`,
      `type=blog-post&stage=decision&persona=${chef.slug},${owner}&pageSize=1`,
    ];
    const served = [];
    for (const query of queries) {
      const { total, counted } = await content(query);
      served.push({ query, total, counted });
    }
    // The same filters counted from the tables, every time.
    app.strapi.config.set('plugin::journey.cacheTotals', false);
    const counted = [];
    try {
      for (const query of queries) {
        const { total } = await content(query);
        counted.push({ query, total, counted: 0 });
      }
    } finally {
      app.strapi.config.set('plugin::journey.cacheTotals', true);
    }
    expect(served).toEqual(counted);
    // What those counts are, from the fixtures: 5 awareness (2 still with the owner), 2 decision
    // from earlier tests and 1 here, and this test's 3 consideration entries and 1 without a stage.
    expect(counted.map(({ total }) => total)).toEqual([12, 3, 2, 2, 1]);
  });

  it('carries the groups through Document Service writes: totals summed, never counted, always exact', async () => {
    // The blog posts' groups are kept since the test above; these writes go through the Document
    // Service alone (createEntry also back-dates rows through the Query Engine, which carries nothing).
    const documents = app.strapi.documents(BLOG as never) as any;
    const owner = (await app.strapi
      .documents('plugin::journey.persona' as never)
      .findFirst({ filters: { slug: ownerSlug } } as never)) as { documentId: string };
    const queries = [
      'type=blog-post&pageSize=1',
      'type=blog-post&stage=consideration&pageSize=1',
      `type=blog-post&stage=consideration,retention&persona=${ownerSlug}&pageSize=1`,
    ];
    const check = async (step: string) => {
      const served = [];
      for (const query of queries) {
        const { total, counted } = await content(query);
        served.push({ step, query, total, counted, groupsCounted: groupStatements() });
      }
      app.strapi.config.set('plugin::journey.cacheTotals', false);
      const truth = [];
      try {
        for (const query of queries) {
          const { total } = await content(query);
          truth.push({ step, query, total, counted: 0, groupsCounted: 0 });
        }
      } finally {
        app.strapi.config.set('plugin::journey.cacheTotals', true);
      }
      expect(served).toEqual(truth);
      return served.map(({ total }) => total);
    };
    const start = await check('kept');
    const { documentId } = await documents.create({
      data: { title: 'Carried', journeyStage: 'consideration', personas: [owner.documentId] },
    });
    expect(await check('create (a draft only)')).toEqual(start);
    await documents.publish({ documentId });
    expect(await check('publish')).toEqual([start[0] + 1, start[1] + 1, start[2] + 1]);
    await documents.update({ documentId, data: { journeyStage: 'retention', personas: [] } });
    await documents.publish({ documentId });
    expect(await check('move to retention, no persona')).toEqual([
      start[0] + 1,
      start[1],
      start[2],
    ]);
    await documents.unpublish({ documentId });
    expect(await check('unpublish')).toEqual(start);
    await documents.publish({ documentId });
    await documents.delete({ documentId });
    expect(await check('delete')).toEqual(start);
  });

  it("carries a filter's own total through Document Service writes when its type has no groups", async () => {
    const pages = app.strapi.documents('plugin::journey.landing-page' as never) as any;
    const query = 'type=landing-page&stage=consideration&pageSize=1';
    // Two matches, so a page of one is full and its total must be counted.
    for (const title of ['Considered page 1', 'Considered page 2']) {
      const page = await pages.create({ data: { title, journeyStage: 'consideration' } });
      await pages.publish({ documentId: page.documentId });
    }
    const first = await content(query);
    expect(first).toEqual({ total: 2, items: 1, counted: 1 });
    const { documentId } = await pages.create({
      data: { title: 'Carried page', journeyStage: 'consideration' },
    });
    await pages.publish({ documentId });
    const published = await content(query);
    expect({ ...published, groupsCounted: groupStatements() }).toEqual({
      total: first.total + 1,
      items: 1,
      counted: 0,
      groupsCounted: 0,
    });
    await pages.update({ documentId, data: { journeyStage: 'decision' } });
    await pages.publish({ documentId });
    expect(await content(query)).toEqual({
      total: first.total,
      items: first.total ? 1 : 0,
      counted: 0,
    });
  });

  it('counts a type written between every read per filter, without counting its groups', async () => {
    for (let round = 1; round <= 3; round += 1) {
      await createEntry(app.strapi, {
        uid: BLOG,
        data: { title: `Written between reads ${round}` },
        stage: 'retention',
        publishedAt: `2026-05-0${round}T10:00:00.000Z`,
      });
      statements.length = 0;
      expect(await content('type=blog-post&stage=retention&pageSize=1')).toEqual({
        total: round,
        items: 1,
        counted: 1,
      });
      expect(groupStatements()).toBe(0);
    }
  });

  it('counts every time with cacheTotals: false', async () => {
    app.strapi.config.set('plugin::journey.cacheTotals', false);
    try {
      expect(await content('stage=awareness&pageSize=2')).toEqual({
        total: 5,
        items: 2,
        counted: 1,
      });
      expect(await content('stage=awareness&pageSize=2')).toEqual({
        total: 5,
        items: 2,
        counted: 1,
      });
    } finally {
      app.strapi.config.set('plugin::journey.cacheTotals', true);
    }
  });
});
