import * as React from 'react';

import { useNotification } from '@strapi/strapi/admin';

import { useExportCoverageCsvMutation } from '../services/coverage';
import { useErrorMessage } from './useErrorMessage';

import type { CoverageFilters } from '../utils/coverageParams';

/** "Export CSV": downloads the matrix for the current filters; failures become a notification. */
export const useCoverageExport = (filters: CoverageFilters) => {
  const { toggleNotification } = useNotification();
  const toMessage = useErrorMessage();
  const [exportCoverageCsv, { isLoading: isExporting }] = useExportCoverageCsvMutation();

  const exportCsv = React.useCallback(async () => {
    const result = await exportCoverageCsv(filters);
    if ('error' in result) toggleNotification({ type: 'danger', message: toMessage(result.error) });
  }, [exportCoverageCsv, filters, toggleNotification, toMessage]);

  return { exportCsv, isExporting };
};
