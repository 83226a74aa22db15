import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * GET /journey/coverage/entry: the Content Manager edit view's coverage line. Its numbers must be
 * the coverage page's (published content of every tagged type, default locale unless asked), for
 * one stage and the entry's personas. Expected counts are worked out by hand in the comments.
 */
const STAGES = [
  { key: 'awareness', minimum: 2, excess: 3 },
  { key: 'consideration', minimum: 1 },
  { key: 'decision', minimum: 2 },
];
const CONFIG = { stages: STAGES, staleAfterDays: 30, contentTypes: ['api::article.article'] };
const BLOG = 'plugin::journey.blog-post';

let app: TestApp;
let token: string;
const ids = { owner: '', buyer: '', chef: '', planned: '' };
const http = () => request(app.strapi.server.httpServer);
const get = (url: string) => http().get(url).set('Authorization', `Bearer ${token}`);

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);

beforeAll(async () => {
  app = await bootStrapi({ pluginConfig: CONFIG });
  const { strapi } = app;
  ids.owner = (await createPersona(strapi, { name: 'Owner' })).documentId;
  ids.buyer = (await createPersona(strapi, { name: 'Buyer' })).documentId;
  ids.chef = (await createPersona(strapi, { name: 'Chef' })).documentId;
  ids.planned = (await createPersona(strapi, { name: 'Planned' }, { publish: false })).documentId;
  const { owner, buyer, planned } = ids;
  const now = new Date().toISOString();

  // awareness, published in English: b1 (owner, buyer), b2 (owner, stale), c1 (owner), l1 (no
  // persona), a1 (buyer, the configured article type), b5 (owner, also published in Danish).
  await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'b1' },
    stage: 'awareness',
    personas: [owner, buyer],
    publishedAt: now,
  });
  const b2 = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'b2' },
    stage: 'awareness',
    personas: [owner],
    publishedAt: now,
  });
  await strapi.db
    .query(BLOG as never)
    .updateMany({ where: { documentId: b2 }, data: { updatedAt: daysAgo(100) } });
  await createEntry(strapi, {
    uid: 'plugin::journey.cta',
    data: { label: 'c1', url: '/c1' },
    stage: 'awareness',
    personas: [owner],
    publishedAt: now,
  });
  await createEntry(strapi, {
    uid: 'plugin::journey.landing-page',
    data: { title: 'l1' },
    stage: 'awareness',
    publishedAt: now,
  });
  await createEntry(strapi, {
    uid: 'api::article.article',
    data: { title: 'a1' },
    stage: 'awareness',
    personas: [buyer],
    publishedAt: now,
  });
  await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'b5' },
    stage: 'awareness',
    personas: [owner],
    publishedAt: now,
    translations: { da: { title: 'b5 da' } },
  });
  // Drafts never count: f1 (owner) and c2 (the unpublished persona).
  await createEntry(strapi, {
    uid: 'plugin::journey.form',
    data: { name: 'f1' },
    stage: 'awareness',
    personas: [owner],
  });
  await createEntry(strapi, {
    uid: 'plugin::journey.cta',
    data: { label: 'c2', url: '/c2' },
    stage: 'awareness',
    personas: [planned],
  });
  // consideration: b6 (buyer), re-staged to decision in its draft only; decision: b3 (owner).
  const b6 = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'b6' },
    stage: 'consideration',
    personas: [buyer],
    publishedAt: now,
  });
  await strapi
    .documents(BLOG as never)
    .update({ documentId: b6, data: { journeyStage: 'decision' } } as never);
  await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'b3' },
    stage: 'decision',
    personas: [owner],
    publishedAt: now,
  });

  token = await adminToken(strapi);
});

afterAll(async () => {
  await app?.stop();
});

const persona = (key: 'owner' | 'buyer' | 'chef', name: string) => ({
  documentId: ids[key],
  slug: key,
  name,
});
const AWARENESS = { key: 'awareness', label: 'Awareness', order: 0, minimum: 2, excess: 3 };

