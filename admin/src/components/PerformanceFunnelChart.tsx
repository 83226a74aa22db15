import { Box, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled, useTheme } from 'styled-components';

import { usePerformanceFormat } from '../hooks/usePerformanceFormat';
import { getTranslation } from '../utils/getTranslation';
import { MEASURE_COLORS, SERIES_MEASURES } from '../utils/performanceView';

import type { FunnelBar, SeriesMeasure } from '../utils/performanceView';

/** Bar geometry in the SVG's own units: the box is stretched to the row's width. */
const BAR_HEIGHT = 4;
const BAR_GAP = 2;
const BOX_HEIGHT = SERIES_MEASURES.length * BAR_HEIGHT + (SERIES_MEASURES.length - 1) * BAR_GAP;

const Bars = styled.svg`
  display: block;
  width: 100%;
  height: 3.2rem;
`;

const Key = styled.span<{ $color: string }>`
  display: inline-block;
  width: 1.2rem;
  height: 1.2rem;
  border-radius: 2px;
  background: ${({ $color }) => $color};
`;

/** The colour keys of the three measures, shared with the trend chart. */
export const MeasureKeys = () => {
  const theme = useTheme();
  const names = useMeasureNames();
  return (
    <Flex gap={4} wrap="wrap" aria-hidden>
      {SERIES_MEASURES.map((measure) => (
        <Flex key={measure} gap={1}>
          <Key $color={theme.colors[MEASURE_COLORS[measure]]} />
          <Typography variant="pi" textColor="neutral700">
            {names[measure]}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
};

/** "Views", "Clicks", "Conversions" in the interface language. */
export const useMeasureNames = (): Record<SeriesMeasure, string> => {
  const { formatMessage } = useIntl();
  return {
    views: formatMessage({
      id: getTranslation('performance.measure.views'),
      defaultMessage: 'Views',
    }),
    clicks: formatMessage({
      id: getTranslation('performance.measure.clicks'),
      defaultMessage: 'Clicks',
    }),
    conversions: formatMessage({
      id: getTranslation('performance.measure.conversions'),
      defaultMessage: 'Conversions',
    }),
  };
};

interface PerformanceFunnelChartProps {
  bars: FunnelBar[];
}

/**
 * Views, clicks and conversions per stage, in journey order, as bars on one scale, with each
 * stage's views relative to the previous stage's. An aggregate: every stage is counted on its
 * own, so it says how much each stage is seen, not how visitors move through the journey (the
 * plugin records no visitor paths), and the chart says so.
 */
export const PerformanceFunnelChart = ({ bars }: PerformanceFunnelChartProps) => {
  const { formatMessage } = useIntl();
  const theme = useTheme();
  const format = usePerformanceFormat();
  const names = useMeasureNames();

  const ofPrevious = (bar: FunnelBar) =>
    bar.viewsOfPrevious === null
      ? null
      : formatMessage(
          {
            id: getTranslation('performance.funnel.ofPrevious'),
            defaultMessage: "{percent} of the previous stage's views",
          },
          { percent: format.rate(bar.viewsOfPrevious) }
        );

  return (
    <Box
      data-testid="performance-funnel"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={5}
      tag="section"
      aria-labelledby="journey-performance-funnel-title"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography id="journey-performance-funnel-title" variant="delta" tag="h2">
            {formatMessage({
              id: getTranslation('performance.funnel.title'),
              defaultMessage: 'Aggregate funnel',
            })}
          </Typography>
          <Typography variant="pi" textColor="neutral600" data-testid="performance-funnel-note">
            {formatMessage({
              id: getTranslation('performance.funnel.note'),
              defaultMessage:
                'Views, clicks and conversions per stage, each stage counted on its own. Not the paths of individual visitors: a visitor may skip a stage or come back to one.',
            })}
          </Typography>
        </Flex>
        <MeasureKeys />
        <Box
          role="img"
          aria-label={formatMessage({
            id: getTranslation('performance.funnel.aria'),
            defaultMessage:
              'Bar chart of views, clicks and conversions per stage. The table after it gives the numbers.',
          })}
        >
          <Flex tag="ol" direction="column" alignItems="stretch" gap={4}>
            {bars.map((bar) => (
              <li key={bar.stage} data-testid={`performance-funnel-${bar.stage}`}>
                <Flex direction="column" alignItems="stretch" gap={1}>
                  {ofPrevious(bar) ? (
                    <Typography
                      variant="pi"
                      textColor="neutral600"
                      data-testid={`performance-funnel-${bar.stage}-previous`}
                    >
                      {`↓ ${ofPrevious(bar)}`}
                    </Typography>
                  ) : null}
                  <Flex justifyContent="space-between" gap={2} wrap="wrap">
                    <Typography variant="omega" fontWeight="semiBold" textColor="neutral800">
                      {bar.label}
                    </Typography>
                    <Typography
                      variant="pi"
                      textColor="neutral700"
                      data-testid={`performance-funnel-${bar.stage}-counts`}
                    >
                      {formatMessage(
                        {
                          id: getTranslation('performance.funnel.counts'),
                          defaultMessage:
                            '{views, plural, one {# view} other {# views}} · {clicks, plural, one {# click} other {# clicks}} · {conversions, plural, one {# conversion} other {# conversions}} · {rate}',
                        },
                        {
                          views: bar.views,
                          clicks: bar.clicks,
                          conversions: bar.conversions,
                          rate: format.rate(bar.conversionRate),
                        }
                      )}
                    </Typography>
                  </Flex>
                  <Bars viewBox={`0 0 100 ${BOX_HEIGHT}`} preserveAspectRatio="none">
                    {SERIES_MEASURES.map((measure, index) => {
                      const y = index * (BAR_HEIGHT + BAR_GAP);
                      return (
                        <g key={measure}>
                          <rect
                            x={0}
                            y={y}
                            width={100}
                            height={BAR_HEIGHT}
                            fill={theme.colors.neutral150}
                          />
                          <rect
                            x={0}
                            y={y}
                            width={bar.percent[measure]}
                            height={BAR_HEIGHT}
                            fill={theme.colors[MEASURE_COLORS[measure]]}
                            data-measure={measure}
                          />
                        </g>
                      );
                    })}
                  </Bars>
                </Flex>
              </li>
            ))}
          </Flex>
        </Box>
        <VisuallyHidden>
          <table data-testid="performance-funnel-table">
            <caption>
              {formatMessage({
                id: getTranslation('performance.funnel.title'),
                defaultMessage: 'Aggregate funnel',
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  {formatMessage({
                    id: getTranslation('coverage.table.stage'),
                    defaultMessage: 'Stage',
                  })}
                </th>
                {SERIES_MEASURES.map((measure) => (
                  <th scope="col" key={measure}>
                    {names[measure]}
                  </th>
                ))}
                <th scope="col">
                  {formatMessage({
                    id: getTranslation('performance.measure.rate'),
                    defaultMessage: 'Conversion rate',
                  })}
                </th>
                <th scope="col">
                  {formatMessage({
                    id: getTranslation('performance.funnel.ofPreviousColumn'),
                    defaultMessage: 'Views compared with the previous stage',
                  })}
                </th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.stage}>
                  <th scope="row">{bar.label}</th>
                  <td>{format.count(bar.views)}</td>
                  <td>{format.count(bar.clicks)}</td>
                  <td>{format.count(bar.conversions)}</td>
                  <td>{format.rateText(bar.conversionRate)}</td>
                  <td>{bar.viewsOfPrevious === null ? '–' : format.rate(bar.viewsOfPrevious)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </VisuallyHidden>
      </Flex>
    </Box>
  );
};
