import type { Core, UID } from '@strapi/strapi';
import { CONTENT_API_ACTIONS, PERSONA_UID, SUBMISSION_UID } from '../../../shared/constants';
import type { ContentItem, ContentResponse, NextContentResponse } from '../../../shared/contracts';
import { parseContentQuery } from '../content-api/query';
import { parseStagesQuery } from '../stages/query';
import { toStageResponseItems } from '../stages/response';
import { getService } from '../utils/get-service';
import { createNestedDraftGuard, type GraphqlNaming } from './draft-guard';
import { serveOwnFieldsDirectly } from './plain-fields';
import {
  linkedFieldsOf,
  populateFromSelection,
  type IsExposed,
  type SelectionInfo,
} from './populate';
import { buildTypeDefs, SHAPED, stageEnumValue, type ItemTypeNames } from './type-defs';

/*
 * GraphQL for the content API, following Strapi's own plugins (i18n's graphql.ts, navigation's
 * graphql/): registered with the GraphQL plugin's extension service from register(), only when
 * that plugin is installed, so without it nothing changes. The resolvers turn their arguments
 * into the REST query string and call the same parser and services as the REST controllers: the
 * same items, pagination, validation messages (as BAD_USER_INPUT errors) and permissions.
 */

/** The part of the GraphQL plugin's extension service this plugin uses. */
interface GraphqlExtensionService {
  use(configuration: (context: { strapi: Core.Strapi }) => GraphqlExtension): unknown;
  shadowCRUD(uid: string): { disable(): unknown; isEnabled(): boolean };
}

type Resolver = (
  parent: unknown,
  args: Record<string, unknown>,
  context: GraphqlContext,
  info: SelectionInfo
) => unknown;

interface GraphqlContext {
  state: { auth?: unknown };
}

export interface GraphqlExtension {
  typeDefs: string;
  resolvers: Record<string, Record<string, Resolver | ((item: ContentItem) => string)>>;
  resolversConfig: Record<string, unknown>;
}

interface ContentArgs {
  stage?: string | string[] | null;
  persona?: string[] | null;
  type?: string[] | null;
  locale?: string | null;
  page?: number | null;
  pageSize?: number | null;
  sort?: string | null;
  /** Not a GraphQL argument: what the selection asks to load (graphql/populate.ts). */
  populate?: Record<string, true>;
}

/**
 * GraphQL arguments as the REST query string the content endpoints parse (lists comma-joined,
 * numbers as digits), so both APIs refuse the same input with the same message.
 */
const toRestQuery = (args: ContentArgs, stageKeyOf: (value: string) => string) => {
  const query: Record<string, string | Record<string, true>> = {};
  const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
  if (args.stage != null) query.stage = asList(args.stage).map(stageKeyOf).join(',');
  if (args.persona != null) query.persona = args.persona.join(',');
  if (args.type != null) query.type = args.type.join(',');
  if (args.locale != null) query.locale = args.locale;
  if (args.page != null) query.page = String(args.page);
  if (args.pageSize != null) query.pageSize = String(args.pageSize);
  if (args.sort != null) query.sort = args.sort;
  return args.populate ? { ...query, populate: args.populate } : query;
};

/** Tagged type name (`blog-post`) -> its item type (`JourneyContentBlogPost`). */
const itemTypeNamesOf = (strapi: Core.Strapi): ItemTypeNames =>
  new Map(
    getService(strapi, 'tagging').types.map((type) => [
      type.name,
      `JourneyContent${type.name
        .split('-')
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join('')}`,
    ])
  );

