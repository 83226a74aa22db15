import { z } from 'zod';
import type { BuiltInTypeName } from '../../../shared/constants';
import * as responses from '../../../shared/response-schemas';
import { eventsBodySchema, MAX_EVENTS_BODY_BYTES } from '../analytics/events-body';
import { coverageQuerySchema } from '../coverage/query';
import { MAX_SUBMISSION_BODY_BYTES, submissionBodySchema } from '../forms/body';
import { stagesQuerySchema } from '../stages/query';
import { contentQuerySchema } from './query';

export interface OpenApiContext {
  version: string;
  stageKeys: readonly string[];
  typeNames: readonly string[];
  locales: readonly string[];
  /** Whether the shipped kinds, and so their core REST routes, exist (`builtInTypes`). */
  builtInTypes: boolean;
}

/**
 * Named schemas of the document (components/schemas), each a zod schema from
 * shared/response-schemas.ts; wherever one is used inside another, the document references it.
 */
const COMPONENTS = {
  Stage: responses.stageResponseItemSchema,
  StagesResponse: responses.stagesResponseSchema,
  Persona: responses.personaResponseItemSchema,
  PersonasResponse: responses.personasResponseSchema,
  PersonaRef: responses.personaRefSchema,
  Preview: responses.previewResponseSchema,
  ContentItem: responses.contentItemSchema,
  Pagination: responses.paginationSchema,
  ContentPage: responses.contentResponseSchema,
  NextContentPage: responses.nextContentResponseSchema,
  CoverageLevel: responses.coverageLevelSchema,
  CoverageStage: responses.coverageStageSchema,
  CoveragePersona: responses.coveragePersonaSchema,
  CoverageCount: responses.coverageCountSchema,
  CoverageCell: responses.coverageCellSchema,
  CoverageStageTotal: responses.coverageStageTotalSchema,
  CoverageMatrix: responses.coverageMatrixSchema,
  CoverageResponse: responses.coverageResponseSchema,
  EventsRequest: eventsBodySchema,
  EventsResponse: responses.eventsResponseSchema,
  SubmissionRequest: submissionBodySchema,
  SubmissionCreated: responses.submissionCreatedResponseSchema,
  Error: responses.errorResponseSchema,
  MediaFile: responses.mediaFileSchema,
  Seo: responses.seoSchema,
  BlogPost: responses.blogPostSchema,
  LandingPage: responses.landingPageSchema,
  Cta: responses.ctaSchema,
  Form: responses.formSchema,
  CorePagination: responses.corePaginationSchema,
  BlogPostList: responses.blogPostListResponseSchema,
  BlogPostEntry: responses.blogPostResponseSchema,
  LandingPageList: responses.landingPageListResponseSchema,
  LandingPageEntry: responses.landingPageResponseSchema,
  CtaList: responses.ctaListResponseSchema,
  CtaEntry: responses.ctaResponseSchema,
  FormList: responses.formListResponseSchema,
  FormEntry: responses.formResponseSchema,
} satisfies Record<string, z.ZodType>;

type ComponentName = keyof typeof COMPONENTS;

interface Endpoint<Shape extends z.ZodRawShape> {
  operationId: string;
  summary: string;
  /** The schema the controller parses the query with; null when the endpoint takes none. */
  query: z.ZodObject<Shape> | null;
  /**
   * Parameters the service requires although the schema lets them be absent (so that the
   * service's message can name the valid values), with what the document says about them then.
   */
  required?: Partial<Record<keyof Shape & string, string>>;
  response: { description: string; schema: ComponentName };
}

/** Keeps each endpoint's `required` keys typed against its own query schema. */
const endpoint = <Shape extends z.ZodRawShape>(definition: Endpoint<Shape>) => definition;

