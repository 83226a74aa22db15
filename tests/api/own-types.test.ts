import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { createTestDatabase } from '../helpers/database';
import { createEntry, createPersona } from '../helpers/fixtures';
import { PLAYGROUND } from '../helpers/paths';
import { bootStrapi, restartStrapi, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';

const HOMEPAGE = {
  kind: 'singleType',
  collectionName: 'homepages',
  info: { singularName: 'homepage', pluralName: 'homepages', displayName: 'Homepage' },
  options: { draftAndPublish: false },
  attributes: { title: { type: 'string' } },
};
const LEGACY = {
  kind: 'collectionType',
  collectionName: 'legacies',
  info: { singularName: 'legacy', pluralName: 'legacies', displayName: 'Legacy' },
  options: { draftAndPublish: false },
  attributes: { title: { type: 'string' }, journeyStage: { type: 'string' } },
};

describe('tagging configured content types: startup errors', () => {
  it.each([
    [
      { contentTypes: ['api::homepage.homepage'] },
      'contentTypes[0] ("api::homepage.homepage"): only collection types can be tagged; this is a single type.',
    ],
    [
      { contentTypes: ['api::legacy.legacy'] },
      'contentTypes[0] ("api::legacy.legacy"): it already has an attribute named "journeyStage". Rename that attribute first.',
    ],
    [
      { contentTypes: ['api::article.article', 'api::nope.nope'] },
      'contentTypes[1] ("api::nope.nope"): no such content type.',
    ],
    [
      { contentTypes: [{ uid: 'api::article.article', name: 'blog-post' }] },
      'contentTypes[0] ("api::article.article"): the name "blog-post" is taken by plugin::journey.blog-post. Give it another with { uid, name }.',
    ],
  ])('%j refuses to start', async (pluginConfig, message) => {
    const boot = bootStrapi({
      pluginConfig,
      extraContentTypes: { homepage: HOMEPAGE, legacy: LEGACY },
    });
    boot.then(
      (app) => app.stop(),
      () => undefined
    );
    await expect(boot).rejects.toThrow(`Error regarding journey config: ${message}`);
  });
});

describe('tagging a type that already has content', () => {
  it('keeps existing rows intact, adds the fields, and serves the type everywhere', async () => {
    const database = await createTestDatabase();
    let app = await bootStrapi({ pluginConfig: { contentTypes: [] }, database });
    expect(
      (app.strapi.contentType(ARTICLE as never) as any).attributes.journeyStage
    ).toBeUndefined();
    const articles = () => app.strapi.documents(ARTICLE as never) as any;
    const published = await articles().create({
      data: { title: 'Existing and live', internalNotes: 'keep me' },
    });
    await articles().publish({ documentId: published.documentId });
    await articles().update({
      documentId: published.documentId,
      locale: 'da',
      data: { title: 'Eksisterende' },
    });
    const draft = await articles().create({ data: { title: 'Existing draft' } });
    const before = await app.strapi.db
      .connection('articles')
      .select('id', 'document_id', 'title', 'internal_notes', 'locale', 'published_at')
      .orderBy('id');
    await app.stop({ keepDatabase: true });

    app = await restartStrapi({ pluginConfig: { contentTypes: [ARTICLE] }, database });
    try {
      const after = await app.strapi.db
        .connection('articles')
        .select(
          'id',
          'document_id',
          'title',
          'internal_notes',
          'locale',
          'published_at',
          'journey_stage'
        )
        .orderBy('id');
      expect(after.map(({ journey_stage: _stage, ...row }: any) => row)).toEqual(before);
      expect(after.every((row: any) => row.journey_stage === null)).toBe(true);

      // Tag the existing draft.
      const owner = await createPersona(app.strapi, { name: 'Restaurant owner' });
      const retagged = await articles().update({
        documentId: draft.documentId,
        data: { journeyStage: 'awareness', personas: [owner.documentId] },
        populate: ['personas'],
      });
      expect([
        retagged.title,
        retagged.journeyStage,
        retagged.personas.map((p: any) => p.slug),
      ]).toEqual(['Existing draft', 'awareness', ['restaurant-owner']]);
      await expect(
        articles().update({ documentId: draft.documentId, data: { journeyStage: 'nope' } })
      ).rejects.toThrow(
        'Unknown journey stage "nope". Valid stages: awareness, consideration, decision, retention, advocacy.'
      );
      // The entry that was live before tagging gets a stage and a persona, and is re-published.
      await articles().update({
        documentId: published.documentId,
        data: { journeyStage: 'awareness', personas: [owner.documentId] },
      });
      await articles().publish({ documentId: published.documentId });
      const http = request(app.strapi.server.httpServer);

      const rest = await http.get(
        '/api/articles?filters[journeyStage][$eq]=awareness&filters[personas][slug][$eq]=restaurant-owner&populate=personas'
      );
      expect(rest.status).toBe(200);
      expect(
        rest.body.data.map((a: any) => [
          a.title,
          a.journeyStage,
          a.personas.map((p: any) => p.slug),
        ])
      ).toEqual([['Existing and live', 'awareness', ['restaurant-owner']]]);

      const content = await http.get(
        '/api/journey/content?type=article&stage=awareness&persona=restaurant-owner'
      );
      expect(content.body.data.map((a: any) => [a.type, a.title])).toEqual([
        ['article', 'Existing and live'],
      ]);

      const token = await adminToken(app.strapi);
      const coverage = await http
        .get('/journey/coverage?type=article')
        .set('Authorization', `Bearer ${token}`);
      expect(coverage.body.data.stageTotals[0]).toMatchObject({ stage: 'awareness', count: 1 });

      // The fields are in the Content Manager edit view.
      const configuration = await http
        .get(`/content-manager/content-types/${ARTICLE}/configuration`)
        .set('Authorization', `Bearer ${token}`);
      const editFields = configuration.body.data.contentType.layouts.edit
        .flat()
        .map((field: { name: string }) => field.name);
      expect(editFields).toEqual(expect.arrayContaining(['journeyStage', 'personas']));
    } finally {
      await app.stop();
    }
  });
});

const SHIPPED_KINDS = ['blog-post', 'landing-page', 'cta', 'form'].map(
  (name) => `plugin::journey.${name}`
);
const SHIPPED_TABLES = [
  'journey_blog_posts',
  'journey_landing_pages',
  'journey_ctas',
  'journey_forms',
  // The SEO component only the shipped kinds use.
  'components_journey_seos',
];
const isShippedTable = (table: string) =>
  SHIPPED_TABLES.some((shipped) => table === shipped || table.startsWith(`${shipped}_`));
/** Tables of the shipped kinds, link tables included, as the database lists them. */
const shippedTables = async (app: TestApp) =>
  ((await app.strapi.db.dialect.schemaInspector.getTables()) as string[])
    .filter(isShippedTable)
    .sort();

describe('builtInTypes: false', () => {
  it('leaves the shipped kinds out (unregistered, no tables, no API), keeps personas', async () => {
    const app = await bootStrapi({
      pluginConfig: { builtInTypes: false, contentTypes: [{ uid: ARTICLE, name: 'story' }] },
    });
    try {
      expect(app.strapi.contentTypes['plugin::journey.blog-post' as never]).toBeUndefined();
      expect(app.strapi.components['journey.seo' as never]).toBeUndefined();
      const ownTypes = Object.keys(app.strapi.contentTypes).filter((uid) =>
        uid.startsWith('plugin::journey.')
      );
      expect(ownTypes).toEqual(['plugin::journey.persona']);
      expect((app.strapi.contentType(ARTICLE as never) as any).attributes.journeyStage.type).toBe(
        'enumeration'
      );
      // A fresh database gets no table for them; the persona table is there.
      expect(await shippedTables(app)).toEqual([]);
      expect(await app.strapi.db.connection.schema.hasTable('journey_personas')).toBe(true);
      // The playground's demo preview has nothing to show: it makes no token.
      expect(
        await app.strapi.db
          .query('admin::api-token')
          .count({ where: { name: 'Journey demo preview' } })
      ).toBe(0);
      // Nor does the Content Manager list them.
      const token = await adminToken(app.strapi);
      const listed = await request(app.strapi.server.httpServer)
        .get('/content-manager/content-types')
        .set('Authorization', `Bearer ${token}`);
      expect(listed.status).toBe(200);
      const uids = listed.body.data.map((contentType: { uid: string }) => contentType.uid);
      expect(uids).toEqual(expect.arrayContaining(['plugin::journey.persona', ARTICLE]));
      expect(uids.filter((uid: string) => SHIPPED_KINDS.includes(uid))).toEqual([]);
      await createPersona(app.strapi, { name: 'B2B buyer' });
      await createEntry(app.strapi, {
        uid: ARTICLE,
        data: { title: 'A story' },
        stage: 'decision',
        publishedAt: new Date().toISOString(),
      });

      const http = request(app.strapi.server.httpServer);
      const content = await http.get('/api/journey/content');
      expect(content.body.data.map((item: any) => item.type)).toEqual(['story']);
      // Nor their core REST routes.
      expect((await http.get('/api/journey/blog-posts')).status).toBe(404);
      expect((await http.get('/api/journey/ctas')).status).toBe(404);
      const openapi = await http.get('/api/journey/openapi.json');
      expect(Object.keys(openapi.body.paths).sort()).toEqual([
        '/content',
        '/content/next',
        '/coverage',
        '/events',
        '/personas',
        '/preview',
        '/stages',
      ]);
      // Form submissions go with the form type: no form can accept one.
      const submission = await http
        .post('/api/journey/forms/anything/submissions')
        .send({ data: { email: 'a@b.dk' } });
      expect(submission.status).toBe(404);
      expect(submission.body.error.message).toContain('builtInTypes');
      const wrongType = await http.get('/api/journey/content?type=blog-post');
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.error.message).toBe('Unknown type "blog-post". Valid types: story.');
      expect((await http.get('/api/journey/personas')).body.data.map((p: any) => p.slug)).toEqual([
        'b2b-buyer',
      ]);
    } finally {
      await app.stop();
    }
  });
});

