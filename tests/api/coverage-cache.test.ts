import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { writeFromOutside as writeFromOutsideOf } from '../helpers/database';
import { createEntry, createPersona, flushOneAnalyticsEvent } from '../helpers/fixtures';
import { coverageAsCounts, recountCoverage } from '../helpers/recount';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Coverage counts are kept until a table they read is written (server/src/caching/table-changes.ts)
 * or a counted document turns stale. These tests watch the SQL Strapi's connection runs, so "kept"
 * and "counted again" are observed, and every answer is compared to a recount through the
 * Document Service. Writes come through Strapi and from a connection of their own (another
 * process, as far as Strapi can tell).
 */
const BLOG = 'plugin::journey.blog-post';
const DAY_MS = 24 * 60 * 60 * 1000;
let app: TestApp;
let token: string;
let owner: string;
const statements: string[] = [];
/** The coverage statements run since `statements` was last cleared. */
const countingStatements = () => statements.filter((sql) => /AS type_name/i.test(sql));
const countStatements = () => countingStatements().length;

const coverage = async (types = 'blog-post', status: 'published' | 'all' = 'published') => {
  statements.length = 0;
  const response = await request(app.strapi.server.httpServer)
    .get(`/journey/coverage?type=${types}&status=${status}`)
    .set('Authorization', `Bearer ${token}`);
  expect(response.status).toBe(200);
  return { counts: coverageAsCounts(response.body.data), counted: countStatements() };
};

const recount = async () => {
  const { stageTotals, cells } = await recountCoverage(app.strapi, BLOG, 'published');
  return { stageTotals, cells };
};

const writeFromOutside = (sql: string, values: unknown[]) =>
  writeFromOutsideOf(app.database, sql, values);

beforeAll(async () => {
  app = await bootStrapi();
  token = await adminToken(app.strapi);
  owner = (await createPersona(app.strapi, { name: 'Cafe owner' })).documentId;
  for (let i = 1; i <= 4; i += 1) {
    await createEntry(app.strapi, {
      uid: BLOG,
      data: { title: `Post ${i}` },
      stage: i <= 2 ? 'awareness' : 'decision',
      personas: i % 2 ? [owner] : [],
      publishedAt: new Date().toISOString(),
    });
  }
  app.strapi.db.connection.on('query', (query: { sql: string }) => statements.push(query.sql));
});
afterAll(async () => {
  jest.restoreAllMocks();
  await app?.stop();
});