/** What each path of the content API takes and answers; the keys are the routes' paths. */
const ENDPOINTS = {
  '/stages': endpoint({
    operationId: 'listStages',
    summary:
      'The configured journey stages, in order, with their guidance in the requested locale ' +
      '(texts not written in it fall back to the default locale, then English).',
    query: stagesQuerySchema,
    response: { description: 'Stages', schema: 'StagesResponse' },
  }),
  '/personas': endpoint({
    operationId: 'listPersonas',
    summary: 'Published personas, by name.',
    query: null,
    response: { description: 'Personas', schema: 'PersonasResponse' },
  }),
  '/content': endpoint({
    operationId: 'findContent',
    summary: 'Published content of all tagged types, merged, filtered and paged in the database.',
    query: contentQuerySchema,
    response: { description: 'A page of content', schema: 'ContentPage' },
  }),
  '/content/next': endpoint({
    operationId: 'findNextContent',
    summary:
      'Content of the stage after `stage`: the next step of the journey. Empty, with meta.stage ' +
      'null, after the last stage.',
    query: contentQuerySchema,
    required: { stage: 'The stage the visitor is in (one key).' },
    response: { description: 'A page of content of the next stage', schema: 'NextContentPage' },
  }),
  '/preview': endpoint({
    operationId: 'checkPreview',
    summary:
      'Whether the caller may read drafts (status=draft) of tagged types and personas: 200 for ' +
      'a role or token holding plugin::journey.preview.drafts or a full-access token, else 403.',
    query: null,
    response: { description: 'Drafts are readable', schema: 'Preview' },
  }),
  '/coverage': endpoint({
    operationId: 'getCoverage',
    summary:
      'Documents per stage x persona with gap/thin/ok/excess statuses. No role has this ' +
      'permission by default: grant it to an API token for dashboards.',
    query: coverageQuerySchema,
    response: { description: 'The coverage matrix', schema: 'CoverageResponse' },
  }),
};

/** Tags the operations that are Strapi's core REST (their parameters are Strapi's, not the plugin's). */
export const CORE_REST_TAG = 'Shipped types (core REST)';

/** A shipped kind's core REST routes: its path, its schemas, and an example filter that finds one page. */
interface CoreRestKind {
  plural: string;
  label: string;
  entry: z.ZodObject;
  list: ComponentName;
  one: ComponentName;
  example: Record<string, Record<string, string>>;
  /** Two-level populate example for the kind's media, component or relations. */
  populate: Record<string, unknown>;
}

const CORE_REST_KINDS: Record<BuiltInTypeName, CoreRestKind> = {
  'blog-post': {
    plural: 'blog-posts',
    label: 'blog posts',
    entry: responses.blogPostSchema,
    list: 'BlogPostList',
    one: 'BlogPostEntry',
    example: { slug: { $eq: 'what-is-the-customer-journey' } },
    populate: { cover: true, seo: { populate: 'shareImage' } },
  },
  'landing-page': {
    plural: 'landing-pages',
    label: 'landing pages',
    entry: responses.landingPageSchema,
    list: 'LandingPageList',
    one: 'LandingPageEntry',
    example: { slug: { $eq: 'pricing' } },
    populate: { hero: true, seo: { populate: 'shareImage' } },
  },
  cta: {
    plural: 'ctas',
    label: 'calls to action',
    entry: responses.ctaSchema,
    list: 'CtaList',
    one: 'CtaEntry',
    example: { style: { $eq: 'primary' } },
    populate: { landingPage: { fields: ['slug', 'title'] }, form: true },
  },
  form: {
    plural: 'forms',
    label: 'forms',
    entry: responses.formSchema,
    list: 'FormList',
    one: 'FormEntry',
    example: { name: { $eq: 'Newsletter signup' } },
    populate: { personas: { fields: ['slug', 'name'] } },
  },
};

/** The attributes `fields` may name: the entry's scalar ones (not media, components, relations). */
const scalarFields = (entry: z.ZodObject) => {
  const notScalar = new Set([
    'id',
    'documentId',
    'personas',
    'cover',
    'hero',
    'seo',
    'landingPage',
    'form',
  ]);
  return Object.keys(entry.shape).filter((name) => !notScalar.has(name));
};