/** Builds the extension when the GraphQL plugin builds its schema (the config is parsed by then). */
const createExtension = (strapi: Core.Strapi): GraphqlExtension => {
  const stages = getService(strapi, 'stages');
  const tagging = getService(strapi, 'tagging');
  const content = getService(strapi, 'content');

  const itemTypeNames = itemTypeNamesOf(strapi);
  const stageKeyByValue = new Map(stages.keys.map((key) => [stageEnumValue(key), key]));
  const stageKeyOf = (value: string) => stageKeyByValue.get(value) ?? value;

  /**
   * An item as GraphQL serves it: the REST item, its stage also as the enum (null when untagged or
   * stored under a stage no longer configured), dates as the ISO strings REST sends.
   */
  const toGraphqlItem = (item: ContentItem) => ({
    ...Object.fromEntries(
      Object.entries(item).map(([key, value]) => [
        key,
        value instanceof Date ? value.toISOString() : value,
      ])
    ),
    journeyStage: item.stage && stages.has(item.stage) ? stageEnumValue(item.stage) : null,
  });
  const toGraphqlPage = <Page extends ContentResponse | NextContentResponse>(page: Page) => ({
    ...page,
    data: page.data.map(toGraphqlItem),
    meta: {
      ...page.meta,
      ...('stage' in page.meta
        ? { stage: page.meta.stage ? stageEnumValue(page.meta.stage) : null }
        : {}),
    },
  });

  const { naming } = strapi.plugin('graphql').service('utils') as { naming: GraphqlNaming };
  const extension = strapi.plugin('graphql').service('extension') as GraphqlExtensionService;
  const isExposed: IsExposed = (uid) => extension.shadowCRUD(uid).isEnabled();
  const linkedFields = new Map(
    tagging.types.map((type) => [
      type.uid,
      linkedFieldsOf(strapi, naming, isExposed, type.uid, SHAPED),
    ])
  );
  const linkedNames = new Set([...linkedFields.values()].flat().map((field) => field.name));
  /** The REST query of a content query: its arguments plus what its selection loads. */
  const restQueryOf = (args: Record<string, unknown>, info: SelectionInfo) =>
    toRestQuery(
      { ...(args as ContentArgs), populate: populateFromSelection(info, linkedNames) },
      stageKeyOf
    );
  // Shadow CRUD's query for one persona (`journeyPersona`).
  const personaQuery = naming
    .getTypeName(strapi.contentType(PERSONA_UID))
    .replace(/^./, (first) => first.toLowerCase());

  return {
    typeDefs: buildTypeDefs(strapi, {
      stageKeys: stages.keys,
      itemTypeNames,
      linkedFields: (uid) => linkedFields.get(uid as UID.ContentType) ?? [],
    }),
    resolvers: {
      Query: {
        journeyContent: async (_parent, args, context, info) =>
          toGraphqlPage(
            await content.find(parseContentQuery(restQueryOf(args, info)), context.state.auth)
          ),
        journeyNextContent: async (_parent, args, context, info) =>
          toGraphqlPage(
            await content.next(parseContentQuery(restQueryOf(args, info)), context.state.auth)
          ),
        // Same parsing and locale fallbacks as GET /api/journey/stages?locale=.
        journeyStages: async (_parent, args) => {
          const { locale } = parseStagesQuery(
            (args as { locale?: string | null }).locale == null ? {} : { locale: args.locale }
          );
          return toStageResponseItems((await stages.inLocale(locale)).stages).map((stage) => ({
            ...stage,
            value: stageEnumValue(stage.key),
          }));
        },
      },
      JourneyContentItem: {
        __resolveType: (item: ContentItem) => itemTypeNames.get(item.type) ?? '',
      },
    },
    resolversConfig: {
      'Query.journeyContent': { auth: { scope: [CONTENT_API_ACTIONS.content] } },
      'Query.journeyNextContent': { auth: { scope: [CONTENT_API_ACTIONS.next] } },
      'Query.journeyStages': { auth: { scope: [CONTENT_API_ACTIONS.stages] } },
      // Shadow CRUD asks for `persona.findOne`, an action that does not exist (REST lists personas
      // only): one persona by documentId is allowed to whoever may list them.
      [`Query.${personaQuery}`]: { auth: { scope: [CONTENT_API_ACTIONS.personas] } },
      ...createNestedDraftGuard(strapi, naming),
    },
  };
};

/** The object types of the SDL above besides the item types: their fields read plain values. */
const OWN_OBJECT_TYPES = [
  'JourneyPersonaRef',
  'JourneyContentPage',
  'JourneyContentPageMeta',
  'JourneyNextContentPage',
  'JourneyNextContentPageMeta',
  'JourneyStageInfo',
];

/**
 * The plugin's own object types, each with the fields it resolves or configures itself: what
 * graphql/plain-fields.ts leaves wrapped.
 */
const ownFieldsOf = (built: GraphqlExtension, itemTypeNames: Iterable<string>) => {
  const wrapped = new Map<string, Set<string>>(
    [...OWN_OBJECT_TYPES, ...itemTypeNames].map((name) => [
      name,
      new Set(Object.keys(built.resolvers[name] ?? {})),
    ])
  );
  for (const path of Object.keys(built.resolversConfig)) {
    const [typeName, field] = path.split('.');
    wrapped.get(typeName)?.add(field);
  }
  return wrapped;
};

/** Registers the plugin's queries with the GraphQL plugin (call only when it is installed). */
export const registerGraphql = (strapi: Core.Strapi) => {
  const extension = strapi.plugin('graphql').service('extension') as GraphqlExtensionService;
  let ownFields = new Map<string, Set<string>>();
  extension.use(({ strapi: app }) => {
    const built = createExtension(app);
    ownFields = ownFieldsOf(built, itemTypeNamesOf(app).values());
    return built;
  });
  serveOwnFieldsDirectly(strapi, () => ownFields);
  // Submissions are read in the admin only. Without this, GraphQL would offer queries for them
  // and a createSubmission mutation that skips the form's checks (the demo grants Public
  // submission.create for the REST endpoint).
  if (strapi.contentTypes[SUBMISSION_UID]) extension.shadowCRUD(SUBMISSION_UID).disable();
};
