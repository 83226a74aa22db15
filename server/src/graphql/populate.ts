import type { Core } from '@strapi/strapi';
import type { GraphqlNaming } from './draft-guard';

/**
 * Images, components and relations on the GraphQL content items. REST items carry them only when
 * `populate` asks; in GraphQL the query itself says which it wants, so the resolver reads the
 * selection and asks the content service for exactly those (one populate per page, as REST), never
 * for what the query does not select. Nested levels (`seo { shareImage }`, `landingPage { hero }`)
 * are Strapi's own types and resolvers, which load from the populated row's id.
 */

interface Attribute {
  type: string;
  private?: boolean;
  multiple?: boolean;
  repeatable?: boolean;
  component?: string;
  relation?: string;
  target?: string;
}

/** Whether shadow CRUD builds a GraphQL type for a content type (admin:: types never get one). */
export type IsExposed = (uid: string) => boolean;

/** The SDL type of an attribute that links to other rows, or null when GraphQL has no type for it. */
const linkedType = (
  strapi: Core.Strapi,
  naming: GraphqlNaming,
  isExposed: IsExposed,
  attribute: Attribute
) => {
  const list = (name: string, many: boolean | undefined) => (many ? `[${name}!]` : name);
  if (attribute.type === 'media' && strapi.contentTypes['plugin::upload.file']) {
    return list(naming.getTypeName(strapi.contentType('plugin::upload.file')), attribute.multiple);
  }
  if (attribute.type === 'component' && attribute.component) {
    const component = strapi.components[attribute.component as keyof typeof strapi.components];
    return component ? list(naming.getComponentName(component), attribute.repeatable) : null;
  }
  // Morph relations have no single target type; dynamic zones are left out for the same reason.
  if (
    attribute.type === 'relation' &&
    attribute.target &&
    !attribute.relation?.startsWith('morph')
  ) {
    const target = strapi.contentTypes[attribute.target as keyof typeof strapi.contentTypes];
    if (!target || attribute.target.startsWith('admin::') || !isExposed(attribute.target))
      return null;
    return list(naming.getTypeName(target), attribute.relation?.endsWith('Many'));
  }
  return null;
};

/** A linked attribute as a GraphQL field: its name and SDL type. */
export interface LinkedField {
  name: string;
  type: string;
}

/** The linked attributes of a tagged type (not private, not `shaped`) as GraphQL fields. */
export const linkedFieldsOf = (
  strapi: Core.Strapi,
  naming: GraphqlNaming,
  isExposed: IsExposed,
  uid: string,
  shaped: ReadonlySet<string>
): LinkedField[] =>
  Object.entries(strapi.contentType(uid as never).attributes as Record<string, Attribute>)
    .filter(([name, attribute]) => !shaped.has(name) && !attribute.private)
    .flatMap(([name, attribute]) => {
      const type = linkedType(strapi, naming, isExposed, attribute);
      return type ? [{ name, type }] : [];
    });

/** The parts of GraphQL's resolve info this reads (graphql-js's FieldNode and FragmentDefinition). */
interface SelectionNode {
  kind: string;
  name?: { value: string };
  selectionSet?: { selections: readonly SelectionNode[] };
}
export interface SelectionInfo {
  fieldNodes: readonly SelectionNode[];
  fragments: Record<string, { selectionSet: { selections: readonly SelectionNode[] } }>;
}

/** The field names selected directly in these selections, through inline fragments and spreads. */
const selectedFields = (
  selections: readonly SelectionNode[],
  fragments: SelectionInfo['fragments'],
  seen = new Set<string>()
): SelectionNode[] =>
  selections.flatMap((selection) => {
    if (selection.kind === 'Field') return [selection];
    if (selection.kind === 'InlineFragment')
      return selectedFields(selection.selectionSet?.selections ?? [], fragments, seen);
    if (selection.kind === 'FragmentSpread' && selection.name && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      return fragment ? selectedFields(fragment.selectionSet.selections, fragments, seen) : [];
    }
    return [];
  });

/**
 * The REST `populate` object (`{ cover: true, seo: true }`) for the linked fields a content query
 * selects under `data`, whatever item type they are selected on (the REST rule: a name applies to
 * the types that have it). undefined when it selects none.
 */
export const populateFromSelection = (info: SelectionInfo, linkedNames: ReadonlySet<string>) => {
  const fragments = info.fragments ?? {};
  const items = selectedFields(info.fieldNodes, fragments)
    .flatMap((root) => selectedFields(root.selectionSet?.selections ?? [], fragments))
    .filter((field) => field.name?.value === 'data')
    .flatMap((data) => selectedFields(data.selectionSet?.selections ?? [], fragments));
  const names = [
    ...new Set(items.map((field) => field.name?.value ?? '').filter((n) => linkedNames.has(n))),
  ];
  return names.length > 0
    ? Object.fromEntries(names.map((name) => [name, true as const]))
    : undefined;
};
