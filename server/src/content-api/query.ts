import { z } from 'zod';
import {
  CONTENT_QUERY_PARAMETERS,
  CONTENT_SORTS,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_POPULATE_DEPTH,
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

/**
 * `GET /api/journey/content` and `/content/next`; keys, slugs and names are checked later. The
 * descriptions are the OpenAPI document's (content-api/openapi.ts).
 */
export const contentQuerySchema = z.strictObject(
  {
    stage: list('stage')
      .optional()
      .describe('Journey stage key. Several values: comma-separated; matches any.'),
    persona: list('persona')
      .optional()
      .describe(
        'Persona slug (published personas). Several values: comma-separated; matches any. ' +
          'Without it, entries with no persona are included.'
      ),
    type: list('type').optional().describe('Tagged content type name. Several: comma-separated.'),
    locale: single('locale')
      .min(1, '"locale" must not be empty.')
      .optional()
      .describe('Locale code; default: the default locale. Non-localized types ignore it.'),
    page: wholeNumber('page', MAX_PAGE).default(1).describe('Page of the merged list, from 1.'),
    pageSize: wholeNumber('pageSize', MAX_PAGE_SIZE, ` (default ${DEFAULT_PAGE_SIZE})`)
      .default(DEFAULT_PAGE_SIZE)
      .describe('Entries per page.'),
    sort: oneOf(
      'sort',
      CONTENT_SORTS,
      (input) => `Unknown sort ${echo(input)}. Valid sorts: ${CONTENT_SORTS.join(', ')}.`
    )
      .default(CONTENT_SORTS[0])
      .describe('Order of the merged list; ties are broken so that pages never overlap.'),
    // Shapes only: names are checked per type against the requested types (content-api/selection.ts).
    populate: z
      .union([z.string(), z.array(z.string()), z.record(z.string(), z.unknown())], {
        error: () =>
          '"populate" must be *, names (populate=cover,author) or an object (populate[cover]=true).',
      })
      .optional()
      .meta({ example: '*' })
      .describe(
        "Strapi's REST populate, applied per type: *, names (cover,author.avatar) or an object " +
          '(populate[seo][populate]=shareImage). A name applies to the requested types that have it; ' +
          `a name no requested type has is a 400. At most ${MAX_POPULATE_DEPTH} levels deep. ` +
          'Personas are always included as { slug, name }.'
      ),
    fields: z
      .union([z.string(), z.array(z.string())], {
        error: () =>
          '"fields" takes attribute names: fields=title,slug or fields[0]=title&fields[1]=slug.',
      })
      .optional()
      .meta({ example: 'title' })
      .describe(
        "Strapi's REST fields, applied per type: attribute names (title,slug or fields[0]=title). " +
          'A name applies to the requested types that have it; a name no requested type has is a 400. ' +
          'documentId, type, stage, personas, locale, publishedAt and updatedAt are always included.'
      ),
  },
  { error: unknownParameters(CONTENT_QUERY_PARAMETERS) }
);

export type ContentQueryInput = z.output<typeof contentQuerySchema>;

/** Parses `ctx.query` of the content endpoints; every problem becomes a 400 ValidationError. */
export const parseContentQuery = (query: unknown): ContentQueryInput =>
  parseQuery(contentQuerySchema, query);
