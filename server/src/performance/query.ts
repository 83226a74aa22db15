import { z } from 'zod';
import { COVERAGE_EXPORT_FORMATS, PERFORMANCE_QUERY_PARAMETERS } from '../../../shared/contracts';
import {
  dayParameter,
  list,
  oneOf,
  parseQuery,
  single,
  unknownParameters,
  wholeNumber,
} from '../utils/query-parsing';
import { addDays, dayStart, DAY_MS, utcDay } from '../utils/days';
import { fieldError } from '../utils/validation';

/** The longest period one request may ask for. */
export const MAX_RANGE_DAYS = 731;
/** Days counted when `from` is left out, `to` included. */
export const DEFAULT_RANGE_DAYS = 30;
export const DEFAULT_MIN_VIEWS = 20;

const reportShape = {
  from: dayParameter('from').optional(),
  to: dayParameter('to').optional(),
  type: list('type').optional(),
  locale: single('locale').min(1, '"locale" must not be empty.').optional(),
  persona: list('persona').optional(),
  minViews: wholeNumber('minViews', 1_000_000).optional(),
};

const report = z.strictObject(reportShape, {
  error: unknownParameters(PERFORMANCE_QUERY_PARAMETERS),
});
const exportQuery = z.strictObject(
  { ...reportShape, format: oneOf('format', COVERAGE_EXPORT_FORMATS).default('csv') },
  { error: unknownParameters([...PERFORMANCE_QUERY_PARAMETERS, 'format']) }
);
const cellShape = {
  ...reportShape,
  stage: single('stage').min(1, '"stage" must not be empty.').optional(),
  persona: single('persona').min(1, '"persona" must not be empty.').optional(),
};
const entries = z.strictObject(
  { ...cellShape, limit: wholeNumber('limit', 50).optional() },
  { error: unknownParameters([...PERFORMANCE_QUERY_PARAMETERS, 'stage', 'limit']) }
);
const series = z.strictObject(cellShape, {
  error: unknownParameters([...PERFORMANCE_QUERY_PARAMETERS, 'stage']),
});
const entry = z.strictObject(
  {
    type: single('type').min(1, '"type" must not be empty.').optional(),
    documentId: single('documentId').min(1, '"documentId" must not be empty.').optional(),
    locale: reportShape.locale,
  },
  { error: unknownParameters(['type', 'documentId', 'locale']) }
);

/** The period asked, checked: defaults to the last 30 days ending today (UTC). */
export const resolveRange = (query: { from?: string; to?: string }, now = Date.now()) => {
  const to = query.to ?? utcDay(now);
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  const days = (dayStart(to) - dayStart(from)) / DAY_MS + 1;
  if (days < 1) {
    throw fieldError('from', `"from" (${from}) must not be after "to" (${to}).`, from);
  }
  if (days > MAX_RANGE_DAYS) {
    throw fieldError(
      'from',
      `The period is ${days} days; ask for at most ${MAX_RANGE_DAYS}.`,
      from
    );
  }
  return { from, to };
};

export type PerformanceQueryInput = z.output<typeof report>;
export type PerformanceEntriesQueryInput = z.output<typeof entries>;
export type PerformanceSeriesQueryInput = z.output<typeof series>;
export type EntryPerformanceQueryInput = z.output<typeof entry>;

export const parsePerformanceQuery = (query: unknown) => parseQuery(report, query);
export const parsePerformanceExportQuery = (query: unknown) => parseQuery(exportQuery, query);
export const parsePerformanceEntriesQuery = (query: unknown) => parseQuery(entries, query);
export const parsePerformanceSeriesQuery = (query: unknown) => parseQuery(series, query);
export const parseEntryPerformanceQuery = (query: unknown) => parseQuery(entry, query);
