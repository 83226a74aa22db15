import { STAGE_ATTRIBUTE } from '../../../shared/constants';
import { withoutField } from '../utils/stageColumn';

import type { EditLayout } from '@strapi/content-manager/strapi-admin';

/** The content-manager hook that lets plugins change the edit view's layout (i18n's label icons). */
export const MUTATE_EDIT_VIEW_LAYOUT = 'Admin/CM/pages/EditView/mutate-edit-view-layout';

/**
 * `Admin/CM/pages/EditView/mutate-edit-view-layout`: on tagged types the Journey side panel is where
 * the stage is chosen (labels in the editor's language, guidance, coverage), so the raw
 * `journeyStage` dropdown is left out of the main form instead of offering the same choice twice.
 * Only the layout changes: the value stays in the form and is saved by Save. Personas stay in the
 * form: Strapi's relation field is where they are picked, the panel only lists the saved ones.
 */
export const hideStageFieldHook = <Args extends { layout: EditLayout }>(args: Args): Args => ({
  ...args,
  layout: { ...args.layout, layout: withoutField(args.layout, STAGE_ATTRIBUTE) },
});
