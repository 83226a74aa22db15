import { Box, Flex, Loader, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled, useTheme } from 'styled-components';

import { usePerformanceFormat } from '../hooks/usePerformanceFormat';
import { getTranslation } from '../utils/getTranslation';
import {
  MEASURE_COLORS,
  SERIES_MEASURES,
  linePoints,
  toSeriesLines,
} from '../utils/performanceView';
import { useMeasureNames } from './PerformanceFunnelChart';

import type { PerformanceDay } from '../../../shared/contracts';

/** The SVG's own units; the box is stretched to the available width. */
const WIDTH = 300;
const HEIGHT = 48;

const Plot = styled.svg<{ $height: string }>`
  display: block;
  width: 100%;
  height: ${({ $height }) => $height};
  overflow: visible;
`;

/** A line and the area under it; the stroke keeps its width however the box is stretched. */
const Line = ({
  points,
  color,
  width,
  height,
}: {
  points: string;
  color: string;
  width: number;
  height: number;
}) =>
  points ? (
    <>
      <polygon points={`${points} ${width},${height} 0,${height}`} fill={color} opacity={0.12} />
      <polyline
        points={points}
        fill="none"
        stroke={color}
        strokeWidth={2}
        strokeLinejoin="round"
        vectorEffect="non-scaling-stroke"
      />
    </>
  ) : null;

interface PerformanceTrendChartProps {
  days: PerformanceDay[] | undefined;
  /** What the numbers are of: "All content", "Decision x Restaurant owner"... */
  subject: string;
  isLoading: boolean;
}

/**
 * Daily views, clicks and conversions over the period, one small chart per measure, each on its
 * own scale (its peak is written beside it): on one scale, conversions would lie flat under the
 * views. The numbers of every day are in a table for screen readers.
 */
export const PerformanceTrendChart = ({ days, subject, isLoading }: PerformanceTrendChartProps) => {
  const { formatMessage } = useIntl();
  const theme = useTheme();
  const format = usePerformanceFormat();
  const names = useMeasureNames();
  const lines = days ? toSeriesLines(days, WIDTH, HEIGHT) : [];
  const first = days?.[0]?.day;
  const last = days?.[days.length - 1]?.day;

  return (
    <Box
      data-testid="performance-trend"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={5}
      tag="section"
      aria-labelledby="journey-performance-trend-title"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography id="journey-performance-trend-title" variant="delta" tag="h2">
            {formatMessage({
              id: getTranslation('performance.trend.title'),
              defaultMessage: 'Daily trend',
            })}
          </Typography>
          <Typography variant="pi" textColor="neutral600" data-testid="performance-trend-subject">
            {subject}
          </Typography>
        </Flex>
        {isLoading || !days ? (
          <Flex justifyContent="center" padding={6}>
            <Loader small>
              {formatMessage({
                id: getTranslation('performance.trend.loading'),
                defaultMessage: 'Loading the trend...',
              })}
            </Loader>
          </Flex>
        ) : (
          <>
            <Box
              role="img"
              aria-label={formatMessage(
                {
                  id: getTranslation('performance.trend.aria'),
                  defaultMessage:
                    'Line charts of daily views, clicks and conversions from {from} to {to}. The table after them gives the numbers.',
                },
                { from: first ? format.day(first) : '', to: last ? format.day(last) : '' }
              )}
            >
              <Flex direction="column" alignItems="stretch" gap={3}>
                {lines.map((line) => (
                  <Flex
                    key={line.measure}
                    direction="column"
                    alignItems="stretch"
                    gap={1}
                    data-testid={`performance-trend-${line.measure}`}
                  >
                    <Flex justifyContent="space-between" gap={2} wrap="wrap">
                      <Typography variant="omega" fontWeight="semiBold" textColor="neutral800">
                        {names[line.measure]}
                      </Typography>
                      <Typography
                        variant="pi"
                        textColor="neutral700"
                        data-testid={`performance-trend-${line.measure}-summary`}
                      >
                        {formatMessage(
                          {
                            id: getTranslation('performance.trend.summary'),
                            defaultMessage: '{total} in total · at most {max} a day',
                          },
                          { total: format.count(line.total), max: format.count(line.max) }
                        )}
                      </Typography>
                    </Flex>
                    <Plot
                      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
                      preserveAspectRatio="none"
                      $height="4.8rem"
                    >
                      <line
                        x1={0}
                        x2={WIDTH}
                        y1={HEIGHT}
                        y2={HEIGHT}
                        stroke={theme.colors.neutral200}
                        vectorEffect="non-scaling-stroke"
                      />
                      <Line
                        points={line.points}
                        color={theme.colors[MEASURE_COLORS[line.measure]]}
                        width={WIDTH}
                        height={HEIGHT}
                      />
                    </Plot>
                  </Flex>
                ))}
                <Flex justifyContent="space-between" gap={2}>
                  <Typography variant="pi" textColor="neutral600">
                    {first ? format.day(first) : null}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {last ? format.day(last) : null}
                  </Typography>
                </Flex>
              </Flex>
            </Box>
            <VisuallyHidden>
              <table data-testid="performance-trend-table">
                <caption>
                  {formatMessage({
                    id: getTranslation('performance.trend.title'),
                    defaultMessage: 'Daily trend',
                  })}
                  {`: ${subject}`}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      {formatMessage({
                        id: getTranslation('performance.trend.day'),
                        defaultMessage: 'Day',
                      })}
                    </th>
                    {SERIES_MEASURES.map((measure) => (
                      <th scope="col" key={measure}>
                        {names[measure]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {days.map((day) => (
                    <tr key={day.day}>
                      <th scope="row">{format.day(day.day)}</th>
                      <td>{format.count(day.views)}</td>
                      <td>{format.count(day.clicks)}</td>
                      <td>{format.count(day.conversions)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </VisuallyHidden>
          </>
        )}
      </Flex>
    </Box>
  );
};

const SPARK_WIDTH = 100;
const SPARK_HEIGHT = 24;

interface SparklineProps {
  values: number[];
  /** The whole sentence a screen reader gets instead of the drawing. */
  label: string;
  testId?: string;
}

/** A small line of daily values (the edit view's views over 30 days), for the eye only. */
export const Sparkline = ({ values, label, testId }: SparklineProps) => {
  const theme = useTheme();
  const points = linePoints(values, SPARK_WIDTH, SPARK_HEIGHT);
  return (
    <Plot
      viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
      preserveAspectRatio="none"
      $height="2.4rem"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-points={points}
    >
      <line
        x1={0}
        x2={SPARK_WIDTH}
        y1={SPARK_HEIGHT}
        y2={SPARK_HEIGHT}
        stroke={theme.colors.neutral200}
        vectorEffect="non-scaling-stroke"
      />
      <Line
        points={points}
        color={theme.colors[MEASURE_COLORS.views]}
        width={SPARK_WIDTH}
        height={SPARK_HEIGHT}
      />
    </Plot>
  );
};