/**
 * Strapi's standard REST parameters, as these routes take them (they are Strapi's core REST: its
 * semantics and its validation). `onePage` leaves out what a single entry does not take.
 */
const coreRestParameters = (kind: CoreRestKind, { locales }: OpenApiContext, onePage: boolean) => {
  const deepObject = (
    name: string,
    description: string,
    example: unknown,
    schema: Record<string, unknown> = { type: 'object', additionalProperties: true }
  ) => ({
    name,
    in: 'query',
    style: 'deepObject',
    explode: true,
    required: false,
    description,
    schema,
    example,
  });
  const list = [
    deepObject(
      'filters',
      'Strapi filters on any attribute, relations and components included: filters[slug][$eq]=x finds one page; ' +
        'operators $eq, $ne, $in, $containsi, $lt, $gt, $null, ..., groups $and, $or, $not. An unknown attribute or operator is a 400.',
      kind.example
    ),
    {
      name: 'sort',
      in: 'query',
      required: false,
      description:
        'attribute[:asc|:desc], several separated by commas (sort=publishedAt:desc,title).',
      schema: { type: 'string' },
      example: 'publishedAt:desc',
    },
    deepObject(
      'pagination',
      'pagination[page] and [pageSize] (at most 100, default 25), or [start] and [limit]; [withCount]=false skips the total.',
      { page: 1, pageSize: 10 },
      {
        type: 'object',
        properties: {
          page: { type: 'integer', minimum: 1 },
          pageSize: { type: 'integer', minimum: 1, maximum: 100 },
          start: { type: 'integer', minimum: 0 },
          limit: { type: 'integer', minimum: 1, maximum: 100 },
          withCount: { type: 'boolean' },
        },
      }
    ),
  ];
  const both = [
    deepObject(
      'populate',
      'Relations, media and components to include: populate=* (one level), populate[0]=cover, ' +
        'populate[seo][populate]=shareImage, populate[landingPage][fields][0]=slug. ' +
        'A name the type lacks is a 400.',
      kind.populate
    ),
    {
      name: 'fields',
      in: 'query',
      required: false,
      style: 'form',
      explode: false,
      description:
        'Scalar attributes to return (id and documentId always come): fields=title,slug.',
      schema: { type: 'array', items: { type: 'string', enum: scalarFields(kind.entry) } },
      example: scalarFields(kind.entry).slice(0, 2),
    },
    {
      name: 'locale',
      in: 'query',
      required: false,
      description: `The locale to answer in; the default locale when absent. Available: ${locales.join(', ')}.`,
      schema: { type: 'string', enum: [...locales] },
      example: locales[0],
    },
    {
      name: 'status',
      in: 'query',
      required: false,
      description: 'published (the default) or draft, as in Strapi core REST.',
      schema: { type: 'string', enum: ['published', 'draft'], default: 'published' },
    },
  ];
  return onePage ? both : [...list, ...both];
};

/** The paths of the shipped kinds' core REST routes, keyed as the routes are (GET only). */
const coreRestPaths = (context: OpenApiContext, errors: Record<string, unknown>) =>
  Object.fromEntries(
    Object.values(CORE_REST_KINDS).flatMap((kind) => {
      const ok = (schema: ComponentName, description: string) => ({
        description,
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
      });
      const operationName = kind.list.replace(/List$/, '');
      return [
        [
          `/${kind.plural}`,
          {
            get: {
              operationId: `list${operationName}s`,
              summary: `Published ${kind.label} (Strapi core REST, read-only).`,
              tags: [CORE_REST_TAG],
              parameters: coreRestParameters(kind, context, false),
              responses: { '200': ok(kind.list, `A page of ${kind.label}`), ...errors },
            },
          },
        ],
        [
          `/${kind.plural}/{documentId}`,
          {
            get: {
              operationId: `get${operationName}`,
              summary: `One of the ${kind.label} by documentId (Strapi core REST, read-only).`,
              tags: [CORE_REST_TAG],
              parameters: [
                { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } },
                ...coreRestParameters(kind, context, true),
              ],
              responses: {
                '200': ok(kind.one, 'The entry'),
                ...errors,
                '404': errorResponse('No published entry with this documentId (in this locale).'),
              },
            },
          },
        ],
      ];
    })
  );

