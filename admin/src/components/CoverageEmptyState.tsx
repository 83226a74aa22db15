import { Box, Button, EmptyStateLayout, Flex, LinkButton } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { PERSONA_UID } from '../../../shared/constants';
import { getTranslation } from '../utils/getTranslation';

interface CoverageEmptyStateProps {
  /** no-personas: the matrix has no columns; no-content: nothing tagged matches. */
  reason: 'no-personas' | 'no-content';
  /** Filters narrow the view: offer to reset them, as they may be the cause. */
  onResetFilters?: () => void;
}

/** Says why there is no matrix and how to get one. */
export const CoverageEmptyState = ({ reason, onResetFilters }: CoverageEmptyStateProps) => {
  const { formatMessage } = useIntl();

  const content =
    reason === 'no-personas'
      ? formatMessage({
          id: getTranslation('coverage.empty.noPersonas'),
          defaultMessage:
            'No personas yet. Create personas in the Content Manager (Journey: Persona), then tag your content with a stage and personas.',
        })
      : onResetFilters
        ? formatMessage({
            id: getTranslation('coverage.empty.noContent.filtered'),
            defaultMessage:
              'No content matches these filters. Reset the filters, or tag content with a journey stage and personas in the Content Manager.',
          })
        : formatMessage({
            id: getTranslation('coverage.empty.noContent'),
            defaultMessage:
              'No tagged content yet. Open an entry in the Content Manager, pick its journey stage and personas, and publish it.',
          });

  return (
    // EmptyStateLayout does not pass extra props to the DOM: the test id sits on a wrapper.
    <Box data-testid={`coverage-empty-${reason}`}>
      <EmptyStateLayout
        icon={<EmptyDocuments width="16rem" />}
        content={content}
        hasRadius
        shadow="tableShadow"
        action={
          <Flex gap={2} wrap="wrap" justifyContent="center">
            {onResetFilters ? (
              <Button variant="secondary" onClick={onResetFilters}>
                {formatMessage({
                  id: getTranslation('coverage.filters.reset'),
                  defaultMessage: 'Reset filters',
                })}
              </Button>
            ) : null}
            {reason === 'no-personas' ? (
              <LinkButton
                tag={RouterLink}
                to={`/content-manager/collection-types/${PERSONA_UID}/create`}
                startIcon={<Plus />}
                variant="secondary"
              >
                {formatMessage({
                  id: getTranslation('coverage.empty.createPersona'),
                  defaultMessage: 'Create a persona',
                })}
              </LinkButton>
            ) : null}
          </Flex>
        }
      />
    </Box>
  );
};
