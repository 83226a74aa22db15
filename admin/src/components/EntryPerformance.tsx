import { Flex, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { PLUGIN_ID } from '../../../shared/constants';
import { usePerformanceFormat } from '../hooks/usePerformanceFormat';
import { useEntryPerformance } from '../services/performance';
import { toQueryString } from '../utils/coverageParams';
import { getTranslation } from '../utils/getTranslation';
import { Sparkline } from './PerformanceTrendChart';

import type { EntryPerformanceQuery } from '../../../shared/contracts';

interface EntryPerformanceProps {
  /** The tagged type's name (`blog-post`), as the API's `type` parameter takes it. */
  type: string;
  documentId: string;
  locale: string | null;
}

const Stat = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <Flex direction="column" alignItems="flex-start" gap={0} flex="1 1 0" minWidth={0}>
    <Typography variant="omega" fontWeight="bold" textColor="neutral800" data-testid={testId}>
      {value}
    </Typography>
    <Typography variant="pi" textColor="neutral600">
      {label}
    </Typography>
  </Flex>
);

/**
 * The entry's views, clicks and conversions over the last 30 days, with its daily views as a
 * sparkline (`GET /journey/performance/entry`). Rendered only for editors allowed to read
 * performance and for saved entries; a failed request (a 403 among them) simply shows nothing,
 * and an entry nobody has seen yet shows zeros.
 */
export const EntryPerformance = ({ type, documentId, locale }: EntryPerformanceProps) => {
  const { formatMessage } = useIntl();
  const format = usePerformanceFormat();
  const query: EntryPerformanceQuery = { type, documentId };
  if (locale) query.locale = locale;
  // Only the answer for this very entry (and locale): never the previous one's numbers.
  const { currentData: performance, isError } = useEntryPerformance(query);

  if (isError || !performance) return null;

  const { totals, days } = performance;
  const views = days.map((day) => day.views);
  const link = toQueryString({ locale: locale ?? undefined });

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      width="100%"
      data-testid="journey-performance"
    >
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({
          id: getTranslation('editor.performance.title'),
          defaultMessage: 'Performance, last 30 days',
        })}
      </Typography>
      <Flex gap={2} alignItems="flex-start">
        <Stat
          label={formatMessage({
            id: getTranslation('performance.measure.views'),
            defaultMessage: 'Views',
          })}
          value={format.count(totals.views)}
          testId="journey-performance-views"
        />
        <Stat
          label={formatMessage({
            id: getTranslation('performance.measure.clicks'),
            defaultMessage: 'Clicks',
          })}
          value={format.count(totals.clicks)}
          testId="journey-performance-clicks"
        />
        <Stat
          label={formatMessage({
            id: getTranslation('performance.measure.conversions'),
            defaultMessage: 'Conversions',
          })}
          value={format.count(totals.conversions)}
          testId="journey-performance-conversions"
        />
      </Flex>
      <Typography variant="pi" textColor="neutral600" data-testid="journey-performance-rate">
        {formatMessage(
          {
            id: getTranslation('editor.performance.rate'),
            defaultMessage: 'Conversion rate: {rate}',
          },
          { rate: format.rateText(totals.conversionRate) }
        )}
      </Typography>
      <Sparkline
        values={views}
        testId="journey-performance-sparkline"
        label={formatMessage(
          {
            id: getTranslation('editor.performance.sparkline'),
            defaultMessage:
              'Views per day from {from} to {to}: {total} in total, at most {max} a day',
          },
          {
            from: format.day(performance.from),
            to: format.day(performance.to),
            total: format.count(totals.views),
            max: format.count(Math.max(0, ...views)),
          }
        )}
      />
      <Link
        tag={RouterLink}
        to={`/plugins/${PLUGIN_ID}/performance${link ? `?${link}` : ''}`}
        data-testid="journey-performance-link"
      >
        {formatMessage({
          id: getTranslation('editor.performance.link'),
          defaultMessage: 'Open performance',
        })}
      </Link>
    </Flex>
  );
};