describe('GET /journey/coverage/entry', () => {
  it('counts one stage for the given personas, in the order asked', async () => {
    const response = await get(
      `/journey/coverage/entry?stage=awareness&personas=${ids.owner},${ids.buyer},${ids.chef}`
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        stage: AWARENESS,
        locale: 'en',
        lines: [
          // b1, b2, c1, b5; b2 is stale. 4 reaches the excess level 3.
          { persona: persona('owner', 'Owner'), count: 4, stale: 1, minimum: 2, status: 'excess' },
          // b1 and the article a1.
          { persona: persona('buyer', 'Buyer'), count: 2, stale: 0, minimum: 2, status: 'ok' },
          { persona: persona('chef', 'Chef'), count: 0, stale: 0, minimum: 2, status: 'gap' },
        ],
      },
    });
  });

  it('keeps the order the personas were asked in', async () => {
    const { body } = await get(
      `/journey/coverage/entry?stage=awareness&personas=${ids.chef},${ids.owner},${ids.buyer}`
    );
    expect(
      body.data.lines.map((line: { persona: { slug: string }; count: number }) => [
        line.persona.slug,
        line.count,
      ])
    ).toEqual([
      ['chef', 0],
      ['owner', 4],
      ['buyer', 2],
    ]);
  });

  it('leaves out ids that are not a published persona', async () => {
    const { body } = await get(
      `/journey/coverage/entry?stage=awareness&personas=nobody,${ids.planned},${ids.buyer}`
    );
    expect(body.data.lines).toEqual([
      { persona: persona('buyer', 'Buyer'), count: 2, stale: 0, minimum: 2, status: 'ok' },
    ]);
  });

  // b1, b2, c1, l1, a1, b5: b1 once although it has two personas. A total is never "excess".
  const AWARENESS_TOTAL = { persona: null, count: 6, stale: 1, minimum: 2, status: 'ok' };
  it.each([
    ['without personas', () => ''],
    ['with an empty list', () => '&personas='],
    // A function: the persona ids exist only once beforeAll has run.
    ['when no id is a published persona', () => `&personas=nobody,${ids.planned}`],
  ])('gives the stage total %s', async (_, personas) => {
    const { status, body } = await get(`/journey/coverage/entry?stage=awareness${personas()}`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ stage: AWARENESS, locale: 'en', lines: [AWARENESS_TOTAL] });
  });

  it('counts the published versions and the asked locale', async () => {
    // b6 is published at consideration; its draft says decision. b3 is the only decision entry.
    const consideration = await get(
      `/journey/coverage/entry?stage=consideration&personas=${ids.buyer},${ids.owner}`
    );
    expect(
      consideration.body.data.lines.map((line: { count: number; status: string }) => [
        line.count,
        line.status,
      ])
    ).toEqual([
      [1, 'ok'],
      [0, 'gap'],
    ]);
    const decision = await get('/journey/coverage/entry?stage=decision');
    expect(decision.body.data.lines).toEqual([
      { persona: null, count: 1, stale: 0, minimum: 2, status: 'thin' },
    ]);
    // In Danish only b5 exists; its translation inherited the owner.
    const danish = await get(
      `/journey/coverage/entry?stage=awareness&locale=da&personas=${ids.owner}`
    );
    expect(danish.body.data).toMatchObject({
      locale: 'da',
      lines: [{ persona: persona('owner', 'Owner'), count: 1, stale: 0, status: 'thin' }],
    });
  });

  it('equals the matrix of GET /journey/coverage, cell by cell and total by total', async () => {
    const published = [ids.buyer, ids.chef, ids.owner];
    let compared = 0;
    for (const locale of ['en', 'da']) {
      const { data: matrix } = (await get(`/journey/coverage?locale=${locale}`)).body;
      for (const stage of STAGES) {
        const url = `/journey/coverage/entry?stage=${stage.key}&locale=${locale}`;
        const { lines } = (await get(`${url}&personas=${published.join(',')}`)).body.data;
        for (const line of lines) {
          const cell = matrix.cells.find(
            (c: { stage: string; persona: string }) =>
              c.stage === stage.key && c.persona === line.persona.slug
          );
          expect({
            stage: stage.key,
            persona: line.persona.slug,
            count: line.count,
            stale: line.stale,
            status: line.status,
          }).toEqual({
            stage: cell.stage,
            persona: cell.persona,
            count: cell.count,
            stale: cell.stale,
            status: cell.status,
          });
          compared += 1;
        }
        const [total] = (await get(url)).body.data.lines;
        const { count, stale, minimum, status } = matrix.stageTotals.find(
          (t: { stage: string }) => t.stage === stage.key
        );
        expect({ stage: stage.key, locale, ...total }).toEqual({
          stage: stage.key,
          locale,
          persona: null,
          count,
          stale,
          minimum,
          status,
        });
        compared += 1;
      }
    }
    // 2 locales x 3 stages x (3 personas + the total): nothing was skipped.
    expect(compared).toBe(24);
  });

  it('counts only the asked stage (and personas) in SQL', async () => {
    const statements: Array<{ sql: string; bindings: unknown[] }> = [];
    const watch = (query: { sql: string; bindings?: unknown[] }) =>
      statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
    app.strapi.db.connection.on('query', watch);
    // Counted every time: earlier tests asked for these lines, and kept counts run no SQL.
    app.strapi.config.set('plugin::journey.cacheTotals', false);
    try {
      await get(`/journey/coverage/entry?stage=decision&personas=${ids.owner}`);
      await get('/journey/coverage/entry?stage=decision');
    } finally {
      app.strapi.db.connection.off('query', watch);
      app.strapi.config.set('plugin::journey.cacheTotals', true);
    }
    const coverage = statements.filter(({ sql }) => /AS type_name/i.test(sql));
    expect(coverage).toHaveLength(2);
    const [forPersonas, forTotal] = coverage;
    // One grouped SELECT per tagged type (blog-post, landing-page, cta, form, article), each
    // filtered to the stage: per persona links only for the persona line, per stage for the total.
    const kinds = (bindings: unknown[]) =>
      bindings.filter((value) => value === 'cell' || value === 'stage');
    expect(kinds(forPersonas.bindings)).toEqual(['cell', 'cell', 'cell', 'cell', 'cell']);
    expect(kinds(forTotal.bindings)).toEqual(['stage', 'stage', 'stage', 'stage', 'stage']);
    for (const { bindings } of coverage) {
      expect(bindings.filter((value) => value === 'decision')).toHaveLength(5);
      expect(bindings).not.toContain('awareness');
      expect(bindings).not.toContain('consideration');
    }
  });

  it.each([
    [
      'stage=awarness',
      { path: ['stage'], value: 'awarness' },
      'Unknown journey stage "awarness". Valid stages: awareness, consideration, decision.',
    ],
    [
      'personas=x',
      { path: ['stage'] },
      '"stage" is required: a configured stage key (one of: awareness, consideration, decision).',
    ],
    [
      'stage=awareness&locale=xx',
      { path: ['locale'], value: 'xx' },
      'Unknown locale "xx". Available locales: en, da.',
    ],
    // Unknown parameters are reported on the query as a whole, as by the other endpoints.
    [
      'stage=awareness&type=cta',
      { path: [] },
      'Unknown parameter "type". Allowed parameters: stage, personas, locale.',
    ],
    [
      'stage=awareness&stage=decision',
      { path: ['stage'] },
      '"stage" was given more than once. Give it once, with several values separated by commas ' +
        '(stage=a,b).',
    ],
  ])("rejects %s with a 400 in Strapi's error shape", async (query, issue, message) => {
    const response = await get(`/journey/coverage/entry?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message,
        details: { errors: [{ ...issue, message, name: 'ValidationError' }] },
      },
    });
  });

  it('answers 401 without an admin token', async () => {
    const response = await http().get('/journey/coverage/entry?stage=awareness');
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError' });
  });

  it('answers 403 to an admin role without Read coverage, 200 once granted', async () => {
    const editor = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-editor' } });
    const editorToken = await adminToken(app.strapi, editor.id);
    const asEditor = () =>
      http()
        .get('/journey/coverage/entry?stage=awareness')
        .set('Authorization', `Bearer ${editorToken}`);
    const denied = await asEditor();
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
    await app.strapi
      .service('admin::role')
      .addPermissions(editor.id, [
        { action: 'plugin::journey.coverage.read', subject: null, properties: {}, conditions: [] },
      ]);
    const allowed = await asEditor();
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.lines).toEqual([AWARENESS_TOTAL]);
  });
});