describe('builtInTypes switched off and on again', () => {
  it("keeps the shipped kinds' tables and content meanwhile", async () => {
    const database = await createTestDatabase();
    let app = await bootStrapi({ database });
    const BLOG = 'plugin::journey.blog-post';
    const image = path.join(PLAYGROUND, 'src', 'seed', 'images', 'share.png');
    const [cover] = await app.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: 'cover.png' } },
        files: {
          filepath: image,
          originalFilename: 'cover.png',
          mimetype: 'image/png',
          size: fs.statSync(image).size,
        },
      });
    const documentId = await createEntry(app.strapi, {
      uid: BLOG,
      data: { title: 'Kept', cover: cover.id, seo: { metaTitle: 'Kept SEO' } },
      stage: 'awareness',
      publishedAt: new Date().toISOString(),
    });
    const landingPage = await createEntry(app.strapi, {
      uid: 'plugin::journey.landing-page',
      data: { title: 'Target' },
      publishedAt: new Date().toISOString(),
    });
    const cta = await createEntry(app.strapi, {
      uid: 'plugin::journey.cta',
      data: { label: 'Go', url: '/target', landingPage },
      publishedAt: new Date().toISOString(),
    });
    const tablesWithContent = await shippedTables(app);
    expect(tablesWithContent).toEqual(
      [
        ...['journey_blog_posts', 'journey_landing_pages', 'journey_ctas', 'journey_forms'].map(
          (table) => `${table}_personas_lnk`
        ),
        ...SHIPPED_TABLES,
        'journey_blog_posts_cmps',
        'journey_landing_pages_cmps',
        'journey_ctas_form_lnk',
        'journey_ctas_landing_page_lnk',
      ].sort()
    );
    const rows = async () =>
      (await app.strapi.db
        .connection('journey_blog_posts')
        .select('document_id', 'title')
        .orderBy('id')) as unknown[];
    const rowsBefore = await rows();
    expect(rowsBefore).toEqual([
      { document_id: documentId, title: 'Kept' },
      { document_id: documentId, title: 'Kept' },
    ]);
    await app.stop({ keepDatabase: true });

    app = await restartStrapi({ pluginConfig: { builtInTypes: false }, database });
    try {
      expect(app.strapi.contentTypes[BLOG as never]).toBeUndefined();
      // Unregistered, yet not dropped by Strapi's schema sync: tables and rows are as they were.
      expect(await shippedTables(app)).toEqual(tablesWithContent);
      expect(await rows()).toEqual(rowsBefore);
    } finally {
      await app.stop({ keepDatabase: true });
    }

    app = await restartStrapi({ database });
    try {
      const published = await app.strapi
        .documents(BLOG as never)
        .findOne({ documentId, status: 'published' } as never);
      expect(published).toMatchObject({ documentId, title: 'Kept', journeyStage: 'awareness' });
      // The SEO component and the CTA's link came through too. The cover did not: image links
      // live in the upload plugin's files_related_mph, whose rows of types that are gone Strapi's
      // schema repair deletes (the README says so under `builtInTypes`).
      const withSeo = await app.strapi
        .documents(BLOG as never)
        .findOne({ documentId, status: 'published', populate: ['seo', 'cover'] } as never);
      expect((withSeo as any).seo).toMatchObject({ metaTitle: 'Kept SEO' });
      expect((withSeo as any).cover).toBeNull();
      const linked = await app.strapi
        .documents('plugin::journey.cta' as never)
        .findOne({ documentId: cta, status: 'published', populate: ['landingPage'] } as never);
      expect((linked as any).landingPage).toMatchObject({ documentId: landingPage });
    } finally {
      await app.stop();
    }
  });
});

