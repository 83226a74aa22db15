import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { createEntry, createImage } from '../helpers/fixtures';
import { bootStrapi, restartStrapi, type TestApp } from '../helpers/strapi';
import { GRANT_LIFETIME_MS, signGrant } from '../../playground/src/preview';

/**
 * Strapi's Preview against the demo site (playground/config/admin.ts, playground/src/preview.ts):
 * the Content Manager's preview URL is signed only for admins who may read the type, and the demo's
 * preview route reads exactly the granted document, locale and status with the server's own token.
 */
let app: TestApp;
const http = () => request(app.strapi.server.httpServer);

const BLOG_POST = 'plugin::journey.blog-post';
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const previewUrl = (uid: string, query: Record<string, string>, token = tokens.superAdmin) =>
  http()
    .get(`/content-manager/preview/url/${uid}`)
    .query(query)
    .set('Authorization', `Bearer ${token}`);

/** The grant in a preview URL the handler answered. */
const grantOf = (url: string) => {
  const match = /^\/demo\/#\/preview\?grant=([\w-]+\.[\w-]+)$/.exec(url);
  if (!match) throw new Error(`not a demo preview URL: ${url}`);
  return match[1];
};

const openPreview = async (query: Record<string, string>, uid = BLOG_POST) => {
  const response = await previewUrl(uid, query).expect(200);
  return http()
    .get('/api/demo-preview')
    .query({ grant: grantOf(response.body.data.url) });
};

const boot = async (database?: TestApp['database']) => {
  app = database ? await restartStrapi({ database }) : await bootStrapi();
  tokens.superAdmin = await adminToken(app.strapi);
};

beforeAll(async () => {
  await boot();
  const { strapi } = app;
  const cover = await createImage(strapi, 'preview-cover.png');
  ids.unpublished = await createEntry(strapi, {
    uid: BLOG_POST,
    data: { title: 'Never published yet', body: 'Draft body', cover },
    stage: 'awareness',
  });
  // Published, then edited: the draft and the published version differ, in two locales.
  ids.edited = await createEntry(strapi, {
    uid: BLOG_POST,
    data: { title: 'Live title' },
    stage: 'consideration',
    translations: { da: { title: 'Levende titel' } },
    publishedAt: '2026-01-01T10:00:00.000Z',
  });
  await strapi.documents(BLOG_POST).update({
    documentId: ids.edited,
    locale: 'da',
    data: { title: 'Ny dansk kladde' },
  } as never);
  ids.landing = await createEntry(strapi, {
    uid: 'plugin::journey.landing-page',
    data: { title: 'Landing draft', headline: 'Try it' },
    stage: 'decision',
  });
  ids.cta = await createEntry(strapi, {
    uid: 'plugin::journey.cta',
    data: { label: 'Start' },
    stage: 'decision',
  });
  // An admin whose role may not read blog posts in the Content Manager.
  const role = await strapi
    .service('admin::role')
    .create({ name: 'No blog posts', description: 'Reads nothing' });
  tokens.noRead = await adminToken(strapi, role.id);
}, 120000);

afterAll(async () => {
  await app?.stop();
});

