import * as React from 'react';

import { useSearchParams } from 'react-router-dom';

import {
  fromPerformanceSearch,
  fromSelectionSearch,
  toPerformanceSearch,
  toSelectionSearch,
} from '../utils/performanceParams';

import type { PerformanceFilters, PerformanceSelection } from '../utils/performanceParams';

/**
 * The Performance view's filters and open cell live in the page URL
 * (`?days=7&persona=restaurant-owner&cellStage=decision`): coming back from an entry in the
 * Content Manager restores both, and a view can be shared.
 */
export const usePerformanceFilters = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();

  const { filters, selection } = React.useMemo(() => {
    const query = Object.fromEntries(new URLSearchParams(search));
    return { filters: fromPerformanceSearch(query), selection: fromSelectionSearch(query) };
  }, [search]);

  // replace: each filter tweak or opened cell should not become a Back-button step.
  const write = React.useCallback(
    (next: PerformanceFilters, nextSelection: PerformanceSelection | null) =>
      setSearchParams(
        new URLSearchParams({ ...toPerformanceSearch(next), ...toSelectionSearch(nextSelection) }),
        { replace: true }
      ),
    [setSearchParams]
  );

  const setFilters = React.useCallback(
    (next: PerformanceFilters) => write(next, selection),
    [write, selection]
  );
  const setSelection = React.useCallback(
    (next: PerformanceSelection | null) => write(filters, next),
    [write, filters]
  );

  return { filters, setFilters, selection, setSelection };
};
