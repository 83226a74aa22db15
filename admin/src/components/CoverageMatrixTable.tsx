import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import { useLevelLabel } from '../hooks/useLevelLabel';
import { contentManagerListUrl } from '../utils/contentManagerUrl';
import { LEVEL_TONES, needsAttention, toneColor } from '../utils/coverageView';
import { getTranslation } from '../utils/getTranslation';
import { CoverageCellButton } from './CoverageCellButton';
import { LevelBadge } from './LevelBadge';

import type { CoverageRow, Tone } from '../utils/coverageView';
import type { TypeLink } from './CoverageCellButton';
import type { CoverageMatrix, TaggedTypeInfo } from '../../../shared/contracts';

interface CoverageMatrixTableProps {
  matrix: CoverageMatrix;
  rows: CoverageRow[];
  /** The tagged types this matrix counted, with UIDs for Content Manager links. */
  types: TaggedTypeInfo[];
}

// A coloured edge next to the badge: gap/thin rows are found by scanning the first column alone.
const StageHeader = styled(Flex)<{ $tone: Tone | null }>`
  border-left: 4px solid
    ${({ theme, $tone }) => ($tone ? theme.colors[toneColor($tone, 600)] : 'transparent')};
  padding-left: ${({ theme }) => theme.spaces[3]};
  min-width: 16rem;
`;

/** The stage x persona matrix, then "No persona" and "Total" per stage. */
export const CoverageMatrixTable = ({ matrix, rows, types }: CoverageMatrixTableProps) => {
  const { formatMessage } = useIntl();
  const { label: levelLabel } = useLevelLabel();
  const locale = matrix.filters.locale || null;

  const linksFor = (stage: string, persona?: string): TypeLink[] =>
    types.map((type) => ({
      name: type.name,
      displayName: type.displayName,
      href: contentManagerListUrl({ uid: type.uid, stage, persona, locale }),
    }));

  const staleSuffix = (stale: number) =>
    stale > 0
      ? formatMessage(
          { id: getTranslation('coverage.cell.aria.stale'), defaultMessage: ', {stale} stale' },
          { stale }
        )
      : '';

  return (
    <Table
      colCount={matrix.personas.length + 3}
      rowCount={rows.length + 1}
      aria-label={formatMessage({
        id: getTranslation('coverage.table.label'),
        defaultMessage: 'Content per stage and persona',
      })}
    >
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">
              {formatMessage({
                id: getTranslation('coverage.table.stage'),
                defaultMessage: 'Stage',
              })}
            </Typography>
          </Th>
          {matrix.personas.map((persona) => (
            <Th key={persona.slug}>
              <Typography variant="sigma" data-testid={`coverage-persona-${persona.slug}`}>
                {persona.name}
              </Typography>
            </Th>
          ))}
          <Th>
            <Typography variant="sigma">
              {formatMessage({
                id: getTranslation('coverage.table.noPersona'),
                defaultMessage: 'No persona',
              })}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {formatMessage({
                id: getTranslation('coverage.table.total'),
                defaultMessage: 'Total',
              })}
            </Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map(({ stage, cells, untagged, total }) => {
          const attention = needsAttention(total.status);
          return (
            <Tr key={stage.key}>
              <Td data-testid={`coverage-stage-${stage.key}`} data-status={total.status}>
                <StageHeader
                  $tone={attention ? LEVEL_TONES[total.status] : null}
                  direction="column"
                  alignItems="flex-start"
                  gap={1}
                >
                  <Flex gap={2} wrap="wrap">
                    <Typography variant="omega" fontWeight="bold" textColor="neutral800">
                      {stage.label}
                    </Typography>
                    {attention ? <LevelBadge level={total.status} /> : null}
                  </Flex>
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage(
                      {
                        id: getTranslation('coverage.table.minimum'),
                        defaultMessage: 'min {minimum}',
                      },
                      { minimum: stage.minimum }
                    )}
                  </Typography>
                </StageHeader>
              </Td>
              {matrix.personas.map((persona, index) => {
                const cell = cells[index];
                const count = cell?.count ?? 0;
                const level = cell?.status ?? (stage.minimum > 0 ? 'gap' : 'ok');
                return (
                  <Td key={persona.slug}>
                    <CoverageCellButton
                      level={level}
                      count={count}
                      stale={cell?.stale ?? 0}
                      testId={`coverage-cell-${stage.key}-${persona.slug}`}
                      label={
                        formatMessage(
                          {
                            id: getTranslation('coverage.cell.aria'),
                            defaultMessage: '{stage} x {persona}: {count} of {minimum}, {level}',
                          },
                          {
                            stage: stage.label,
                            persona: persona.name,
                            count,
                            minimum: stage.minimum,
                            level: levelLabel(level),
                          }
                        ) + staleSuffix(cell?.stale ?? 0)
                      }
                      links={linksFor(stage.key, persona.slug)}
                    />
                  </Td>
                );
              })}
              <Td>
                {/* Untagged content has no minimum of its own, so no level: shown neutral, not clickable. */}
                <CoverageCellButton
                  level={null}
                  count={untagged.count}
                  stale={untagged.stale}
                  testId={`coverage-untagged-${stage.key}`}
                  label={
                    formatMessage(
                      {
                        id: getTranslation('coverage.cell.aria.noPersona'),
                        defaultMessage: '{stage}, no persona: {count}',
                      },
                      { stage: stage.label, count: untagged.count }
                    ) + staleSuffix(untagged.stale)
                  }
                  links={[]}
                />
              </Td>
              <Td>
                <Box
                  paddingLeft={2}
                  borderColor="neutral200"
                  borderStyle="solid"
                  borderWidth="0 0 0 1px"
                >
                  <CoverageCellButton
                    level={total.status}
                    count={total.count}
                    stale={total.stale}
                    testId={`coverage-total-${stage.key}`}
                    label={
                      formatMessage(
                        {
                          id: getTranslation('coverage.cell.aria.total'),
                          defaultMessage: '{stage}, all personas: {count} of {minimum}, {level}',
                        },
                        {
                          stage: stage.label,
                          count: total.count,
                          minimum: total.minimum,
                          level: levelLabel(total.status),
                        }
                      ) + staleSuffix(total.stale)
                    }
                    links={linksFor(stage.key)}
                  />
                </Box>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
