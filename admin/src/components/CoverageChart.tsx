import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import { useLevelLabel } from '../hooks/useLevelLabel';
import { LEVEL_TONES, toneColor } from '../utils/coverageView';
import { getTranslation } from '../utils/getTranslation';

import type { StageBar, Tone } from '../utils/coverageView';

const Track = styled.div`
  position: relative;
  height: 1.2rem;
  border-radius: ${({ theme }) => theme.borderRadius};
  background: ${({ theme }) => theme.colors.neutral150};
`;

const Fill = styled.div<{ $tone: Tone; $percent: number }>`
  height: 100%;
  width: ${({ $percent }) => $percent}%;
  /* A zero count still shows a sliver, so an empty stage does not read as a rendering glitch. */
  min-width: ${({ $percent }) => ($percent === 0 ? '0.4rem' : '0')};
  border-radius: ${({ theme }) => theme.borderRadius};
  background: ${({ theme, $tone }) => theme.colors[toneColor($tone, 500)]};
`;

const MinimumMark = styled.div<{ $percent: number }>`
  position: absolute;
  top: -0.3rem;
  bottom: -0.3rem;
  left: ${({ $percent }) => `calc(${$percent}% - 1px)`};
  width: 2px;
  background: ${({ theme }) => theme.colors.neutral800};
`;

interface CoverageChartProps {
  bars: StageBar[];
}

/**
 * Content per stage as horizontal bars, coloured like the stage totals, with a tick at each
 * stage's minimum. The numbers are written out next to each bar, so the bars themselves are
 * decoration for screen readers.
 */
export const CoverageChart = ({ bars }: CoverageChartProps) => {
  const { formatMessage } = useIntl();
  const { label: levelLabel } = useLevelLabel();

  return (
    <Box
      data-testid="coverage-chart"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={5}
      tag="section"
      aria-labelledby="journey-coverage-chart-title"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography id="journey-coverage-chart-title" variant="delta" tag="h2">
          {formatMessage({
            id: getTranslation('coverage.chart.title'),
            defaultMessage: 'Content per stage',
          })}
        </Typography>
        <Flex tag="ul" direction="column" alignItems="stretch" gap={4}>
          {bars.map((bar) => (
            <li key={bar.stage} data-testid={`coverage-bar-${bar.stage}`} data-status={bar.status}>
              <Flex direction="column" alignItems="stretch" gap={1}>
                <Flex justifyContent="space-between" gap={2}>
                  <Typography variant="omega" fontWeight="semiBold" textColor="neutral800">
                    {bar.label}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage(
                      {
                        id: getTranslation('coverage.chart.count'),
                        defaultMessage: '{count} / min {minimum} · {level}',
                      },
                      { count: bar.count, minimum: bar.minimum, level: levelLabel(bar.status) }
                    )}
                  </Typography>
                </Flex>
                <Track aria-hidden>
                  <Fill $tone={LEVEL_TONES[bar.status]} $percent={bar.percent} />
                  {bar.minimum > 0 ? <MinimumMark $percent={bar.minimumPercent} /> : null}
                </Track>
              </Flex>
            </li>
          ))}
        </Flex>
      </Flex>
    </Box>
  );
};
