import { echo } from './query-parsing';
import { fieldError } from './validation';

const PAGINATION_NUMBERS = ['page', 'pageSize', 'start', 'limit'] as const;

const isWholeNumber = (value: unknown) =>
  (typeof value === 'number' && Number.isInteger(value)) ||
  (typeof value === 'string' && /^-?\d+$/.test(value));

/**
 * Checks `pagination[page|pageSize|start|limit]` before Strapi's core REST reads them. Core REST
 * answers a non-number page with "convertStartQueryParams expected a positive integer got NaN"
 * (which names no parameter) and silently ignores a non-number pageSize or limit, returning a
 * page of a size nobody asked for; here each is a 400 naming the parameter. Values core REST
 * accepts (whole numbers, clamped by it as usual) pass through unchanged.
 */
export const assertCorePagination = (query: Record<string, unknown>) => {
  const { pagination } = query;
  if (pagination === undefined) return;
  if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) {
    throw fieldError(
      'pagination',
      'pagination must be given by key: pagination[page] and pagination[pageSize], or pagination[start] and pagination[limit].',
      pagination
    );
  }
  for (const key of PAGINATION_NUMBERS) {
    const value = (pagination as Record<string, unknown>)[key];
    if (value === undefined || isWholeNumber(value)) continue;
    const given = typeof value === 'string' ? echo(value) : 'a list or an object';
    throw fieldError(
      `pagination[${key}]`,
      `pagination[${key}] must be a whole number, got ${given}.`,
      value
    );
  }
};

const STATUSES = ['published', 'draft'];

/**
 * Core REST reads any `status` other than exactly "published" as "draft": `status=DRAFT`,
 * `status=1`, `status=` or a repeated `status` all answered drafts (seen on these routes). The
 * routes take the two values Strapi documents; anything else is a 400 naming the parameter, so
 * drafts are only ever asked for by name (which a draft guard can then check).
 */
export const assertCoreStatus = (query: Record<string, unknown>) => {
  const { status } = query;
  if (status === undefined || (typeof status === 'string' && STATUSES.includes(status))) return;
  const given = typeof status === 'string' ? echo(status) : 'a list or an object';
  throw fieldError('status', `status must be "published" or "draft", got ${given}.`, status);
};

/** Names every JavaScript object has: an attributes map "has" them, so Strapi's checks let them by. */
const OBJECT_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
/** The parameters whose values are attribute names (`fields=title,slug`, `sort=title:asc`). */
const NAME_VALUED = new Set(['fields', 'sort', 'populate']);

const namesIn = (value: unknown, nameValued: boolean): string[] => {
  if (typeof value === 'string') {
    return nameValued ? value.split(',').map((part) => part.split(':')[0].trim()) : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => namesIn(item, nameValued));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    key,
    ...namesIn(inner, nameValued || NAME_VALUED.has(key)),
  ]);
};

/**
 * Core REST answers `fields=constructor` or `fields=__proto__` with a 500: its validation looks
 * the name up in the attributes object, finds Object's own property, and the query then selects a
 * column that does not exist (found by the seeded fuzz). Such a name, as a key anywhere or as a
 * field, sort or populate name, is a 400 naming the parameter.
 */
export const assertNoObjectNames = (query: Record<string, unknown>) => {
  for (const [parameter, value] of Object.entries(query)) {
    const found = [parameter, ...namesIn(value, NAME_VALUED.has(parameter))].find((name) =>
      OBJECT_NAMES.has(name)
    );
    if (found === undefined) continue;
    throw fieldError(parameter, `${parameter}: "${found}" is not an attribute name.`, found);
  }
};
