import { STAGE_ATTRIBUTE } from '../../../shared/constants';
import { JourneyStageCell } from '../components/JourneyStageCell';
import { getTranslation } from '../utils/getTranslation';
import { hasJourneyAttributes, withStageColumn } from '../utils/stageColumn';

import type { ListFieldLayout, ListLayout } from '@strapi/content-manager/strapi-admin';
import type { MessageDescriptor } from 'react-intl';

/** The name of the content-manager hook that lets plugins add list view columns (i18n's "Available in"). */
export const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

interface InjectColumnArgs {
  displayedHeaders: ListFieldLayout[];
  layout: ListLayout;
}

/**
 * A plugin column: the list view translates a descriptor label itself (a string label would be
 * read as the attribute's name), and passes each row to cellFormatter.
 */
type JourneyStageColumn = Omit<ListFieldLayout, 'label' | 'cellFormatter'> & {
  label: MessageDescriptor;
  cellFormatter: (row: Record<string, unknown>) => React.ReactNode;
};

const stageColumn: JourneyStageColumn = {
  attribute: { type: 'custom' },
  name: STAGE_ATTRIBUTE,
  label: { id: getTranslation('list.stage.header'), defaultMessage: 'Journey stage' },
  searchable: false,
  // Sorts by key: entries of one stage end up together.
  sortable: true,
  cellFormatter: (row) => <JourneyStageCell value={row[STAGE_ATTRIBUTE]} />,
};

/**
 * `Admin/CM/pages/ListView/inject-column-in-table`: a "Journey stage" column showing stage labels
 * on tagged types; it takes the place of the raw `journeyStage` column if the view shows that.
 */
export const addStageColumnHook = ({ displayedHeaders, layout }: InjectColumnArgs) => {
  if (!hasJourneyAttributes(layout.metadatas)) return { displayedHeaders, layout };
  return {
    displayedHeaders: withStageColumn<ListFieldLayout | JourneyStageColumn>(
      displayedHeaders,
      stageColumn
    ),
    layout,
  };
};
