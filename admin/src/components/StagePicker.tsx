import * as React from 'react';

import { Flex, TextButton, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import { getTranslation } from '../utils/getTranslation';

import type { EditorStage } from '../services/editor';

/*
 * Radio cards: real radio inputs (keyboard, screen readers and forms for free) inside labels
 * drawn as cards. The selected card is outlined and tinted; colour is not the only cue, the
 * radio's own dot marks it too.
 */
const OptionCard = styled.label<{ $selected: boolean; $disabled: boolean }>`
  display: flex;
  align-items: flex-start;
  gap: ${({ theme }) => theme.spaces[2]};
  width: 100%;
  padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 1px solid
    ${({ theme, $selected }) => ($selected ? theme.colors.primary600 : theme.colors.neutral200)};
  background: ${({ theme, $selected }) =>
    $selected ? theme.colors.primary100 : theme.colors.neutral0};
  cursor: ${({ $disabled }) => ($disabled ? 'not-allowed' : 'pointer')};
  opacity: ${({ $disabled, $selected }) => ($disabled && !$selected ? 0.6 : 1)};

  &:hover {
    border-color: ${({ theme, $disabled }) => ($disabled ? undefined : theme.colors.primary600)};
  }

  &:focus-within {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }

  input {
    flex: none;
    margin: 0.3rem 0 0;
    accent-color: ${({ theme }) => theme.colors.primary600};
    cursor: inherit;
  }
`;

/** Long descriptions are clipped on the cards not chosen, so the list stays scannable. */
const Description = styled(Typography)<{ $clamp: boolean }>`
  display: ${({ $clamp }) => ($clamp ? '-webkit-box' : 'block')};
  -webkit-line-clamp: ${({ $clamp }) => ($clamp ? 2 : 'unset')};
  -webkit-box-orient: vertical;
  overflow: hidden;
`;

const Fieldset = styled.fieldset`
  border: 0;
  margin: 0;
  padding: 0;
  min-width: 0;
  width: 100%;
`;

interface StagePickerProps {
  stages: EditorStage[];
  /** The configured stage currently chosen, or null. */
  value: string | null;
  disabled: boolean;
  onChange: (key: string | null) => void;
}

/** One selectable card per configured stage, in journey order, with its label and description. */
export const StagePicker = ({ stages, value, disabled, onChange }: StagePickerProps) => {
  const { formatMessage } = useIntl();
  const name = `journey-stage-${React.useId()}`;
  const legend = formatMessage({
    id: getTranslation('editor.stage.legend'),
    defaultMessage: 'Journey stage',
  });

  return (
    <Fieldset data-testid="journey-stage-picker">
      <VisuallyHidden tag="legend">{legend}</VisuallyHidden>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex justifyContent="space-between" alignItems="baseline" gap={2}>
          <Typography variant="pi" fontWeight="bold" textColor="neutral800" aria-hidden>
            {legend}
          </Typography>
          {value !== null && !disabled ? (
            <TextButton onClick={() => onChange(null)} data-testid="journey-stage-clear">
              {formatMessage({ id: getTranslation('editor.stage.clear'), defaultMessage: 'Clear' })}
            </TextButton>
          ) : null}
        </Flex>
        {stages.map((stage) => {
          const selected = stage.key === value;
          return (
            <OptionCard
              key={stage.key}
              $selected={selected}
              $disabled={disabled}
              data-testid={`journey-stage-option-${stage.key}`}
              data-selected={selected}
              title={selected ? undefined : stage.description}
            >
              <input
                type="radio"
                name={name}
                value={stage.key}
                checked={selected}
                disabled={disabled}
                onChange={() => onChange(stage.key)}
              />
              <Flex direction="column" alignItems="flex-start" gap={1} minWidth={0}>
                <Typography
                  variant="omega"
                  fontWeight="semiBold"
                  textColor={selected ? 'primary700' : 'neutral800'}
                >
                  {stage.label}
                </Typography>
                {stage.description ? (
                  <Description variant="pi" textColor="neutral600" $clamp={!selected}>
                    {stage.description}
                  </Description>
                ) : null}
              </Flex>
            </OptionCard>
          );
        })}
      </Flex>
    </Fieldset>
  );
};
