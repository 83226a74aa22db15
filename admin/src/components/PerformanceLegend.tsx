import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import { usePerformanceFormat } from '../hooks/usePerformanceFormat';
import { toneColor } from '../utils/coverageView';
import { getTranslation } from '../utils/getTranslation';
import {
  PERFORMANCE_SIGNALS,
  RATE_LEVELS,
  RATE_TONES,
  SIGNAL_TONES,
  signalColor,
} from '../utils/performanceView';
import { RATE_GLYPHS } from './PerformanceMatrixTable';

import type { Tone } from '../utils/coverageView';
import type { PerformanceSignal, RateLevel } from '../../../shared/contracts';

const Swatch = styled.span<{ $tone: Tone }>`
  display: inline-flex;
  flex: none;
  align-items: center;
  justify-content: center;
  width: 2rem;
  height: 2rem;
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 1px solid ${({ theme, $tone }) => theme.colors[toneColor($tone, 600)]};
  background: ${({ theme, $tone }) => theme.colors[toneColor($tone, 100)]};
  color: ${({ theme, $tone }) => theme.colors[toneColor($tone, 700)]};
  font-size: 1.2rem;
`;

const SignalSwatch = styled.span<{ $signal: PerformanceSignal }>`
  display: inline-block;
  flex: none;
  width: 2rem;
  height: 2rem;
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 3px solid ${({ theme, $signal }) => theme.colors[signalColor($signal, 600)]};
`;

interface PerformanceLegendProps {
  /** The period's conversion rate over everything counted; null without views. */
  overallRate: number | null;
  minViews: number;
}

/** What the colours, shapes and outlines of the matrix mean, and what they are measured against. */
export const PerformanceLegend = ({ overallRate, minViews }: PerformanceLegendProps) => {
  const { formatMessage } = useIntl();
  const format = usePerformanceFormat();

  const rateDescriptions: Record<RateLevel, string> = {
    above: formatMessage({
      id: getTranslation('performance.legend.above'),
      defaultMessage: 'Converts better than the overall rate',
    }),
    even: formatMessage({
      id: getTranslation('performance.legend.even'),
      defaultMessage: 'Converts about as well as the overall rate',
    }),
    below: formatMessage({
      id: getTranslation('performance.legend.below'),
      defaultMessage: 'Converts worse than the overall rate',
    }),
    'too-few-views': formatMessage(
      {
        id: getTranslation('performance.legend.tooFewViews'),
        defaultMessage: 'Fewer than {minViews} views: too few to compare',
      },
      { minViews }
    ),
  };
  const signalDescriptions: Record<PerformanceSignal, string> = {
    'write-more': formatMessage({
      id: getTranslation('performance.legend.writeMore'),
      defaultMessage:
        "Thin (fewer entries than the stage's minimum) but converting above the overall rate: more content here is likely to pay off",
    }),
    unseen: formatMessage({
      id: getTranslation('performance.legend.unseen'),
      defaultMessage:
        'Enough content, but fewer views in the period than it has entries: promote or link to it',
    }),
  };

  return (
    <Box
      data-testid="performance-legend"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={5}
      tag="section"
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: getTranslation('coverage.legend.title'), defaultMessage: 'Legend' })}
        </Typography>
        <Typography variant="pi" textColor="neutral800" data-testid="performance-overall-rate">
          {formatMessage(
            {
              id: getTranslation('performance.legend.overall'),
              defaultMessage:
                'Conversion rate = conversions / views. Overall in this period: {rate}.',
            },
            { rate: format.rateText(overallRate) }
          )}
        </Typography>
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
          {RATE_LEVELS.map((level) => (
            <Flex
              tag="li"
              key={level}
              gap={2}
              alignItems="flex-start"
              data-testid={`performance-legend-${level}`}
            >
              <Swatch $tone={RATE_TONES[level]} aria-hidden>
                {RATE_GLYPHS[level]}
              </Swatch>
              <Typography variant="pi" textColor="neutral800">
                <Typography variant="pi" fontWeight="bold">
                  {format.rateLabel(level)}
                </Typography>
                {': '}
                {rateDescriptions[level]}
              </Typography>
            </Flex>
          ))}
          {PERFORMANCE_SIGNALS.map((signal) => (
            <Flex
              tag="li"
              key={signal}
              gap={2}
              alignItems="flex-start"
              data-testid={`performance-legend-${signal}`}
            >
              <SignalSwatch $signal={signal} aria-hidden />
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Badge variant={SIGNAL_TONES[signal]} size="S">
                  {format.signalLabel(signal)}
                </Badge>
                <Typography variant="pi" textColor="neutral800">
                  {signalDescriptions[signal]}
                </Typography>
              </Flex>
            </Flex>
          ))}
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('performance.legend.counting'),
            defaultMessage:
              'Events count for the stage and personas the content had when they happened. Entries are the published entries in each cell now, as coverage counts them.',
          })}
        </Typography>
      </Flex>
    </Box>
  );
};
