import { Form, useForm } from '@strapi/strapi/admin';
import { render, screen } from '@strapi/strapi/admin/test';
import { within } from '@testing-library/react';

import { FormFieldsInput } from '../../admin/src/components/FormFieldsInput';

/*
 * The form field editor (custom field plugin::journey.form-fields) inside the edit view's form:
 * what editors do with it becomes the JSON the server validates, and the server's 400 messages
 * show under the list.
 */

const Value = () => {
  const value = useForm('Value', (state) => (state.values as Record<string, unknown>).fields);
  return <output data-testid="value">{JSON.stringify(value)}</output>;
};

const value = () => JSON.parse(screen.getByTestId('value').textContent ?? 'null');

const EMAIL = { name: 'email', label: 'Your email', type: 'email', required: true };
const SIZE = { name: 'size', label: 'Team size', type: 'number', required: false, min: 1 };

const renderEditor = (fields: unknown, initialErrors = {}) =>
  render(
    <Form method="PUT" initialValues={{ fields }} initialErrors={initialErrors}>
      <FormFieldsInput name="fields" label="Fields" />
      <Value />
    </Form>
  );

const card = (index: number) => within(screen.getByTestId(`form-field-${index}`));

describe('the form field editor', () => {
  it('lists the stored fields with the settings their types take', async () => {
    renderEditor([EMAIL, SIZE]);

    expect(card(0).getByLabelText('Name')).toHaveValue('email');
    expect(card(0).getByLabelText('Label')).toHaveValue('Your email');
    expect(card(0).getByLabelText('Max length')).toBeInTheDocument();
    expect(card(0).queryByLabelText('Minimum')).not.toBeInTheDocument();
    expect(card(1).getByLabelText('Minimum')).toHaveValue('1');
    expect(card(1).queryByLabelText('Pattern (regular expression)')).not.toBeInTheDocument();
  });

  it('adds a select field with its options, and writes the JSON the server takes', async () => {
    const { user } = renderEditor([EMAIL]);

    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.type(card(1).getByLabelText('Name'), 'plan');
    await user.type(card(1).getByLabelText('Label'), 'Plan');
    await user.click(card(1).getByRole('combobox'));
    await user.click(screen.getByRole('option', { name: 'select' }));
    await user.type(
      within(screen.getByTestId('form-field-1-option-0')).getByLabelText('Value'),
      'pro'
    );
    await user.type(
      within(screen.getByTestId('form-field-1-option-0')).getByLabelText('Label'),
      'Pro'
    );
    await user.click(card(1).getByRole('button', { name: 'Add option' }));
    await user.type(
      within(screen.getByTestId('form-field-1-option-1')).getByLabelText('Value'),
      'free'
    );
    await user.type(
      within(screen.getByTestId('form-field-1-option-1')).getByLabelText('Label'),
      'Free'
    );
    await user.click(card(1).getByRole('checkbox'));

    expect(value()).toEqual([
      EMAIL,
      {
        name: 'plan',
        label: 'Plan',
        type: 'select',
        required: true,
        options: [
          { value: 'pro', label: 'Pro' },
          { value: 'free', label: 'Free' },
        ],
      },
    ]);
  });

  it('reorders and removes fields, and drops rules a new type does not take', async () => {
    const { user } = renderEditor([EMAIL, SIZE]);

    await user.click(card(1).getByRole('button', { name: 'Move up' }));
    expect(value()).toEqual([SIZE, EMAIL]);

    await user.click(card(0).getByRole('combobox'));
    await user.click(screen.getByRole('option', { name: 'text' }));
    expect(value()[0]).toEqual({ name: 'size', label: 'Team size', type: 'text', required: false });

    await user.click(card(1).getByRole('button', { name: 'Remove field' }));
    expect(value()).toEqual([{ name: 'size', label: 'Team size', type: 'text', required: false }]);
  });

  it('reads JSON text as the Content Manager may hold it', async () => {
    renderEditor(JSON.stringify([EMAIL]));
    expect(card(0).getByLabelText('Name')).toHaveValue('email');
  });

  it('shows the server’s 400 messages by field number', async () => {
    renderEditor([EMAIL, { ...SIZE, name: '1size' }], {
      fields: [
        undefined,
        {
          name: {
            id: 'fields.1.name',
            defaultMessage:
              'must start with a letter and use only letters, digits and "_" (e.g. "email" or "companySize")',
          },
        },
      ],
    });

    expect(screen.getByTestId('form-fields-errors')).toHaveTextContent(
      '2. name: must start with a letter and use only letters, digits and "_" (e.g. "email" or "companySize")'
    );
  });
});
