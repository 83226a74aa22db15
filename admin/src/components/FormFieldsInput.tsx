import * as React from 'react';

import {
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { FORM_FIELD_TYPES, TEXT_FIELD_TYPES } from '../../../shared/form-fields';
import { getTranslation } from '../utils/getTranslation';

import type { FormFieldType } from '../../../shared/form-fields';

/** A field definition as edited: the stored shape, with any value the editor may leave half-done. */
export interface EditedField {
  name: string;
  label: string;
  type: FormFieldType;
  required?: boolean;
  options?: { value: string; label: string }[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  min?: number;
  max?: number;
}

/** The stored value: an array, or JSON text (how the Content Manager may hold a json attribute). */
export const readFields = (value: unknown): EditedField[] => {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(parsed) ? (parsed as EditedField[]) : [];
};

/** Undefined keys would be written as absent anyway; dropped so the JSON stays tidy. */
const tidy = (field: EditedField): EditedField =>
  Object.fromEntries(
    Object.entries(field).filter(([, value]) => value !== undefined)
  ) as unknown as EditedField;

/** Keeps only the keys the new type allows, so a type switch never leaves rules the server refuses. */
export const changeType = (field: EditedField, type: FormFieldType): EditedField => {
  const { options, minLength, maxLength, pattern, min, max, ...base } = field;
  const next: EditedField = { ...base, type };
  if (type === 'select') next.options = options ?? [{ value: '', label: '' }];
  if (TEXT_FIELD_TYPES.includes(type)) Object.assign(next, { minLength, maxLength, pattern });
  if (type === 'number') Object.assign(next, { min, max });
  return tidy(next);
};

/** The server's 400 for this attribute (nested by path), flattened to "1. name: message" lines. */
const errorLines = (error: unknown, path: string[] = []): string[] => {
  if (error === undefined || error === null || error === '') return [];
  // A leaf: the message itself, or the admin's { id, defaultMessage } for it.
  let message: string | null = null;
  if (typeof error === 'string') message = error;
  else if (typeof error === 'object' && 'defaultMessage' in error)
    message = String((error as { defaultMessage: unknown }).defaultMessage);
  if (message !== null) {
    const [index, ...rest] = path;
    if (index === undefined) return [message];
    // "2. name: must start with a letter…": fields are numbered as the editor shows them.
    const number = /^\d+$/.test(index) ? String(Number(index) + 1) : null;
    const where =
      number === null ? path.join('.') : [number, rest.join('.')].filter(Boolean).join('. ');
    return [`${where}: ${message}`];
  }
  if (typeof error === 'object')
    return Object.entries(error as Record<string, unknown>).flatMap(([key, value]) =>
      errorLines(value, [...path, key])
    );
  return [];
};

const without = <T,>(list: T[], index: number) => list.filter((_, at) => at !== index);
const swap = <T,>(list: T[], a: number, b: number) => {
  const next = [...list];
  [next[a], next[b]] = [next[b], next[a]];
  return next;
};

interface FormFieldsInputProps {
  name: string;
  label?: string;
  hint?: React.ReactNode;
  disabled?: boolean;
  required?: boolean;
}

/**
 * The form's `fields` attribute (custom field plugin::journey.form-fields, stored as JSON): one card
 * per field, with the settings its type takes, so editors never write JSON. The server checks the
 * result (shared/form-fields.ts) and its 400 messages show under the list.
 */
export const FormFieldsInput = React.forwardRef<HTMLDivElement, FormFieldsInputProps>(
  ({ name, label, hint, disabled = false }, ref) => {
    const { formatMessage } = useIntl();
    const field = useField(name);
    const fields = readFields(field.value);
    const write = (next: EditedField[]) => field.onChange(name, next);
    const update = (index: number, patch: Partial<EditedField>) =>
      write(fields.map((current, at) => (at === index ? tidy({ ...current, ...patch }) : current)));
    const errors = errorLines(field.rawError ?? field.error);
    const t = (id: string, defaultMessage: string) => formatMessage({ id, defaultMessage });

    const numberField = (
      index: number,
      key: 'min' | 'max' | 'minLength' | 'maxLength',
      text: string
    ) => (
      <Box width="12rem">
        <Field.Root name={`${name}.${index}.${key}`} id={`${name}-${index}-${key}`}>
          <Field.Label>{text}</Field.Label>
          <NumberInput
            value={fields[index][key]}
            disabled={disabled}
            onValueChange={(value: number | undefined) => update(index, { [key]: value })}
          />
        </Field.Root>
      </Box>
    );

    return (
      <Flex
        direction="column"
        alignItems="stretch"
        gap={3}
        ref={ref}
        data-testid="form-fields-input"
      >
        <Typography variant="pi" fontWeight="bold" textColor="neutral800">
          {label ?? name}
        </Typography>
        {fields.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {t(getTranslation('fields.empty'), 'No fields yet.')}
          </Typography>
        ) : null}
        {fields.map((current, index) => {
          const isText = TEXT_FIELD_TYPES.includes(current.type);
          const options = current.options ?? [];
          return (
            <Box
              key={index}
              padding={4}
              hasRadius
              borderColor="neutral200"
              borderStyle="solid"
              borderWidth="1px"
              data-testid={`form-field-${index}`}
            >
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Flex gap={3} wrap="wrap" alignItems="flex-end">
                  <Box width="16rem">
                    <Field.Root name={`${name}.${index}.name`} id={`${name}-${index}-name`}>
                      <Field.Label>{t(getTranslation('fields.name'), 'Name')}</Field.Label>
                      <TextInput
                        value={current.name}
                        disabled={disabled}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                          update(index, { name: event.target.value })
                        }
                      />
                    </Field.Root>
                  </Box>
                  <Box width="20rem">
                    <Field.Root name={`${name}.${index}.label`} id={`${name}-${index}-label`}>
                      <Field.Label>{t(getTranslation('fields.label'), 'Label')}</Field.Label>
                      <TextInput
                        value={current.label}
                        disabled={disabled}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                          update(index, { label: event.target.value })
                        }
                      />
                    </Field.Root>
                  </Box>
                  <Box width="14rem">
                    <Field.Root name={`${name}.${index}.type`} id={`${name}-${index}-type`}>
                      <Field.Label>{t(getTranslation('fields.type'), 'Type')}</Field.Label>
                      <SingleSelect
                        value={current.type}
                        disabled={disabled}
                        onChange={(value: string | number) =>
                          write(
                            fields.map((item, at) =>
                              at === index ? changeType(item, String(value) as FormFieldType) : item
                            )
                          )
                        }
                      >
                        {FORM_FIELD_TYPES.map((type) => (
                          <SingleSelectOption key={type} value={type}>
                            {type}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Field.Root>
                  </Box>
                  <Field.Root name={`${name}.${index}.required`} id={`${name}-${index}-required`}>
                    <Field.Label>{t(getTranslation('fields.required'), 'Required')}</Field.Label>
                    <Toggle
                      checked={current.required ?? false}
                      disabled={disabled}
                      onLabel={t(getTranslation('fields.yes'), 'Yes')}
                      offLabel={t(getTranslation('fields.no'), 'No')}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        update(index, { required: event.target.checked })
                      }
                    />
                  </Field.Root>
                  <Flex gap={1} marginLeft="auto">
                    <IconButton
                      label={t(getTranslation('fields.up'), 'Move up')}
                      disabled={disabled || index === 0}
                      onClick={() => write(swap(fields, index, index - 1))}
                    >
                      <ArrowUp />
                    </IconButton>
                    <IconButton
                      label={t(getTranslation('fields.down'), 'Move down')}
                      disabled={disabled || index === fields.length - 1}
                      onClick={() => write(swap(fields, index, index + 1))}
                    >
                      <ArrowDown />
                    </IconButton>
                    <IconButton
                      label={t(getTranslation('fields.remove'), 'Remove field')}
                      disabled={disabled}
                      onClick={() => write(without(fields, index))}
                    >
                      <Trash />
                    </IconButton>
                  </Flex>
                </Flex>
                {isText ? (
                  <Flex gap={3} wrap="wrap" alignItems="flex-end">
                    {numberField(
                      index,
                      'minLength',
                      t(getTranslation('fields.minLength'), 'Min length')
                    )}
                    {numberField(
                      index,
                      'maxLength',
                      t(getTranslation('fields.maxLength'), 'Max length')
                    )}
                    <Box width="24rem">
                      <Field.Root name={`${name}.${index}.pattern`} id={`${name}-${index}-pattern`}>
                        <Field.Label>
                          {t(getTranslation('fields.pattern'), 'Pattern (regular expression)')}
                        </Field.Label>
                        <TextInput
                          value={current.pattern ?? ''}
                          disabled={disabled}
                          onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                            update(index, { pattern: event.target.value || undefined })
                          }
                        />
                      </Field.Root>
                    </Box>
                  </Flex>
                ) : null}
                {current.type === 'number' ? (
                  <Flex gap={3} wrap="wrap">
                    {numberField(index, 'min', t(getTranslation('fields.min'), 'Minimum'))}
                    {numberField(index, 'max', t(getTranslation('fields.max'), 'Maximum'))}
                  </Flex>
                ) : null}
                {current.type === 'select' ? (
                  <Flex direction="column" alignItems="stretch" gap={2}>
                    <Typography variant="sigma" textColor="neutral600">
                      {t(getTranslation('fields.options'), 'Options')}
                    </Typography>
                    {options.map((option, at) => (
                      <Flex
                        key={at}
                        gap={2}
                        alignItems="flex-end"
                        data-testid={`form-field-${index}-option-${at}`}
                      >
                        <Field.Root
                          name={`${name}.${index}.options.${at}.value`}
                          id={`${name}-${index}-option-${at}-value`}
                        >
                          <Field.Label>
                            {t(getTranslation('fields.option.value'), 'Value')}
                          </Field.Label>
                          <TextInput
                            value={option.value}
                            disabled={disabled}
                            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                              update(index, {
                                options: options.map((item, i) =>
                                  i === at ? { ...item, value: event.target.value } : item
                                ),
                              })
                            }
                          />
                        </Field.Root>
                        <Field.Root
                          name={`${name}.${index}.options.${at}.label`}
                          id={`${name}-${index}-option-${at}-label`}
                        >
                          <Field.Label>
                            {t(getTranslation('fields.option.label'), 'Label')}
                          </Field.Label>
                          <TextInput
                            value={option.label}
                            disabled={disabled}
                            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                              update(index, {
                                options: options.map((item, i) =>
                                  i === at ? { ...item, label: event.target.value } : item
                                ),
                              })
                            }
                          />
                        </Field.Root>
                        <IconButton
                          label={t(getTranslation('fields.option.remove'), 'Remove option')}
                          disabled={disabled}
                          onClick={() => update(index, { options: without(options, at) })}
                        >
                          <Trash />
                        </IconButton>
                      </Flex>
                    ))}
                    <Box>
                      <Button
                        variant="tertiary"
                        startIcon={<Plus />}
                        disabled={disabled}
                        onClick={() =>
                          update(index, { options: [...options, { value: '', label: '' }] })
                        }
                      >
                        {t(getTranslation('fields.option.add'), 'Add option')}
                      </Button>
                    </Box>
                  </Flex>
                ) : null}
              </Flex>
            </Box>
          );
        })}
        <Box>
          <Button
            variant="secondary"
            startIcon={<Plus />}
            disabled={disabled}
            onClick={() =>
              write([...fields, { name: '', label: '', type: 'text', required: false }])
            }
          >
            {t(getTranslation('fields.add'), 'Add field')}
          </Button>
        </Box>
        {hint ? (
          <Typography variant="pi" textColor="neutral600">
            {hint}
          </Typography>
        ) : null}
        {errors.length > 0 ? (
          <Flex
            direction="column"
            alignItems="stretch"
            gap={1}
            role="alert"
            data-testid="form-fields-errors"
          >
            {errors.map((line) => (
              <Typography key={line} variant="pi" textColor="danger600">
                {line}
              </Typography>
            ))}
          </Flex>
        ) : null}
      </Flex>
    );
  }
);
FormFieldsInput.displayName = 'FormFieldsInput';

export default FormFieldsInput;
