import request from 'supertest';
import { createEntry, createPersona, grantRolePermissions } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Every kind of content-API caller the plugin serves: Public, a logged-in Users & Permissions user
 * (the Authenticated role), and API tokens of each type. Each gets exactly the endpoints its
 * permissions name, and every answer is sanitized the same way (private fields never leave).
 */
const ARTICLE = 'api::article.article';
const ENDPOINTS = {
  stages: ['/api/journey/stages', 'plugin::journey.stage.find'],
  personas: ['/api/journey/personas', 'plugin::journey.persona.find'],
  content: ['/api/journey/content', 'plugin::journey.content.find'],
  next: ['/api/journey/content/next?stage=awareness', 'plugin::journey.next-content.find'],
  coverage: ['/api/journey/coverage', 'plugin::journey.coverage.find'],
} as const;
type Endpoint = keyof typeof ENDPOINTS;
const ALL = Object.keys(ENDPOINTS) as Endpoint[];

let app: TestApp;
const http = () => request(app.strapi.server.httpServer);
let userJwt: string;

const grant = (roleType: 'public' | 'authenticated', actions: readonly string[]) =>
  grantRolePermissions(app.strapi, roleType, actions);

const token = async (type: 'read-only' | 'full-access' | 'custom', permissions?: string[]) =>
  (
    await app.strapi.service('admin::api-token').create({
      name: `${type}-${Math.random().toString(36).slice(2)}`,
      type,
      lifespan: null,
      ...(permissions ? { permissions } : {}),
    })
  ).accessKey as string;

/** The status of every endpoint for one caller. */
const statuses = async (authorization?: string) => {
  const result: Partial<Record<Endpoint, number>> = {};
  for (const name of ALL) {
    const call = http().get(ENDPOINTS[name][0]);
    if (authorization) call.set('Authorization', `Bearer ${authorization}`);
    const response = await call;
    result[name] = response.status;
    if (response.status === 200) {
      // Sanitized for everyone: no private field, no internal id, anywhere in the answer.
      const text = JSON.stringify(response.body);
      expect(text).not.toContain('internalNotes');
      expect(text).not.toContain('never leaves');
      expect(text).not.toContain('"createdBy"');
    } else {
      expect(response.body.error).toMatchObject({ status: response.status });
    }
  }
  return result;
};

beforeAll(async () => {
  app = await bootStrapi();
  // The playground opens the journey reads to Public (the demo's frontend); start from none.
  const publicRole = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  await app.strapi.db.query('plugin::users-permissions.permission').deleteMany({
    where: { role: publicRole.id, action: { $startsWith: 'plugin::journey.' } },
  });
  const owner = await createPersona(app.strapi, { name: 'Owner' });
  await createEntry(app.strapi, {
    uid: ARTICLE,
    data: { title: 'Tagged article', internalNotes: 'never leaves the CMS' },
    stage: 'awareness',
    personas: [owner.documentId],
    publishedAt: '2026-03-01T10:00:00.000Z',
  });
  await createEntry(app.strapi, {
    uid: ARTICLE,
    data: { title: 'Next article', internalNotes: 'never leaves the CMS either' },
    stage: 'consideration',
    personas: [owner.documentId],
    publishedAt: '2026-03-02T10:00:00.000Z',
  });
  const role = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  const user = await app.strapi.db.query('plugin::users-permissions.user').create({
    data: {
      username: 'reader',
      email: 'reader@journey.test',
      password: 'Reader-pass-1',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    },
  });
  userJwt = await app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
});

afterAll(async () => {
  await app?.stop();
});

describe('content-API callers', () => {
  it('Public and a logged-in user get nothing until their role is granted, then exactly that', async () => {
    const denied = Object.fromEntries(ALL.map((name) => [name, 403]));
    expect(await statuses()).toEqual(denied);
    expect(await statuses(userJwt)).toEqual(denied);

    await grant('authenticated', [ENDPOINTS.content[1], ENDPOINTS.next[1]]);
    expect(await statuses(userJwt)).toEqual({ ...denied, content: 200, next: 200 });
    // A grant to Authenticated gives Public nothing.
    expect(await statuses()).toEqual(denied);

    await grant('public', [ENDPOINTS.stages[1], ENDPOINTS.personas[1]]);
    expect(await statuses()).toEqual({ ...denied, stages: 200, personas: 200 });
  });

  it('a logged-in user sees the same sanitized content as Public', async () => {
    await grant('public', [ENDPOINTS.content[1]]);
    const asUser = await http()
      .get('/api/journey/content')
      .set('Authorization', `Bearer ${userJwt}`);
    const asPublic = await http().get('/api/journey/content');
    expect(asUser.status).toBe(200);
    expect(asUser.body).toEqual(asPublic.body);
    expect(asUser.body.data.map((item: { title: string }) => item.title)).toEqual([
      'Next article',
      'Tagged article',
    ]);
  });

  it('API tokens: custom ones get exactly their actions, read-only all reads, full access all', async () => {
    expect(await statuses(await token('custom', [ENDPOINTS.next[1]]))).toEqual({
      stages: 403,
      personas: 403,
      content: 403,
      next: 200,
      coverage: 403,
    });
    // Read-only tokens hold every find action, coverage.find included (it reads, it is a find).
    expect(await statuses(await token('read-only'))).toEqual(
      Object.fromEntries(ALL.map((name) => [name, 200]))
    );
    expect(await statuses(await token('full-access'))).toEqual(
      Object.fromEntries(ALL.map((name) => [name, 200]))
    );
  });

  it('an unknown or revoked token is a 401, not Public', async () => {
    const response = await http()
      .get('/api/journey/stages')
      .set('Authorization', 'Bearer not-a-token');
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError' });
  });
});
