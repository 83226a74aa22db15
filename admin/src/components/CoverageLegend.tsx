import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import { useLevelLabel } from '../hooks/useLevelLabel';
import { COVERAGE_LEVELS, LEVEL_TONES, toneColor } from '../utils/coverageView';
import { getTranslation } from '../utils/getTranslation';

import type { Tone } from '../utils/coverageView';

const Swatch = styled.span<{ $tone: Tone }>`
  display: inline-block;
  flex: none;
  width: 1.6rem;
  height: 1.6rem;
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 1px solid ${({ theme, $tone }) => theme.colors[toneColor($tone, 600)]};
  background: ${({ theme, $tone }) => theme.colors[toneColor($tone, 100)]};
`;

interface CoverageLegendProps {
  staleAfterDays: number;
  /** "Fresh content only" is on: stale entries were left out of the counts. */
  fresh: boolean;
}

/** What the colours mean, and what "min N" and "stale" refer to. */
export const CoverageLegend = ({ staleAfterDays, fresh }: CoverageLegendProps) => {
  const { formatMessage } = useIntl();
  const { label, description } = useLevelLabel();

  return (
    <Box
      data-testid="coverage-legend"
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
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
          {COVERAGE_LEVELS.map((level) => (
            <Flex
              tag="li"
              key={level}
              gap={2}
              alignItems="flex-start"
              data-testid={`coverage-legend-${level}`}
            >
              <Swatch $tone={LEVEL_TONES[level]} aria-hidden />
              <Typography variant="pi" textColor="neutral800">
                <Typography variant="pi" fontWeight="bold">
                  {label(level)}
                </Typography>
                {': '}
                {description(level)}
              </Typography>
            </Flex>
          ))}
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('coverage.legend.minimum'),
            defaultMessage:
              'Each stage has its own minimum ("min N"). Every stage x persona cell and the stage total are compared with it.',
          })}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {fresh
            ? formatMessage(
                {
                  id: getTranslation('coverage.legend.stale.fresh'),
                  defaultMessage:
                    '"Stale" entries were not updated in the last {days} days. Fresh content only is on, so they are not counted.',
                },
                { days: staleAfterDays }
              )
            : formatMessage(
                {
                  id: getTranslation('coverage.legend.stale'),
                  defaultMessage:
                    '"Stale" entries were not updated in the last {days} days. They still count.',
                },
                { days: staleAfterDays }
              )}
        </Typography>
      </Flex>
    </Box>
  );
};
