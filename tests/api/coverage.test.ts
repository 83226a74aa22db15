import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Fixtures are created while a stage "retired" is configured, then Strapi restarts without it, so
 * the suite also covers config drift. Expected counts are worked out by hand in the comments.
 */
const STAGES = [
  { key: 'awareness', minimum: 2, excess: 4 },
  { key: 'consideration', minimum: 1 },
  { key: 'decision', minimum: 3 },
];
const CONFIG = { stages: STAGES, staleAfterDays: 30, contentTypes: ['api::article.article'] };

let app: TestApp;
let token: string;
const http = () => request(app.strapi.server.httpServer);
const get = (url: string) => http().get(url).set('Authorization', `Bearer ${token}`);

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);

beforeAll(async () => {
  const first = await bootStrapi({
    pluginConfig: { ...CONFIG, stages: [...STAGES, { key: 'retired' }] },
  });
  const { strapi } = first;
  const owner = (await createPersona(strapi, { name: 'Owner' })).documentId;
  const buyer = (await createPersona(strapi, { name: 'Buyer' })).documentId;
  const planned = (
    await createPersona(strapi, { name: 'Planned', slug: 'planned' }, { publish: false })
  ).documentId;
  const now = new Date().toISOString();
  const BLOG = 'plugin::journey.blog-post';

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
    uid: 'plugin::journey.form',
    data: { name: 'f1' },
    stage: 'consideration',
    personas: [buyer],
  });
  const b3 = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'b3' },
    stage: 'decision',
    personas: [owner],
    publishedAt: now,
  });
  // Re-staged in its draft only: published still says decision, the latest version consideration.
  await strapi
    .documents(BLOG as never)
    .update({ documentId: b3, data: { journeyStage: 'consideration' } } as never);
  await createEntry(strapi, {
    uid: 'api::article.article',
    data: { title: 'a1' },
    stage: 'retired',
    personas: [owner],
    publishedAt: now,
  });
  await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'b4' },
    stage: null,
    personas: [owner],
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
  await createEntry(strapi, {
    uid: 'plugin::journey.cta',
    data: { label: 'c2', url: '/c2' },
    stage: 'awareness',
    personas: [planned],
  });
  await first.stop({ keepDatabase: true });

  app = await bootStrapi({ pluginConfig: CONFIG, database: first.database });
  token = await adminToken(app.strapi);
});

afterAll(async () => {
  await app?.stop();
});

const cellsOf = (data: any) =>
  Object.fromEntries(
    data.cells.map((c: any) => [`${c.stage}/${c.persona}`, [c.count, c.stale, c.status]])
  );
const totalsOf = (data: any) =>
  Object.fromEntries(data.stageTotals.map((t: any) => [t.stage, [t.count, t.stale, t.status]]));

