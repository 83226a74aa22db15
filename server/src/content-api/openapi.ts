import { z } from 'zod';
import * as responses from '../../../shared/response-schemas';
import { coverageQuerySchema } from '../coverage/query';
import { stagesQuerySchema } from '../stages/query';
import { contentQuerySchema } from './query';

export interface OpenApiContext {
  version: string;
  stageKeys: readonly string[];
  typeNames: readonly string[];
  locales: readonly string[];
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
  Error: responses.errorResponseSchema,
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
    Object.entries(schemas).map(([id, { $id: _, ...schema }]) => [id, schema])
  );

  const errors = {
    '400': errorResponse('A parameter is invalid; the message says which and what is allowed.'),
    '403': errorResponse('The role lacks the permission for this endpoint.'),
  };
  const paths = Object.fromEntries(
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
