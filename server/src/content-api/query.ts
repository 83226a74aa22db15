import { z } from 'zod';
import {
  CONTENT_QUERY_PARAMETERS,
  CONTENT_SORTS,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type ContentSort,
} from '../../../shared/contracts';
import { fromZodError } from '../utils/validation';

/** Longest value echoed back in an error message (clients may send 10 kB strings). */
const ECHO_LIMIT = 60;
/** A client's value cut to what an error message may repeat. */
export const truncate = (value: string) =>
  value.length > ECHO_LIMIT ? `${value.slice(0, ECHO_LIMIT)}...` : value;
/** A client's value, cut and quoted, for an error message. */
export const echo = (value: string) => JSON.stringify(truncate(value));

/** A query parameter given once, as a plain string: `stage=a&stage=b` or `stage[x]=1` are refused. */
export const single = (name: string) =>
  z.string({
    error: (issue) =>
      Array.isArray(issue.input)
        ? `"${name}" was given more than once. Give it once, with several values separated by commas (${name}=a,b).`
        : `"${name}" must be a plain value, not an object (${name}[...]=).`,
  });

const MAX_LIST_ITEMS = 20;

/**
 * `a,b` -> ['a', 'b']; empty items and overlong lists are refused. With `emptyMeansNone`, an empty
 * value is an empty list (`personas=` for an entry that has none) instead of an error.
 */
export const list = (name: string, { emptyMeansNone = false, maxItems = MAX_LIST_ITEMS } = {}) =>
  single(name)
    .transform((value) =>
      emptyMeansNone && value === '' ? [] : value.split(',').map((item) => item.trim())
    )
    .pipe(
      z
        .array(z.string().min(1, `"${name}" has an empty value; separate values with single commas (${name}=a,b).`))
        .max(maxItems, `"${name}" accepts at most ${maxItems} values.`)
    )
    .transform((items) => [...new Set(items)]);

const positiveInteger = (name: string, max: number, hint: string) =>
  single(name)
    .regex(/^\d{1,9}$/, `"${name}" must be a whole number from 1 to ${max}${hint}.`)
    .transform(Number)
    .pipe(z.number().min(1, `"${name}" must be a whole number from 1 to ${max}${hint}.`).max(max, `"${name}" must be a whole number from 1 to ${max}${hint}.`));

const MAX_PAGE = 1_000_000;

/** Error for parameters a schema does not know, naming the allowed ones. */
export const unknownParameters = (allowed: readonly string[]) => (issue: z.core.$ZodRawIssue) =>
  issue.code === 'unrecognized_keys'
    ? `Unknown parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => echo(key)).join(', ')}. Allowed parameters: ${allowed.join(', ')}.`
    : undefined;

const contentQuerySchema = z.strictObject(
  {
    stage: list('stage').optional(),
    persona: list('persona').optional(),
    type: list('type').optional(),
    locale: single('locale').min(1, '"locale" must not be empty.').optional(),
    page: positiveInteger('page', MAX_PAGE, '').default(1),
    pageSize: positiveInteger('pageSize', MAX_PAGE_SIZE, ` (default ${DEFAULT_PAGE_SIZE})`).default(DEFAULT_PAGE_SIZE),
    sort: single('sort')
      .refine((value): value is ContentSort => (CONTENT_SORTS as readonly string[]).includes(value), {
        error: (issue) => `Unknown sort ${echo(String(issue.input))}. Valid sorts: ${CONTENT_SORTS.join(', ')}.`,
      })
      .default(CONTENT_SORTS[0]),
  },
  { error: unknownParameters(CONTENT_QUERY_PARAMETERS) }
);

export type ContentQueryInput = z.output<typeof contentQuerySchema>;

/** Parses `ctx.query` of the content endpoints; every problem becomes a 400 ValidationError. */
export const parseContentQuery = (query: unknown): ContentQueryInput => parseQuery(contentQuerySchema, query);

/** Parses a query with a schema; every problem becomes a 400 naming the parameter. */
export const parseQuery = <Schema extends z.ZodType>(schema: Schema, query: unknown): z.output<Schema> => {
  const result = schema.safeParse(query ?? {});
  if (!result.success) throw fromZodError(result.error, [], { pathInMessage: false, pathDepth: 1 });
  return result.data;
};
