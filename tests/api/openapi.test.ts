import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { CONTENT_QUERY_PARAMETERS } from '../../shared/contracts';
import contentApiRoutes from '../../server/src/routes/content-api';
import pkg from '../../package.json';
import { bootStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/journey/openapi.json', () => {
  it('is a valid OpenAPI 3 document describing every content API route with the live config', async () => {
    const response = await request(app.strapi.server.httpServer).get('/api/journey/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;

    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
    expect(document.info.version).toBe(pkg.version);

    const described = Object.keys(document.paths).sort();
    // The plugin's own routes, and the core REST routes of the shipped kinds as Strapi routes them
    // (Strapi's `:id` is the documentId).
    const coreRest = app.strapi.server
      .listRoutes()
      .map((layer: { path: string }) => layer.path)
      .filter((path: string) => /^\/api\/journey\/(blog-posts|landing-pages|ctas|forms)/.test(path))
      .filter((path: string) => !path.endsWith('/submissions'))
      .map((path: string) => path.slice('/api/journey'.length).replace(':id', '{documentId}'));
    expect(coreRest).toHaveLength(8);
    const routed = [
      ...contentApiRoutes.routes.map((route) => route.path.replace(':documentId', '{documentId}')),
      ...coreRest,
    ]
      .filter((path) => path !== '/openapi.json')
      .sort();
    expect(described).toEqual(routed);

    const parameters = document.paths['/content'].get.parameters.map(
      (p: { name: string }) => p.name
    );
    expect(parameters).toEqual([...CONTENT_QUERY_PARAMETERS]);
    expect(document.components.schemas.Stage.properties.key.enum).toEqual([
      'awareness',
      'consideration',
      'decision',
      'retention',
      'advocacy',
    ]);
    expect(document.components.schemas.ContentItem.properties.type.enum).toEqual([
      'blog-post',
      'landing-page',
      'cta',
      'form',
      'article',
    ]);
    expect(
      document.paths['/content'].get.parameters.find((p: { name: string }) => p.name === 'locale')
        .schema.enum
    ).toEqual(['en', 'da']);
  });
});