/** The JSON Schema keywords this module reads or writes on a generated schema. */
interface JsonSchema {
  description?: string;
  default?: unknown;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  [keyword: string]: unknown;
}

const GENERATION = { target: 'openapi-3.0' } as const;

/**
 * Puts the running config's values where the shared schemas mark them (stage keys, type names),
 * and lists null in the enum of a nullable schema: OpenAPI 3.0 marks null with `nullable`, but
 * validators still check an enum, which must therefore name null too.
 */
const liveValues =
  ({ stageKeys, typeNames }: OpenApiContext) =>
  (context: { zodSchema: unknown; jsonSchema: JsonSchema }) => {
    const schema = context.jsonSchema;
    if (context.zodSchema === responses.stageKeySchema) schema.enum = [...stageKeys];
    if (context.zodSchema === responses.typeNameSchema) schema.enum = [...typeNames];
    // A new array: the enum may be shared with the non-nullable schema this one wraps.
    if (schema.nullable && schema.enum && !schema.enum.includes(null)) {
      schema.enum = [...schema.enum, null];
    }
  };

/**
 * Query parameters, as the endpoint's zod schema reads them (its input side: what a client sends),
 * in the schema's order. The running config adds what the schema cannot know: the stage keys,
 * type names and locales a parameter accepts.
 */
const queryParameters = <Shape extends z.ZodRawShape>(
  { query, required = {} }: Endpoint<Shape>,
  { stageKeys, typeNames, locales }: OpenApiContext
) => {
  if (!query) return [];
  const lists: Record<string, readonly string[]> = { stage: stageKeys, type: typeNames };
  const object = z.toJSONSchema(query, { ...GENERATION, io: 'input' }) as {
    properties: Record<string, JsonSchema>;
    required?: string[];
  };
  const requiredHere: Record<string, string | undefined> = required;

  return Object.entries(object.properties).map(([name, { description, ...schema }]) => {
    // A default a transform hides from the input side (page=1) is what the schema makes of absence.
    const absent = z.safeParse(query.shape[name], undefined);
    if (schema.default === undefined && absent.success && absent.data !== undefined) {
      schema.default = absent.data;
    }
    let text = requiredHere[name] ?? description;
    if (lists[name]) {
      text = `${text} Allowed: ${lists[name].join(', ')}.`;
      schema.example = lists[name][0];
    }
    if (name === 'locale') {
      text = `${text} Available: ${locales.join(', ')}.`;
      schema.enum = [...locales];
    }
    return {
      name,
      in: 'query',
      required: name in requiredHere || (object.required ?? []).includes(name),
      ...(text ? { description: text } : {}),
      schema,
    };
  });
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** What null is in an OpenAPI 3.0 schema (zod writes it so for a union with z.null()). */
const NULL_SCHEMA = { type: 'string', nullable: true, enum: [null] };

/**
 * A nullable reference (`cover: MediaFile | null`) comes out of zod as `{ nullable, allOf: [$ref] }`,
 * which OpenAPI 3.0 validators refuse: `nullable` only means something beside `type`. Written as
 * "the referenced schema or null" instead, recursively.
 */
const nullableRefs = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(nullableRefs);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, allOf, ...rest } = schema as JsonSchema & { allOf?: unknown[] };
  const walked = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, nullableRefs(value)])
  );
  if (nullable && allOf && rest.type === undefined) {
    return { ...walked, anyOf: [...(nullableRefs(allOf) as unknown[]), NULL_SCHEMA] };
  }
  return {
    ...walked,
    ...(nullable === undefined ? {} : { nullable }),
    ...(allOf === undefined ? {} : { allOf: nullableRefs(allOf) }),
  };
};

