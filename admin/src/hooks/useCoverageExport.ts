import * as React from 'react';

import { useFetchClient, useNotification } from '@strapi/strapi/admin';

import { downloadCoverageCsv } from '../api/coverage';
import { useErrorMessage } from './useErrorMessage';

import type { CoverageFilters } from '../utils/coverageParams';

/** "Export CSV": downloads the matrix for the current filters; failures become a notification. */
export const useCoverageExport = (filters: CoverageFilters) => {
  const client = useFetchClient();
  const { toggleNotification } = useNotification();
  const toMessage = useErrorMessage();
  const [isExporting, setIsExporting] = React.useState(false);

  const exportCsv = React.useCallback(async () => {
    setIsExporting(true);
    try {
      await downloadCoverageCsv(client, filters);
    } catch (error) {
      toggleNotification({ type: 'danger', message: toMessage(error) });
    } finally {
      setIsExporting(false);
    }
  }, [client, filters, toggleNotification, toMessage]);

  return { exportCsv, isExporting };
};
