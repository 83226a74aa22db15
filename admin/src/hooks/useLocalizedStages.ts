import * as React from 'react';

import { useIntl } from 'react-intl';

import { useGetEditorConfigQuery } from '../services/editor';
import { orderedStages, relabelMatrix, stagesInLocale } from '../utils/stageModel';

import type { CoverageStage } from '../../../shared/contracts';

/**
 * The editor config and its stages in journey order, texts in `locale` when given (an entry's
 * locale), else in the admin user's interface language.
 */
export const useLocalizedStages = (locale?: string | null) => {
  const { locale: interfaceLocale } = useIntl();
  const query = useGetEditorConfigQuery();
  const { data: config } = query;
  const stages = React.useMemo(
    () => (config ? orderedStages(stagesInLocale(config, locale ?? interfaceLocale)) : []),
    [config, locale, interfaceLocale]
  );
  return { ...query, config, stages };
};

/**
 * A coverage matrix or performance report with its stage labels in the interface language (as it
 * was, until known).
 */
export const useMatrixInInterfaceLanguage = <
  Matrix extends { stages: CoverageStage[] } | undefined,
>(
  matrix: Matrix
): Matrix => {
  const { config, stages } = useLocalizedStages();
  return React.useMemo(
    () => (matrix && config ? relabelMatrix<NonNullable<Matrix>>(matrix, stages) : matrix),
    [matrix, config, stages]
  );
};
