import { z } from 'zod';
import {
  CONTENT_QUERY_PARAMETERS,
  CONTENT_SORTS,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from '../../../shared/contracts';
import {
  echo,
  list,
  oneOf,
  parseQuery,
  single,
  unknownParameters,
  wholeNumber,
} from '../utils/query-parsing';

const MAX_PAGE = 1_000_000;

/** `GET /api/journey/content` and `/content/next`; keys, slugs and names are checked later. */
export const contentQuerySchema = z.strictObject(
  {
    stage: list('stage').optional(),
    persona: list('persona').optional(),
    type: list('type').optional(),
    locale: single('locale').min(1, '"locale" must not be empty.').optional(),
    page: wholeNumber('page', MAX_PAGE).default(1),
    pageSize: wholeNumber('pageSize', MAX_PAGE_SIZE, ` (default ${DEFAULT_PAGE_SIZE})`).default(
      DEFAULT_PAGE_SIZE
    ),
    sort: oneOf(
      'sort',
      CONTENT_SORTS,
      (input) => `Unknown sort ${echo(input)}. Valid sorts: ${CONTENT_SORTS.join(', ')}.`
    ).default(CONTENT_SORTS[0]),
  },
  { error: unknownParameters(CONTENT_QUERY_PARAMETERS) }
);

export type ContentQueryInput = z.output<typeof contentQuerySchema>;

/** Parses `ctx.query` of the content endpoints; every problem becomes a 400 ValidationError. */
export const parseContentQuery = (query: unknown): ContentQueryInput =>
  parseQuery(contentQuerySchema, query);
