import * as React from 'react';

import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

import type { PerformanceSignal, RateLevel } from '../../../shared/contracts';

/**
 * Numbers, rates, days and the words of the rate levels and signals, as every part of the
 * Performance view and the edit view's numbers write them.
 */
export const usePerformanceFormat = () => {
  const { formatMessage, formatNumber, formatDate } = useIntl();

  return React.useMemo(() => {
    const rateLabels: Record<RateLevel, string> = {
      above: formatMessage({
        id: getTranslation('performance.rate.above'),
        defaultMessage: 'Above overall',
      }),
      even: formatMessage({
        id: getTranslation('performance.rate.even'),
        defaultMessage: 'About overall',
      }),
      below: formatMessage({
        id: getTranslation('performance.rate.below'),
        defaultMessage: 'Below overall',
      }),
      'too-few-views': formatMessage({
        id: getTranslation('performance.rate.tooFewViews'),
        defaultMessage: 'Too few views',
      }),
    };
    const signalLabels: Record<PerformanceSignal, string> = {
      'write-more': formatMessage({
        id: getTranslation('performance.signal.writeMore'),
        defaultMessage: 'Write more here',
      }),
      unseen: formatMessage({
        id: getTranslation('performance.signal.unseen'),
        defaultMessage: 'Nobody views this',
      }),
    };
    const noRate = formatMessage({
      id: getTranslation('performance.rate.none'),
      defaultMessage: 'no views',
    });

    return {
      /** 1234 -> "1,234" in English. */
      count: (value: number) => formatNumber(value),
      /** 0.0425 -> "4.3%"; null (no views) -> "–". */
      rate: (value: number | null) =>
        value === null ? '–' : formatNumber(value, { style: 'percent', maximumFractionDigits: 1 }),
      /** The rate for screen readers: "no views" instead of a dash. */
      rateText: (value: number | null) =>
        value === null
          ? noRate
          : formatNumber(value, { style: 'percent', maximumFractionDigits: 1 }),
      /** A UTC day (YYYY-MM-DD) in the interface language: "1 Mar 2026". */
      day: (day: string) =>
        formatDate(`${day}T00:00:00Z`, {
          timeZone: 'UTC',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
        }),
      rateLabel: (level: RateLevel) => rateLabels[level],
      signalLabel: (signal: PerformanceSignal) => signalLabels[signal],
    };
  }, [formatMessage, formatNumber, formatDate]);
};
