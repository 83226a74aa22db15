import { errors } from '@strapi/utils';
import type { z } from 'zod';
import { formatPath } from './path';

/** One entry of Strapi's `error.details.errors`, the shape the admin maps onto form fields. */
export interface ValidationIssue {
  path: string[];
  message: string;
  name: 'ValidationError';
  value?: unknown;
}

export const validationError = (message: string, issues: ValidationIssue[] = []) =>
  new errors.ValidationError(message, { errors: issues });

/**
 * zod's error for an object given keys it does not know, naming them (cut to 40 characters) and
 * what the object has; `otherwise` words every other refusal of the object.
 */
export const unknownFields = (has: string, otherwise: string) => (issue: z.core.$ZodRawIssue) =>
  issue.code === 'unrecognized_keys'
    ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key.slice(0, 40))).join(', ')}; ${has}`
    : otherwise;

/**
 * A 400 about one named input, a query parameter or an attribute, in Strapi's shape: the message
 * reads well on its own, and `details` names the input (and the value refused, when given).
 */
export const fieldError = (field: string, message: string, value?: unknown) =>
  validationError(message, [{ path: [field], message, name: 'ValidationError', value }]);

/**
 * Converts a ZodError into Strapi's ValidationError so it reaches clients as a 400 with
 * `details.errors[].path`, never as a 500. `prefix` places the issues under an attribute.
 */
export const fromZodError = (
  error: z.ZodError,
  prefix: string[] = [],
  {
    /** Off when the messages name their field themselves (query parameters). */
    pathInMessage = true,
    /** Keep only this many path segments in details (a query parameter, not its list index). */
    pathDepth = Infinity,
  } = {}
) => {
  const issues: ValidationIssue[] = error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map(String)].slice(0, pathDepth),
    message: issue.message,
    name: 'ValidationError',
  }));
  const messages = error.issues.map((issue) => {
    const where = pathInMessage ? formatPath([...prefix, ...issue.path]) : '';
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  // Whole sentences read best side by side; fragments ("fields[0].type: ...") need a separator.
  const message = messages.join(messages.every((text) => /[.!?]$/.test(text)) ? ' ' : '; ');
  return validationError(message, issues);
};
