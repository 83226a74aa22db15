import request from 'supertest';
import type { RecountReport } from '../../shared/contracts';
import { adminToken } from '../helpers/admin';
import { TEST_ENGINE, writeFromOutside } from '../helpers/database';
import { createEntry, createPersona } from '../helpers/fixtures';
import { coverageAsCounts, recountCoverage } from '../helpers/recount';
import { bootStrapi, restartStrapi, type TestApp } from '../helpers/strapi';
import {
  compactTableChanges,
  readTableVersions,
  startTableChanges,
  stopTableChanges,
  watchedTables,
} from '../../server/src/caching/table-changes';
import { getService } from '../../server/src/utils/get-service';

/**
 * The reconcile step (issue #15): `POST /journey/coverage/recount`, the same at startup and
 * nightly. Coverage counts are cached per version of their tables, kept by triggers
 * (server/src/caching/table-changes.ts); the only way they can drift is a table whose tracking
 * went missing, so these tests take a trigger away, write past it from outside, and see the stale
 * count served, then found, corrected and the tracking put back.
 */
const BLOG = 'plugin::journey.blog-post';
const RECOUNT_URL = '/journey/coverage/recount';
let app: TestApp;
let token: string;
let owner: string;
const statements: string[] = [];
const countingStatements = () => statements.filter((sql) => /AS type_name/i.test(sql)).length;

const http = () => request(app.strapi.server.httpServer);

const coverage = async () => {
  statements.length = 0;
  const response = await http()
    .get('/journey/coverage?type=blog-post')
    .set('Authorization', `Bearer ${token}`);
  expect(response.status).toBe(200);
  return { counts: coverageAsCounts(response.body.data), counted: countingStatements() };
};

const recountFromDocuments = async () => {
  const { stageTotals, cells } = await recountCoverage(app.strapi, BLOG, 'published');
  return { stageTotals, cells };
};

const postRecount = async (): Promise<RecountReport> => {
  const response = await http().post(RECOUNT_URL).set('Authorization', `Bearer ${token}`);
  expect(response.status).toBe(200);
  return response.body.data;
};

const blogTable = () => app.strapi.db.metadata.get(BLOG).tableName;

/** Takes the blog post table's change tracking away, as a restore from a dump without it would. */
const dropBlogTracking = async (table = blogTable()) => {
  const statementsToRun =
    TEST_ENGINE === 'postgres'
      ? [`DROP TRIGGER journey_table_change ON ${table}`]
      : ['insert', 'update', 'delete'].map(
          (operation) => `DROP TRIGGER journey_change_${operation}_${table}`
        );
  for (const sql of statementsToRun) await writeFromOutside(app.database, sql, []);
};

const publishedPost = async (title: string, stage: string, personas: string[]) =>
  createEntry(app.strapi, {
    uid: BLOG,
    data: { title },
    stage,
    personas,
    publishedAt: new Date().toISOString(),
  });

