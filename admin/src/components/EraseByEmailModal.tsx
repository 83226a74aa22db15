import * as React from 'react';

import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { useErrorMessage } from '../hooks/useErrorMessage';
import { useEraseSubmissionsMutation } from '../services/submissions';
import { getTranslation } from '../utils/getTranslation';

/**
 * A person's erasure request: an email address, a confirmation step naming it, then how many
 * submissions went. Shown only to users with submissions.delete.
 */
export const EraseByEmailModal = ({ onClose }: { onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const toMessage = useErrorMessage();
  const [erase, { isLoading }] = useEraseSubmissionsMutation();
  const [email, setEmail] = React.useState('');
  const [step, setStep] = React.useState<'ask' | 'confirm' | 'done'>('ask');
  const [deleted, setDeleted] = React.useState(0);
  const address = email.trim();

  const confirm = async () => {
    const result = await erase(address);
    if ('error' in result) {
      toggleNotification({ type: 'danger', message: toMessage(result.error) });
      setStep('ask');
      return;
    }
    setDeleted(result.data);
    setStep('done');
  };

  const cancel = formatMessage({ id: 'app.components.Button.cancel', defaultMessage: 'Cancel' });

  return (
    <Modal.Root open onOpenChange={(open: boolean) => (open ? null : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {formatMessage({
              id: getTranslation('submissions.erase.title'),
              defaultMessage: 'Erase by email',
            })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {step === 'ask' ? (
            <Field.Root
              name="email"
              id="journey-erase-email"
              hint={formatMessage({
                id: getTranslation('submissions.erase.hint'),
                defaultMessage:
                  'Every submission holding this address, in any field of any form, is deleted.',
              })}
            >
              <Field.Label>
                {formatMessage({
                  id: getTranslation('submissions.erase.email'),
                  defaultMessage: 'Email address',
                })}
              </Field.Label>
              <TextInput
                type="email"
                value={email}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setEmail(event.target.value)
                }
              />
              <Field.Hint />
            </Field.Root>
          ) : null}
          {step === 'confirm' ? (
            <Typography data-testid="submissions-erase-confirm">
              {formatMessage(
                {
                  id: getTranslation('submissions.erase.confirm'),
                  defaultMessage:
                    'Delete every submission holding {email} for good? This cannot be undone.',
                },
                { email: address }
              )}
            </Typography>
          ) : null}
          {step === 'done' ? (
            <Typography role="status" data-testid="submissions-erase-result">
              {formatMessage(
                {
                  id: getTranslation('submissions.erase.done'),
                  defaultMessage:
                    '{count, plural, =0 {No submissions held this address} one {# submission deleted} other {# submissions deleted}}',
                },
                { count: deleted }
              )}
            </Typography>
          ) : null}
        </Modal.Body>
        <Modal.Footer>
          <Flex justifyContent="space-between" width="100%">
            {step === 'done' ? (
              <Button onClick={onClose}>
                {formatMessage({
                  id: getTranslation('submissions.close'),
                  defaultMessage: 'Close',
                })}
              </Button>
            ) : (
              <Button variant="tertiary" onClick={onClose} disabled={isLoading}>
                {cancel}
              </Button>
            )}
            {step === 'ask' ? (
              <Button
                variant="danger-light"
                disabled={address === ''}
                onClick={() => setStep('confirm')}
              >
                {formatMessage({
                  id: getTranslation('submissions.erase.next'),
                  defaultMessage: 'Erase…',
                })}
              </Button>
            ) : null}
            {step === 'confirm' ? (
              <Button variant="danger" loading={isLoading} onClick={confirm}>
                {formatMessage({
                  id: getTranslation('submissions.erase.action'),
                  defaultMessage: 'Erase for good',
                })}
              </Button>
            ) : null}
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
