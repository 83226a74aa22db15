import * as React from 'react';

import { Box, Button, EmptyStateLayout, Flex, Loader } from '@strapi/design-system';
import { ArrowClockwise, Download, WarningCircle } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import { CoverageChart } from '../components/CoverageChart';
import { CoverageEmptyState } from '../components/CoverageEmptyState';
import { CoverageFiltersBar } from '../components/CoverageFiltersBar';
import { CoverageLegend } from '../components/CoverageLegend';
import { CoverageMatrixTable } from '../components/CoverageMatrixTable';
import { CoverageOutsideMatrix } from '../components/CoverageOutsideMatrix';
import { CoverageRecountButton } from '../components/CoverageRecountButton';
import { JourneyViewTabs } from '../components/JourneyViewTabs';
import { useCoverageExport } from '../hooks/useCoverageExport';
import { useCoverageFilters } from '../hooks/useCoverageFilters';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useMatrixInInterfaceLanguage } from '../hooks/useLocalizedStages';
import { useCoverageMatrix, useGetCoverageOptionsQuery } from '../services/coverage';
import { DEFAULT_COVERAGE_FILTERS, hasActiveFilters } from '../utils/coverageParams';
import { isCoverageEmpty, toCoverageRows, toStageBars } from '../utils/coverageView';
import { getTranslation } from '../utils/getTranslation';

import type { CoverageOptions } from '../services/coverage';
import type { CoverageMatrix, TaggedTypeInfo } from '../../../shared/contracts';

/*
 * Matrix and side column (chart, legend) share a row only when the matrix fits at full width
 * beside it: the table column's basis grows with the number of personas, so with many personas
 * the side column wraps under the table even on a wide screen, and below 1000px it always does.
 * min-width: 0 lets the table's own container scroll sideways instead of the page.
 */
const CoverageLayout = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  gap: ${({ theme }) => theme.spaces[6]};
`;

const MainColumn = styled(Flex)<{ $basis: string }>`
  /* A high grow factor: spare width goes to the matrix, not the side column. */
  flex: 100 1 ${({ $basis }) => $basis};
  min-width: 0;
`;

const SideColumn = styled(Flex)`
  flex: 1 1 28rem;
  min-width: 0;

  @media (max-width: 999px) {
    flex-basis: 100%;
  }
`;

/** Rough natural width of the matrix: stage column, one column per persona, "No persona", "Total". */
const matrixWidth = (personaCount: number) => `${20 + (personaCount + 2) * 11}rem`;

/** Faded while new filters load, so the old numbers are not mistaken for the new ones. */
const Refreshing = styled.div<{ $busy: boolean }>`
  opacity: ${({ $busy }) => ($busy ? 0.5 : 1)};
  transition: opacity 150ms;
