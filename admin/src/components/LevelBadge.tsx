import { Badge } from '@strapi/design-system';

import { useLevelLabel } from '../hooks/useLevelLabel';
import { LEVEL_TONES } from '../utils/coverageView';

import type { CoverageLevel } from '../../../shared/contracts';

interface LevelBadgeProps {
  level: CoverageLevel;
  size?: 'S' | 'M';
}

/** The level as a coloured word, so colour is never the only cue. */
export const LevelBadge = ({ level, size = 'S' }: LevelBadgeProps) => {
  const { label } = useLevelLabel();
  return (
    <Badge variant={LEVEL_TONES[level]} size={size} data-status={level}>
      {label(level)}
    </Badge>
  );
};
