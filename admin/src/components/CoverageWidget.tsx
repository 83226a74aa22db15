import * as React from 'react';

import { Box, Flex, Typography } from '@strapi/design-system';
import { CheckCircle } from '@strapi/icons';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { useErrorMessage } from '../hooks/useErrorMessage';
import { useMatrixInInterfaceLanguage } from '../hooks/useLocalizedStages';
import { useCoverageMatrix } from '../services/coverage';
import { DEFAULT_COVERAGE_FILTERS } from '../utils/coverageParams';
import { needsAttention, toCoverageRows } from '../utils/coverageView';
import { getTranslation } from '../utils/getTranslation';
import { LevelBadge } from './LevelBadge';

import type { CoverageMatrix } from '../../../shared/contracts';

const WIDGET_TEST_ID = 'journey-coverage-widget';

const CoverageSummary = ({ matrix: counted }: { matrix: CoverageMatrix }) => {
  const matrix = useMatrixInInterfaceLanguage(counted);
  const { formatMessage } = useIntl();
  const rows = React.useMemo(() => toCoverageRows(matrix), [matrix]);
  const weakStages = rows.filter(({ total }) => needsAttention(total.status));
  const weakCells = matrix.cells.filter((cell) => needsAttention(cell.status)).length;

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {weakStages.length === 0 ? (
        <Flex gap={2} data-testid="journey-coverage-widget-ok">
          <CheckCircle fill="success600" aria-hidden />
          <Typography variant="omega" textColor="neutral800">
            {formatMessage({
              id: getTranslation('widget.allCovered'),
              defaultMessage: 'Every stage reaches its minimum.',
            })}
          </Typography>
        </Flex>
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
          {weakStages.map(({ stage, total }) => (
            <Flex
              tag="li"
              key={stage.key}
              justifyContent="space-between"
              gap={3}
              data-testid={`journey-coverage-widget-stage-${stage.key}`}
              data-status={total.status}
            >
              <Typography variant="omega" fontWeight="semiBold" textColor="neutral800">
                {stage.label}
              </Typography>
              <Flex gap={2}>
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage(
                    { id: getTranslation('widget.count'), defaultMessage: '{count} / {minimum}' },
                    { count: total.count, minimum: total.minimum }
                  )}
                </Typography>
                <LevelBadge level={total.status} />
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
      {/* Stage totals can be fine while single personas are starved: say so. */}
      {weakCells > 0 ? (
        <Typography variant="pi" textColor="neutral600" data-testid="journey-coverage-widget-cells">
          {formatMessage(
            {
              id: getTranslation('widget.weakCells'),
              defaultMessage:
                '{count, plural, one {# stage x persona cell is} other {# stage x persona cells are}} below the minimum.',
            },
            { count: weakCells }
          )}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** Homepage widget: the stages (published, default locale) that are empty or below their minimum. */
export const CoverageWidget = () => {
  const { formatMessage } = useIntl();
  const toMessage = useErrorMessage();
  const { data, error, isError, isLoading } = useCoverageMatrix(DEFAULT_COVERAGE_FILTERS);

  let content: React.ReactNode;
  if (isLoading) {
    content = <Widget.Loading />;
  } else if (isError || data === undefined) {
    content = <Widget.Error>{toMessage(error)}</Widget.Error>;
  } else if (data.personas.length === 0) {
    content = (
      <Widget.NoData>
        {formatMessage({
          id: getTranslation('widget.noPersonas'),
          defaultMessage: 'No personas yet: create some and tag your content to see coverage.',
        })}
      </Widget.NoData>
    );
  } else {
    content = <CoverageSummary matrix={data} />;
  }

  return (
    <Box data-testid={WIDGET_TEST_ID} height="100%">
      {content}
    </Box>
  );
};
