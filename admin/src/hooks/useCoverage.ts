import { useFetchClient } from '@strapi/strapi/admin';

import { coverageKeys, fetchCoverage, fetchCoverageOptions } from '../api/coverage';
import { DEFAULT_COVERAGE_FILTERS } from '../utils/coverageParams';
import { useAdminRequest } from './useAdminRequest';

import type { CoverageOptions } from '../api/coverage';
import type { CoverageFilters } from '../utils/coverageParams';
import type { CoverageMatrix } from '../../../shared/contracts';

/** The coverage matrix for `filters`, refetched whenever they change. */
export const useCoverage = (filters: CoverageFilters = DEFAULT_COVERAGE_FILTERS) => {
  const client = useFetchClient();
  return useAdminRequest<CoverageMatrix>(coverageKeys.matrix(filters).join('|'), (signal) =>
    fetchCoverage(client, filters, { signal })
  );
};

/** Types and locales for the filter dropdowns (and type UIDs for Content Manager links). */
export const useCoverageOptions = () => {
  const client = useFetchClient();
  return useAdminRequest<CoverageOptions>(coverageKeys.options().join('|'), (signal) =>
    fetchCoverageOptions(client, { signal })
  );
};
