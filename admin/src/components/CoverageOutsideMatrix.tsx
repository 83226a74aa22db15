import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

import type { CoverageMatrix } from '../../../shared/contracts';

interface CoverageOutsideMatrixProps {
  noStage: CoverageMatrix['noStage'];
  unknown: CoverageMatrix['unknown'];
}

/**
 * Content the matrix cannot place: entries with no stage, and entries whose stored stage is no
 * longer configured. The latter are listed per stored key because nothing was deleted: re-adding
 * the stage (or re-tagging) brings them back.
 */
export const CoverageOutsideMatrix = ({ noStage, unknown }: CoverageOutsideMatrixProps) => {
  const { formatMessage } = useIntl();

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} tag="section">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {formatMessage({
            id: getTranslation('coverage.outside.title'),
            defaultMessage: 'Not in the matrix',
          })}
        </Typography>

        <Flex data-testid="coverage-no-stage" justifyContent="space-between" gap={4} wrap="wrap">
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="omega" fontWeight="bold" textColor="neutral800">
              {formatMessage({
                id: getTranslation('coverage.outside.noStage'),
                defaultMessage: 'No stage',
              })}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({
                id: getTranslation('coverage.outside.noStage.hint'),
                defaultMessage:
                  'Entries of tagged types without a journey stage. Give them a stage to count them.',
              })}
            </Typography>
          </Flex>
          <Typography variant="omega" fontWeight="bold" data-testid="coverage-no-stage-count">
            {noStage.count}
          </Typography>
        </Flex>

        {unknown.length > 0 ? (
          <Flex data-testid="coverage-unknown" direction="column" alignItems="stretch" gap={2}>
            <Typography variant="omega" fontWeight="bold" textColor="warning700">
              {formatMessage({
                id: getTranslation('coverage.outside.unknown'),
                defaultMessage: 'Unknown stages',
              })}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({
                id: getTranslation('coverage.outside.unknown.hint'),
                defaultMessage:
                  'Stored stage no longer configured; nothing was deleted. Add the stage back to the plugin config, or give these entries a current stage.',
              })}
            </Typography>
            <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
              {unknown.map((entry) => (
                <Flex
                  tag="li"
                  key={entry.stage}
                  data-testid={`coverage-unknown-${entry.stage}`}
                  justifyContent="space-between"
                  gap={4}
                >
                  <Typography variant="omega" textColor="neutral800" tag="code">
                    {entry.stage}
                  </Typography>
                  <Typography variant="omega" fontWeight="bold">
                    {entry.count}
                  </Typography>
                </Flex>
              ))}
            </Flex>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};
