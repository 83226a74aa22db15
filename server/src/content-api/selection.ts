import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_POPULATE_DEPTH } from '../../../shared/contracts';
import { PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';
import type { TaggedType } from '../tagging/tagged-types';
import { isLocalized } from '../utils/models';
import { echo, truncate } from '../utils/query-parsing';
import { fieldError } from '../utils/validation';

/*
 * `populate` and `fields` of /api/journey/content, in Strapi's REST syntax, applied per type of the
 * merged list.
 *
 * The rule for a field or relation that a requested type lacks: it applies to the types that have
 * it and is ignored for the others; only a name that no requested type has is a 400 (naming it and
 * the types). The list mixes types by design (no `type` means all of them): a card list asks once
 * for `populate=cover,hero` or `fields=title,name,label` and each type gets what it has, where
 * failing on every type that lacks one would force a request per type. A typo still fails, since
 * no type has it.
 */

/** Attribute kinds `populate` loads; everything else is a field. */
const POPULATABLE = new Set(['relation', 'media', 'component', 'dynamiczone']);
/** Relations `populate=*` leaves out: personas are always there as `{ slug, name }`; the rest are admin-only or per locale. */
const NOT_IN_WILDCARD = new Set([PERSONAS_ATTRIBUTE, 'localizations', 'createdBy', 'updatedBy']);
/** What every item carries whatever `fields` says (the response contract: shared/response-schemas.ts). */
const CONTRACT_KEYS = new Set([
  'documentId',
  'type',
  'stage',
  PERSONAS_ATTRIBUTE,
  'locale',
  'publishedAt',
  'updatedAt',
]);
const MAX_FIELDS = 100;

type PopulateTree = Record<string, unknown>;

/** What one type's entries are loaded with: Query Engine `select` and `populate`. */
export interface TypeSelection {
  select?: string[];
  populate?: unknown;
}

/** `populate` and `fields` as a client sent them (qs-parsed). */
export interface SelectionInput {
  populate?: unknown;
  fields?: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const populateError = (message: string, value?: unknown) => fieldError('populate', message, value);

/** `a.b,c` -> { a: { populate: { b: true } }, c: true }: dot paths in the object form. */
const fromDotPaths = (paths: string[]): PopulateTree => {
  const tree: PopulateTree = {};
  for (const path of paths) {
    const segments = path.split('.').map((segment) => segment.trim());
    if (segments.some((segment) => segment === '')) {
      throw populateError(
        `"populate" has an empty name in ${echo(path)}; separate relations with single commas (populate=cover,author) and levels with single dots (populate=author.avatar).`,
        truncate(path)
      );
    }
    let level = tree;
    segments.forEach((segment, index) => {
      if (index === segments.length - 1) {
        if (!isPlainObject(level[segment])) level[segment] = true;
        return;
      }
      const current = level[segment];
      const node = isPlainObject(current) ? current : {};
      const inner = isPlainObject(node.populate) ? node.populate : {};
      node.populate = inner;
      level[segment] = node;
      level = inner;
    });
  }
  return tree;
};

/** A client's `populate` -> '*' or the object form; nested levels are left to Strapi's validator. */
export const normalizePopulate = (raw: unknown): '*' | PopulateTree | undefined => {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') {
    if (raw.trim() === '*') return '*';
    return fromDotPaths(raw.split(','));
  }
  if (Array.isArray(raw)) {
    if (!raw.every((item): item is string => typeof item === 'string')) {
      throw populateError(
        '"populate" as a list takes names only: populate[0]=cover&populate[1]=author.'
      );
    }
    if (raw.length === 1 && raw[0].trim() === '*') return '*';
    return fromDotPaths(raw.flatMap((item) => item.split(',')));
  }
  if (isPlainObject(raw)) return { ...raw };
  throw populateError(
    '"populate" must be *, names (populate=cover,author) or an object (populate[cover]=true).'
  );
};

/**
 * Levels a populate reaches: `cover` is 1, `author.avatar` or `populate[seo][populate]=shareImage`
 * is 2. A dynamic zone's components (`on`) are on the zone's level.
 */
export const depthOf = (populate: unknown): number => {
  if (populate === undefined || populate === null || populate === false || populate === 'false') {
    return 0;
  }
  if (typeof populate === 'string') {
    if (populate.trim() === '*') return 1;
    return Math.max(0, ...populate.split(',').map((path) => path.split('.').length));
  }
  if (Array.isArray(populate)) return Math.max(0, ...populate.map(depthOf));
  if (isPlainObject(populate)) {
    return Math.max(0, ...Object.values(populate).map((value) => 1 + depthInside(value)));
  }
  return 1;
};
const depthInside = (value: unknown): number => {
  if (!isPlainObject(value)) return 0;
  const onComponents = isPlainObject(value.on)
    ? Math.max(0, ...Object.values(value.on).map(depthInside))
    : 0;
  return Math.max(depthOf(value.populate), onComponents);
};

/** A client's `fields` -> attribute names; `*` (every field) is the same as none given. */
export const normalizeFields = (raw: unknown): string[] | undefined => {
  if (raw === undefined) return undefined;
  const usage =
    '"fields" takes attribute names: fields=title,slug or fields[0]=title&fields[1]=slug.';
  let items: string[];
  if (typeof raw === 'string') items = raw.split(',');
  else if (Array.isArray(raw) && raw.every((item): item is string => typeof item === 'string')) {
    items = raw.flatMap((item) => item.split(','));
  } else throw fieldError('fields', usage);
  items = items.map((item) => item.trim());
  if (items.length === 1 && items[0] === '*') return undefined;
  if (items.some((item) => item === '')) {
    throw fieldError('fields', `"fields" has an empty name. ${usage}`);
  }
  if (items.length > MAX_FIELDS) {
    throw fieldError('fields', `"fields" accepts at most ${MAX_FIELDS} names.`);
  }
  return [...new Set(items)];
};

const attributesOf = (strapi: Core.Strapi, type: TaggedType) =>
  strapi.contentType(type.uid as UID.ContentType).attributes as Record<string, { type: string }>;

/** Strapi's own validation message, placed under the parameter and the type it was about. */
const forType = (error: errors.ValidationError, type: TaggedType) => {
  const details = (error.details ?? {}) as { param?: string; path?: unknown };
  const param = details.param === 'fields' ? 'fields' : 'populate';
  // Strapi names a nested key without where it is; its details have the path.
  const where =
    typeof details.path === 'string' && !error.message.includes(details.path)
      ? ` (at ${truncate(details.path)})`
      : '';
  return fieldError(param, `"${param}" for type "${type.name}": ${error.message}${where}.`);
};

/**
 * Checks `populate` and `fields` against the requested types and turns them into what each type's
 * entries are loaded with: validated by Strapi's content-API validators and sanitized for the
 * caller (private fields, relations to types the role cannot read), exactly as core REST does.
 * Types without an entry in the map are loaded as before (all fields, nothing populated).
 */
export const planSelection = async (
  strapi: Core.Strapi,
  types: readonly TaggedType[],
  input: SelectionInput,
  auth: unknown
): Promise<Map<string, TypeSelection>> => {
  const plans = new Map<string, TypeSelection>();
  const populate = normalizePopulate(input.populate);
  const fields = normalizeFields(input.fields);
  if (populate === undefined && fields === undefined) return plans;

  const depth = depthOf(populate);
  if (depth > MAX_POPULATE_DEPTH) {
    throw populateError(
      `"populate" goes ${depth} levels deep; at most ${MAX_POPULATE_DEPTH} are allowed (populate=author.avatar is 2).`
    );
  }
  const typeNames = types.map((type) => type.name).join(', ');

  if (populate && populate !== '*') {
    const personas = populate[PERSONAS_ATTRIBUTE];
    if (personas !== undefined && personas !== true && personas !== 'true') {
      throw populateError(
        `"populate" of "${PERSONAS_ATTRIBUTE}" takes nothing nested: every item always carries its personas as { slug, name }.`
      );
    }
    delete populate[PERSONAS_ATTRIBUTE];
    for (const key of Object.keys(populate)) {
      if (key === 'localizations') {
        throw populateError(
          '"populate" of "localizations" is not offered here: ask for another language with locale=.',
          key
        );
      }
      const populatable = types.some((type) =>
        POPULATABLE.has(attributesOf(strapi, type)[key]?.type)
      );
      if (!populatable) {
        throw populateError(
          `Unknown relation ${echo(key)} in "populate": no requested type (${typeNames}) has a relation, media, component or dynamic zone of that name.`,
          truncate(key)
        );
      }
    }
  }
  for (const name of fields ?? []) {
    if (CONTRACT_KEYS.has(name)) continue;
    const known = types.some((type) => {
      const attribute = attributesOf(strapi, type)[name];
      return attribute !== undefined && !POPULATABLE.has(attribute.type);
    });
    if (!known) {
      throw fieldError(
        'fields',
        `Unknown field ${echo(name)} in "fields": no requested type (${typeNames}) has a field of that name (relations and media are asked for with populate).`,
        truncate(name)
      );
    }
  }

  await Promise.all(
    types.map(async (type) => {
      const attributes = attributesOf(strapi, type);
      const ownPopulate =
        populate === undefined
          ? undefined
          : Object.fromEntries(
              populate === '*'
                ? Object.entries(attributes)
                    .filter(
                      ([key, attr]) => POPULATABLE.has(attr.type) && !NOT_IN_WILDCARD.has(key)
                    )
                    .map(([key]) => [key, true])
                : Object.entries(populate).filter(([key]) => POPULATABLE.has(attributes[key]?.type))
            );
      const ownFields = fields?.filter(
        (name) =>
          !CONTRACT_KEYS.has(name) && attributes[name] && !POPULATABLE.has(attributes[name].type)
      );
      const query: Record<string, unknown> = {};
      if (ownPopulate && Object.keys(ownPopulate).length > 0) query.populate = ownPopulate;
      if (ownFields) query.fields = ownFields;
      if (Object.keys(query).length === 0) return;

      const schema = strapi.contentType(type.uid as UID.ContentType);
      try {
        await strapi.contentAPI.validate.query(query, schema, { auth } as never);
      } catch (error) {
        if (error instanceof errors.ValidationError) throw forType(error, type);
        throw error;
      }
      const sanitized = await strapi.contentAPI.sanitize.query(query, schema, { auth } as never);
      const params: Record<string, unknown> = {};
      if (sanitized.populate !== undefined) params.populate = sanitized.populate;
      if (ownFields) {
        // The item's contract is built from these, whatever the client asked for.
        const contract = ['documentId', STAGE_ATTRIBUTE, 'publishedAt', 'updatedAt'];
        if (isLocalized(strapi, type.uid as UID.ContentType)) contract.push('locale');
        const kept = Array.isArray(sanitized.fields) ? (sanitized.fields as string[]) : [];
        params.fields = [...new Set([...kept, ...contract])];
      }
      const transformed = strapi.get('query-params').transform(type.uid, params) as TypeSelection;
      plans.set(type.name, { select: transformed.select, populate: transformed.populate });
    })
  );
  return plans;
};
