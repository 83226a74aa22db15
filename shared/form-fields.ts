import { z } from 'zod';

/** Input types a form field definition may use; what a frontend renders for each is its call. */
export const FORM_FIELD_TYPES = [
  'text',
  'email',
  'tel',
  'textarea',
  'number',
  'select',
  'checkbox',
] as const;

export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Types whose value is text, so length and pattern rules apply. */
export const TEXT_FIELD_TYPES: readonly FormFieldType[] = ['text', 'email', 'tel', 'textarea'];

/** The longest value a field accepts when its definition sets no maxLength. */
export const DEFAULT_MAX_LENGTH = { text: 500, email: 254, tel: 40, textarea: 5000 } as const;

/** A pattern is compiled and run on every submission: kept short so it stays readable and cheap. */
const MAX_PATTERN_LENGTH = 200;

const optionSchema = z
  .object({
    value: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    label: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  })
  .strict();

/** One field of a shipped `form` entry, as stored in its `fields` JSON attribute. */
export const formFieldSchema = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-zA-Z][a-zA-Z0-9_]*$/,
        'must start with a letter and use only letters, digits and "_" (e.g. "email" or "companySize")'
      )
      .max(60, 'must be at most 60 characters'),
    label: z.string().trim().min(1, 'must not be empty'),
    type: z.enum(FORM_FIELD_TYPES, { message: `must be one of: ${FORM_FIELD_TYPES.join(', ')}` }),
    required: z.boolean().default(false),
    /** select only: the values a visitor may choose, with their labels. */
    options: z.array(optionSchema).min(1, 'must list at least one option').max(100).optional(),
    /** Text types only. */
    minLength: z.number().int('must be a whole number').nonnegative().optional(),
    maxLength: z.number().int('must be a whole number').positive().max(10_000).optional(),
    /** Text types only: a regular expression the whole value must match. */
    pattern: z.string().min(1).max(MAX_PATTERN_LENGTH).optional(),
    /** number only. */
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    const isText = TEXT_FIELD_TYPES.includes(field.type);
    const only = (key: keyof typeof field, allowed: boolean, types: string) => {
      if (field[key] !== undefined && !allowed) {
        ctx.addIssue({ code: 'custom', path: [key], message: `applies to ${types} fields only` });
      }
    };
    only('options', field.type === 'select', 'select');
    only('minLength', isText, 'text, email, tel and textarea');
    only('maxLength', isText, 'text, email, tel and textarea');
    only('pattern', isText, 'text, email, tel and textarea');
    only('min', field.type === 'number', 'number');
    only('max', field.type === 'number', 'number');
    if (field.type === 'select' && !field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select field needs options' });
    }
    if (field.options) {
      const seen = new Set<string>();
      field.options.forEach((option, index) => {
        if (seen.has(option.value)) {
          ctx.addIssue({
            code: 'custom',
            path: ['options', index, 'value'],
            message: `duplicate option value "${option.value}"`,
          });
        }
        seen.add(option.value);
      });
    }
    if (
      field.minLength !== undefined &&
      field.maxLength !== undefined &&
      field.minLength > field.maxLength
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['minLength'],
        message: 'must not be greater than maxLength',
      });
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'must not be greater than max' });
    }
    if (field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        ctx.addIssue({
          code: 'custom',
          path: ['pattern'],
          message: 'is not a valid regular expression',
        });
      }
    }
  });

export const formFieldsSchema = z
  .array(formFieldSchema)
  .max(50, 'a form may have at most 50 fields')
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((field, index) => {
      if (seen.has(field.name)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `duplicate field name "${field.name}"`,
        });
      }
      seen.add(field.name);
    });
  });

export type FormFieldDefinition = z.output<typeof formFieldSchema>;
export type FormFieldOption = z.output<typeof optionSchema>;
