import type { CoverageLevel } from '../../../shared/contracts';

/**
 * How a count stands against a stage's thresholds. A stage whose minimum is 0 asks for nothing, so
 * an empty cell there is "ok", not a gap.
 */
export const coverageLevel = (count: number, minimum: number, excess?: number): CoverageLevel => {
  if (count === 0 && minimum > 0) return 'gap';
  if (count < minimum) return 'thin';
  if (excess !== undefined && count >= excess) return 'excess';
  return 'ok';
};

/** The thresholds of one stage that the levels read. */
interface StageThresholds {
  minimum: number;
  excess?: number;
}

/** A stage x persona cell's level: too many documents in one cell compete with each other. */
export const cellLevel = (count: number, stage: StageThresholds) =>
  coverageLevel(count, stage.minimum, stage.excess);

/** A stage total's level: `excess` is a per-cell notion, so a total is never excess. */
export const stageTotalLevel = (count: number, stage: StageThresholds) =>
  coverageLevel(count, stage.minimum);
