import { z } from 'zod';
import {
  COVERAGE_EXPORT_FORMATS,
  COVERAGE_QUERY_PARAMETERS,
  COVERAGE_STATUSES,
  ENTRY_COVERAGE_QUERY_PARAMETERS,
} from '../../../shared/contracts';
import { list, oneOf, parseQuery, single, unknownParameters } from '../utils/query-parsing';

/** The descriptions are the OpenAPI document's (content-api/openapi.ts). */
const coverageShape = {
  type: list('type')
    .optional()
    .describe('Tagged content type name; default all. Several: comma-separated.'),
  locale: single('locale')
    .min(1, '"locale" must not be empty.')
    .optional()
    .describe('Locale code; default: the default locale.'),
  status: oneOf('status', COVERAGE_STATUSES)
    .default('published')
    .describe(
      'published: live versions; draft: documents never published; all: every document at ' +
        'its latest version.'
    ),
  fresh: oneOf('fresh', ['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Count only content updated within staleAfterDays (stale counts still shown).'),
};

/** `GET /journey/coverage` and `GET /api/journey/coverage`. */
export const coverageQuerySchema = z.strictObject(coverageShape, {
  error: unknownParameters(COVERAGE_QUERY_PARAMETERS),
});
const exportQuerySchema = z.strictObject(
  { ...coverageShape, format: oneOf('format', COVERAGE_EXPORT_FORMATS).default('csv') },
  { error: unknownParameters([...COVERAGE_QUERY_PARAMETERS, 'format']) }
);

/**
 * The edit view's line. `stage` is required by the service, which names the valid keys; persona
 * ids are not checked here either: ids that are no published persona are left out.
 */
const entryQuerySchema = z.strictObject(
  {
    stage: single('stage').optional(),
    // An entry may have more personas than a content filter lists, so the cap is higher.
    personas: list('personas', { emptyMeansNone: true, maxItems: 100 }).optional(),
    locale: coverageShape.locale,
  },
  { error: unknownParameters(ENTRY_COVERAGE_QUERY_PARAMETERS) }
);

export type CoverageQueryInput = z.output<typeof coverageQuerySchema>;
export type EntryCoverageQueryInput = z.output<typeof entryQuerySchema>;
export const parseCoverageQuery = (query: unknown) => parseQuery(coverageQuerySchema, query);
export const parseCoverageExportQuery = (query: unknown) => parseQuery(exportQuerySchema, query);
export const parseEntryCoverageQuery = (query: unknown) => parseQuery(entryQuerySchema, query);
