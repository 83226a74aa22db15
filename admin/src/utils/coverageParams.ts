import { COVERAGE_STATUSES } from '../../../shared/contracts';

import type { CoverageQuery, CoverageStatus } from '../../../shared/contracts';

/*
 * Pure (no React, no Strapi imports): unit tested in tests/unit/admin-utils.test.ts.
 */

/** What the coverage panel's filters row holds. */
export interface CoverageFilters {
  /** Tagged type names; empty means every tagged type. */
  types: string[];
  /** Locale code; null means the server's default locale. */
  locale: string | null;
  status: CoverageStatus;
  /** Count only content updated within the configured staleAfterDays. */
  fresh: boolean;
}

/** The server's defaults, so leaving a filter untouched sends nothing for it. */
export const DEFAULT_COVERAGE_FILTERS: CoverageFilters = {
  types: [],
  locale: null,
  status: 'published',
  fresh: false,
};

const isCoverageStatus = (value: unknown): value is CoverageStatus =>
  typeof value === 'string' && (COVERAGE_STATUSES as readonly string[]).includes(value);

/** Trimmed, de-duplicated, empty entries dropped: `' a,,b,a '` and `['a', 'b']` both give `['a', 'b']`. */
const normalizeTypes = (types: readonly string[]): string[] => {
  const seen = new Set<string>();
  for (const type of types.flatMap((entry) => entry.split(','))) {
    const name = type.trim();
    if (name) seen.add(name);
  }
  return [...seen];
};

/**
 * Filters -> `GET /journey/coverage` (and `/export`) query. Values equal to the server's defaults
 * are left out, which keeps the page URL short and makes equal filters give equal queries.
 */
export const toCoverageParams = (filters: CoverageFilters): CoverageQuery => {
  const params: CoverageQuery = {};
  const types = normalizeTypes(filters.types);
  if (types.length > 0) params.type = types.join(',');
  const locale = filters.locale?.trim();
  if (locale) params.locale = locale;
  if (filters.status !== DEFAULT_COVERAGE_FILTERS.status) params.status = filters.status;
  if (filters.fresh) params.fresh = 'true';
  return params;
};

/**
 * The reverse, for filters kept in the page URL (`?type=cta,form&status=draft`): anything invalid
 * falls back to the default, because a hand-edited or outdated URL should still open the panel.
 */
export const fromCoverageParams = (
  query: Record<string, string | null | undefined>
): CoverageFilters => ({
  types: normalizeTypes(query.type ? [query.type] : []),
  locale: query.locale?.trim() || null,
  status: isCoverageStatus(query.status) ? query.status : DEFAULT_COVERAGE_FILTERS.status,
  fresh: query.fresh === 'true',
});

/**
 * Encodes a query for a URL (coverage's and performance's alike). Strapi's fetch client does not
 * encode params objects itself.
 */
export const toQueryString = <Query extends { [Key in keyof Query]?: string | number }>(
  params: Query
): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search.toString();
};

/** True when any filter differs from the defaults: empty states then suggest widening them. */
export const hasActiveFilters = (filters: CoverageFilters): boolean =>
  Object.keys(toCoverageParams(filters)).length > 0;