describe('coverage counts cache', () => {
  it('counts once, then keeps the counts while their tables are unchanged', async () => {
    const first = await coverage();
    expect(first.counted).toBe(1);
    expect(first.counts).toEqual(await recount());
    expect(first.counts.stageTotals).toEqual({ awareness: 2, decision: 2 });
    const second = await coverage();
    expect(second).toEqual({ counts: first.counts, counted: 0 });
  });

  it('keeps them through writes to other tables: another tagged type, analytics, settings', async () => {
    await coverage();
    await createEntry(app.strapi, {
      uid: 'plugin::journey.landing-page',
      data: { title: 'Not a blog post' },
      stage: 'decision',
      publishedAt: new Date().toISOString(),
    });
    await flushOneAnalyticsEvent(app.strapi);
    expect(
      await writeFromOutside('UPDATE strapi_core_store_settings SET value = value WHERE key = $1', [
        'plugin_i18n_default_locale',
      ])
    ).toBe(1);
    expect((await coverage()).counted).toBe(0);
  });

  it('counts again after a write through Strapi, and the answer is the recount', async () => {
    await createEntry(app.strapi, {
      uid: BLOG,
      data: { title: 'Post 5' },
      stage: 'awareness',
      personas: [owner],
      publishedAt: new Date().toISOString(),
    });
    const after = await coverage();
    expect(after.counted).toBe(1);
    expect(after.counts.stageTotals.awareness).toBe(3);
    expect(after.counts).toEqual(await recount());
  });

  it('counts again after writes from another connection, to the entries and to their links', async () => {
    await coverage();
    const meta = app.strapi.db.metadata.get(BLOG as never);
    const changed = await writeFromOutside(
      `UPDATE ${meta.tableName} SET journey_stage = $1 WHERE title = $2`,
      ['retention', 'Post 5']
    );
    expect(changed).toBe(2); // its draft and published rows
    const moved = await coverage();
    expect(moved.counted).toBe(1);
    expect(moved.counts.stageTotals).toEqual({ awareness: 2, decision: 2, retention: 1 });
    expect(moved.counts).toEqual(await recount());

    const links = (meta.attributes as any).personas.joinTable;
    const removed = await writeFromOutside(
      `DELETE FROM ${links.name} WHERE ${links.joinColumn.name} IN ` +
        `(SELECT id FROM ${meta.tableName} WHERE title = $1)`,
      ['Post 5']
    );
    expect(removed).toBe(2);
    const unlinked = await coverage();
    expect(unlinked.counted).toBe(1);
    expect(unlinked.counts.cells['retention/cafe-owner']).toBeUndefined();
    expect(unlinked.counts).toEqual(await recount());
  });

  it('counts again when a counted document turns stale, with no write at all', async () => {
    const { staleAfterDays } = app.strapi.config.get('plugin::journey') as {
      staleAfterDays: number;
    };
    // Post 1 was last updated an hour short of stale.
    await app.strapi.db.query(BLOG as never).updateMany({
      where: { title: 'Post 1', publishedAt: { $notNull: true } },
      data: { updatedAt: new Date(Date.now() - staleAfterDays * DAY_MS + 3600_000) },
    });
    const service = app.strapi.plugin('journey').service('coverage');
    const query = { type: ['blog-post'], status: 'published', fresh: false };
    const staleIn = async () => {
      statements.length = 0;
      const matrix = await service.compute(query);
      const awareness = matrix.stageTotals.find((total: any) => total.stage === 'awareness');
      return { stale: awareness.stale, counted: countStatements() };
    };
    expect(await staleIn()).toEqual({ stale: 0, counted: 1 });
    expect(await staleIn()).toEqual({ stale: 0, counted: 0 });
    // Two hours later (the clock the plugin reads, moved forward): Post 1 is stale now.
    const realNow = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 2 * 3600_000);
    try {
      expect(await staleIn()).toEqual({ stale: 1, counted: 1 });
      expect(await staleIn()).toEqual({ stale: 1, counted: 0 });
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('recounts only the type written: counts are kept per type', async () => {
    const tableOf = (uid: string) => app.strapi.db.metadata.get(uid as never).tableName;
    const pages = 'plugin::journey.landing-page';
    const both = async () => {
      const { counts } = await coverage('blog-post,landing-page');
      const tablesCounted = countingStatements().map((sql) =>
        [BLOG, pages].filter(
          (uid) => sql.includes(`"${tableOf(uid)}"`) || sql.includes(`\`${tableOf(uid)}\``)
        )
      );
      return { counts, tablesCounted };
    };
    const sumOfRecounts = async () => {
      const sum = {
        stageTotals: {} as Record<string, number>,
        cells: {} as Record<string, number>,
      };
      for (const uid of [BLOG, pages]) {
        const recounted = await recountCoverage(app.strapi, uid, 'published');
        for (const part of ['stageTotals', 'cells'] as const)
          for (const [key, count] of Object.entries(recounted[part]))
            sum[part][key] = (sum[part][key] ?? 0) + count;
      }
      return sum;
    };

    await both();
    expect((await both()).tablesCounted).toEqual([]);
    // One retention entry for the cafe owner in each type, one type at a time.
    for (const [index, uid] of [pages, BLOG].entries()) {
      await createEntry(app.strapi, {
        uid,
        data: { title: `Retention ${index + 1}` },
        stage: 'retention',
        personas: [owner],
        publishedAt: new Date().toISOString(),
      });
      const after = await both();
      expect(after.tablesCounted).toEqual([[uid]]);
      expect(after.counts).toEqual(await sumOfRecounts());
      expect(after.counts.cells['retention/cafe-owner']).toBe(index + 1);
    }
  });

  it('carries the counts through Document Service writes: nothing counted, every answer the recount', async () => {
    // createEntry also back-dates rows through the Query Engine, which carries nothing: these
    // writes go through the Document Service alone, as the Content Manager's do.
    const documents = app.strapi.documents(BLOG as never) as any;
    const service = app.strapi.plugin('journey').service('coverage');
    const views = ['published', 'all'] as const;
    const check = async (step: string) => {
      for (const status of views) {
        const answer = await coverage('blog-post', status);
        const truth = await recountCoverage(
          app.strapi,
          BLOG,
          status === 'all' ? 'draft' : 'published'
        );
        expect({ step, status, ...answer }).toEqual({
          step,
          status,
          counted: 0,
          counts: { stageTotals: truth.stageTotals, cells: truth.cells },
        });
      }
      // The edit view's line, kept for its own stage and persona.
      statements.length = 0;
      const line = await service.entry({ stage: 'consideration', personas: [owner] });
      const cell = (await recountCoverage(app.strapi, BLOG, 'published')).cells[
        'consideration/cafe-owner'
      ];
      const pages = await recountCoverage(app.strapi, 'plugin::journey.landing-page', 'published');
      expect({ step, count: line.lines[0].count, counted: countStatements() }).toEqual({
        step,
        count: (cell ?? 0) + (pages.cells['consideration/cafe-owner'] ?? 0),
        counted: expect.any(Number),
      });
    };
    for (const status of views) await coverage('blog-post', status);
    await service.entry({ stage: 'consideration', personas: [owner] });

    /**
     * Runs a write and checks what the carry added to it in its transaction, whatever it keeps:
     * the start (versions, rows and the share before), then the end (the share after and the
     * write's own weight), and no counting statement of its own. A create on PostgreSQL reads its
     * start in the end's statement (its share before is nothing); its version after commit is
     * read while the caller goes on, not in the write.
     */
    const write = async <T>(run: () => Promise<T>, action = 'other') => {
      statements.length = 0;
      const result = await run();
      const carry = statements.filter((sql) => /AS [`"]?(row_ids|own_0)\b/i.test(sql));
      expect({
        action,
        carryStatements: carry.length,
        otherCounts: countingStatements().filter((sql) => !carry.includes(sql)).length,
      }).toEqual({
        action,
        carryStatements: action === 'create' && app.strapi.db.dialect.client === 'postgres' ? 1 : 2,
        otherCounts: 0,
      });
      return result;
    };
    const { documentId } = await write<{ documentId: string }>(
      () =>
        documents.create({
          data: { title: 'Carried', journeyStage: 'consideration', personas: [owner] },
        }),
      'create'
    );
    await check('create');
    await write(() => documents.publish({ documentId }));
    await check('publish');
    await write(() =>
      documents.update({ documentId, data: { journeyStage: 'retention', personas: [] } })
    );
    await check('update the draft');
    await write(() => documents.publish({ documentId }));
    await check('publish the change');
    await write(() => documents.unpublish({ documentId }));
    await check('unpublish');
    await write(() => documents.publish({ documentId }));
    await write(() => documents.delete({ documentId }));
    await check('delete');
  });

  it('carries nothing when the write also changes another document (a lifecycle hook): it counts again', async () => {
    const queryEngine = app.strapi.db.query(BLOG as never);
    const other = await queryEngine.findOne({
      where: { title: 'Post 2', publishedAt: { $notNull: true } },
    });
    expect(other?.journeyStage).toBe('awareness');
    // An app's own hook, writing another blog post inside the same transaction: through the
    // Query Engine, or through the Document Service (a write nested in the write).
    const unsubscribe = app.strapi.db.lifecycles.subscribe({
      models: [BLOG],
      async afterCreate(event: any) {
        if (event.result?.title === 'Hooked') {
          await queryEngine.update({ where: { id: other.id }, data: { journeyStage: 'advocacy' } });
        }
        if (event.result?.title === 'Hooked again' && event.result?.publishedAt === null) {
          await (app.strapi.documents(BLOG as never) as any).update({
            documentId: other.documentId,
            data: { journeyStage: 'retention' },
          });
        }
      },
    });
    try {
      await coverage();
      expect((await coverage()).counted).toBe(0);
      await (app.strapi.documents(BLOG as never) as any).create({
        data: { title: 'Hooked', journeyStage: 'awareness' },
      });
      const after = await coverage();
      expect(after.counted).toBe(1);
      expect(after.counts.stageTotals.advocacy).toBe(1);
      expect(after.counts).toEqual(await recount());

      // The draft of Post 2 moves to retention: seen in the view of all versions.
      const allVersions = async () => {
        const truth = await recountCoverage(app.strapi, BLOG, 'draft');
        return { stageTotals: truth.stageTotals, cells: truth.cells };
      };
      await coverage('blog-post', 'all');
      expect((await coverage('blog-post', 'all')).counted).toBe(0);
      await (app.strapi.documents(BLOG as never) as any).create({
        data: { title: 'Hooked again', journeyStage: 'awareness' },
      });
      const nested = await coverage('blog-post', 'all');
      expect(nested.counted).toBe(1);
      expect(nested.counts).toEqual(await allVersions());
    } finally {
      unsubscribe();
    }
  });

  it('counts every time with cacheTotals: false', async () => {
    app.strapi.config.set('plugin::journey.cacheTotals', false);
    try {
      expect((await coverage()).counted).toBe(1);
      expect((await coverage()).counted).toBe(1);
    } finally {
      app.strapi.config.set('plugin::journey.cacheTotals', true);
    }
  });
});
