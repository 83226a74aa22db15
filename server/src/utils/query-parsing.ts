import { z } from 'zod';
import { fromZodError, validationError } from './validation';

/*
 * Building blocks for the zod schemas of query strings (`ctx.query`), shared by every endpoint:
 * each refuses a bad value with a message that names the parameter and says what is allowed.
 * Their input side describes the parameter as a client sends it, so the OpenAPI document can be
 * generated from the same schemas (see content-api/openapi.ts).
 */

/** Longest value echoed back in an error message (clients may send 10 kB strings). */
const ECHO_LIMIT = 60;

/** A client's value cut to what an error message may repeat. */
export const truncate = (value: string) =>
  value.length > ECHO_LIMIT ? `${value.slice(0, ECHO_LIMIT)}...` : value;

/** A client's value, cut and quoted, for an error message. */
export const echo = (value: string) => JSON.stringify(truncate(value));

/** Why a value that is not one plain string was refused: repeated (a=1&a=2) or nested (a[x]=1). */
const notPlainValue = (name: string, input: unknown) =>
  Array.isArray(input)
    ? `"${name}" was given more than once. ` +
      `Give it once, with several values separated by commas (${name}=a,b).`
    : `"${name}" must be a plain value, not an object (${name}[...]=).`;

/** A query parameter given once, as a plain string: `stage=a&stage=b` or `stage[x]=1` refused. */
export const single = (name: string) =>
  z.string({ error: (issue) => notPlainValue(name, issue.input) });

const MAX_LIST_ITEMS = 20;

/**
 * `a,b` -> ['a', 'b']; empty items and overlong lists are refused. With `emptyMeansNone`, an empty
 * value is an empty list (`personas=` for an entry that has none) instead of an error.
 */
export const list = (name: string, { emptyMeansNone = false, maxItems = MAX_LIST_ITEMS } = {}) => {
  const emptyItem = `"${name}" has an empty value; separate values with single commas (${name}=a,b).`;
  return single(name)
    .transform((value) =>
      emptyMeansNone && value === '' ? [] : value.split(',').map((item) => item.trim())
    )
    .pipe(
      z
        .array(z.string().min(1, emptyItem))
        .max(maxItems, `"${name}" accepts at most ${maxItems} values.`)
    )
    .transform((items) => [...new Set(items)]);
};

/**
 * One of a fixed set of values. `invalid` words the refusal of any other string; a repeated or
 * nested parameter is refused as by `single`.
 */
export const oneOf = <const Values extends readonly [string, ...string[]]>(
  name: string,
  values: Values,
  invalid = (input: string) => `"${name}" must be one of: ${values.join(', ')}; got ${echo(input)}.`
) =>
  z.enum(values, {
    error: (issue) =>
      typeof issue.input === 'string' ? invalid(issue.input) : notPlainValue(name, issue.input),
  });

/**
 * A whole number from 1 to `max`, sent as digits only: `1e3`, ` 7` or `0x10` are refused rather
 * than coerced. Digits are turned into a number before the check, so the schema's input side is
 * the integer a client means.
 */
export const wholeNumber = (name: string, max: number, hint = '') => {
  const message = `"${name}" must be a whole number from 1 to ${max}${hint}.`;
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value),
    z
      .int({
        error: (issue) =>
          typeof issue.input === 'string' ? message : notPlainValue(name, issue.input),
      })
      .min(1, message)
      .max(max, message)
  );
};

/** A real calendar day written YYYY-MM-DD (`2026-02-30` and `2026-13-01` are refused). */
export const isCalendarDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};

/** A query parameter holding a day, e.g. `from=2026-11-30`. */
export const dayParameter = (name: string) =>
  single(name).refine(isCalendarDay, {
    message: `"${name}" must be a day written YYYY-MM-DD, e.g. 2026-11-30.`,
  });

/** Error for parameters a schema does not know, naming the allowed ones. */
export const unknownParameters = (allowed: readonly string[]) => (issue: z.core.$ZodRawIssue) => {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const names = issue.keys.map((key) => echo(key)).join(', ');
  const plural = issue.keys.length > 1 ? 's' : '';
  return `Unknown parameter${plural} ${names}. Allowed parameters: ${allowed.join(', ')}.`;
};

/** Parses a query with a schema; every problem becomes a 400 naming the parameter. */
export const parseQuery = <Schema extends z.ZodType>(
  schema: Schema,
  query: unknown
): z.output<Schema> => {
  const result = schema.safeParse(query ?? {});
  if (!result.success) throw fromZodError(result.error, [], { pathInMessage: false, pathDepth: 1 });
  return result.data;
};

/** For endpoints that take no parameters: a 400 rather than silently ignoring a client's filter. */
export const rejectQuery = (query: Record<string, unknown>) => {
  const keys = Object.keys(query);
  if (keys.length === 0) return;
  const message = `This endpoint takes no parameters; got ${keys.map(echo).join(', ')}.`;
  throw validationError(
    message,
    keys.map((key) => ({ path: [key], message, name: 'ValidationError' as const }))
  );
};
