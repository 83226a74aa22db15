import type { Core } from '@strapi/strapi';

/**
 * The parts of a GraphQL schema used here, typed structurally: the schema comes from the GraphQL
 * plugin's own copy of `graphql`, which need not be this package's (no `instanceof`).
 */
interface Field {
  name: string;
  resolve?: unknown;
}
interface Schema {
  getType(name: string): { getFields?: () => Record<string, Field> } | null | undefined;
}

/** The part of the GraphQL plugin's content-api service this module uses. */
interface ContentApiService {
  buildSchema: () => Schema;
}

/**
 * Strapi's GraphQL plugin wraps the resolver of every field of every object type
 * (`services/content-api/wrap-resolvers.js`) in an async function that runs the auth check and the
 * field's policies. For a field of a type that is not Query/Mutation and has no `resolversConfig`
 * entry, both do nothing: the auth check runs only for root fields and configured ones, and the
 * policy step with no policies calls the resolver. Yet every wrapped field answers with a promise,
 * and a content page of 25 items with 15 fields each is some 400 of them: the GraphQL page cost
 * 2x to 3x the REST endpoint it mirrors (tests/api and the benchmark measure both).
 *
 * The plugin's own output types (`ownFields` below) read plain values off the items the content
 * service built: they have no resolvers of their own. So once Strapi has built and wrapped the
 * schema, those fields are given back GraphQL's default resolver: the same values, synchronously,
 * and the same (absent) checks. A field that the plugin configures or resolves keeps Strapi's
 * wrapper, and so does every type Strapi or another plugin defines (nested images, relations).
 */
export const serveOwnFieldsDirectly = (
  strapi: Core.Strapi,
  /** Per own type name, its fields that keep Strapi's wrapper (configured or resolved). */
  ownFields: () => ReadonlyMap<string, ReadonlySet<string>>
) => {
  const contentApi = strapi.plugin('graphql').service('content-api') as ContentApiService;
  // A GraphQL plugin built otherwise keeps its wrapper everywhere (tests/api/graphql.test.ts says so).
  if (typeof contentApi?.buildSchema !== 'function') return;
  const buildSchema = contentApi.buildSchema.bind(contentApi);
  contentApi.buildSchema = () => {
    const schema = buildSchema();
    for (const [typeName, wrapped] of ownFields()) {
      const fields = schema.getType(typeName)?.getFields?.() ?? {};
      for (const field of Object.values(fields) as Field[]) {
        if (!wrapped.has(field.name)) field.resolve = undefined;
      }
    }
    return schema;
  };
};
