import { formFieldsSchema } from '../../shared/form-fields';

describe('form field definitions', () => {
  it('accepts well-formed fields and defaults required to false', () => {
    expect(
      formFieldsSchema.parse([
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'companySize', label: 'Company size', type: 'number' },
      ])
    ).toEqual([
      { name: 'email', label: 'Email', type: 'email', required: true },
      { name: 'companySize', label: 'Company size', type: 'number', required: false },
    ]);
  });

  it.each([
    ['an unknown type', [{ name: 'a', label: 'A', type: 'color' }], ['0', 'type']],
    ['a name with spaces', [{ name: 'first name', label: 'A', type: 'text' }], ['0', 'name']],
    ['an empty label', [{ name: 'a', label: ' ', type: 'text' }], ['0', 'label']],
    ['an unknown property', [{ name: 'a', label: 'A', type: 'text', placeholder: 'x' }], ['0']],
    [
      'duplicate names',
      [
        { name: 'a', label: 'A', type: 'text' },
        { name: 'a', label: 'B', type: 'text' },
      ],
      ['1', 'name'],
    ],
    ['a non-list', { name: 'a' }, []],
  ])('rejects %s', (_, input, path) => {
    const result = formFieldsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.map(String)).toEqual(path);
  });
});
