import type { Core } from '@strapi/strapi';
import { CONTENT_SORTS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../shared/contracts';
import { getService } from '../utils/get-service';
import type { LinkedField } from './populate';

/** Tagged type name (`blog-post`) -> its item type (`JourneyContentBlogPost`). */
export type ItemTypeNames = ReadonlyMap<string, string>;

/**
 * A stage key as a GraphQL enum value: enum values cannot contain dashes, so `post-purchase` is
 * `post_purchase` (the same rule Strapi's shadow CRUD applies to enumerations).
 */
export const stageEnumValue = (key: string) => key.replace(/-/g, '_');

/** Fields every item has, shaped by the content service; a type's own attribute of that name is left out. */
const ITEM_FIELDS = `
  documentId: ID!
  "The tagged type's name, as the REST \`type\` parameter takes it."
  type: String!
  "The stored stage key (possibly one no longer configured), or null if untagged: as REST."
  stage: String
  "The stage as the enum; null when untagged or stored under a stage no longer configured."
  journeyStage: JourneyStage
  personas: [JourneyPersonaRef!]!
  "null for a tagged type that is not localized."
  locale: String
  publishedAt: String!
  updatedAt: String!`;

export const SHAPED: ReadonlySet<string> = new Set([
  'id',
  'documentId',
  'type',
  'stage',
  'journeyStage',
  'personas',
  'locale',
  'localizations',
  'publishedAt',
  'updatedAt',
]);

/**
 * GraphQL types of an entry's own scalar attributes; images, components and relations are added by
 * graphql/populate.ts and loaded only when a query selects them.
 */
const SCALAR_TYPES: Record<string, string> = {
  string: 'String',
  text: 'String',
  richtext: 'String',
  email: 'String',
  uid: 'String',
  enumeration: 'String',
  date: 'String',
  time: 'String',
  datetime: 'String',
  timestamp: 'String',
  biginteger: 'String',
  integer: 'Int',
  float: 'Float',
  decimal: 'Float',
  boolean: 'Boolean',
  json: 'JSON',
  blocks: 'JSON',
};

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

const ownFields = (attributes: Record<string, { type: string; private?: boolean }>) =>
  Object.entries(attributes)
    .filter(
      ([name, attribute]) =>
        !SHAPED.has(name) &&
        !attribute.private &&
        GRAPHQL_NAME.test(name) &&
        SCALAR_TYPES[attribute.type] !== undefined
    )
    .map(([name, attribute]) => `  ${name}: ${SCALAR_TYPES[attribute.type]}`)
    .join('\n');

const CONTENT_ARGS = `
    "Persona slugs (published personas); matches any. Without it, entries with no persona are included."
    persona: [String!]
    "Tagged type names (e.g. blog-post); default all."
    type: [String!]
    "Locale code; default the default locale. Non-localized types ignore it."
    locale: String
    "Page of the merged list, from 1."
    page: Int
    "Entries per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})."
    pageSize: Int
    "One of: ${CONTENT_SORTS.join(', ')} (default ${CONTENT_SORTS[0]})."
    sort: String`;

/** The SDL of the plugin's GraphQL types and queries, for the running config. */
export const buildTypeDefs = (
  strapi: Core.Strapi,
  {
    stageKeys,
    itemTypeNames,
    linkedFields,
  }: {
    stageKeys: readonly string[];
    itemTypeNames: ItemTypeNames;
    /** A type's image, component and relation fields (graphql/populate.ts). */
    linkedFields: (uid: string) => LinkedField[];
  }
) => {
  const itemTypes = getService(strapi, 'tagging').types.map(
    (type) => `
"An entry of the tagged type ${type.uid}, named ${type.name} in the \`type\` argument."
type ${itemTypeNames.get(type.name)} implements JourneyContentItem {${ITEM_FIELDS}
${[ownFields(strapi.contentType(type.uid).attributes as Record<string, { type: string }>), ...linkedFields(type.uid).map(({ name, type: sdl }) => `  ${name}: ${sdl}`)].filter(Boolean).join('\n')}
}`
  );

  return `
"A configured journey stage (dashes in stage keys become underscores)."
enum JourneyStage {
  ${stageKeys.map(stageEnumValue).join('\n  ')}
}

type JourneyPersonaRef {
  slug: String!
  name: String!
}

"A published entry of any tagged type, as the REST content endpoints list it."
interface JourneyContentItem {${ITEM_FIELDS}
}
${itemTypes.join('\n')}

type JourneyContentPageMeta {
  pagination: Pagination!
}

type JourneyContentPage {
  data: [JourneyContentItem!]!
  meta: JourneyContentPageMeta!
}

type JourneyNextContentPageMeta {
  "The stage after the one asked for; null after the last stage."
  stage: JourneyStage
  pagination: Pagination!
}

type JourneyNextContentPage {
  data: [JourneyContentItem!]!
  meta: JourneyNextContentPageMeta!
}

type JourneyStageInfo {
  key: String!
  "The key as the JourneyStage enum."
  value: JourneyStage!
  label: String!
  order: Int!
  description: String!
  questions: [String!]!
  keywords: [String!]!
  touchpoints: [String!]!
  minimum: Int!
}

extend type Query {
  "Published content of every tagged type, merged, filtered and paged: GET /api/journey/content."
  journeyContent(
    "Stages; matches any."
    stage: [JourneyStage!]${CONTENT_ARGS}
  ): JourneyContentPage!

  "Content of the stage after \`stage\`: GET /api/journey/content/next."
  journeyNextContent(
    "The stage the visitor is in."
    stage: JourneyStage!${CONTENT_ARGS}
  ): JourneyNextContentPage!

  "The configured journey stages, in order: GET /api/journey/stages."
  journeyStages(locale: String): [JourneyStageInfo!]!
}
`;
};
