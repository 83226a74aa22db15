import { formFieldsSchema } from '../../shared/form-fields';
import { checkSubmission, emailsIn } from '../../server/src/forms/values';

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

describe('field rules', () => {
  const select = { name: 'plan', label: 'Plan', type: 'select' };
  it.each([
    ['a select without options', [select], ['0', 'options'], 'a select field needs options'],
    [
      'options on a text field',
      [{ name: 'a', label: 'A', type: 'text', options: [{ value: 'x', label: 'X' }] }],
      ['0', 'options'],
      'applies to select fields only',
    ],
    [
      'duplicate option values',
      [
        {
          ...select,
          options: [
            { value: 'x', label: 'X' },
            { value: 'x', label: 'Y' },
          ],
        },
      ],
      ['0', 'options', '1', 'value'],
      'duplicate option value "x"',
    ],
    [
      'min above max',
      [{ name: 'n', label: 'N', type: 'number', min: 5, max: 1 }],
      ['0', 'min'],
      'must not be greater than max',
    ],
    [
      'minLength above maxLength',
      [{ name: 't', label: 'T', type: 'text', minLength: 9, maxLength: 3 }],
      ['0', 'minLength'],
      'must not be greater than maxLength',
    ],
    [
      'a broken pattern',
      [{ name: 't', label: 'T', type: 'text', pattern: '([a-z' }],
      ['0', 'pattern'],
      'is not a valid regular expression',
    ],
    [
      'a pattern on a number',
      [{ name: 'n', label: 'N', type: 'number', pattern: '\\d+' }],
      ['0', 'pattern'],
      'applies to text',
    ],
  ])('rejects %s', (_, input, path, message) => {
    const result = formFieldsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.map(String)).toEqual(path);
    expect(result.error?.issues[0].message).toContain(message);
  });

  it('accepts options, lengths, patterns and ranges where they apply', () => {
    const fields = [
      { ...select, required: true, options: [{ value: 'a', label: 'A' }] },
      { name: 't', label: 'T', type: 'text', minLength: 1, maxLength: 9, pattern: '[a-z]+' },
      { name: 'n', label: 'N', type: 'number', min: 0, max: 9 },
    ];
    expect(formFieldsSchema.parse(fields)).toEqual([
      fields[0],
      { ...fields[1], required: false },
      { ...fields[2], required: false },
    ]);
  });
});

describe('checking submitted values', () => {
  const fields = [
    { name: 'email', label: 'Email', type: 'email', required: true },
    { name: 'age', label: 'Age', type: 'number', min: 18 },
    { name: 'ok', label: 'OK', type: 'checkbox' },
  ];
  it("keeps only the form's fields, coerced, and drops empty optional ones", () => {
    expect(checkSubmission(fields, { email: ' a@b.dk ', age: '30', ok: false })).toEqual({
      values: { email: 'a@b.dk', age: 30, ok: false },
      issues: [],
    });
    expect(checkSubmission(fields, { email: 'a@b.dk', age: '' }).values).toEqual({
      email: 'a@b.dk',
      ok: false,
    });
  });
  it('refuses prototype keys and nested values as unknown or wrong', () => {
    const data = JSON.parse('{"email":"a@b.dk","constructor":"x","__proto__":"y"}');
    expect(checkSubmission(fields, data).issues.map((issue) => issue.path[1])).toEqual([
      'constructor',
      '__proto__',
    ]);
    expect(checkSubmission(fields, { email: 'a@b.dk', age: 'NaN' }).issues[0].message).toBe(
      'Enter a number.'
    );
    expect(checkSubmission(fields, { email: 'a@b.dk', age: Infinity }).issues[0].message).toBe(
      'Enter a number.'
    );
  });
  it('refuses text PostgreSQL cannot store: NUL and half surrogate pairs, in every text field', () => {
    for (const bad of ['a\u0000@b.dk', '\ud800', 'x\udc00y']) {
      expect(checkSubmission(fields, { email: bad }).issues).toEqual([
        {
          path: ['data', 'email'],
          message: 'Remove the invalid characters from this text.',
          name: 'ValidationError',
        },
      ]);
    }
    // A whole pair (an emoji) is fine.
    expect(checkSubmission(fields, { email: '🚀@b.dk' }).issues).toEqual([]);
  });
  it('finds email addresses for erasure, lowercased', () => {
    expect(emailsIn({ email: 'Ada@Example.com', note: 'x', other: 'ada@example.com' })).toEqual([
      'ada@example.com',
    ]);
  });
});
