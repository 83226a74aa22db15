import { Badge, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import { usePerformanceFormat } from '../hooks/usePerformanceFormat';
import { toneColor } from '../utils/coverageView';
import { getTranslation } from '../utils/getTranslation';
import { RATE_TONES, SIGNAL_TONES, signalColor } from '../utils/performanceView';

import type { Tone } from '../utils/coverageView';
import type { PerformanceSelection } from '../utils/performanceParams';
import type { PerformanceRow } from '../utils/performanceView';
import type {
  PerformanceCell as Cell,
  PerformanceReport,
  PerformanceSignal,
  RateLevel,
} from '../../../shared/contracts';

/** A shape beside the colour, so the level reads in grey scale too (the legend explains them). */
export const RATE_GLYPHS: Record<RateLevel, string> = {
  above: '▲',
  even: '≈',
  below: '▼',
  'too-few-views': '·',
};

const CellFace = styled.div<{
  $tone: Tone;
  $signal: PerformanceSignal | null;
  $selected: boolean;
}>`
  display: flex;
  flex-direction: column;
  align-items: stretch;
  gap: ${({ theme }) => theme.spaces[1]};
  width: 100%;
  min-width: 12rem;
  padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
  border-radius: ${({ theme }) => theme.borderRadius};
  /* A signal is a thick outline in its own colour, on top of the rate colour. */
  border: ${({ $signal }) => ($signal ? '3px' : '1px')} solid
    ${({ theme, $tone, $signal }) =>
      $signal ? theme.colors[signalColor($signal, 600)] : theme.colors[toneColor($tone, 200)]};
  background: ${({ theme, $tone }) => theme.colors[toneColor($tone, 100)]};
  color: ${({ theme, $tone }) => theme.colors[toneColor($tone, 700)]};
  outline: ${({ theme, $selected }) =>
    $selected ? `2px solid ${theme.colors.neutral800}` : 'none'};
  outline-offset: 2px;
  font: inherit;
  text-align: left;
`;

const CellButton = styled(CellFace).attrs({ as: 'button', type: 'button' })`
  cursor: pointer;

  &:hover {
    border-color: ${({ theme, $tone, $signal }) =>
      $signal ? theme.colors[signalColor($signal, 700)] : theme.colors[toneColor($tone, 600)]};
  }

  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

const Metrics = styled.dl`
  display: grid;
  grid-template-columns: 1fr auto;
  column-gap: ${({ theme }) => theme.spaces[2]};

  dd {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;

const StageButton = styled.button<{ $selected: boolean }>`
  display: flex;
  flex-direction: column;
  align-items: flex-start;
  gap: ${({ theme }) => theme.spaces[1]};
  min-width: 14rem;
  padding: ${({ theme }) => theme.spaces[2]};
  border: 0;
  border-left: 4px solid
    ${({ theme, $selected }) => ($selected ? theme.colors.neutral800 : 'transparent')};
  background: none;
  font: inherit;
  text-align: left;
  cursor: pointer;

  &:hover span:first-child {
    text-decoration: underline;
  }

  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

interface PerformanceCellViewProps {
  cell: Cell;
  /** "Decision x Restaurant owner": the start of the screen reader sentence. */
  name: string;
  testId: string;
  selected: boolean;
  /** Undefined: a static cell (content with no persona cannot be opened on its own). */
  onSelect?: () => void;
}

const PerformanceCellView = ({
  cell,
  name,
  testId,
  selected,
  onSelect,
}: PerformanceCellViewProps) => {
  const { formatMessage } = useIntl();
  const format = usePerformanceFormat();
  const tone = RATE_TONES[cell.rate];

  const label = [
    formatMessage(
      {
        id: getTranslation('performance.cell.aria'),
        defaultMessage:
          '{name}: {views, plural, one {# view} other {# views}}, {clicks, plural, one {# click} other {# clicks}}, {conversions, plural, one {# conversion} other {# conversions}}, conversion rate {rate} ({level}); {entries, plural, one {# entry} other {# entries}}',
      },
      {
        name,
        views: cell.views,
        clicks: cell.clicks,
        conversions: cell.conversions,
        rate: format.rateText(cell.conversionRate),
        level: format.rateLabel(cell.rate),
        entries: cell.entries,
      }
    ),
    cell.signal ? format.signalLabel(cell.signal) : null,
  ]
    .filter(Boolean)
    .join('; ');

  const metric = (key: 'views' | 'clicks' | 'conversions' | 'entries', title: string) => (
    <>
      <dt>
        <Typography variant="pi" textColor="neutral700">
          {title}
        </Typography>
      </dt>
      <dd data-testid={`${testId}-${key}`}>
        <Typography variant="pi" fontWeight="semiBold" textColor="neutral800">
          {format.count(cell[key])}
        </Typography>
      </dd>
    </>
  );

  const content = (
    <>
      <Flex gap={2} justifyContent="space-between" aria-hidden>
        <Typography
          variant="omega"
          fontWeight="bold"
          textColor="inherit"
          data-testid={`${testId}-rate`}
        >
          {format.rate(cell.conversionRate)}
        </Typography>
        <Typography variant="omega" textColor="inherit" title={format.rateLabel(cell.rate)}>
          {RATE_GLYPHS[cell.rate]}
        </Typography>
      </Flex>
      <Metrics aria-hidden>
        {metric(
          'views',
          formatMessage({
            id: getTranslation('performance.measure.views'),
            defaultMessage: 'Views',
          })
        )}
        {metric(
          'clicks',
          formatMessage({
            id: getTranslation('performance.measure.clicks'),
            defaultMessage: 'Clicks',
          })
        )}
        {metric(
          'conversions',
          formatMessage({
            id: getTranslation('performance.measure.conversions'),
            defaultMessage: 'Conversions',
          })
        )}
        {metric(
          'entries',
          formatMessage({
            id: getTranslation('performance.measure.entries'),
            defaultMessage: 'Entries',
          })
        )}
      </Metrics>
      {cell.signal ? (
        <Badge
          variant={SIGNAL_TONES[cell.signal]}
          size="S"
          aria-hidden
          data-testid={`${testId}-signal`}
        >
          {format.signalLabel(cell.signal)}
        </Badge>
      ) : null}
    </>
  );

  const dataProps = {
    'data-testid': testId,
    'data-rate': cell.rate,
    'data-signal': cell.signal ?? undefined,
    $tone: tone,
    $signal: cell.signal,
    $selected: selected,
  };

  if (!onSelect) {
    return (
      <CellFace role="group" aria-label={label} title={label} {...dataProps}>
        {content}
      </CellFace>
    );
  }
  return (
    <CellButton
      aria-label={label}
      aria-pressed={selected}
      title={label}
      onClick={onSelect}
      {...dataProps}
    >
      {content}
    </CellButton>
  );
};

interface PerformanceMatrixTableProps {
  report: PerformanceReport;
  rows: PerformanceRow[];
  /** Whether to show the "No persona" column (absent while personas are filtered). */
  showNoPersona: boolean;
  selection: PerformanceSelection | null;
  onSelect: (selection: PerformanceSelection) => void;
}

/**
 * Stages x personas (then content with no persona), each cell coloured by its conversion rate
 * against the period's overall rate, with views, clicks, conversions and entries written out.
 * A persona cell opens its best and weakest entries; a stage's name opens the whole stage.
 */
export const PerformanceMatrixTable = ({
  report,
  rows,
  showNoPersona,
  selection,
  onSelect,
}: PerformanceMatrixTableProps) => {
  const { formatMessage } = useIntl();
  const noPersonaLabel = formatMessage({
    id: getTranslation('coverage.table.noPersona'),
    defaultMessage: 'No persona',
  });
  const isSelected = (stage: string, persona: string | null) =>
    selection?.stage === stage && selection.persona === persona;

  return (
    <Table
      colCount={report.personas.length + (showNoPersona ? 2 : 1)}
      rowCount={rows.length + 1}
      aria-label={formatMessage({
        id: getTranslation('performance.table.label'),
        defaultMessage: 'Performance per stage and persona',
      })}
      data-testid="performance-matrix"
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
          {report.personas.map((persona) => (
            <Th key={persona.slug}>
              <Typography variant="sigma">{persona.name}</Typography>
            </Th>
          ))}
          {showNoPersona ? (
            <Th>
              <Typography variant="sigma">{noPersonaLabel}</Typography>
            </Th>
          ) : null}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map(({ stage, cells, noPersona }) => (
          <Tr key={stage.key}>
            <Td>
              <StageButton
                type="button"
                $selected={isSelected(stage.key, null)}
                aria-pressed={isSelected(stage.key, null)}
                onClick={() => onSelect({ stage: stage.key, persona: null })}
                data-testid={`performance-stage-${stage.key}`}
              >
                <Typography variant="omega" fontWeight="bold" textColor="neutral800">
                  {stage.label}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage({
                    id: getTranslation('performance.table.wholeStage'),
                    defaultMessage: 'Whole stage',
                  })}
                </Typography>
              </StageButton>
            </Td>
            {report.personas.map((persona, index) => {
              const cell = cells[index];
              return (
                <Td key={persona.slug}>
                  {cell ? (
                    <PerformanceCellView
                      cell={cell}
                      name={formatMessage(
                        {
                          id: getTranslation('performance.cell.name'),
                          defaultMessage: '{stage} x {persona}',
                        },
                        { stage: stage.label, persona: persona.name }
                      )}
                      testId={`performance-cell-${stage.key}-${persona.slug}`}
                      selected={isSelected(stage.key, persona.slug)}
                      onSelect={() => onSelect({ stage: stage.key, persona: persona.slug })}
                    />
                  ) : null}
                </Td>
              );
            })}
            {showNoPersona ? (
              <Td>
                {noPersona ? (
                  <PerformanceCellView
                    cell={noPersona}
                    name={formatMessage(
                      {
                        id: getTranslation('performance.cell.name'),
                        defaultMessage: '{stage} x {persona}',
                      },
                      { stage: stage.label, persona: noPersonaLabel }
                    )}
                    testId={`performance-cell-${stage.key}-none`}
                    selected={false}
                  />
                ) : null}
              </Td>
            ) : null}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
