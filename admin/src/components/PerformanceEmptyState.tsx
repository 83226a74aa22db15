import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import { getTranslation } from '../utils/getTranslation';

const Code = styled.code`
  font-family: monospace;
  font-size: 1.3rem;
  overflow-wrap: anywhere;
`;

interface PerformanceEmptyStateProps {
  /** Filters narrow the view (a period, a type, a persona): offer to reset them. */
  onResetFilters?: () => void;
}

/**
 * No view, click or conversion in the period: either nothing is recorded yet, and the frontend
 * has to send events (said here, with both ways to do it), or the filters leave nothing.
 */
export const PerformanceEmptyState = ({ onResetFilters }: PerformanceEmptyStateProps) => {
  const { formatMessage } = useIntl();

  return (
    // EmptyStateLayout takes only a string: this one also shows the endpoint and an example.
    <Box
      data-testid="performance-empty"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={{ initial: 6, medium: 11 }}
    >
      <Flex direction="column" alignItems="center" gap={4}>
        <EmptyDocuments width="16rem" height="8.8rem" aria-hidden />
        <Typography variant="delta" tag="p" textAlign="center">
          {onResetFilters
            ? formatMessage({
                id: getTranslation('performance.empty.filtered'),
                defaultMessage: 'No views, clicks or conversions in this period for these filters.',
              })
            : formatMessage({
                id: getTranslation('performance.empty.title'),
                defaultMessage: 'No views, clicks or conversions recorded yet.',
              })}
        </Typography>
        <Typography variant="omega" textColor="neutral600" textAlign="center">
          {formatMessage(
            {
              id: getTranslation('performance.empty.howTo'),
              defaultMessage:
                "Frontends send them with {endpoint} (give the Public role, or the frontend's API token, the Journey permission event.create), or with the typed client's {track}.",
            },
            {
              endpoint: <Code key="endpoint">POST /api/journey/events</Code>,
              track: <Code key="track">track()</Code>,
            }
          )}
        </Typography>
        <Code data-testid="performance-empty-example">
          {"{ events: [{ type: 'view', documentId, contentType: 'blog-post', persona, stage }] }"}
        </Code>
        {onResetFilters ? (
          <Button variant="secondary" onClick={onResetFilters}>
            {formatMessage({
              id: getTranslation('coverage.filters.reset'),
              defaultMessage: 'Reset filters',
            })}
          </Button>
        ) : null}
      </Flex>
    </Box>
  );
};
