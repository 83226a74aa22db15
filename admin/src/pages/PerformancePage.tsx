import * as React from 'react';

import { Box, Button, EmptyStateLayout, Flex, Loader, TextButton } from '@strapi/design-system';
import { ArrowClockwise, Download, WarningCircle } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import { JourneyViewTabs } from '../components/JourneyViewTabs';
import { PerformanceEmptyState } from '../components/PerformanceEmptyState';
import { PerformanceEntriesPanel } from '../components/PerformanceEntriesPanel';
import { PerformanceFiltersBar } from '../components/PerformanceFiltersBar';
import { PerformanceFunnelChart } from '../components/PerformanceFunnelChart';
import { PerformanceLegend } from '../components/PerformanceLegend';
import { PerformanceMatrixTable } from '../components/PerformanceMatrixTable';
import { PerformanceTrendChart } from '../components/PerformanceTrendChart';
import { PERFORMANCE_GENERIC_ERROR, useErrorMessage } from '../hooks/useErrorMessage';
import { useLocalizedStages, useMatrixInInterfaceLanguage } from '../hooks/useLocalizedStages';
import { usePerformanceExport } from '../hooks/usePerformanceExport';
import { usePerformanceFilters } from '../hooks/usePerformanceFilters';
import { usePerformanceFormat } from '../hooks/usePerformanceFormat';
import { useGetJourneyLocaleOptionsQuery } from '../services/i18n';
import { usePerformanceReport, usePerformanceSeries } from '../services/performance';
import { getTranslation } from '../utils/getTranslation';
import {
  DEFAULT_PERFORMANCE_FILTERS,
  hasActivePerformanceFilters,
  toPerformanceQuery,
  toSelectionQuery,
  toSeriesQuery,
  utcDay,
} from '../utils/performanceParams';
import {
  hasNoPersonaColumn,
  isPerformanceEmpty,
  toFunnelBars,
  toPerformanceRows,
} from '../utils/performanceView';

import type { PerformanceSelection } from '../utils/performanceParams';
import type {
  PerformanceQuery,
  PerformanceReport,
  TaggedTypeInfo,
} from '../../../shared/contracts';

/*
 * The matrix and its legend share a row when the matrix fits beside it (as on the coverage page);
 * the funnel and the trend share the next one. Every column may shrink below its content
 * (min-width: 0), so the matrix scrolls sideways in its own container, never the page.
 */
const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  gap: ${({ theme }) => theme.spaces[6]};
`;

const MainColumn = styled(Flex)<{ $basis: string }>`
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

const HalfColumn = styled(Box)`
  flex: 1 1 36rem;
  min-width: 0;
`;

/** Rough natural width of the matrix: stage column, one column per persona, "No persona". */
const matrixWidth = (personaCount: number) => `${18 + (personaCount + 1) * 15}rem`;

/** Faded while new filters load, so the old numbers are not mistaken for the new ones. */
const Refreshing = styled.div<{ $busy: boolean }>`
  opacity: ${({ $busy }) => ($busy ? 0.5 : 1)};
  transition: opacity 150ms;
`;

/** The open cell, if the report still has it (a persona filter or a removed stage may drop it). */
const selectionIn = (
  report: PerformanceReport,
  selection: PerformanceSelection | null
): PerformanceSelection | null => {
  if (!selection || !report.stages.some((stage) => stage.key === selection.stage)) return null;
  if (selection.persona && !report.personas.some((persona) => persona.slug === selection.persona))
    return null;
  return selection;
};

interface PerformanceResultProps {
  report: PerformanceReport;
  query: PerformanceQuery;
  selection: PerformanceSelection | null;
  onSelect: (selection: PerformanceSelection | null) => void;
  types: readonly TaggedTypeInfo[];
  onResetFilters: (() => void) | undefined;
}

