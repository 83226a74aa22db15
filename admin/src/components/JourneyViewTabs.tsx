import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { styled } from 'styled-components';

import { PLUGIN_ID } from '../../../shared/constants';
import { useJourneyPermissions } from '../hooks/useJourneyPermissions';
import { getTranslation } from '../utils/getTranslation';

const Tab = styled(NavLink)`
  display: inline-flex;
  padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[1]}`};
  border-bottom: 2px solid transparent;
  color: ${({ theme }) => theme.colors.neutral600};
  text-decoration: none;

  &[aria-current='page'] {
    border-bottom-color: ${({ theme }) => theme.colors.primary600};
    color: ${({ theme }) => theme.colors.primary700};
  }

  &:hover {
    color: ${({ theme }) => theme.colors.primary600};
  }

  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

/**
 * Links between the plugin's views the user may read; a user with one of them sees no tabs at all
 * (there is nowhere else to go).
 */
export const JourneyViewTabs = () => {
  const { formatMessage } = useIntl();
  const {
    canReadCoverage: canCoverage,
    canReadPerformance: canPerformance,
    canReadSubmissions: canSubmissions,
  } = useJourneyPermissions();
  if ([canCoverage, canPerformance, canSubmissions].filter(Boolean).length < 2) return null;

  return (
    <Flex
      tag="nav"
      gap={5}
      aria-label={formatMessage({
        id: getTranslation('views.label'),
        defaultMessage: 'Journey views',
      })}
      borderColor="neutral200"
      borderStyle="solid"
      borderWidth="0 0 1px 0"
      data-testid="journey-view-tabs"
    >
      {/* end: the coverage path is a prefix of the others. */}
      {canCoverage ? (
        <Tab to={`/plugins/${PLUGIN_ID}`} end>
          <Typography variant="omega" fontWeight="semiBold" textColor="inherit">
            {formatMessage({ id: getTranslation('views.coverage'), defaultMessage: 'Coverage' })}
          </Typography>
        </Tab>
      ) : null}
      {canPerformance ? (
        <Tab to={`/plugins/${PLUGIN_ID}/performance`}>
          <Typography variant="omega" fontWeight="semiBold" textColor="inherit">
            {formatMessage({
              id: getTranslation('views.performance'),
              defaultMessage: 'Performance',
            })}
          </Typography>
        </Tab>
      ) : null}
      {canSubmissions ? (
        <Tab to={`/plugins/${PLUGIN_ID}/submissions`}>
          <Typography variant="omega" fontWeight="semiBold" textColor="inherit">
            {formatMessage({
              id: getTranslation('views.submissions'),
              defaultMessage: 'Submissions',
            })}
          </Typography>
        </Tab>
      ) : null}
    </Flex>
  );
};
