import * as React from 'react';

import { useSearchParams } from 'react-router-dom';

import { fromCoverageParams, toCoverageParams, toQueryString } from '../utils/coverageParams';

import type { CoverageFilters } from '../utils/coverageParams';

/**
 * Filters live in the page URL, with the API's own parameter names (`?type=cta,form&status=draft`):
 * coming back from the Content Manager restores them, and a filtered view can be shared.
 */
export const useCoverageFilters = (): [CoverageFilters, (next: CoverageFilters) => void] => {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();

  const filters = React.useMemo(
    () => fromCoverageParams(Object.fromEntries(new URLSearchParams(search))),
    [search]
  );

  const setFilters = React.useCallback(
    (next: CoverageFilters) => {
      // replace: each filter tweak should not become a Back-button step.
      setSearchParams(new URLSearchParams(toQueryString(toCoverageParams(next))), {
        replace: true,
      });
    },
    [setSearchParams]
  );

  return [filters, setFilters];
};