const PerformanceResult = ({
  report: counted,
  query,
  selection: asked,
  onSelect,
  types,
  onResetFilters,
}: PerformanceResultProps) => {
  const { formatMessage } = useIntl();
  const report = useMatrixInInterfaceLanguage(counted);
  const rows = React.useMemo(() => toPerformanceRows(report), [report]);
  const bars = React.useMemo(() => toFunnelBars(report.funnel, report.stages), [report]);
  const selection = selectionIn(report, asked);
  // By the selection's fields, not its identity: the URL gives a new object on every change.
  const selectedStage = selection?.stage ?? null;
  const selectedPersona = selection?.persona ?? null;
  const cellQuery = React.useMemo(
    () =>
      selectedStage
        ? toSelectionQuery(query, { stage: selectedStage, persona: selectedPersona })
        : null,
    [query, selectedStage, selectedPersona]
  );
  const seriesQuery = React.useMemo(
    () =>
      toSeriesQuery(
        query,
        selectedStage ? { stage: selectedStage, persona: selectedPersona } : null
      ),
    [query, selectedStage, selectedPersona]
  );
  const empty = isPerformanceEmpty(report);
  // Nothing to draw without events: the empty state shows instead.
  const series = usePerformanceSeries(seriesQuery, { skip: empty });

  if (empty) return <PerformanceEmptyState onResetFilters={onResetFilters} />;

  const stageLabel = report.stages.find((stage) => stage.key === selection?.stage)?.label;
  const personaName = report.personas.find((persona) => persona.slug === selection?.persona)?.name;
  let selectionName: string | null = null;
  if (selection && stageLabel) {
    selectionName = personaName
      ? formatMessage(
          { id: getTranslation('performance.cell.name'), defaultMessage: '{stage} x {persona}' },
          { stage: stageLabel, persona: personaName }
        )
      : formatMessage(
          {
            id: getTranslation('performance.selection.stage'),
            defaultMessage: '{stage}, whole stage (all personas)',
          },
          { stage: stageLabel }
        );
  }

  // Without a cell: one persona filtered on, or everything (see toSeriesQuery).
  const trendSubject = (persona: string | undefined) => {
    const name = report.personas.find((candidate) => candidate.slug === persona)?.name;
    return name
      ? formatMessage(
          {
            id: getTranslation('performance.trend.persona'),
            defaultMessage: '{persona}, all stages',
          },
          { persona: name }
        )
      : formatMessage({
          id: getTranslation('performance.trend.all'),
          defaultMessage: 'All content counted, every persona',
        });
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Row>
        <MainColumn
          $basis={matrixWidth(report.personas.length)}
          direction="column"
          alignItems="stretch"
          gap={6}
        >
          <PerformanceMatrixTable
            report={report}
            rows={rows}
            showNoPersona={hasNoPersonaColumn(report)}
            selection={selection}
            onSelect={onSelect}
          />
          {selection && cellQuery && selectionName ? (
            <PerformanceEntriesPanel
              name={selectionName}
              query={cellQuery}
              types={types}
              onClose={() => onSelect(null)}
            />
          ) : null}
        </MainColumn>
        <SideColumn direction="column" alignItems="stretch" gap={6}>
          <PerformanceLegend
            overallRate={report.totals.conversionRate}
            minViews={report.filters.minViews}
          />
        </SideColumn>
      </Row>
      <Row>
        <HalfColumn>
          <PerformanceFunnelChart bars={bars} />
        </HalfColumn>
        <HalfColumn>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <PerformanceTrendChart
              // Only the answer for what is open now, never the previous cell's days.
              days={series.currentData?.days}
              isLoading={series.isFetching && !series.currentData}
              subject={selectionName ?? trendSubject(seriesQuery.persona)}
            />
            {selectionName ? (
              <TextButton onClick={() => onSelect(null)} data-testid="performance-trend-all">
                {formatMessage({
                  id: getTranslation('performance.trend.showAll'),
                  defaultMessage: 'Show the trend of all content',
                })}
              </TextButton>
            ) : null}
          </Flex>
        </HalfColumn>
      </Row>
    </Flex>
  );
};

/**
 * The Performance view: filters, the stage x persona matrix coloured by conversion rate, the
 * selected cell's best and weakest entries, the aggregate funnel, the daily trend and exports.
 */