`;

/** The tagged types the matrix counted, with UIDs (for links) from the options endpoint. */
const typesInPlay = (
  matrix: CoverageMatrix,
  options: CoverageOptions | undefined
): TaggedTypeInfo[] =>
  matrix.filters.types.flatMap((name) => options?.types.find((type) => type.name === name) ?? []);

interface CoverageResultProps {
  matrix: CoverageMatrix;
  options: CoverageOptions | undefined;
  filtered: boolean;
  onResetFilters: () => void;
}

const CoverageResult = ({
  matrix: counted,
  options,
  filtered,
  onResetFilters,
}: CoverageResultProps) => {
  const matrix = useMatrixInInterfaceLanguage(counted);
  const rows = React.useMemo(() => toCoverageRows(matrix), [matrix]);
  const bars = React.useMemo(() => toStageBars(rows), [rows]);

  if (matrix.personas.length === 0) {
    return <CoverageEmptyState reason="no-personas" />;
  }
  if (matrix.stages.length === 0 || isCoverageEmpty(matrix)) {
    return (
      <CoverageEmptyState
        reason="no-content"
        onResetFilters={filtered ? onResetFilters : undefined}
      />
    );
  }

  return (
    <CoverageLayout>
      <MainColumn
        $basis={matrixWidth(matrix.personas.length)}
        direction="column"
        alignItems="stretch"
        gap={6}
      >
        <CoverageMatrixTable matrix={matrix} rows={rows} types={typesInPlay(matrix, options)} />
        <CoverageOutsideMatrix noStage={matrix.noStage} unknown={matrix.unknown} />
      </MainColumn>
      <SideColumn direction="column" alignItems="stretch" gap={6}>
        <CoverageChart bars={bars} />
        <CoverageLegend
          staleAfterDays={matrix.filters.staleAfterDays}
          fresh={matrix.filters.fresh}
        />
      </SideColumn>
    </CoverageLayout>
  );
};

/** The coverage panel: filters, the stage x persona matrix, per-stage chart, legend, CSV export. */
export const CoveragePage = () => {
  const { formatMessage } = useIntl();
  const toMessage = useErrorMessage();
  const [filters, setFilters] = useCoverageFilters();
  const coverage = useCoverageMatrix(filters);
  const options = useGetCoverageOptionsQuery();
  const { exportCsv, isExporting } = useCoverageExport(filters);
  const filtered = hasActiveFilters(filters);
  const resetFilters = React.useCallback(() => setFilters(DEFAULT_COVERAGE_FILTERS), [setFilters]);

  const title = formatMessage({
    id: getTranslation('coverage.title'),
    defaultMessage: 'Journey coverage',
  });

  let body: React.ReactNode;
  if (coverage.isLoading) {
    body = (
      <Flex justifyContent="center" padding={11}>
        <Loader>
          {formatMessage({
            id: getTranslation('coverage.loading'),
            defaultMessage: 'Loading coverage...',
          })}
        </Loader>
      </Flex>
    );
  } else if (coverage.isError || coverage.data === undefined) {
    body = (
      <Box data-testid="coverage-error">
        <EmptyStateLayout
          icon={<WarningCircle width="16rem" />}
          content={toMessage(coverage.error)}
          action={
            <Flex gap={2} wrap="wrap" justifyContent="center">
              <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={coverage.refetch}>
                {formatMessage({
                  id: getTranslation('coverage.retry'),
                  defaultMessage: 'Try again',
                })}
              </Button>
              {/* A 400 usually means the filters in the URL are stale (a removed type, say). */}
              {filtered ? (
                <Button variant="tertiary" onClick={resetFilters}>
                  {formatMessage({
                    id: getTranslation('coverage.filters.reset'),
                    defaultMessage: 'Reset filters',
                  })}
                </Button>
              ) : null}
            </Flex>
          }
        />
      </Box>
    );
  } else {
    body = (
      <Refreshing $busy={coverage.isFetching} aria-busy={coverage.isFetching}>
        <CoverageResult
          matrix={coverage.data}
          options={options.data}
          filtered={filtered}
          onResetFilters={resetFilters}
        />
      </Refreshing>
    );
  }

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(
          {
            id: getTranslation('coverage.subtitle'),
            defaultMessage:
              "{status, select, draft {Draft content} all {All content} other {Published content}} per stage and persona. Cells below a stage's minimum are highlighted.",
          },
          { status: filters.status }
        )}
        primaryAction={
          <Flex gap={2}>
            <CoverageRecountButton />
            <Button
              startIcon={<Download />}
              onClick={exportCsv}
              loading={isExporting}
              disabled={coverage.isError}
              data-testid="coverage-export"
            >
              {formatMessage({
                id: getTranslation('coverage.export'),
                defaultMessage: 'Export CSV',
              })}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6} data-testid="coverage-page">
          <JourneyViewTabs />
          <CoverageFiltersBar
            filters={filters}
            onChange={setFilters}
            options={options.data}
            staleAfterDays={coverage.data?.filters.staleAfterDays}
          />
          {body}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