/**
 * OpenAPI 3.0 description of /api/journey, generated from the zod schemas the endpoints parse
 * their queries with and describe their answers with, and from the running config, so stage keys,
 * type names and locales are the real ones. Served at GET /api/journey/openapi.json.
 */
export const buildOpenApiDocument = (context: OpenApiContext) => {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    ...GENERATION,
    uri: (id) => `#/components/schemas/${id}`,
    override: liveValues(context),
  });
  // `$id` is JSON Schema's, not a keyword of OpenAPI 3.0 schema objects.
  const components = Object.fromEntries(
    Object.entries(schemas).map(([id, { $id: _, ...schema }]) => [id, nullableRefs(schema)])
  );

  const errors = {
    '400': errorResponse('A parameter is invalid; the message says which and what is allowed.'),
    '403': errorResponse('The role lacks the permission for this endpoint.'),
  };
  const paths: Record<string, object> = Object.fromEntries(
    Object.entries(ENDPOINTS).map(([path, definition]) => {
      const { operationId, summary, response } = definition;
      const parameters = queryParameters(definition, context);
      const schema = { $ref: `#/components/schemas/${response.schema}` };
      const ok = { description: response.description, content: { 'application/json': { schema } } };
      return [
        path,
        {
          get: {
            operationId,
            summary,
            ...(parameters.length > 0 ? { parameters } : {}),
            responses: { '200': ok, ...errors },
          },
        },
      ];
    })
  );

  paths['/events'] = {
    post: {
      operationId: 'sendEvents',
      summary:
        'Views, clicks and conversions of published entries, 1 to 100 a request, for journey ' +
        'performance. Events naming something that does not exist are dropped, with the reason. ' +
        'Requests with DNT: 1 or Sec-GPC: 1, and from bots, are accepted and not counted. No ' +
        'cookie is set and no IP address or user agent is stored. JSON may also be sent as ' +
        'text/plain (navigator.sendBeacon).',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/EventsRequest' } },
          'text/plain': { schema: { type: 'string', description: 'The same JSON, as text.' } },
        },
      },
      responses: {
        '202': {
          description: 'What was counted, and what was dropped and why',
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/EventsResponse' } },
          },
        },
        '400': errorResponse('The body is malformed; the message names the field.'),
        '403': errors['403'],
        '413': errorResponse(`The body is larger than ${MAX_EVENTS_BODY_BYTES} bytes.`),
        '429': errorResponse(
          'Too many requests from this client; the Retry-After header says when to try again.'
        ),
      },
    },
  };
  if (context.builtInTypes) {
    Object.assign(paths, coreRestPaths(context, errors));
    paths['/forms/{documentId}/submissions'] = {
      post: {
        operationId: 'submitForm',
        summary:
          'A visitor submits a published form (in context.locale, default the default locale). ' +
          "Values are checked against the form's field definitions: a 400 lists one error per " +
          'field at path ["data", "<field>"]. Counted as a conversion of the form and of ' +
          'context.source. Nothing of the data is echoed.',
        parameters: [
          {
            name: 'documentId',
            in: 'path',
            required: true,
            description: "The form's documentId.",
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/SubmissionRequest' } },
          },
        },
        responses: {
          '201': {
            description: 'Stored',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/SubmissionCreated' } },
            },
          },
          '400': errorResponse('A value is refused; details.errors has one entry per field.'),
          '403': errors['403'],
          '404': errorResponse('No published form with that documentId in that locale.'),
          '413': errorResponse(`The body is larger than ${MAX_SUBMISSION_BODY_BYTES} bytes.`),
          '429': errorResponse(
            'Too many submissions from this client or to this form; see Retry-After.'
          ),
        },
      },
    };
  }

  return {
    openapi: '3.0.3',
    info: {
      title: 'Journey content API',
      version: context.version,
      description:
        'Stage- and persona-appropriate published content across every tagged content type.',
    },
    servers: [{ url: '/api/journey' }],
    paths,
    components: { schemas: components },
  };
};
