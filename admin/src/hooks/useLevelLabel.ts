import * as React from 'react';

import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

import type { CoverageLevel } from '../../../shared/contracts';

/** Translated names and explanations of the four coverage levels (badges, legend, aria-labels). */
export const useLevelLabel = () => {
  const { formatMessage } = useIntl();

  return React.useMemo(() => {
    const labels: Record<CoverageLevel, string> = {
      gap: formatMessage({ id: getTranslation('coverage.level.gap'), defaultMessage: 'Gap' }),
      thin: formatMessage({ id: getTranslation('coverage.level.thin'), defaultMessage: 'Thin' }),
      ok: formatMessage({ id: getTranslation('coverage.level.ok'), defaultMessage: 'OK' }),
      excess: formatMessage({
        id: getTranslation('coverage.level.excess'),
        defaultMessage: 'Excess',
      }),
    };
    const descriptions: Record<CoverageLevel, string> = {
      gap: formatMessage({
        id: getTranslation('coverage.level.gap.description'),
        defaultMessage: 'No content at all',
      }),
      thin: formatMessage({
        id: getTranslation('coverage.level.thin.description'),
        defaultMessage: "Some content, but fewer entries than the stage's minimum",
      }),
      ok: formatMessage({
        id: getTranslation('coverage.level.ok.description'),
        defaultMessage: 'At or above the minimum',
      }),
      excess: formatMessage({
        id: getTranslation('coverage.level.excess.description'),
        defaultMessage: "At or above the stage's excess level: more than it needs",
      }),
    };
    return {
      label: (level: CoverageLevel) => labels[level],
      description: (level: CoverageLevel) => descriptions[level],
    };
  }, [formatMessage]);
};
