import request from 'supertest';
import { CONTENT_API_ACTIONS } from '../../shared/constants';
import { createEntry, createPersona, grantRolePermissions } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * protectDrafts (default on): `status=draft` of tagged types and personas, over core REST and
 * GraphQL, only for callers holding plugin::journey.preview.drafts or a full-access token.
 */
let app: TestApp;
const http = () => request(app.strapi.server.httpServer);

const PREVIEW = CONTENT_API_ACTIONS.preview;
const ARTICLE_FIND = 'api::article.article.find';
const ARTICLE_FIND_ONE = 'api::article.article.findOne';
const PLAYGROUND_CONFIG = { stages: 'default', contentTypes: ['api::article.article'] };
/** An untagged type of this test only, whose relation leads to the tagged articles. */
const TOPIC = {
  kind: 'collectionType',
  collectionName: 'topics',
  info: { singularName: 'topic', pluralName: 'topics', displayName: 'Topic' },
  options: { draftAndPublish: true },
  attributes: {
    name: { type: 'string' },
    articles: { type: 'relation', relation: 'oneToMany', target: 'api::article.article' },
  },
};

const forbiddenBody = (uid: string) => ({
  data: null,
  error: {
    status: 403,
    name: 'ForbiddenError',
    message:
      `Drafts of ${uid} are private: status=draft needs the "plugin::journey.preview.drafts" ` +
      'permission (grant it to the role in Users & Permissions or to a custom API token) or a ' +
      'full-access API token.',
    details: { permission: PREVIEW, uid },
  },
});

const ids: Record<string, string> = {};
/** Authorization headers of each kind of caller. */
const callers: Record<string, Record<string, string>> = { public: {} };

const grant = (roleType: string, actions: string[]) =>
  grantRolePermissions(app.strapi, roleType, actions);

beforeAll(async () => {
  app = await bootStrapi({ pluginConfig: PLAYGROUND_CONFIG, extraContentTypes: { topic: TOPIC } });
  const { strapi } = app;
  ids.owner = (await createPersona(strapi, { name: 'Owner' })).documentId;
  await createPersona(strapi, { name: 'Secret' }, { publish: false });
  ids.delivery = await createEntry(strapi, {
    uid: 'api::article.article',
    data: { title: 'Delivery' },
    stage: 'awareness',
    personas: [ids.owner],
    publishedAt: '2026-01-01T10:00:00.000Z',
  });
  ids.unreleased = await createEntry(strapi, {
    uid: 'api::article.article',
    data: { title: 'Unreleased' },
    stage: 'awareness',
  });
  await strapi.documents('api::topic.topic' as never).create({
    data: { name: 'Launch', articles: [ids.unreleased] },
  } as never);

  const readers = [
    ARTICLE_FIND,
    ARTICLE_FIND_ONE,
    CONTENT_API_ACTIONS.personas,
    CONTENT_API_ACTIONS.content,
  ];
  await grant('public', readers);
  // The Authenticated role previews: a signed-in editor on the frontend.
  const authenticated = await grant('authenticated', [...readers, PREVIEW]);
  const user = await strapi.plugin('users-permissions').service('user').add({
    username: 'editor',
    email: 'editor@example.com',
    password: 'Editor-password-1',
    provider: 'local',
    confirmed: true,
    role: authenticated.id,
  });
  const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  callers.previewer = { Authorization: `Bearer ${jwt}` };

  const tokens = strapi.service('admin::api-token');
  const token = async (name: string, type: string, permissions?: string[]) =>
    (await tokens.create({ name, type, lifespan: null, ...(permissions ? { permissions } : {}) }))
      .accessKey as string;
  callers.fullAccess = { Authorization: `Bearer ${await token('full', 'full-access')}` };
  callers.readOnly = { Authorization: `Bearer ${await token('read', 'read-only')}` };
  callers.customWithPreview = {
    Authorization: `Bearer ${await token('custom-preview', 'custom', [...readers, PREVIEW])}`,
  };
  callers.customWithoutPreview = {
    Authorization: `Bearer ${await token('custom', 'custom', readers)}`,
  };
});
afterAll(async () => {
  await app?.stop();
});

const get = (url: string, caller: string) => http().get(url).set(callers[caller]);
const graphql = (query: string, caller: string) =>
  http().post('/graphql').set(callers[caller]).send({ query });
const titles = (entries: Array<{ title: string }>) => entries.map((entry) => entry.title).sort();

/** Who may read drafts, as decided by Strapi's auth strategies for the preview action. */
const CALLERS: Array<[string, boolean]> = [
  ['public', false],
  ['previewer', true],
  ['fullAccess', true],
  ['readOnly', false],
  ['customWithPreview', true],
  ['customWithoutPreview', false],
];

