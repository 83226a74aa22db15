import type {
  CoverageCell,
  CoverageCount,
  CoverageLevel,
  CoverageMatrix,
  CoverageStage,
  CoverageStageTotal,
} from '../../../shared/contracts';

/*
 * Pure shaping of a CoverageMatrix for display (no React): the components stay thin, and the
 * lookups are tested in tests/unit/admin-utils.test.ts.
 */

/** Design-system colour family per level; gap/thin must stand out, excess must differ from ok. */
export const LEVEL_TONES = {
  gap: 'danger',
  thin: 'warning',
  ok: 'success',
  excess: 'secondary',
} as const satisfies Record<CoverageLevel, 'danger' | 'warning' | 'success' | 'secondary'>;

export type LevelTone = (typeof LEVEL_TONES)[CoverageLevel];

/** A level's tone, or neutral for counts that have no level. */
export type Tone = LevelTone | 'neutral';

/** Theme colour token of a tone: `toneColor('danger', 100)` -> `'danger100'` (all exist in both themes). */
export const toneColor = <S extends 100 | 200 | 500 | 600 | 700>(tone: Tone, shade: S) =>
  `${tone}${shade}` as const;

/** Legend and widget order: worst first. */
export const COVERAGE_LEVELS: readonly CoverageLevel[] = ['gap', 'thin', 'ok', 'excess'];

export const needsAttention = (level: CoverageLevel): boolean =>
  level === 'gap' || level === 'thin';

const EMPTY_COUNT: CoverageCount = { count: 0, stale: 0 };

export interface CoverageRow {
  stage: CoverageStage;
  /** One per persona, in the matrix's persona order; undefined only if the server left a cell out. */
  cells: Array<CoverageCell | undefined>;
  /** Documents of this stage with no persona. */
  untagged: CoverageCount;
  total: CoverageStageTotal;
}

/** Rows in the configured stage order, cells lined up with `matrix.personas`. */
export const toCoverageRows = (matrix: CoverageMatrix): CoverageRow[] => {
  const cellsByKey = new Map(
    matrix.cells.map((cell) => [`${cell.stage}\u0000${cell.persona}`, cell])
  );
  const untaggedByStage = new Map(matrix.untagged.map(({ stage, ...count }) => [stage, count]));
  const totalsByStage = new Map(matrix.stageTotals.map((total) => [total.stage, total]));

  return [...matrix.stages]
    .sort((a, b) => a.order - b.order)
    .map((stage) => ({
      stage,
      cells: matrix.personas.map((persona) => cellsByKey.get(`${stage.key}\u0000${persona.slug}`)),
      untagged: untaggedByStage.get(stage.key) ?? EMPTY_COUNT,
      // A stage with no total is, by definition, empty.
      total: totalsByStage.get(stage.key) ?? {
        stage: stage.key,
        count: 0,
        stale: 0,
        minimum: stage.minimum,
        status: stage.minimum > 0 ? 'gap' : 'ok',
      },
    }));
};

/** True when nothing at all was counted: no stage totals, no stage-less and no unknown-stage content. */
export const isCoverageEmpty = (matrix: CoverageMatrix): boolean =>
  matrix.stageTotals.every((total) => total.count === 0) &&
  matrix.noStage.count === 0 &&
  matrix.unknown.every((entry) => entry.count === 0);

export interface StageBar {
  stage: string;
  label: string;
  count: number;
  stale: number;
  minimum: number;
  status: CoverageLevel;
  /** Bar length, 0-100, relative to the largest count or minimum. */
  percent: number;
  /** Where the minimum falls on the same scale, 0-100. */
  minimumPercent: number;
}

/**
 * Bars of the per-stage chart. The scale includes the minimums so that a stage far below its
 * minimum looks short even when every stage is small.
 */
export const toStageBars = (rows: CoverageRow[]): StageBar[] => {
  const max = Math.max(0, ...rows.map(({ total }) => Math.max(total.count, total.minimum)));
  const percent = (value: number) => (max === 0 ? 0 : Math.round((value / max) * 1000) / 10);
  return rows.map(({ stage, total }) => ({
    stage: stage.key,
    label: stage.label,
    count: total.count,
    stale: total.stale,
    minimum: total.minimum,
    status: total.status,
    percent: percent(total.count),
    minimumPercent: percent(total.minimum),
  }));
};
