import * as React from 'react';

import { useAPIErrorHandler } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

import type { BaseQueryError } from '@strapi/strapi/admin';
import type { MessageDescriptor } from 'react-intl';

/** What a query or mutation of `adminApi` reports: Strapi's `error` body, or one of its own. */
const isQueryError = (error: unknown): error is BaseQueryError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { message?: unknown }).message === 'string' &&
  (error as { message: string }).message !== '';

const COVERAGE_GENERIC_ERROR: MessageDescriptor = {
  id: getTranslation('coverage.error.generic'),
  defaultMessage: 'Something went wrong while loading coverage. Please try again.',
};

/** The Performance view's fallback (the stable identity matters: it is a callback dependency). */
export const PERFORMANCE_GENERIC_ERROR: MessageDescriptor = {
  id: getTranslation('performance.error.generic'),
  defaultMessage: 'Something went wrong while loading performance. Please try again.',
};

/**
 * Turns what a request reported into a sentence: Strapi's `{ error: { message } }` for API
 * errors (so "Unknown type 'x'..." reaches the user as the server wrote it), else `generic`.
 */
export const useErrorMessage = (generic: MessageDescriptor = COVERAGE_GENERIC_ERROR) => {
  const { formatMessage } = useIntl();
  // The formatter for errors of the admin's RTK Query base query (not for thrown FetchErrors).
  const { _unstableFormatAPIError: formatAPIError } = useAPIErrorHandler();

  return React.useCallback(
    (error: unknown): string => {
      if (isQueryError(error)) return formatAPIError(error);
      return formatMessage(generic);
    },
    [formatAPIError, formatMessage, generic]
  );
};
