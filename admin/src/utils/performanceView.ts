import type {
  CoverageStage,
  PerformanceCell,
  PerformanceCounts,
  PerformanceDay,
  PerformanceFunnelStep,
  PerformanceReport,
  PerformanceSignal,
  RateLevel,
} from '../../../shared/contracts';
import type { Tone } from './coverageView';

/*
 * Pure shaping of the performance report for display (no React): the components stay thin, and
 * the lookups and scales are tested in tests/unit/performance-utils.test.ts.
 */

/** Rate levels in legend order: best first, "too few views" (no verdict) last. */
export const RATE_LEVELS: readonly RateLevel[] = ['above', 'even', 'below', 'too-few-views'];

/**
 * Design-system colour family per rate level: green converts better than the period overall,
 * orange worse, blue about the same; grey has too few views to say.
 */
export const RATE_TONES = {
  above: 'success',
  even: 'secondary',
  below: 'warning',
  'too-few-views': 'neutral',
} as const satisfies Record<RateLevel, Tone>;

export const PERFORMANCE_SIGNALS: readonly PerformanceSignal[] = ['write-more', 'unseen'];

/**
 * Colour families of the two signals, apart from every rate tone: a signal is drawn as a thick
 * outline and a badge on top of the cell's rate colour.
 */
export const SIGNAL_TONES = {
  'write-more': 'primary',
  unseen: 'alternative',
} as const satisfies Record<PerformanceSignal, 'primary' | 'alternative'>;

/** Theme colour token of a signal: `signalColor('unseen', 600)` -> `'alternative600'`. */
export const signalColor = <S extends 100 | 200 | 500 | 600 | 700>(
  signal: PerformanceSignal,
  shade: S
) => `${SIGNAL_TONES[signal]}${shade}` as const;

/** A row of the matrix: one stage, its persona cells and the content with no persona. */
export interface PerformanceRow {
  stage: CoverageStage;
  /** One per persona, in the report's persona order; undefined only if the server left one out. */
  cells: Array<PerformanceCell | undefined>;
  /** Content with no persona; null when a persona filter is on (the server leaves it out). */
  noPersona: PerformanceCell | null;
}

const cellKey = (stage: string, persona: string | null) => `${stage}\u0000${persona ?? ''}`;

/** Rows in the configured stage order, cells lined up with `report.personas`. */
export const toPerformanceRows = (report: PerformanceReport): PerformanceRow[] => {
  const cells = new Map(report.cells.map((cell) => [cellKey(cell.stage, cell.persona), cell]));
  return [...report.stages]
    .sort((a, b) => a.order - b.order)
    .map((stage) => ({
      stage,
      cells: report.personas.map((persona) => cells.get(cellKey(stage.key, persona.slug))),
      noPersona: cells.get(cellKey(stage.key, null)) ?? null,
    }));
};

/** True when the report has a "No persona" column (the server sends it unless personas are filtered). */
export const hasNoPersonaColumn = (report: PerformanceReport): boolean =>
  report.cells.some((cell) => cell.persona === null);

/** Nothing recorded in the period for these filters: no view, click or conversion at all. */
export const isPerformanceEmpty = (report: PerformanceReport): boolean =>
  report.totals.views === 0 && report.totals.clicks === 0 && report.totals.conversions === 0;

export interface FunnelBar extends PerformanceCounts {
  stage: string;
  label: string;
  entries: number;
  /** This stage's views / the previous stage's views; null for the first stage or without views. */
  viewsOfPrevious: number | null;
  /** Bar lengths, 0-100, all on one scale: the largest number of views of any stage. */
  percent: { views: number; clicks: number; conversions: number };
}

/**
 * Bars of the aggregate funnel, in the configured stage order (the funnel's own order), labelled
 * like the matrix. One scale for all three measures, so a stage's clicks are shown as the share
 * of its views they are.
 */
export const toFunnelBars = (
  funnel: readonly PerformanceFunnelStep[],
  stages: readonly CoverageStage[]
): FunnelBar[] => {
  const labels = new Map(stages.map((stage) => [stage.key, stage.label]));
  const max = Math.max(
    0,
    ...funnel.map((step) => Math.max(step.views, step.clicks, step.conversions))
  );
  const percent = (value: number) => (max === 0 ? 0 : Math.round((value / max) * 1000) / 10);
  return funnel.map((step) => ({
    ...step,
    label: labels.get(step.stage) ?? step.stage,
    percent: {
      views: percent(step.views),
      clicks: percent(step.clicks),
      conversions: percent(step.conversions),
    },
  }));
};

export const SERIES_MEASURES = ['views', 'clicks', 'conversions'] as const;
export type SeriesMeasure = (typeof SERIES_MEASURES)[number];

/** Theme colour of each measure, in the funnel and the trend alike. */
export const MEASURE_COLORS = {
  views: 'primary600',
  clicks: 'secondary600',
  conversions: 'success600',
} as const satisfies Record<SeriesMeasure, string>;

export interface SeriesLine {
  measure: SeriesMeasure;
  total: number;
  max: number;
  /** SVG polyline points in a `width` x `height` box, y down; empty without days. */
  points: string;
}

/** Coordinates rounded to 0.01: shorter markup, and tests can state them. */
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * SVG polyline points of `values`, spread over `width`, scaled so the largest value touches the
 * top (all zeros lie on the bottom line). A single value is drawn as a flat line.
 */
export const linePoints = (values: readonly number[], width: number, height: number): string => {
  if (values.length === 0) return '';
  const max = Math.max(0, ...values);
  const y = (value: number) => round(max === 0 ? height : height - (value / max) * height);
  if (values.length === 1) return `0,${y(values[0])} ${width},${y(values[0])}`;
  const step = width / (values.length - 1);
  return values.map((value, index) => `${round(index * step)},${y(value)}`).join(' ');
};

/**
 * The trend as one line per measure, each on its own scale (views outnumber conversions by far:
 * on one scale conversions would be a flat line), which is why the chart draws them apart.
 */
export const toSeriesLines = (
  days: readonly PerformanceDay[],
  width: number,
  height: number
): SeriesLine[] =>
  SERIES_MEASURES.map((measure) => {
    const values = days.map((day) => day[measure]);
    return {
      measure,
      total: values.reduce((sum, value) => sum + value, 0),
      max: Math.max(0, ...values),
      points: linePoints(values, width, height),
    };
  });