beforeAll(async () => {
  app = await bootStrapi();
  token = await adminToken(app.strapi);
  owner = (await createPersona(app.strapi, { name: 'Recount owner' })).documentId;
  await publishedPost('Aware 1', 'awareness', [owner]);
  await publishedPost('Aware 2', 'awareness', []);
  await publishedPost('Decide 1', 'decision', [owner]);
  app.strapi.db.connection.on('query', (query: { sql: string }) => statements.push(query.sql));
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /journey/coverage/recount', () => {
  it('finds nothing to correct after writes the tracking saw, and says what it counted', async () => {
    await coverage();
    await publishedPost('Aware 3', 'awareness', [owner]);
    const fresh = await coverage();
    expect(fresh.counted).toBe(1);
    // A content list page that is full keeps its total: the recount lets it go.
    const list = await http().get('/api/journey/content?type=blog-post&pageSize=1');
    expect(list.status).toBe(200);

    const report = await postRecount();
    expect(report).toMatchObject({ repairedTables: [], corrected: 0, corrections: [] });
    expect(report.checked).toBeGreaterThanOrEqual(1);
    expect(report.totalsForgotten).toBeGreaterThanOrEqual(1);
    expect(report.counted).toContainEqual({ type: 'blog-post', locale: 'en', status: 'published' });
    // The recount is kept: the next matrix is served without counting, and is exact.
    const after = await coverage();
    expect(after).toEqual({ counts: fresh.counts, counted: 0 });
    expect(after.counts).toEqual(await recountFromDocuments());
  });

  it('repairs missing change tracking and corrects the counts that drifted past it', async () => {
    const before = await coverage();
    expect(before.counts.stageTotals.awareness).toBe(3);
    await dropBlogTracking();
    // From outside, past the missing trigger: an awareness post moves to decision.
    const moved = await writeFromOutside(
      app.database,
      `UPDATE ${blogTable()} SET journey_stage = $1 WHERE title = $2`,
      ['decision', 'Aware 2']
    );
    expect(moved).toBe(2);
    // The premise: without tracking, the kept (now wrong) counts are what is served.
    const stale = await coverage();
    expect(stale).toEqual({ counts: before.counts, counted: 0 });
    const truth = await recountFromDocuments();
    expect(truth.stageTotals).toMatchObject({ awareness: 2, decision: 2 });

    const report = await postRecount();
    expect(report.repairedTables).toEqual([blogTable()]);
    expect(report.corrected).toBeGreaterThanOrEqual(2);
    expect(report.corrections).toEqual(
      expect.arrayContaining([
        {
          type: 'blog-post',
          locale: 'en',
          status: 'published',
          kind: 'stage',
          stage: 'awareness',
          persona: null,
          served: 3,
          counted: 2,
        },
        {
          type: 'blog-post',
          locale: 'en',
          status: 'published',
          kind: 'stage',
          stage: 'decision',
          persona: null,
          served: 1,
          counted: 2,
        },
      ])
    );
    expect((await coverage()).counts).toEqual(truth);

    // Tracking is back: the next write from outside is seen and counted.
    await writeFromOutside(
      app.database,
      `UPDATE ${blogTable()} SET journey_stage = $1 WHERE title = $2`,
      ['retention', 'Decide 1']
    );
    const tracked = await coverage();
    expect(tracked.counted).toBe(1);
    expect(tracked.counts).toEqual(await recountFromDocuments());
    expect(tracked.counts.stageTotals).toMatchObject({ retention: 1 });
    // And a recount now has nothing to correct.
    expect(await postRecount()).toMatchObject({ repairedTables: [], corrected: 0 });
  });

  it('is for super admins only: another role holding coverage.read gets a 403 saying so', async () => {
    const editor = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-editor' } });
    await app.strapi
      .service('admin::role')
      .addPermissions(editor.id, [
        { action: 'plugin::journey.coverage.read', subject: null, properties: {}, conditions: [] },
      ]);
    const editorToken = await adminToken(app.strapi, editor.id);
    const read = await http()
      .get('/journey/coverage')
      .set('Authorization', `Bearer ${editorToken}`);
    expect(read.status).toBe(200);
    const denied = await http().post(RECOUNT_URL).set('Authorization', `Bearer ${editorToken}`);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({
      status: 403,
      name: 'PolicyError',
      message: 'Only a super admin can recount the journey counts.',
    });
    expect((await http().post(RECOUNT_URL)).status).toBe(401);
  });

  it('takes no parameters', async () => {
    const response = await http()
      .post(`${RECOUNT_URL}?type=blog-post`)
      .set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('This endpoint takes no parameters; got "type".');
  });

  it('runs nightly as a Strapi cron job', () => {
    const job = app.strapi.cron.jobs.find(
      (candidate: { name: string | null }) => candidate.name === 'journey-counts-reconcile'
    );
    expect(job).toBeDefined();
  });
});

describe('change rows', () => {
  it('folding them keeps every version and leaves one row per table (PostgreSQL appends one per writing statement)', async () => {
    const { types } = getService(app.strapi, 'tagging');
    const tables = watchedTables(app.strapi, types);
    const versions = () =>
      readTableVersions(
        app.strapi,
        tables.map((table) => [table])
      );
    const tablesWithSeveralRows = async () =>
      (
        (await app.strapi.db
          .connection('journey_table_changes')
          .select('table_name')
          .count({ rows: '*' })
          .groupBy('table_name')) as Array<{ table_name: string; rows: number | string }>
      ).filter(({ rows }) => Number(rows) > 1).length;
    // The fold every few seconds stops, so what the writes append stays until folded here.
    stopTableChanges(app.strapi);
    try {
      for (const title of ['Fold 1', 'Fold 2', 'Fold 3'])
        await publishedPost(title, 'awareness', [owner]);
      const before = await versions();
      const appended = await tablesWithSeveralRows();
      await compactTableChanges(app.strapi);
      expect({
        appended: TEST_ENGINE === 'postgres' ? appended > 0 : appended === 0,
        versions: await versions(),
        tablesWithSeveralRows: await tablesWithSeveralRows(),
      }).toEqual({ appended: true, versions: before, tablesWithSeveralRows: 0 });
    } finally {
      await startTableChanges(app.strapi, types);
    }
  });
});

describe('at startup', () => {
  it('installs tracking and counts a database that has entries but none (an upgrade)', async () => {
    const database = app.database;
    const table = blogTable();
    const expected = await recountFromDocuments();
    await app.stop({ keepDatabase: true });
    // What an install from before change tracking looks like: no change table, no triggers.
    await dropBlogTracking(table);
    await writeFromOutside(database, 'DROP TABLE journey_table_changes', []);

    app = await restartStrapi({ database });
    token = await adminToken(app.strapi);
    statements.length = 0;
    app.strapi.db.connection.on('query', (query: { sql: string }) => statements.push(query.sql));
    // Counted during startup: the first matrix is served from the kept counts, and exact.
    const first = await coverage();
    expect(first).toEqual({ counts: expected, counted: 0 });
    // Tracking is in place: a write is seen.
    await publishedPost('After upgrade', 'advocacy', [owner]);
    const next = await coverage();
    expect(next.counted).toBe(1);
    expect(next.counts.stageTotals).toMatchObject({ advocacy: 1 });
    expect(next.counts).toEqual(await recountFromDocuments());
  });
});
