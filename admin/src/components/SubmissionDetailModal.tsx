import * as React from 'react';

import { Box, Button, Dialog, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { useErrorMessage } from '../hooks/useErrorMessage';
import { useDeleteSubmissionMutation, useSubmission } from '../services/submissions';
import { getTranslation } from '../utils/getTranslation';

import type { SubmissionDetail } from '../services/submissions';
import type { SubmissionValue } from '../../../shared/contracts';

interface SubmissionDetailModalProps {
  /** The open submission, or null when the modal is closed. */
  id: string | null;
  canDelete: boolean;
  onClose: () => void;
}

/** One labelled line of the detail: the value is plain text, whatever it holds. */
const Line = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <Flex direction="column" alignItems="stretch" gap={1} data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="omega" textColor="neutral800" style={{ whiteSpace: 'pre-wrap' }}>
      {value}
    </Typography>
  </Flex>
);

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="stretch" gap={3}>
    <Typography variant="delta" tag="h3">
      {title}
    </Typography>
    {children}
  </Flex>
);

const Detail = ({ submission }: { submission: SubmissionDetail }) => {
  const { formatMessage, formatDate } = useIntl();
  const text = (value: SubmissionValue | undefined): string => {
    if (value === undefined || value === null || value === '') return '–';
    if (typeof value === 'boolean')
      return value
        ? formatMessage({ id: getTranslation('submissions.value.yes'), defaultMessage: 'Yes' })
        : formatMessage({ id: getTranslation('submissions.value.no'), defaultMessage: 'No' });
    return String(value);
  };
  // Fields removed from the form since keep their values, shown under their names.
  const known = new Set(submission.fields.map((field) => field.name));
  const fields = [
    ...submission.fields.map((field) => ({ name: field.name, label: field.label })),
    ...Object.keys(submission.data)
      .filter((name) => !known.has(name))
      .map((name) => ({ name, label: name })),
  ];
  const deliveryLabel = (delivery: NonNullable<SubmissionDetail['delivery']>['email']) =>
    formatMessage(
      {
        id: getTranslation('submissions.delivery.state'),
        defaultMessage:
          '{state, select, none {Not configured} pending {Pending} sent {Sent} failed {Failed} other {{state}}} ({attempts, plural, one {# attempt} other {# attempts}})',
      },
      { state: delivery.state, attempts: delivery.attempts }
    ) + (delivery.error ? `: ${delivery.error}` : '');
  const context = Object.entries(submission.context);

  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="submission-detail">
      <Typography variant="pi" textColor="neutral600">
        {formatDate(submission.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
        {' · '}
        {submission.form.name ?? submission.form.documentId}
      </Typography>
      <Section
        title={formatMessage({
          id: getTranslation('submissions.detail.values'),
          defaultMessage: 'Values',
        })}
      >
        {fields.map((field) => (
          <Line
            key={field.name}
            label={field.label}
            value={text(submission.data[field.name])}
            testId={`submission-value-${field.name}`}
          />
        ))}
      </Section>
      <Section
        title={formatMessage({
          id: getTranslation('submissions.detail.context'),
          defaultMessage: 'Context',
        })}
      >
        <Line
          label={formatMessage({
            id: getTranslation('submissions.column.stage'),
            defaultMessage: 'Stage',
          })}
          value={text(submission.stage)}
          testId="submission-context-stage"
        />
        <Line
          label={formatMessage({
            id: getTranslation('submissions.column.persona'),
            defaultMessage: 'Persona',
          })}
          value={text(submission.persona)}
          testId="submission-context-persona"
        />
        {context.map(([key, value]) => (
          <Line
            key={key}
            label={key}
            value={typeof value === 'string' ? value : JSON.stringify(value)}
            testId={`submission-context-${key}`}
          />
        ))}
      </Section>
      <Section
        title={formatMessage({
          id: getTranslation('submissions.detail.delivery'),
          defaultMessage: 'Delivery',
        })}
      >
        {submission.delivery ? (
          <>
            <Line
              label={formatMessage({
                id: getTranslation('submissions.delivery.email'),
                defaultMessage: 'Notification email',
              })}
              value={deliveryLabel(submission.delivery.email)}
              testId="submission-delivery-email"
            />
            <Line
              label={formatMessage({
                id: getTranslation('submissions.delivery.webhooks'),
                defaultMessage: 'Webhooks',
              })}
              value={deliveryLabel(submission.delivery.webhooks)}
              testId="submission-delivery-webhooks"
            />
          </>
        ) : (
          <Typography variant="omega" textColor="neutral600">
            {formatMessage({
              id: getTranslation('submissions.delivery.none'),
              defaultMessage: 'Nothing recorded.',
            })}
          </Typography>
        )}
      </Section>
    </Flex>
  );
};

/**
 * Every field of one submission by its label, its context and how its email and webhooks went;
 * Delete (after a confirmation) for users with submissions.delete.
 */
export const SubmissionDetailModal = ({ id, canDelete, onClose }: SubmissionDetailModalProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const toMessage = useErrorMessage();
  const submission = useSubmission(id);
  const [deleteSubmission] = useDeleteSubmissionMutation();
  const [confirming, setConfirming] = React.useState(false);

  const confirmDelete = async () => {
    if (id === null) return;
    const result = await deleteSubmission(id);
    setConfirming(false);
    if ('error' in result) {
      toggleNotification({ type: 'danger', message: toMessage(result.error) });
      return;
    }
    toggleNotification({
      type: 'success',
      message: formatMessage({
        id: getTranslation('submissions.delete.done'),
        defaultMessage: 'Submission deleted',
      }),
    });
    onClose();
  };

  let body: React.ReactNode;
  if (submission.isLoading || submission.isFetching) {
    body = (
      <Flex justifyContent="center" padding={6}>
        <Loader small>
          {formatMessage({
            id: getTranslation('submissions.loading'),
            defaultMessage: 'Loading submissions...',
          })}
        </Loader>
      </Flex>
    );
  } else if (submission.isError || !submission.data) {
    body = (
      <Typography textColor="danger600" data-testid="submission-detail-error">
        {toMessage(submission.error)}
      </Typography>
    );
  } else {
    body = <Detail submission={submission.data} />;
  }

  return (
    <Modal.Root open={id !== null} onOpenChange={(open: boolean) => (open ? null : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {formatMessage({
              id: getTranslation('submissions.detail.title'),
              defaultMessage: 'Submission',
            })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Box>{body}</Box>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">
              {formatMessage({ id: 'app.components.Button.cancel', defaultMessage: 'Cancel' })}
            </Button>
          </Modal.Close>
          {canDelete ? (
            <Dialog.Root open={confirming} onOpenChange={setConfirming}>
              <Dialog.Trigger>
                <Button
                  variant="danger-light"
                  startIcon={<Trash />}
                  disabled={!submission.data}
                  data-testid="submission-delete"
                >
                  {formatMessage({
                    id: getTranslation('submissions.delete'),
                    defaultMessage: 'Delete',
                  })}
                </Button>
              </Dialog.Trigger>
              <ConfirmDialog onConfirm={confirmDelete}>
                {formatMessage({
                  id: getTranslation('submissions.delete.confirm'),
                  defaultMessage: 'Delete this submission for good? This cannot be undone.',
                })}
              </ConfirmDialog>
            </Dialog.Root>
          ) : null}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
