import { z } from 'zod';
import { STAGES_QUERY_PARAMETERS } from '../../../shared/contracts';
import { parseQuery, single, unknownParameters } from '../utils/query-parsing';

/** `GET /api/journey/stages`. The description is the OpenAPI document's (content-api/openapi.ts). */
export const stagesQuerySchema = z.strictObject(
  {
    locale: single('locale')
      .min(1, '"locale" must not be empty.')
      .optional()
      .describe(
        'Locale code of the texts (label, description, questions, keywords, touchpoints); ' +
          'default: the default locale. A text not written in it falls back to the default ' +
          'locale, then English.'
      ),
  },
  { error: unknownParameters(STAGES_QUERY_PARAMETERS) }
);

export type StagesQueryInput = z.output<typeof stagesQuerySchema>;

/** Parses `ctx.query` of `/stages`; every problem becomes a 400 ValidationError. */
export const parseStagesQuery = (query: unknown): StagesQueryInput =>
  parseQuery(stagesQuerySchema, query);