describe('the preview URL (Content Manager > Open preview)', () => {
  it('signs a demo URL for a blog post draft and the page reads that draft, image populated', async () => {
    const response = await openPreview({ documentId: ids.unpublished, locale: 'en' });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      documentId: ids.unpublished,
      title: 'Never published yet',
      body: 'Draft body',
      journeyStage: 'awareness',
      locale: 'en',
      cover: { name: 'preview-cover.png', url: '/uploads/preview-cover.png' },
    });
    expect(response.body.data.publishedAt).toBeNull();
    expect(response.body.meta).toMatchObject({ type: 'blog-post', status: 'draft' });
    const expiresIn = Date.parse(response.body.meta.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(GRANT_LIFETIME_MS - 60000);
    expect(expiresIn).toBeLessThanOrEqual(GRANT_LIFETIME_MS);
  });

  it('reads the status and locale it was opened on: draft edits, published versions, Danish', async () => {
    const read = async (query: Record<string, string>) =>
      (await openPreview({ documentId: ids.edited, ...query }).then((r) => r.body)).data.title;
    expect(await read({ locale: 'en', status: 'draft' })).toBe('Live title');
    expect(await read({ locale: 'da', status: 'draft' })).toBe('Ny dansk kladde');
    expect(await read({ locale: 'da', status: 'published' })).toBe('Levende titel');
    // Strapi's own default when status is left out: the draft, for a type with draft & publish.
    expect(await read({ locale: 'da' })).toBe('Ny dansk kladde');
  });

  it('previews landing pages too', async () => {
    const response = await openPreview(
      { documentId: ids.landing, locale: 'en' },
      'plugin::journey.landing-page'
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ title: 'Landing draft', headline: 'Try it' });
    expect(response.body.meta.type).toBe('landing-page');
  });

  it('passes on the 404 of a version that does not exist (published, never published)', async () => {
    const response = await openPreview({
      documentId: ids.unpublished,
      locale: 'en',
      status: 'published',
    });
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
  });

  it('offers no preview (204) for kinds the demo does not render as pages', async () => {
    const response = await previewUrl('plugin::journey.cta', { documentId: ids.cta, locale: 'en' });
    expect(response.status).toBe(204);
  });

  it('signs nothing for an admin who may not read the type (no preview, 204)', async () => {
    const response = await previewUrl(
      BLOG_POST,
      { documentId: ids.unpublished, locale: 'en' },
      tokens.noRead
    );
    expect(response.status).toBe(204);
    expect(JSON.stringify(response.body)).not.toContain('grant=');
    // The same document for an admin who may: the 204 above is the permission, not the document.
    expect((await previewUrl(BLOG_POST, { documentId: ids.unpublished })).status).toBe(200);
  });

  it('answers no one who is not signed in to the admin', async () => {
    const response = await http()
      .get(`/content-manager/preview/url/${BLOG_POST}`)
      .query({ documentId: ids.unpublished });
    expect(response.status).toBe(401);
  });
});

describe('the demo preview route', () => {
  const readWith = (grant: unknown) =>
    http()
      .get('/api/demo-preview')
      .query(grant === undefined ? {} : { grant: grant as string });

  it('refuses a missing or malformed grant with a 400 saying what to do', async () => {
    for (const grant of [undefined, '', 'not-a-grant', 'a.b.c']) {
      const response = await readWith(grant);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        name: 'ValidationError',
        message: 'grant is missing or malformed. Open Preview again from the Content Manager.',
      });
    }
  });

  it('refuses a grant whose contents were changed (another document) with a 403', async () => {
    const url = (await previewUrl(BLOG_POST, { documentId: ids.unpublished, locale: 'en' })).body
      .data.url;
    const [payload, signature] = grantOf(url).split('.');
    const contents = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...contents, documentId: ids.edited })).toString(
      'base64url'
    );
    const response = await readWith(`${forged}.${signature}`);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'This preview link is not valid. Open Preview again from the Content Manager.'
    );
    expect(JSON.stringify(response.body)).not.toContain('Live title');
  });

  it('refuses an expired grant with a 403 naming the lifetime', async () => {
    const expired = signGrant({
      uid: BLOG_POST,
      documentId: ids.unpublished,
      locale: 'en',
      status: 'draft',
      exp: Date.now() - 1,
    });
    const response = await readWith(expired);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'This preview link has expired (links last 60 minutes). Open Preview again from the Content Manager.'
    );
  });

  it('does not open drafts to the public: the plugin REST still refuses them without the token', async () => {
    const response = await http()
      .get(`/api/journey/blog-posts/${ids.unpublished}`)
      .query({ status: 'draft' });
    expect(response.status).toBe(403);
  });

  it('keeps working after a restart: the token key is read back, not lost', async () => {
    const database = app.database;
    await app.stop({ keepDatabase: true });
    await boot(database);
    const response = await openPreview({ documentId: ids.unpublished, locale: 'en' });
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe('Never published yet');
    const stored = await app.strapi.db
      .query('admin::api-token')
      .findMany({ where: { name: 'Journey demo preview' } });
    expect(stored).toHaveLength(1);
  }, 120000);
});
