import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const BLOG = 'plugin::journey.blog-post';
let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await bootStrapi();
  token = await adminToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const publicContent = async () =>
  (await request(app.strapi.server.httpServer).get('/api/journey/content?type=blog-post')).body;
const coverageTotal = async (status: string, stage: string) => {
  const response = await request(app.strapi.server.httpServer)
    .get(`/journey/coverage?type=blog-post&status=${status}`)
    .set('Authorization', `Bearer ${token}`);
  return response.body.data.stageTotals.find((t: { stage: string }) => t.stage === stage).count;
};

describe('a document through its draft and publish life', () => {
  it('is served exactly as published at every step, and coverage agrees', async () => {
    const owner = await createPersona(app.strapi, { name: 'Owner' });
    const posts = app.strapi.documents(BLOG as never) as any;

    // 1. Draft only: invisible publicly, counted as draft.
    const post = await posts.create({
      data: { title: 'Version 1', journeyStage: 'awareness', personas: [owner.documentId] },
    });
    expect((await publicContent()).data).toEqual([]);
    expect([
      await coverageTotal('published', 'awareness'),
      await coverageTotal('draft', 'awareness'),
      await coverageTotal('all', 'awareness'),
    ]).toEqual([0, 1, 1]);

    // 2. Published: served as is.
    await posts.publish({ documentId: post.documentId });
    let body = await publicContent();
    expect(
      body.data.map((i: any) => [i.title, i.stage, i.personas.map((p: any) => p.slug)])
    ).toEqual([['Version 1', 'awareness', ['owner']]]);
    expect([
      await coverageTotal('published', 'awareness'),
      await coverageTotal('draft', 'awareness'),
      await coverageTotal('all', 'awareness'),
    ]).toEqual([1, 0, 1]);

    // 3. Draft edited (new title, new stage): the public still sees version 1 at awareness.
    await posts.update({
      documentId: post.documentId,
      data: { title: 'Version 2', journeyStage: 'decision' },
    });
    body = await publicContent();
    expect(body.data.map((i: any) => [i.title, i.stage])).toEqual([['Version 1', 'awareness']]);
    expect(
      (await request(app.strapi.server.httpServer).get('/api/journey/content?stage=decision')).body
        .data
    ).toEqual([]);
    expect([
      await coverageTotal('published', 'awareness'),
      await coverageTotal('published', 'decision'),
    ]).toEqual([1, 0]);
    // "all" counts the latest version: the document now sits at decision.
    expect([
      await coverageTotal('all', 'awareness'),
      await coverageTotal('all', 'decision'),
    ]).toEqual([0, 1]);

    // 4. Published again: version 2 at decision.
    await posts.publish({ documentId: post.documentId });
    body = await publicContent();
    expect(body.data.map((i: any) => [i.title, i.stage])).toEqual([['Version 2', 'decision']]);
    expect(body.meta.pagination.total).toBe(1);

    // 5. Unpublished: gone from the public API, back among drafts.
    await posts.unpublish({ documentId: post.documentId });
    expect((await publicContent()).data).toEqual([]);
    expect([
      await coverageTotal('published', 'decision'),
      await coverageTotal('draft', 'decision'),
    ]).toEqual([0, 1]);

    // 6. Deleted: gone everywhere.
    await posts.delete({ documentId: post.documentId });
    expect([
      await coverageTotal('all', 'decision'),
      await coverageTotal('draft', 'decision'),
    ]).toEqual([0, 0]);
  });
});
