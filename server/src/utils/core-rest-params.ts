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