describe('GET /journey/editor', () => {
  it('gives any logged-in admin the stage guidance and tagged types', async () => {
    const app = await bootStrapi();
    try {
      const http = request(app.strapi.server.httpServer);
      expect((await http.get('/journey/editor')).status).toBe(401);
      const editor = await app.strapi.db
        .query('admin::role')
        .findOne({ where: { code: 'strapi-editor' } });
      const token = await adminToken(app.strapi, editor.id);
      const response = await http.get('/journey/editor').set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(response.body.data.stages.map((s: any) => s.key)).toEqual([
        'awareness',
        'consideration',
        'decision',
        'retention',
        'advocacy',
      ]);
      expect(response.body.data.stages[0]).toMatchObject({
        label: 'Awareness',
        minimum: 3,
        excess: null,
        order: 0,
      });
      expect(response.body.data.stages[0].questions.length).toBeGreaterThan(0);
      expect(response.body.data.types).toEqual([
        { name: 'blog-post', uid: 'plugin::journey.blog-post', displayName: 'Blog post' },
        { name: 'landing-page', uid: 'plugin::journey.landing-page', displayName: 'Landing page' },
        { name: 'cta', uid: 'plugin::journey.cta', displayName: 'Call to action' },
        { name: 'form', uid: 'plugin::journey.form', displayName: 'Form' },
        { name: 'article', uid: 'api::article.article', displayName: 'Article' },
      ]);
    } finally {
      await app.stop();
    }
  });
});
