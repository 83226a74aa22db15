import { Box, Flex, Link, Popover, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { styled } from 'styled-components';

import { getTranslation } from '../utils/getTranslation';
import { LEVEL_TONES, toneColor } from '../utils/coverageView';

import type { Tone } from '../utils/coverageView';
import type { CoverageLevel } from '../../../shared/contracts';

/** A Content Manager list to open from a cell: one per tagged type in play. */
export interface TypeLink {
  /** Tagged type name, e.g. `blog-post`. */
  name: string;
  displayName: string;
  /** Admin-relative path from contentManagerListUrl(). */
  href: string;
}

interface CoverageCellButtonProps {
  /** null for counts that have no level (the "No persona" column): drawn neutral. */
  level: CoverageLevel | null;
  count: number;
  stale: number;
  /** Full sentence for screen readers, e.g. "Decision x Restaurant owner: 1 of 3, thin". */
  label: string;
  testId: string;
  /** Where a click leads: one link navigates at once, several open a chooser, none is static. */
  links: TypeLink[];
}

const toneOf = (level: CoverageLevel | null): Tone => (level ? LEVEL_TONES[level] : 'neutral');

// One look for buttons and static cells, so a cell does not change shape when links are missing.
const CellFace = styled.div<{ $tone: Tone }>`
  display: flex;
  flex-direction: column;
  align-items: center;
  justify-content: center;
  gap: ${({ theme }) => theme.spaces[1]};
  width: 100%;
  min-width: 7.2rem;
  min-height: 4.8rem;
  padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 1px solid ${({ theme, $tone }) => theme.colors[toneColor($tone, 200)]};
  background: ${({ theme, $tone }) => theme.colors[toneColor($tone, 100)]};
  color: ${({ theme, $tone }) => theme.colors[toneColor($tone, 700)]};
  font: inherit;
  text-align: center;
`;

const CellButton = styled(CellFace).attrs({ as: 'button', type: 'button' })`
  cursor: pointer;

  &:hover {
    border-color: ${({ theme, $tone }) => theme.colors[toneColor($tone, 600)]};
  }

  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

const CellContent = ({ count, stale }: Pick<CoverageCellButtonProps, 'count' | 'stale'>) => {
  const { formatMessage } = useIntl();
  return (
    <>
      <Typography variant="omega" fontWeight="bold" textColor="inherit">
        {count}
      </Typography>
      {stale > 0 ? (
        // Subtle on purpose: stale entries still count, they only hint at a review.
        <Typography variant="pi" textColor="neutral600" aria-hidden>
          {formatMessage(
            { id: getTranslation('coverage.cell.stale'), defaultMessage: '({stale} stale)' },
            { stale }
          )}
        </Typography>
      ) : null}
    </>
  );
};

/**
 * One count of the matrix. A button that opens the Content Manager list behind the number: at
 * once for a single type, through a small chooser when several types are counted together.
 */
export const CoverageCellButton = ({
  level,
  count,
  stale,
  label,
  testId,
  links,
}: CoverageCellButtonProps) => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const tone = toneOf(level);
  const dataProps = { 'data-testid': testId, 'data-status': level ?? undefined };

  if (links.length === 0) {
    return (
      <CellFace $tone={tone} role="group" aria-label={label} title={label} {...dataProps}>
        <CellContent count={count} stale={stale} />
      </CellFace>
    );
  }

  if (links.length === 1) {
    return (
      <CellButton
        $tone={tone}
        aria-label={label}
        title={label}
        onClick={() => navigate(links[0].href)}
        {...dataProps}
      >
        <CellContent count={count} stale={stale} />
      </CellButton>
    );
  }

  return (
    <Popover.Root>
      <Popover.Trigger>
        <CellButton
          $tone={tone}
          aria-label={label}
          title={label}
          aria-haspopup="dialog"
          {...dataProps}
        >
          <CellContent count={count} stale={stale} />
        </CellButton>
      </Popover.Trigger>
      <Popover.Content>
        <Box padding={3} minWidth="20rem">
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="sigma" textColor="neutral600">
              {formatMessage({
                id: getTranslation('coverage.cell.chooseType'),
                defaultMessage: 'Open in the Content Manager',
              })}
            </Typography>
            {links.map((link) => (
              <Link
                key={link.name}
                tag={RouterLink}
                to={link.href}
                data-testid={`coverage-type-link-${link.name}`}
              >
                {link.displayName}
              </Link>
            ))}
          </Flex>
        </Box>
      </Popover.Content>
    </Popover.Root>
  );
};
