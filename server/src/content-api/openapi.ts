import { CONTENT_SORTS, COVERAGE_STATUSES, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../shared/contracts';

export interface OpenApiContext {
  version: string;
  stageKeys: readonly string[];
  typeNames: readonly string[];
  locales: readonly string[];
}

const listParameter = (name: string, description: string, values: readonly string[]) => ({
  name,
  in: 'query',
  required: false,
  description: `${description} Several values: comma-separated. Allowed: ${values.join(', ')}.`,
  schema: { type: 'string', example: values[0] },
});

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/**
 * OpenAPI 3.0 description of /api/journey, built from the running config so stage keys, type names
 * and locales are the real ones. Served at GET /api/journey/openapi.json.
 */
export const buildOpenApiDocument = ({ version, stageKeys, typeNames, locales }: OpenApiContext) => {
  const contentParameters = [
    listParameter('stage', 'Journey stage key.', stageKeys),
    { name: 'persona', in: 'query', required: false, description: 'Persona slug (published personas). Several values: comma-separated; matches any.', schema: { type: 'string' } },
    listParameter('type', 'Tagged content type name.', typeNames),
    { name: 'locale', in: 'query', required: false, description: `Locale code; default: the default locale. Available: ${locales.join(', ')}.`, schema: { type: 'string', enum: [...locales] } },
    { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
    { name: 'pageSize', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
    { name: 'sort', in: 'query', required: false, schema: { type: 'string', enum: [...CONTENT_SORTS], default: CONTENT_SORTS[0] } },
  ];
  const errors = {
    '400': errorResponse('A parameter is invalid; the message says which and what is allowed.'),
    '403': errorResponse('The role lacks the permission for this endpoint.'),
  };

  return {
    openapi: '3.0.3',
    info: {
      title: 'Journey content API',
      version,
      description: 'Stage- and persona-appropriate published content across every tagged content type.',
    },
    servers: [{ url: '/api/journey' }],
    paths: {
      '/stages': {
        get: {
          operationId: 'listStages',
          summary: 'The configured journey stages, in order, with their guidance.',
          responses: { '200': { description: 'Stages', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Stage' } } } } } } }, ...errors },
        },
      },
      '/personas': {
        get: {
          operationId: 'listPersonas',
          summary: 'Published personas, by name.',
          responses: { '200': { description: 'Personas', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Persona' } } } } } } }, ...errors },
        },
      },
      '/content': {
        get: {
          operationId: 'findContent',
          summary: 'Published content of all tagged types, merged, filtered and paged in the database.',
          parameters: contentParameters,
          responses: { '200': { description: 'A page of content', content: { 'application/json': { schema: { $ref: '#/components/schemas/ContentPage' } } } }, ...errors },
        },
      },
      '/content/next': {
        get: {
          operationId: 'findNextContent',
          summary: 'Content of the stage after `stage`: the next step of the journey. Empty, with meta.stage null, after the last stage.',
          parameters: [{ ...contentParameters[0], required: true, description: 'The stage the visitor is in (one key).' }, ...contentParameters.slice(1)],
          responses: { '200': { description: 'A page of content of the next stage', content: { 'application/json': { schema: { $ref: '#/components/schemas/NextContentPage' } } } }, ...errors },
        },
      },
      '/coverage': {
        get: {
          operationId: 'getCoverage',
          summary: 'Documents per stage x persona with gap/thin/ok/excess statuses. No role has this permission by default: grant it to an API token for dashboards.',
          parameters: [
            listParameter('type', 'Tagged content type name.', typeNames),
            contentParameters[3],
            { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: [...COVERAGE_STATUSES], default: 'published' } },
            { name: 'fresh', in: 'query', required: false, description: 'Count only content updated within staleAfterDays.', schema: { type: 'string', enum: ['true', 'false'], default: 'false' } },
          ],
          responses: {
            '200': { description: 'The coverage matrix (see CoverageMatrix in strapi-plugin-journey/contracts)', content: { 'application/json': { schema: { type: 'object', required: ['data'], properties: { data: { type: 'object' } } } } } },
            ...errors,
          },
        },
      },
    },
    components: {
      schemas: {
        Stage: {
          type: 'object',
          required: ['key', 'label', 'order', 'description', 'questions', 'keywords', 'touchpoints', 'minimum'],
          properties: {
            key: { type: 'string', enum: [...stageKeys] },
            label: { type: 'string' },
            order: { type: 'integer' },
            description: { type: 'string' },
            questions: { type: 'array', items: { type: 'string' } },
            keywords: { type: 'array', items: { type: 'string' } },
            touchpoints: { type: 'array', items: { type: 'string' } },
            minimum: { type: 'integer' },
          },
        },
        Persona: {
          type: 'object',
          required: ['documentId', 'slug', 'name', 'description', 'goals', 'painPoints', 'touchpoints'],
          properties: {
            documentId: { type: 'string' },
            slug: { type: 'string' },
            name: { type: 'string' },
            description: { type: 'string', nullable: true },
            goals: { type: 'array', items: { type: 'string' } },
            painPoints: { type: 'array', items: { type: 'string' } },
            touchpoints: { type: 'array', items: { type: 'string' } },
          },
        },
        ContentItem: {
          type: 'object',
          description: "An entry of a tagged type. Its own public fields (title, body, url...) appear alongside these.",
          required: ['documentId', 'type', 'stage', 'personas', 'locale', 'publishedAt', 'updatedAt'],
          additionalProperties: true,
          properties: {
            documentId: { type: 'string' },
            type: { type: 'string', enum: [...typeNames] },
            stage: { type: 'string', nullable: true },
            personas: { type: 'array', items: { type: 'object', required: ['slug', 'name'], properties: { slug: { type: 'string' }, name: { type: 'string' } } } },
            locale: { type: 'string', nullable: true },
            publishedAt: { type: 'string', format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
          },
        },
        Pagination: {
          type: 'object',
          required: ['page', 'pageSize', 'pageCount', 'total'],
          properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } },
        },
        ContentPage: {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: { type: 'array', items: { $ref: '#/components/schemas/ContentItem' } },
            meta: { type: 'object', required: ['pagination'], properties: { pagination: { $ref: '#/components/schemas/Pagination' } } },
          },
        },
        NextContentPage: {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: { type: 'array', items: { $ref: '#/components/schemas/ContentItem' } },
            meta: {
              type: 'object',
              required: ['stage', 'pagination'],
              properties: { stage: { type: 'string', nullable: true }, pagination: { $ref: '#/components/schemas/Pagination' } },
            },
          },
        },
        Error: {
          type: 'object',
          required: ['data', 'error'],
          properties: {
            data: { nullable: true, example: null },
            error: {
              type: 'object',
              required: ['status', 'name', 'message', 'details'],
              properties: { status: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
            },
          },
        },
      },
    },
  };
};
