import * as React from 'react';

import { useNotification } from '@strapi/strapi/admin';

import { useExportPerformanceMutation } from '../services/performance';
import { PERFORMANCE_GENERIC_ERROR, useErrorMessage } from './useErrorMessage';

import type { ExportFormat } from '../services/performance';
import type { PerformanceQuery } from '../../../shared/contracts';

/** "Export CSV" / "Export JSON": the report for the current filters; failures become a notification. */
export const usePerformanceExport = (query: PerformanceQuery) => {
  const { toggleNotification } = useNotification();
  const toMessage = useErrorMessage(PERFORMANCE_GENERIC_ERROR);
  const [exportPerformance, { isLoading: isExporting, originalArgs }] =
    useExportPerformanceMutation();

  const exportAs = React.useCallback(
    async (format: ExportFormat) => {
      const result = await exportPerformance({ format, query });
      if ('error' in result) {
        toggleNotification({ type: 'danger', message: toMessage(result.error) });
      }
    },
    [exportPerformance, query, toggleNotification, toMessage]
  );

  return {
    exportAs,
    /** The format being downloaded, if any: only its button shows a spinner. */
    exporting: isExporting ? (originalArgs?.format ?? null) : null,
  };
};
