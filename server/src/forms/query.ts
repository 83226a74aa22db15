import { z } from 'zod';
import { COVERAGE_EXPORT_FORMATS, SUBMISSIONS_QUERY_PARAMETERS } from '../../../shared/contracts';
import {
  dayParameter,
  oneOf,
  parseQuery,
  single,
  unknownParameters,
  wholeNumber,
} from '../utils/query-parsing';

export { SUBMISSIONS_QUERY_PARAMETERS };

const listShape = {
  form: single('form').min(1, '"form" must not be empty.').max(100).optional(),
  stage: single('stage').min(1, '"stage" must not be empty.').max(100).optional(),
  persona: single('persona').min(1, '"persona" must not be empty.').max(100).optional(),
  from: dayParameter('from').optional(),
  to: dayParameter('to').optional(),
  page: wholeNumber('page', 100_000).optional(),
  pageSize: wholeNumber('pageSize', 100).optional(),
};

const list = z.strictObject(listShape, { error: unknownParameters(SUBMISSIONS_QUERY_PARAMETERS) });
const exportQuery = z.strictObject(
  { ...listShape, format: oneOf('format', COVERAGE_EXPORT_FORMATS).default('csv') },
  { error: unknownParameters([...SUBMISSIONS_QUERY_PARAMETERS, 'format']) }
);
const erase = z.strictObject(
  { email: single('email').min(3, '"email" must be an email address.').max(254) },
  { error: unknownParameters(['email']) }
);

export type SubmissionsQueryInput = z.output<typeof list>;
export const parseSubmissionsQuery = (query: unknown) => parseQuery(list, query);
export const parseSubmissionsExportQuery = (query: unknown) => parseQuery(exportQuery, query);
export const parseEraseQuery = (query: unknown) => parseQuery(erase, query);