export const PerformancePage = () => {
  const { formatMessage } = useIntl();
  const toMessage = useErrorMessage(PERFORMANCE_GENERIC_ERROR);
  const format = usePerformanceFormat();
  const { filters, setFilters, selection, setSelection } = usePerformanceFilters();
  // "Today" as of opening the page: presets keep their days while the page is open.
  const [today] = React.useState(() => utcDay(new Date()));
  const query = React.useMemo(() => toPerformanceQuery(filters, today), [filters, today]);
  const report = usePerformanceReport(query);
  const { config } = useLocalizedStages();
  const locales = useGetJourneyLocaleOptionsQuery();
  // With a persona filter on, the report has only those personas: the picker's list comes from
  // the same report without the filter (already cached when the user came from there).
  const { persona: _persona, ...unfilteredQuery } = query;
  const personaFiltered = filters.personas.length > 0;
  const unfiltered = usePerformanceReport(unfilteredQuery, { skip: !personaFiltered });
  const personaOptions = personaFiltered ? unfiltered.data?.personas : report.data?.personas;
  const { exportAs, exporting } = usePerformanceExport(query);
  const filtered = hasActivePerformanceFilters(filters);
  const resetFilters = React.useCallback(
    () => setFilters(DEFAULT_PERFORMANCE_FILTERS),
    [setFilters]
  );

  const title = formatMessage({
    id: getTranslation('performance.title'),
    defaultMessage: 'Journey performance',
  });
  const period = report.data?.filters;

  let body: React.ReactNode;
  if (report.isLoading) {
    body = (
      <Flex justifyContent="center" padding={11}>
        <Loader>
          {formatMessage({
            id: getTranslation('performance.loading'),
            defaultMessage: 'Loading performance...',
          })}
        </Loader>
      </Flex>
    );
  } else if (report.isError || report.data === undefined) {
    body = (
      <Box data-testid="performance-error">
        <EmptyStateLayout
          icon={<WarningCircle width="16rem" />}
          content={toMessage(report.error)}
          action={
            <Flex gap={2} wrap="wrap" justifyContent="center">
              <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={report.refetch}>
                {formatMessage({
                  id: getTranslation('coverage.retry'),
                  defaultMessage: 'Try again',
                })}
              </Button>
              {/* A 400 usually means the filters in the URL are stale (a removed persona, say). */}
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
      <Refreshing $busy={report.isFetching} aria-busy={report.isFetching}>
        <PerformanceResult
          report={report.data}
          query={query}
          selection={selection}
          onSelect={setSelection}
          types={config?.types ?? []}
          onResetFilters={filtered ? resetFilters : undefined}
        />
      </Refreshing>
    );
  }

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          period
            ? formatMessage(
                {
                  id: getTranslation('performance.subtitle'),
                  defaultMessage:
                    'Views, clicks and conversions per stage and persona, {from} to {to} (UTC).',
                },
                { from: format.day(period.from), to: format.day(period.to) }
              )
            : undefined
        }
        primaryAction={
          <Flex gap={2} wrap="wrap">
            <Button
              startIcon={<Download />}
              onClick={() => exportAs('csv')}
              loading={exporting === 'csv'}
              disabled={report.isError || exporting !== null}
              data-testid="performance-export-csv"
            >
              {formatMessage({
                id: getTranslation('coverage.export'),
                defaultMessage: 'Export CSV',
              })}
            </Button>
            <Button
              variant="secondary"
              startIcon={<Download />}
              onClick={() => exportAs('json')}
              loading={exporting === 'json'}
              disabled={report.isError || exporting !== null}
              data-testid="performance-export-json"
            >
              {formatMessage({
                id: getTranslation('performance.export.json'),
                defaultMessage: 'Export JSON',
              })}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6} data-testid="performance-page">
          <JourneyViewTabs />
          <PerformanceFiltersBar
            filters={filters}
            onChange={setFilters}
            types={config?.types}
            locales={locales.data}
            personas={personaOptions}
            period={period}
            defaultMinViews={period?.minViews}
          />
          {body}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
