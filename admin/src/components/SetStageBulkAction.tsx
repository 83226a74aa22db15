import * as React from 'react';

import {
  Box,
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import {
  useAPIErrorHandler,
  useDocumentRBAC,
  useNotification,
  useTable,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { useSetJourneyStageMutation } from '../services/contentManager';
import { useLocalizedStages } from '../hooks/useLocalizedStages';
import { summarizeStageUpdates } from '../utils/bulkStageUpdate';
import { getTranslation } from '../utils/getTranslation';
import { isTaggedType } from '../utils/stageModel';

import type { EditorStage } from '../services/editor';
import type { StageUpdateTarget } from '../utils/bulkStageUpdate';
import type {
  BulkActionComponent,
  BulkActionComponentProps,
} from '@strapi/content-manager/strapi-admin';

type SelectedDocument = BulkActionComponentProps['documents'][number];

interface SetStageModalProps {
  uid: string;
  documents: SelectedDocument[];
  stages: EditorStage[];
  onClose: () => void;
}

const toTarget = (document: SelectedDocument): StageUpdateTarget => ({
  documentId: document.documentId,
  locale: typeof document.locale === 'string' ? document.locale : null,
});

/** Body and footer of the "Set journey stage" modal: a stage select, then one update per entry. */
const SetStageModal = ({ uid, documents, stages, onClose }: SetStageModalProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  // The formatter for errors of the admin's RTK Query base query.
  const { _unstableFormatAPIError: formatAPIError } = useAPIErrorHandler();
  const selectRow = useTable('SetJourneyStageAction', (state) => state.selectRow);
  const [setJourneyStage, { isLoading }] = useSetJourneyStageMutation();
  // The selection when the modal opened: the list refetches while the updates run.
  const [selection] = React.useState(documents);
  const [stage, setStage] = React.useState('');
  const stageLabel = stages.find((candidate) => candidate.key === stage)?.label ?? stage;

  const apply = async () => {
    const result = await setJourneyStage({ uid, stage, documents: selection.map(toTarget) });
    if ('error' in result) {
      toggleNotification({ type: 'danger', message: formatAPIError(result.error) });
      return;
    }
    const { succeeded, failed, messages } = summarizeStageUpdates(result.data);
    const values = {
      stage: stageLabel,
      count: succeeded.length,
      total: selection.length,
      reason: messages[0] ?? '',
    };
    if (failed.length === 0) {
      toggleNotification({
        type: 'success',
        message: formatMessage(
          {
            id: getTranslation('bulk.stage.success'),
            defaultMessage:
              'Journey stage set to {stage} for {count, plural, one {# entry} other {# entries}}.',
          },
          values
        ),
      });
    } else if (succeeded.length === 0) {
      toggleNotification({
        type: 'danger',
        message: formatMessage(
          {
            id: getTranslation('bulk.stage.failure'),
            defaultMessage: 'Could not set the journey stage: {reason}',
          },
          values
        ),
      });
    } else {
      toggleNotification({
        type: 'warning',
        message: formatMessage(
          {
            id: getTranslation('bulk.stage.partial'),
            defaultMessage:
              'Journey stage set to {stage} for {count} of {total} entries. The others failed: {reason}',
          },
          values
        ),
      });
    }
    // Like the Content Manager's own bulk actions: done rows are deselected, failed ones stay for a retry.
    const failedIds = new Set(failed.map((entry) => entry.documentId));
    selectRow(selection.filter((document) => failedIds.has(document.documentId)));
    onClose();
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="omega" textColor="neutral800">
            {formatMessage(
              {
                id: getTranslation('bulk.stage.description'),
                defaultMessage:
                  'Choose the journey stage for the {count, plural, one {selected entry} other {# selected entries}}.',
              },
              { count: selection.length }
            )}
          </Typography>
          <Field.Root
            name="journeyStage"
            id="journey-bulk-stage"
            hint={formatMessage({
              id: getTranslation('bulk.stage.hint'),
              defaultMessage:
                'Saved to each entry’s draft: published entries count with the new stage once republished.',
            })}
          >
            <Field.Label>
              {formatMessage({
                id: getTranslation('bulk.stage.label'),
                defaultMessage: 'Journey stage',
              })}
            </Field.Label>
            {/* SingleSelect does not pass data attributes on: the wrapper carries the test id. */}
            <Box data-testid="journey-bulk-stage-select">
              <SingleSelect
                value={stage}
                onChange={(next: string | number) => setStage(String(next))}
                placeholder={formatMessage({
                  id: getTranslation('bulk.stage.placeholder'),
                  defaultMessage: 'Choose a stage',
                })}
              >
                {stages.map((option) => (
                  <SingleSelectOption
                    key={option.key}
                    value={option.key}
                    data-testid={`journey-bulk-stage-option-${option.key}`}
                  >
                    {option.label}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Field.Hint />
          </Field.Root>
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose} disabled={isLoading}>
          {formatMessage({ id: 'app.components.Button.cancel', defaultMessage: 'Cancel' })}
        </Button>
        <Button
          onClick={apply}
          disabled={stage === ''}
          loading={isLoading}
          data-testid="journey-bulk-stage-apply"
        >
          {formatMessage({ id: getTranslation('bulk.stage.apply'), defaultMessage: 'Set stage' })}
        </Button>
      </Modal.Footer>
    </>
  );
};

/**
 * "Set journey stage" in the list view's bulk actions (content-manager `addBulkAction`), on tagged
 * types for editors who may update entries; the Content Manager checks each entry again on write.
 */
export const SetJourneyStageAction: BulkActionComponent = ({ model, documents }) => {
  const { formatMessage } = useIntl();
  const { config, stages } = useLocalizedStages();
  const canUpdate = useDocumentRBAC('SetJourneyStageAction', (state) => state.canUpdate);

  /*
   * The modal renders `content` as a component. Its identity must not change while the modal is
   * open (that would remount it and lose the chosen stage), so it is created once and reads the
   * latest props through a ref.
   */
  const latest = React.useRef({ model, documents, stages });
  latest.current = { model, documents, stages };
  const Content = React.useMemo(
    () =>
      function SetJourneyStageModalContent({ onClose }: { onClose: () => void }) {
        const { model: uid, documents: selected, stages: options } = latest.current;
        return <SetStageModal uid={uid} documents={selected} stages={options} onClose={onClose} />;
      },
    []
  );

  if (!config || !isTaggedType(config, model) || !canUpdate || stages.length === 0) return null;

  const label = formatMessage({
    id: getTranslation('bulk.stage.action'),
    defaultMessage: 'Set journey stage',
  });
  return {
    label,
    variant: 'tertiary',
    dialog: { type: 'modal', title: label, content: Content },
  };
};
