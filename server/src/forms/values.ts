import {
  DEFAULT_MAX_LENGTH,
  formFieldsSchema,
  type FormFieldDefinition,
} from '../../../shared/form-fields';
import type { ValidationIssue } from '../utils/validation';

/** A submitted value as stored: only the form's fields, each coerced to its type. */
export type SubmittedValue = string | number | boolean;

/** Loose on purpose: the message a visitor sees next to the input, not a validator's verdict on RFCs. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/u;
/** Digits with the usual separators and an optional leading +; at least 5 digits. */
const TEL = /^\+?[0-9 ()./-]{5,40}$/;
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
/** A surrogate without its pair. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** One field's value: the value to store, or the visitor-facing message of why not. */
const checkField = (
  field: FormFieldDefinition,
  value: unknown
): { value: SubmittedValue | undefined } | { message: string } => {
  if (field.type === 'checkbox') {
    if (value !== undefined && value !== null && typeof value !== 'boolean') {
      return { message: 'Must be checked or not (true or false).' };
    }
    // A required checkbox is a consent: it must be given.
    if (field.required && value !== true) return { message: 'This box must be checked.' };
    return { value: value === true };
  }
  if (isBlank(value)) {
    return field.required ? { message: 'This field is required.' } : { value: undefined };
  }
  if (field.type === 'number') {
    const number =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && NUMBER_TEXT.test(value.trim())
          ? Number(value)
          : NaN;
    if (!Number.isFinite(number)) return { message: 'Enter a number.' };
    if (field.min !== undefined && number < field.min)
      return { message: `Enter a number of at least ${field.min}.` };
    if (field.max !== undefined && number > field.max)
      return { message: `Enter a number of at most ${field.max}.` };
    return { value: number };
  }
  if (typeof value !== 'string') return { message: 'Enter text.' };
  // PostgreSQL's jsonb stores neither NUL nor half a surrogate pair (an insert would fail: a 500),
  // and no keyboard types them.
  if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
    return { message: 'Remove the invalid characters from this text.' };
  }
  const text = value.trim();
  if (field.type === 'select') {
    const options = field.options ?? [];
    if (!options.some((option) => option.value === text)) {
      return {
        message: `Choose one of: ${options.map((option) => option.label).join(', ')}.`,
      };
    }
    return { value: text };
  }
  // Text types: length first, so a pattern never runs on a huge string.
  const type = field.type as keyof typeof DEFAULT_MAX_LENGTH;
  const maxLength = field.maxLength ?? DEFAULT_MAX_LENGTH[type];
  if ([...text].length > maxLength) return { message: `Use at most ${maxLength} characters.` };
  if (field.minLength !== undefined && [...text].length < field.minLength) {
    return { message: `Use at least ${field.minLength} characters.` };
  }
  if (field.type === 'email' && !EMAIL.test(text))
    return { message: 'Enter a valid email address.' };
  if (field.type === 'tel' && (!TEL.test(text) || text.replace(/\D/g, '').length < 5)) {
    return { message: 'Enter a valid phone number.' };
  }
  if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, 'u').test(text)) {
    return { message: 'This value does not have the expected format.' };
  }
  return { value: text };
};

/**
 * Checks submitted values against a form's field definitions: every field's rules, and nothing
 * but the form's fields. Returns the values to store, and one issue per field refused, with the
 * path `['data', <field>]` so a frontend can show each message next to its input.
 */
export const checkSubmission = (
  definitions: unknown,
  data: Record<string, unknown>
): { values: Record<string, SubmittedValue>; issues: ValidationIssue[] } => {
  // Definitions are checked when the form is saved; a form stored before then may not pass.
  const parsed = formFieldsSchema.safeParse(definitions ?? []);
  const fields = parsed.success ? parsed.data : [];
  const issues: ValidationIssue[] = [];
  const values: Record<string, SubmittedValue> = {};
  const known = new Set(fields.map((field) => field.name));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) {
      issues.push({
        path: ['data', key.slice(0, 60)],
        message: 'This form has no such field.',
        name: 'ValidationError',
      });
    }
  }
  for (const field of fields) {
    const given = Object.prototype.hasOwnProperty.call(data, field.name);
    const result = checkField(field, given ? data[field.name] : undefined);
    if ('message' in result) {
      issues.push({ path: ['data', field.name], message: result.message, name: 'ValidationError' });
    } else if (result.value !== undefined) {
      values[field.name] = result.value;
    }
  }
  return { values: issues.length > 0 ? {} : values, issues };
};

/** Email addresses among the values (lowercased): what an erasure request searches for. */
export const emailsIn = (values: Record<string, SubmittedValue>) => [
  ...new Set(
    Object.values(values)
      .filter((value): value is string => typeof value === 'string' && EMAIL.test(value))
      .map((value) => value.toLowerCase())
  ),
];
