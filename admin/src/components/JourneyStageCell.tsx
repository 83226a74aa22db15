import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { useLocalizedStages } from '../hooks/useLocalizedStages';
import { getTranslation } from '../utils/getTranslation';
import { stageCellText } from '../utils/stageColumn';

/** The list view cell of the Journey stage column: the stage's label rather than its key. */
export const JourneyStageCell = ({ value }: { value: unknown }) => {
  const { formatMessage } = useIntl();
  const { config, stages, isLoading } = useLocalizedStages();
  const cell = stageCellText(config ? stages : undefined, value);

  // A moment, on first load only: the key flashing before its label would look like a bug.
  if (isLoading && cell !== null) return <Typography data-testid="journey-stage-cell" aria-busy />;

  if (cell === null) {
    // The Content Manager's own mark for an empty cell.
    return (
      <Typography textColor="neutral800" data-testid="journey-stage-cell">
        -
      </Typography>
    );
  }

  const unknown = formatMessage(
    {
      id: getTranslation('list.stage.unknown'),
      defaultMessage: 'Stage "{stage}" is no longer configured',
    },
    { stage: cell.text }
  );
  return (
    <Typography
      textColor={cell.known ? 'neutral800' : 'warning700'}
      ellipsis
      title={cell.known ? undefined : unknown}
      data-testid="journey-stage-cell"
      data-stage={typeof value === 'string' ? value : undefined}
    >
      {cell.text}
    </Typography>
  );
};