describe('GET /journey/coverage', () => {
  it('counts published documents per stage x persona (default filters)', async () => {
    const response = await get('/journey/coverage');
    expect(response.status).toBe(200);
    const { data } = response.body;
    expect(data.stages).toEqual([
      { key: 'awareness', label: 'Awareness', order: 0, minimum: 2, excess: 4 },
      { key: 'consideration', label: 'Consideration', order: 1, minimum: 1, excess: null },
      { key: 'decision', label: 'Decision', order: 2, minimum: 3, excess: null },
    ]);
    expect(data.personas.map((p: any) => p.slug)).toEqual(['buyer', 'owner', 'planned']);
    expect(cellsOf(data)).toEqual({
      // b1 (two personas) counts for buyer and owner; owner also has b2 (stale), c1, b5.
      'awareness/buyer': [1, 0, 'thin'],
      'awareness/owner': [4, 1, 'excess'],
      'awareness/planned': [0, 0, 'gap'],
      // f1 is a draft; b3's published version is still at decision.
      'consideration/buyer': [0, 0, 'gap'],
      'consideration/owner': [0, 0, 'gap'],
      'consideration/planned': [0, 0, 'gap'],
      'decision/buyer': [0, 0, 'gap'],
      'decision/owner': [1, 0, 'thin'],
      'decision/planned': [0, 0, 'gap'],
    });
    // b1 once in its stage total although it has two personas: b1, b2, c1, l1, b5.
    expect(totalsOf(data)).toEqual({
      awareness: [5, 1, 'ok'],
      consideration: [0, 0, 'gap'],
      decision: [1, 0, 'thin'],
    });
    expect(data.stageTotals[0]).toEqual({
      stage: 'awareness',
      count: 5,
      stale: 1,
      minimum: 2,
      status: 'ok',
    });
    expect(data.untagged).toEqual([
      { stage: 'awareness', count: 1, stale: 0 },
      { stage: 'consideration', count: 0, stale: 0 },
      { stage: 'decision', count: 0, stale: 0 },
    ]);
    expect(data.noStage).toEqual({ count: 1, stale: 0 });
    // The article at the removed stage is kept and shown, not lost.
    expect(data.unknown).toEqual([{ stage: 'retired', count: 1, stale: 0 }]);
    expect(data.filters).toEqual({
      types: ['blog-post', 'landing-page', 'cta', 'form', 'article'],
      locale: 'en',
      status: 'published',
      fresh: false,
      staleAfterDays: 30,
    });
  });

  it('counts only fresh content when asked, still reporting stale', async () => {
    const { data } = (await get('/journey/coverage?fresh=true')).body;
    expect(cellsOf(data)['awareness/owner']).toEqual([3, 1, 'ok']);
    expect(totalsOf(data).awareness).toEqual([4, 1, 'ok']);
  });

  it('counts never-published documents with status=draft', async () => {
    const { data } = (await get('/journey/coverage?status=draft')).body;
    expect(totalsOf(data)).toEqual({
      awareness: [1, 0, 'thin'],
      consideration: [1, 0, 'ok'],
      decision: [0, 0, 'gap'],
    });
    expect(cellsOf(data)['awareness/planned']).toEqual([1, 0, 'thin']);
    expect(cellsOf(data)['consideration/buyer']).toEqual([1, 0, 'ok']);
    expect(data.noStage).toEqual({ count: 0, stale: 0 });
    expect(data.unknown).toEqual([]);
  });

  it('counts every document at its latest version with status=all', async () => {
    const { data } = (await get('/journey/coverage?status=all')).body;
    // awareness: b1, b2, c1, l1, b5, c2; consideration: f1 and b3 (re-staged draft).
    expect(totalsOf(data)).toEqual({
      awareness: [6, 1, 'ok'],
      consideration: [2, 0, 'ok'],
      decision: [0, 0, 'gap'],
    });
    expect(cellsOf(data)['consideration/owner']).toEqual([1, 0, 'ok']);
    expect(data.noStage).toEqual({ count: 1, stale: 0 });
    expect(data.unknown).toEqual([{ stage: 'retired', count: 1, stale: 0 }]);
  });

  it('counts each locale for itself', async () => {
    const { data } = (await get('/journey/coverage?locale=da')).body;
    expect(totalsOf(data)).toEqual({
      awareness: [1, 0, 'thin'],
      consideration: [0, 0, 'gap'],
      decision: [0, 0, 'gap'],
    });
    expect(cellsOf(data)['awareness/owner']).toEqual([1, 0, 'thin']);
    // The article type is localized too, but has no Danish version.
    expect(data.unknown).toEqual([]);
  });

  it('limits to chosen types', async () => {
    const { data } = (await get('/journey/coverage?type=cta,landing-page')).body;
    expect(totalsOf(data).awareness).toEqual([2, 0, 'ok']);
    expect(cellsOf(data)['awareness/owner']).toEqual([1, 0, 'thin']);
    expect(data.untagged[0]).toEqual({ stage: 'awareness', count: 1, stale: 0 });
    expect(data.filters.types).toEqual(['cta', 'landing-page']);
  });

  it.each([
    ['status=live', 'status', '"status" must be one of: published, draft, all; got "live".'],
    ['fresh=yes', 'fresh', '"fresh" must be one of: true, false; got "yes".'],
    [
      'type=blog',
      'type',
      'Unknown type "blog". Valid types: blog-post, landing-page, cta, form, article.',
    ],
    ['locale=xx', 'locale', 'Unknown locale "xx". Available locales: en, da.'],
    [
      'status=draft&status=all',
      'status',
      '"status" was given more than once. Give it once, with several values separated by commas (status=a,b).',
    ],
  ])('rejects %s with a 400', async (query, parameter, message) => {
    const response = await get(`/journey/coverage?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      status: 400,
      name: 'ValidationError',
      message,
      details: { errors: [{ path: [parameter] }] },
    });
  });

  it('rejects unknown parameters, naming the allowed ones', async () => {
    const response = await get('/journey/coverage?stage=awareness');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'Unknown parameter "stage". Allowed parameters: type, locale, status, fresh.'
    );
  });
});

describe('GET /journey/coverage/export', () => {
  it('downloads the matrix as CSV', async () => {
    const response = await get('/journey/coverage/export?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="journey-coverage-en-\d{4}-\d{2}-\d{2}\.csv"$/
    );
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe('stage,stageLabel,persona,personaName,count,stale,minimum,status');
    expect(lines).toContain('awareness,Awareness,owner,Owner,4,1,2,excess');
    expect(lines).toContain('awareness,Awareness,(no persona),,1,0,,');
    expect(lines).toContain('awareness,Awareness,(all personas),,5,1,2,ok');
    expect(lines).toContain('(no stage),,(all personas),,1,0,,');
    expect(lines).toContain('retired,(not configured),(all personas),,1,0,,');
    expect(lines).toHaveLength(1 + 3 * (3 + 2) + 1 + 1);
  });

  it('downloads JSON equal to the API answer', async () => {
    const exported = await get('/journey/coverage/export?format=json&status=all');
    expect(exported.status).toBe(200);
    const live = await get('/journey/coverage?status=all');
    expect(JSON.parse(exported.text)).toEqual(live.body);
  });

  it('rejects an unknown format', async () => {
    const response = await get('/journey/coverage/export?format=xlsx');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('"format" must be one of: csv, json; got "xlsx".');
  });
});

describe('GET /journey/coverage/options', () => {
  it('offers the tagged types and the locales', async () => {
    const response = await get('/journey/coverage/options');
    expect(response.body).toEqual({
      data: {
        types: [
          { name: 'blog-post', uid: 'plugin::journey.blog-post', displayName: 'Blog post' },
          {
            name: 'landing-page',
            uid: 'plugin::journey.landing-page',
            displayName: 'Landing page',
          },
          { name: 'cta', uid: 'plugin::journey.cta', displayName: 'Call to action' },
          { name: 'form', uid: 'plugin::journey.form', displayName: 'Form' },
          { name: 'article', uid: 'api::article.article', displayName: 'Article' },
        ],
        locales: [
          { code: 'en', name: 'English (en)', isDefault: true },
          { code: 'da', name: 'Danish (da)', isDefault: false },
        ],
      },
    });
  });
});

describe('who may read coverage', () => {
  it('registers the RBAC action shown in Settings > Roles', () => {
    const action = app.strapi
      .service('admin::permission')
      .actionProvider.get('plugin::journey.coverage.read');
    expect(action).toMatchObject({
      section: 'plugins',
      displayName: 'Read coverage',
      pluginName: 'journey',
    });
  });

  it.each(['/journey/coverage', '/journey/coverage/export', '/journey/coverage/options'])(
    '%s: 401 without an admin token',
    async (url) => {
      const response = await http().get(url);
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError' });
    }
  );

  it('403 for an admin role without the action, 200 once granted', async () => {
    const editor = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-editor' } });
    const editorToken = await adminToken(app.strapi, editor.id);
    for (const url of [
      '/journey/coverage',
      '/journey/coverage/export',
      '/journey/coverage/options',
    ]) {
      const denied = await http().get(url).set('Authorization', `Bearer ${editorToken}`);
      expect({ url, status: denied.status }).toEqual({ url, status: 403 });
    }
    await app.strapi
      .service('admin::role')
      .addPermissions(editor.id, [
        { action: 'plugin::journey.coverage.read', subject: null, properties: {}, conditions: [] },
      ]);
    const allowed = await http()
      .get('/journey/coverage')
      .set('Authorization', `Bearer ${editorToken}`);
    expect(allowed.status).toBe(200);
  });

  it('is on the content API for API tokens that hold coverage.find, and no role by default', async () => {
    expect((await http().get('/api/journey/coverage')).status).toBe(403);
    const tokens = app.strapi.service('admin::api-token');
    const contentOnly = await tokens.create({
      name: 'frontend',
      type: 'custom',
      lifespan: null,
      permissions: ['plugin::journey.content.find'],
    });
    const dashboard = await tokens.create({
      name: 'dashboard',
      type: 'custom',
      lifespan: null,
      permissions: ['plugin::journey.coverage.find'],
    });

    const asContent = (url: string) =>
      http().get(url).set('Authorization', `Bearer ${contentOnly.accessKey}`);
    expect((await asContent('/api/journey/content')).status).toBe(200);
    expect((await asContent('/api/journey/coverage')).status).toBe(403);

    const response = await http()
      .get('/api/journey/coverage?fresh=true')
      .set('Authorization', `Bearer ${dashboard.accessKey}`);
    expect(response.status).toBe(200);
    expect(totalsOf(response.body.data).awareness).toEqual([4, 1, 'ok']);
  });
});

describe('config drift and renames', () => {
  it('rejects the removed stage on the content API with a clear 400', async () => {
    const response = await http().get('/api/journey/content?stage=retired');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'Unknown journey stage "retired". Valid stages: awareness, consideration, decision.'
    );
  });

  it("keeps a renamed persona's slug and links", async () => {
    const personas = app.strapi.documents('plugin::journey.persona' as never) as any;
    const owner = await personas.findFirst({ filters: { slug: 'owner' } });
    const before = cellsOf((await get('/journey/coverage?status=all')).body.data);
    await personas.update({ documentId: owner.documentId, data: { name: 'Restaurant owner' } });
    await personas.publish({ documentId: owner.documentId });

    const { data } = (await get('/journey/coverage?status=all')).body;
    expect(data.personas.find((p: any) => p.documentId === owner.documentId)).toEqual({
      documentId: owner.documentId,
      slug: 'owner',
      name: 'Restaurant owner',
    });
    expect(cellsOf(data)).toEqual(before);
    const content = await http().get('/api/journey/content?persona=owner&type=blog-post');
    expect(content.body.data.length).toBeGreaterThan(0);
    for (const item of content.body.data) {
      expect(item.personas).toContainEqual({ slug: 'owner', name: 'Restaurant owner' });
    }
  });
});
