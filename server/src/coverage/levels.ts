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
