import * as React from 'react';

import { isFetchError, useAPIErrorHandler } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

/**
 * Turns whatever a request threw into a sentence: Strapi's `{ error: { message } }` for API
 * errors (so "Unknown type 'x'..." reaches the user as the server wrote it), else the error's own
 * message, else a generic one.
 */
export const useErrorMessage = () => {
  const { formatMessage } = useIntl();
  const { formatAPIError } = useAPIErrorHandler();

  return React.useCallback(
    (error: unknown): string => {
      if (isFetchError(error)) return formatAPIError(error);
      if (error instanceof Error && error.message) return error.message;
      return formatMessage({
        id: getTranslation('coverage.error.generic'),
        defaultMessage: 'Something went wrong while loading coverage. Please try again.',
      });
    },
    [formatAPIError, formatMessage]
  );
};
