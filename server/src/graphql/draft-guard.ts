import type { Core } from '@strapi/strapi';
import { getJourneyConfig } from '../config';
import { draftsForbidden, guardedUids, mayReadDrafts } from '../drafts/guard';

/** The GraphQL plugin's naming service: the type names shadow CRUD gives models. */
export interface GraphqlNaming {
  getTypeName(model: unknown): string;
  getComponentName(model: unknown): string;
}

interface GraphqlPath {
  key: string | number;
  prev?: GraphqlPath;
}

type Resolve = (parent: unknown, args: unknown, context: unknown, info: unknown) => unknown;

interface NestedContext {
  state?: { auth?: unknown };
  /** Set by the GraphQL plugin: each root field's arguments, which nested relations inherit. */
  rootQueryArgsByPath?: Map<string | number, { status?: string }>;
}

/**
 * Strapi's GraphQL loads nested relations with the Query Engine, not the Document Service, and
 * gives them the root query's `status`: `{ tags(status: DRAFT) { articles { title } } }` returns
 * draft articles, whatever the root type. So every relation field that leads to a guarded type gets
 * a resolver middleware that asks for the preview permission when the branch reads drafts.
 *
 * Returns `resolversConfig` entries (`Type.field` -> `{ middlewares }`) for the extension.
 */
export const createNestedDraftGuard = (strapi: Core.Strapi, naming: GraphqlNaming) => {
  const guarded = guardedUids(strapi);

  const middleware = async (
    resolve: Resolve,
    parent: unknown,
    args: { status?: string } | undefined,
    context: NestedContext,
    info: { path: GraphqlPath; parentType: { name: string }; fieldName: string }
  ) => {
    if (getJourneyConfig(strapi).protectDrafts) {
      let root = info.path;
      while (root.prev) root = root.prev;
      const status = args?.status ?? context.rootQueryArgsByPath?.get(root.key)?.status;
      if (status === 'draft' && !(await mayReadDrafts(strapi, context.state?.auth))) {
        throw draftsForbidden(targetOf.get(`${info.parentType.name}.${info.fieldName}`) ?? '');
      }
    }
    return resolve(parent, args, context, info);
  };

  /** `Type.field` -> the guarded uid it leads to. */
  const targetOf = new Map<string, string>();
  type Model = { attributes: Record<string, { type: string; target?: string }> };
  const models = [
    ...Object.values(strapi.contentTypes).map((model) => ({ model, component: false })),
    ...Object.values(strapi.components).map((model) => ({ model, component: true })),
  ] as Array<{ model: Model; component: boolean }>;
  for (const { model, component } of models) {
    for (const [name, attribute] of Object.entries(model.attributes)) {
      if (attribute.type !== 'relation' || !attribute.target || !guarded.has(attribute.target)) {
        continue;
      }
      const typeName = component ? naming.getComponentName(model) : naming.getTypeName(model);
      // Shadow CRUD serves a to-many relation both as a list and as `<name>_connection`.
      targetOf.set(`${typeName}.${name}`, attribute.target);
      targetOf.set(`${typeName}.${name}_connection`, attribute.target);
    }
  }
  return Object.fromEntries(
    [...targetOf.keys()].map((path) => [path, { middlewares: [middleware] }])
  );
};
