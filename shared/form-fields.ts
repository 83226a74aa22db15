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

/** One field of a shipped `form` entry, as stored in its `fields` JSON attribute. */
export const formFieldSchema = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-zA-Z][a-zA-Z0-9_]*$/,
        'must start with a letter and use only letters, digits and "_" (e.g. "email" or "companySize")'
      ),
    label: z.string().trim().min(1, 'must not be empty'),
    type: z.enum(FORM_FIELD_TYPES, { message: `must be one of: ${FORM_FIELD_TYPES.join(', ')}` }),
    required: z.boolean().default(false),
  })
  .strict();

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
