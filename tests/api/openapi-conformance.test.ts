import fs from 'fs';
import path from 'path';
import Ajv, { type ValidateFunction } from 'ajv';
import request from 'supertest';
import { CORE_REST_TAG } from '../../server/src/content-api/openapi';
import { CONTENT_API_ACTIONS } from '../../shared/constants';
import { createEntry, createPersona, setPublicPermission } from '../helpers/fixtures';
import { PLAYGROUND } from '../helpers/paths';
import { bootStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
/** An API token holding every content API action, coverage included. */
let token: string;
/** documentIds of entries the core REST paths are called with. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  const owner = (
    await createPersona(strapi, { name: 'Owner', goals: 'More bookings\nFewer no-shows' })
  ).documentId;
  const buyer = (
    await createPersona(strapi, { name: 'Buyer', description: 'Part of a buying team.' })
  ).documentId;
  await createPersona(strapi, { name: 'Planned' }, { publish: false });
  // Published n minutes apart, the latest a minute ago: ordered, and none of them stale.
  const at = (n: number) => new Date(Date.now() - (10 - n) * 60_000).toISOString();
  // Every tagged type, several stages, two personas, a translation, an untagged entry and a draft.
  // An image, for the media fields the document describes.
  const file = path.join(PLAYGROUND, 'src', 'seed', 'images', 'share.png');
  const [image] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: 'share.png' } },
      files: {
        filepath: file,
        originalFilename: 'share.png',
        mimetype: 'image/png',
        size: fs.statSync(file).size,
      },
    });
  ids.blogPost = await createEntry(strapi, {
    uid: 'plugin::journey.blog-post',
    data: {
      title: 'Why book online',
      cover: image.id,
      seo: { metaTitle: 'Why', metaDescription: 'Because', shareImage: image.id },
    },
    stage: 'awareness',
    personas: [owner, buyer],
    publishedAt: at(1),
    translations: { da: { title: 'Hvorfor' } },
  });
  ids.landingPage = await createEntry(strapi, {
    uid: 'plugin::journey.landing-page',
    data: { title: 'Booking', headline: 'Fill tables', hero: image.id, seo: { metaTitle: 'B' } },
    stage: 'consideration',
    personas: [buyer],
    publishedAt: at(2),
  });
  ids.cta = await createEntry(strapi, {
    uid: 'plugin::journey.cta',
    data: { label: 'Book a demo', url: '/demo', style: 'secondary', landingPage: ids.landingPage },
    stage: 'decision',
    personas: [owner],
    publishedAt: at(3),
  });
  ids.form = await createEntry(strapi, {
    uid: 'plugin::journey.form',
    data: {
      name: 'Newsletter',
      fields: [{ name: 'email', label: 'Email', type: 'email', required: true }],
    },
    stage: 'advocacy',
    publishedAt: at(4),
  });
  await createEntry(strapi, {
    uid: 'api::article.article',
    data: { title: 'Delivery' },
    stage: 'awareness',
    personas: [owner],
    publishedAt: at(5),
  });
  await createEntry(strapi, {
    uid: 'plugin::journey.cta',
    data: { label: 'Untagged', url: '/u' },
    stage: null,
    publishedAt: at(6),
  });
  await createEntry(strapi, {
    uid: 'plugin::journey.blog-post',
    data: { title: 'Draft' },
    stage: 'awareness',
    personas: [owner],
  });
  // A stored stage no longer configured: content items carry it, coverage lists it as unknown.
  const retired = await createEntry(strapi, {
    uid: 'plugin::journey.blog-post',
    data: { title: 'Old' },
    stage: 'retention',
    publishedAt: at(7),
  });
  await strapi.db
    .connection('journey_blog_posts')
    .where({ document_id: retired })
    .update({ journey_stage: 'retired' });

  const tokens = strapi.service('admin::api-token');
  token = (
    await tokens.create({
      name: 'everything',
      type: 'custom',
      lifespan: null,
      permissions: Object.values(CONTENT_API_ACTIONS),
    })
  ).accessKey;
});
afterAll(async () => {
  await app?.stop();
});

const get = (url: string, auth = true) => {
  const call = request(app.strapi.server.httpServer).get(url);
  return auth ? call.set('Authorization', `Bearer ${token}`) : call;
};

interface Parameter {
  name: string;
  required: boolean;
  example?: unknown;
  schema: {
    enum?: unknown[];
    example?: unknown;
    default?: unknown;
    minimum?: number;
    maximum?: number;
  };
}
interface OpenApiDocument {
  paths: Record<string, { get?: { parameters?: Parameter[]; tags?: string[] } }>;
  components: { schemas: Record<string, { properties: Record<string, { enum?: unknown[] }> }> };
}

const served = async (): Promise<OpenApiDocument> => {
  const response = await request(app.strapi.server.httpServer).get('/api/journey/openapi.json');
  expect(response.status).toBe(200);
  return response.body;
};

/**
 * A validator of the served document's response schemas. The document is OpenAPI 3.0, whose
 * schemas are JSON Schema draft 4/7 plus `nullable` (which Ajv knows) and a few annotations
 * (`example`) that strict mode would refuse; `date-time` is checked as a parsable date (the
 * schemas add zod's exact pattern anyway).
 */
const responseValidator = (document: OpenApiDocument) => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value: string) => !Number.isNaN(Date.parse(value)),
  });
  ajv.addSchema(document, 'openapi.json');
  return (path: string, status: number, method: 'get' | 'post' = 'get'): ValidateFunction => {
    const json = 'content/application~1json/schema';
    const pointer = `#/paths/${path.replaceAll('/', '~1')}/${method}/responses/${status}/${json}`;
    const validate = ajv.getSchema(`openapi.json${pointer}`);
    if (!validate) throw new Error(`The document has no ${status} schema for ${path}`);
    return validate;
  };
};

