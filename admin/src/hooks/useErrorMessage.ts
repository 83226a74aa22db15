import * as React from 'react';

import { useAPIErrorHandler } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

import type { BaseQueryError } from '@strapi/strapi/admin';

/** What a query or mutation of `adminApi` reports: Strapi's `error` body, or one of its own. */
const isQueryError = (error: unknown): error is BaseQueryError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { message?: unknown }).message === 'string' &&
  (error as { message: string }).message !== '';

/**
 * Turns what a request reported into a sentence: Strapi's `{ error: { message } }` for API
 * errors (so "Unknown type 'x'..." reaches the user as the server wrote it), else a generic one.
 */
export const useErrorMessage = () => {
  const { formatMessage } = useIntl();
  // The formatter for errors of the admin's RTK Query base query (not for thrown FetchErrors).
  const { _unstableFormatAPIError: formatAPIError } = useAPIErrorHandler();

  return React.useCallback(
    (error: unknown): string => {
      if (isQueryError(error)) return formatAPIError(error);
      return formatMessage({
        id: getTranslation('coverage.error.generic'),
        defaultMessage: 'Something went wrong while loading coverage. Please try again.',
      });
    },
    [formatAPIError, formatMessage]
  );
};
