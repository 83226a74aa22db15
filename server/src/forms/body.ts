import { errors } from '@strapi/utils';
import { z } from 'zod';
import { fromZodError, unknownFields, validationError } from '../utils/validation';

/** Largest submission body, in bytes: 50 fields of a few thousand characters fit well below. */
export const MAX_SUBMISSION_BODY_BYTES = 64 * 1024;

const id = z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const noNul = (value: string) => !value.includes('\u0000');

/** What the frontend knows of the visitor and where the form was shown; all optional. */
const contextSchema = z.strictObject(
  {
    persona: id.refine(noNul, 'must not contain a NUL character').optional(),
    stage: id.refine(noNul, 'must not contain a NUL character').optional(),
    locale: id.refine(noNul, 'must not contain a NUL character').optional(),
    source: z
      .strictObject(
        {
          contentType: id.refine(noNul, 'must not contain a NUL character'),
          documentId: id.refine(noNul, 'must not contain a NUL character'),
        },
        { error: 'must be { contentType, documentId }: the entry the form was shown on' }
      )
      .optional(),
  },
  {
    error: unknownFields(
      'context has persona, stage, locale and source',
      'must be an object { persona?, stage?, locale?, source? }'
    ),
  }
);

/**
 * The request body: `data` is checked field by field against the form afterwards
 * (forms/values.ts); here only its shape: an object of plain values.
 */
export const submissionBodySchema = z.strictObject(
  {
    data: z.record(
      z.string(),
      z.union([z.string(), z.number(), z.boolean(), z.null()], {
        error: 'must be text, a number, true/false or null',
      }),
      { error: 'must be an object of field values: { "<field name>": value }' }
    ),
    context: contextSchema.optional(),
  },
  {
    error: unknownFields(
      'the body is { "data": { ... }, "context"?: { ... } }',
      'The body must be a JSON object { "data": { ... }, "context"?: { ... } }.'
    ),
  }
);

export type SubmissionBody = z.output<typeof submissionBodySchema>;

/** The submission in a request body, checked for size and shape; 413 or 400 otherwise. */
export const parseSubmissionBody = (body: unknown, declaredLength?: number): SubmissionBody => {
  const tooLarge = () =>
    new errors.PayloadTooLargeError(`The body is larger than ${MAX_SUBMISSION_BODY_BYTES} bytes.`);
  if (declaredLength !== undefined && declaredLength > MAX_SUBMISSION_BODY_BYTES) throw tooLarge();
  if (body !== undefined && JSON.stringify(body).length > MAX_SUBMISSION_BODY_BYTES)
    throw tooLarge();
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw validationError('The body must be a JSON object { "data": { ... } }.');
  }
  const result = submissionBodySchema.safeParse(body);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
};