describe('core REST of a tagged type', () => {
  it('answers published content to everyone as before', async () => {
    for (const [caller] of CALLERS) {
      for (const url of ['/api/articles', '/api/articles?status=published']) {
        const response = await get(url, caller);
        expect({ caller, url, status: response.status }).toEqual({ caller, url, status: 200 });
        expect(titles(response.body.data)).toEqual(['Delivery']);
      }
    }
  });

  it.each(CALLERS)('status=draft for %s: allowed %s', async (caller, allowed) => {
    const list = await get('/api/articles?status=draft', caller);
    const one = await get(`/api/articles/${ids.unreleased}?status=draft`, caller);
    if (allowed) {
      expect(list.status).toBe(200);
      expect(titles(list.body.data)).toEqual(['Delivery', 'Unreleased']);
      expect(one.status).toBe(200);
      expect(one.body.data.title).toBe('Unreleased');
    } else {
      expect(list.status).toBe(403);
      expect(list.body).toEqual(forbiddenBody('api::article.article'));
      expect(one.status).toBe(403);
      expect(one.body).toEqual(forbiddenBody('api::article.article'));
    }
  });

  it.each([
    'status=DRAFT',
    'status=1',
    'status=',
    'status=draft&status=draft',
    'status[0]=published&status[1]=draft',
  ])(
    "%s, which Strapi reads as a draft request (not exactly 'published'), is guarded too",
    async (query) => {
      const response = await get(`/api/articles?${query}`, 'public');
      expect({ query, status: response.status }).toEqual({ query, status: 403 });
      expect(JSON.stringify(response.body)).not.toContain('Unreleased');
      const shipped = await get(`/api/journey/blog-posts?${query}`, 'public');
      expect({ query, status: shipped.status }).toEqual({
        query,
        status: shipped.status >= 400 && shipped.status < 500 ? shipped.status : 'a 4xx',
      });
    }
  );

  it('GET /api/journey/preview tells a caller whether it may preview', async () => {
    for (const [caller, allowed] of CALLERS) {
      const response = await get('/api/journey/preview', caller);
      expect({ caller, status: response.status }).toEqual({ caller, status: allowed ? 200 : 403 });
      if (allowed) expect(response.body).toEqual({ data: { drafts: true } });
    }
  });
});

describe("the plugin's own endpoints", () => {
  it.each(['public', 'previewer'])(
    'refuse a status parameter (%s): they list published content only',
    async (caller) => {
      for (const path of ['/api/journey/content', '/api/journey/personas']) {
        const response = await get(`${path}?status=draft`, caller);
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        expect(response.body.error.message).toMatch(/"status"/);
      }
    }
  );
});

describe('GraphQL', () => {
  // One root field per request: GraphQL stops at the first error that nulls `data`.
  it.each(CALLERS)(
    'status: DRAFT of a tagged type and of personas for %s: allowed %s',
    async (caller, allowed) => {
      const cases: Array<[string, string, string, string[]]> = [
        ['articles', 'title', 'api::article.article', ['Delivery', 'Unreleased']],
        ['journeyPersonas', 'name', 'plugin::journey.persona', ['Owner', 'Secret']],
      ];
      for (const [field, attribute, uid, drafts] of cases) {
        const response = await graphql(`{ ${field}(status: DRAFT) { ${attribute} } }`, caller);
        expect(response.status).toBe(200);
        if (allowed) {
          expect(response.body.errors).toBeUndefined();
          const values = response.body.data[field].map(
            (entry: Record<string, string>) => entry[attribute]
          );
          expect(values.sort()).toEqual(drafts);
        } else {
          expect(response.body.data).toBeNull();
          expect(response.body.errors).toHaveLength(1);
          const [error] = response.body.errors;
          expect(error.path).toEqual([field]);
          expect(error.extensions.code).toBe('FORBIDDEN');
          expect(error.extensions.error).toEqual({
            name: 'ForbiddenError',
            message: forbiddenBody(uid).error.message,
            details: { permission: PREVIEW, uid },
          });
        }
      }
    }
  );

  it('answers published content to the Public role as before', async () => {
    const response = await graphql('{ articles { title } journeyPersonas { name } }', 'public');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      articles: [{ title: 'Delivery' }],
      journeyPersonas: [{ name: 'Owner' }],
    });
  });

  it('guards nested relations that inherit status: DRAFT from an untagged root', async () => {
    const query = '{ topics(status: DRAFT) { name articles { title } } }';
    // A read-only token may list topics (a find), but not the draft articles they lead to.
    const refused = await graphql(query, 'readOnly');
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors[0].path).toEqual(['topics', 0, 'articles']);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused.body)).not.toMatch(/Unreleased/);

    const allowed = await graphql(query, 'fullAccess');
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.topics).toEqual([
      { name: 'Launch', articles: [{ title: 'Unreleased' }] },
    ]);
  });
});

describe('protectDrafts: false', () => {
  beforeAll(async () => {
    await app.stop();
    app = await bootStrapi({ pluginConfig: { ...PLAYGROUND_CONFIG, protectDrafts: false } });
    await createEntry(app.strapi, { uid: 'api::article.article', data: { title: 'Unreleased' } });
    await grant('public', [ARTICLE_FIND]);
  });

  it("leaves Strapi's own behaviour: any role with find reads drafts", async () => {
    const response = await get('/api/articles?status=draft', 'public');
    expect(response.status).toBe(200);
    expect(titles(response.body.data)).toEqual(['Unreleased']);
    const graphqlResponse = await graphql('{ articles(status: DRAFT) { title } }', 'public');
    expect(graphqlResponse.body.data).toEqual({ articles: [{ title: 'Unreleased' }] });
  });
});