/** Calls a documented path and checks the body against the schema documented for its status. */
const expectConforming = async (
  validatorFor: ReturnType<typeof responseValidator>,
  path: string,
  query: string,
  status = 200,
  auth = true,
  documentId?: string
) => {
  const url = `/api/journey${documentId ? path.replace('{documentId}', documentId) : path}${query}`;
  const response = await get(url, auth);
  expect({ url, status: response.status }).toEqual({ url, status });
  const validate = validatorFor(path, status);
  const valid = validate(response.body);
  expect({ url, errors: valid ? null : validate.errors }).toEqual({ url, errors: null });
  return response.body;
};

/**
 * The served OpenAPI document against the running API: every content API endpoint's answers (and
 * errors) validate against the schemas the document gives for them, every documented parameter
 * value is accepted, and an undocumented parameter is refused. The document is generated from the
 * zod schemas the endpoints parse and answer with; this proves the generation says what they do.
 */
describe('the OpenAPI document against the API it describes', () => {
  it('describes what every content API endpoint really answers', async () => {
    const document = await served();
    const validatorFor = responseValidator(document);
    // Calls per documented path, chosen so that every part of each answer has content: nulls and
    // values, the stage after the last one, an unconfigured stored stage, every coverage status.
    const calls: Record<string, string[]> = {
      '/stages': [''],
      '/personas': [''],
      '/content': [
        '',
        '?stage=awareness,decision&persona=owner',
        '?type=form,article&locale=da',
        '?sort=title:asc&page=2&pageSize=2',
      ],
      '/content/next': ['?stage=awareness&persona=buyer', '?stage=advocacy'],
      '/preview': [''],
      '/coverage': ['', '?status=all&fresh=true', '?status=draft&locale=da&type=blog-post,article'],
      // Strapi's core REST of the shipped kinds: plain, populated at every level, picked, paged.
      '/blog-posts': [
        '',
        '?populate=*',
        '?populate[cover]=true&populate[seo][populate]=shareImage&populate[personas]=true',
        '?fields=title,slug&locale=da',
        '?pagination[start]=0&pagination[limit]=1',
        '?status=draft&sort=title:desc',
      ],
      '/blog-posts/{documentId}': ['?populate[seo][populate]=*'],
      '/landing-pages': ['?populate=*', '?filters[slug][$eq]=booking'],
      '/landing-pages/{documentId}': [''],
      '/ctas': ['?populate[landingPage][populate]=*&populate[form]=true'],
      '/ctas/{documentId}': ['?populate=*'],
      '/forms': ['?populate=*'],
      '/forms/{documentId}': [''],
    };
    const readPaths = Object.keys(document.paths).filter((path) => document.paths[path].get);
    expect(Object.keys(calls).sort()).toEqual(readPaths.sort());
    // The one write path is checked by its own test below.
    expect(Object.keys(document.paths).filter((path) => !document.paths[path].get)).toEqual([
      '/events',
      '/forms/{documentId}/submissions',
    ]);

    const bodies: Record<string, unknown[]> = {};
    const documentIds: Record<string, string> = {
      '/blog-posts/{documentId}': ids.blogPost,
      '/landing-pages/{documentId}': ids.landingPage,
      '/ctas/{documentId}': ids.cta,
      '/forms/{documentId}': ids.form,
    };
    for (const [path, queries] of Object.entries(calls)) {
      for (const query of queries)
        (bodies[path] ??= []).push(
          await expectConforming(validatorFor, path, query, 200, true, documentIds[path])
        );
    }
    // Media, components and relations were there to check.
    const [, , deep] = bodies['/blog-posts'] as Array<{ data: any[] }>;
    expect(deep.data[0].seo.shareImage.mime).toBe('image/png');
    const [ctas] = bodies['/ctas'] as Array<{ data: any[] }>;
    expect(ctas.data[0].landingPage.hero.mime).toBe('image/png');
    // The schemas were exercised with content, not only with empty lists.
    const [everything] = bodies['/content'] as Array<{
      data: Array<{ stage: string | null; locale: string | null }>;
    }>;
    expect(everything.data.map((item) => item.stage)).toEqual([
      'retired',
      null,
      'awareness',
      'advocacy',
      'decision',
      'consideration',
      'awareness',
    ]);
    expect((bodies['/personas'][0] as { data: unknown[] }).data).toHaveLength(2);
    expect((bodies['/content/next'][1] as { meta: { stage: unknown } }).meta.stage).toBeNull();
    expect((bodies['/coverage'][0] as { data: { unknown: unknown[] } }).data.unknown).toEqual([
      { stage: 'retired', count: 1, stale: 0 },
    ]);

    // Errors, too, are what the document says.
    await expectConforming(validatorFor, '/content', '?stage=nope', 400);
    await expectConforming(validatorFor, '/coverage', '', 403, false);
    await expectConforming(validatorFor, '/preview', '', 403, false);
    await expectConforming(validatorFor, '/blog-posts', '?populate[nope]=true', 400);
    await expectConforming(validatorFor, '/forms', '?pagination[page]=x', 400);
    await expectConforming(validatorFor, '/ctas/{documentId}', '', 404, true, 'nosuchdocument');
    await setPublicPermission(app.strapi, 'plugin::journey.landing-page.find', false);
    try {
      await expectConforming(validatorFor, '/landing-pages', '', 403, false);
    } finally {
      await setPublicPermission(app.strapi, 'plugin::journey.landing-page.find', true);
    }
  });

  it('accepts every documented parameter and value, and refuses an undocumented one', async () => {
    const document = await served();
    const validatorFor = responseValidator(document);
    // Values a parameter's schema cannot offer: a persona slug depends on the content.
    const fromContent: Record<string, string> = { persona: 'owner' };
    /** Every value the schema documents: each enum value, the bounds, the example, the default. */
    const valuesOf = ({ name, schema }: Parameter): unknown[] => {
      const values = [
        ...(schema.enum ?? []),
        schema.minimum,
        schema.maximum,
        schema.example,
        schema.default,
        fromContent[name],
      ];
      const documented = [...new Set(values.filter((value) => value !== undefined))];
      if (documented.length === 0)
        throw new Error(`No value to try for the documented parameter "${name}"`);
      return documented;
    };

    let tried = 0;
    for (const [path, { get: operation }] of Object.entries(document.paths)) {
      // Strapi's core REST takes Strapi's parameters, tried in the next test; /events takes a body.
      if (!operation || operation.tags?.includes(CORE_REST_TAG)) continue;
      const parameters = operation.parameters ?? [];
      const required = parameters
        .filter((parameter) => parameter.required)
        .map((parameter) => `${parameter.name}=${valuesOf(parameter)[0]}`);
      for (const parameter of parameters) {
        for (const value of valuesOf(parameter)) {
          const query = [
            ...required.filter((pair) => !pair.startsWith(`${parameter.name}=`)),
            `${parameter.name}=${encodeURIComponent(String(value))}`,
          ];
          await expectConforming(validatorFor, path, `?${query.join('&')}`);
          tried += 1;
        }
      }

      const response = await get(
        `/api/journey${path}?${[...required, 'undocumented=1'].join('&')}`
      );
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      const names = parameters.map((parameter) => parameter.name);
      const message =
        parameters.length === 0
          ? 'This endpoint takes no parameters; got "undocumented".'
          : `Unknown parameter "undocumented". Allowed parameters: ${names.join(', ')}.`;
      expect({ path, message: response.body.error.message }).toEqual({ path, message });
    }
    // /content and /content/next each: stage, persona, type 1 value each, locale 2 (en, da),
    // page 2 (1, 1000000), pageSize 3 (1, 100, 25), sort 4, populate 1 (*), fields 1 (title);
    // /coverage: type 1, locale 2, status 3, fresh 2; /stages: locale 2.
    expect(tried).toBe(16 + 16 + 8 + 2);
  });

  it('accepts the documented example of every core REST parameter of the shipped kinds', async () => {
    const document = await served();
    const validatorFor = responseValidator(document);
    const documentIds: Record<string, string> = {
      'blog-posts': ids.blogPost,
      'landing-pages': ids.landingPage,
      ctas: ids.cta,
      forms: ids.form,
    };
    /** A documented example as a query string, the way Strapi's REST reads it (qs brackets). */
    const encode = (name: string, value: unknown): string[] =>
      value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => encode(`${name}[${key}]`, inner))
        : [`${name}=${encodeURIComponent(String(value))}`];
    let tried = 0;
    for (const [path, { get: operation }] of Object.entries(document.paths)) {
      if (!operation?.tags?.includes(CORE_REST_TAG)) continue;
      const documentId = documentIds[path.split('/')[1]];
      for (const parameter of operation.parameters ?? []) {
        if ((parameter as { in?: string }).in === 'path') continue;
        const values = [parameter.schema.default, parameter.example].filter((v) => v !== undefined);
        expect({ path, name: parameter.name, values: values.length > 0 }).toEqual({
          path,
          name: parameter.name,
          values: true,
        });
        for (const value of values) {
          const query = `?${encode(parameter.name, value).join('&')}`;
          await expectConforming(validatorFor, path, query, 200, true, documentId);
          tried += 1;
        }
      }
    }
    // Lists: filters, sort, pagination, populate, fields, locale, status (default); entries:
    // populate, fields, locale, status. Four kinds.
    expect(tried).toBe(4 * (7 + 4));
  });

  it('describes what POST /events takes and answers', async () => {
    const document = await served();
    const validatorFor = responseValidator(document);
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema(document, 'openapi.json');
    const validBody = ajv.getSchema('openapi.json#/components/schemas/EventsRequest')!;
    const post = (body: unknown) =>
      request(app.strapi.server.httpServer)
        .post('/api/journey/events')
        .set('Authorization', `Bearer ${token}`)
        .set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36')
        .send(body as object);
    const expectAnswer = async (body: unknown, status: number) => {
      const response = await post(body);
      expect(response.status).toBe(status);
      const validate = validatorFor('/events', status, 'post');
      expect(validate(response.body) ? null : validate.errors).toBeNull();
    };
    const good = {
      events: [
        { type: 'view', documentId: ids.blogPost, contentType: 'blog-post' },
        { type: 'click', documentId: ids.blogPost, contentType: 'blog-post', target: ids.cta },
        { type: 'conversion', documentId: 'nosuchdocument', contentType: 'blog-post' },
      ],
    };
    // The documented body schema and the server agree on what is well-formed.
    expect(validBody(good)).toBe(true);
    await expectAnswer(good, 202);
    const malformed = { events: [{ type: 'view', documentId: 7, contentType: 'blog-post' }] };
    expect(validBody(malformed)).toBe(false);
    await expectAnswer(malformed, 400);
    const extra = { events: [{ ...good.events[0], referrer: 'x' }] };
    expect(validBody(extra)).toBe(false);
    await expectAnswer(extra, 400);
    await expectAnswer({ events: [{ ...good.events[0], documentId: 'x'.repeat(70_000) }] }, 413);
  });

  it('describes what POST /forms/{documentId}/submissions takes and answers', async () => {
    const document = await served();
    const validatorFor = responseValidator(document);
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema(document, 'openapi.json');
    const validBody = ajv.getSchema('openapi.json#/components/schemas/SubmissionRequest')!;
    const post = (formId: string, body: unknown) =>
      request(app.strapi.server.httpServer)
        .post(`/api/journey/forms/${formId}/submissions`)
        .set('Authorization', `Bearer ${token}`)
        .send(body as object);
    const expectAnswer = async (formId: string, body: unknown, status: number) => {
      const response = await post(formId, body);
      expect(response.status).toBe(status);
      const validate = validatorFor('/forms/{documentId}/submissions', status, 'post');
      expect(validate(response.body) ? null : validate.errors).toBeNull();
    };
    // The fixture form asks for an email only.
    const good = { data: { email: 'ada@example.com' }, context: { stage: 'decision' } };
    expect(validBody(good)).toBe(true);
    await expectAnswer(ids.form, good, 201);
    await expectAnswer(ids.form, { data: { color: 'red' } }, 400);
    const malformed = { data: { color: { nested: true } } };
    expect(validBody(malformed)).toBe(false);
    await expectAnswer(ids.form, malformed, 400);
    await expectAnswer('nosuchform', good, 404);
  });
});
