import type {
  PerformanceEntriesQuery,
  PerformanceQuery,
  PerformanceSeriesQuery,
} from '../../../shared/contracts';

/*
 * The Performance view's filters and the cell it has open, as they live in the page URL and as
 * they go to the admin API. Pure (no React, no Strapi imports): unit tested in
 * tests/unit/performance-utils.test.ts.
 */

/** Presets of the date range: the last N days, today included. */
export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The server's default period: the last 30 days ending today (UTC). */
export const DEFAULT_RANGE_DAYS: RangePreset = 30;

export type PerformanceRange =
  | { kind: 'last'; days: RangePreset }
  /** Either end may be left open: the server then defaults it (to = today, from = 29 days before). */
  | { kind: 'custom'; from: string | null; to: string | null };

/** What the Performance view's filters row holds. */
export interface PerformanceFilters {
  range: PerformanceRange;
  /** Tagged type names; empty means every tagged type. */
  types: string[];
  /** Locale code; null means the server's default locale. */
  locale: string | null;
  /** Persona slugs; empty means every persona, and content with no persona. */
  personas: string[];
  /** Views a cell or entry needs before its rate is compared; null: the server's default (20). */
  minViews: number | null;
}

export const DEFAULT_PERFORMANCE_FILTERS: PerformanceFilters = {
  range: { kind: 'last', days: DEFAULT_RANGE_DAYS },
  types: [],
  locale: null,
  personas: [],
  minViews: null,
};

/** The matrix cell (or whole stage, `persona` null) whose entries and trend are shown. */
export interface PerformanceSelection {
  stage: string;
  /** Persona slug; null: the whole stage. */
  persona: string | null;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD (`2026-02-30` is not one). */
export const isDay = (value: unknown): value is string => {
  if (typeof value !== 'string' || !DAY_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** The UTC day of `date`, YYYY-MM-DD: the server counts days in UTC. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/** `day` moved by `days` (negative: back), YYYY-MM-DD. */
export const addDays = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return utcDay(date);
};

/** The first and last day of a preset ending on `today`: 7 days ending 2026-03-10 start 2026-03-04. */
export const presetDays = (days: RangePreset, today: string) => ({
  from: addDays(today, -(days - 1)),
  to: today,
});

/** Trimmed, de-duplicated, empty entries dropped: `' a,,b,a '` and `['a', 'b']` both give `['a', 'b']`. */
const normalizeList = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  for (const value of values.flatMap((entry) => entry.split(','))) {
    const name = value.trim();
    if (name) seen.add(name);
  }
  return [...seen];
};

const isPreset = (value: number): value is RangePreset =>
  (RANGE_PRESETS as readonly number[]).includes(value);

const parseMinViews = (value: string | null | undefined): number | null => {
  if (!value || !/^\d+$/.test(value.trim())) return null;
  const parsed = Number(value.trim());
  return Number.isSafeInteger(parsed) ? parsed : null;
};

/**
 * Filters -> the page URL's query (`?days=7&type=cta&persona=restaurant-owner`). A preset stays a
 * preset (`days`), so a saved or shared link keeps meaning "the last 7 days" tomorrow; a custom
 * range keeps its days (`from`, `to`). The defaults are left out.
 */
export const toPerformanceSearch = (filters: PerformanceFilters): Record<string, string> => {
  const search: Record<string, string> = {};
  const { range } = filters;
  if (range.kind === 'last') {
    if (range.days !== DEFAULT_RANGE_DAYS) search.days = String(range.days);
  } else {
    if (range.from) search.from = range.from;
    if (range.to) search.to = range.to;
    // A custom range with both ends open is the default period: say "custom" all the same.
    if (!range.from && !range.to) search.days = 'custom';
  }
  const types = normalizeList(filters.types);
  if (types.length > 0) search.type = types.join(',');
  const locale = filters.locale?.trim();
  if (locale) search.locale = locale;
  const personas = normalizeList(filters.personas);
  if (personas.length > 0) search.persona = personas.join(',');
  if (filters.minViews !== null) search.minViews = String(filters.minViews);
  return search;
};

/**
 * The reverse, for the page URL. Anything invalid falls back to the default: a hand-edited or
 * outdated link should still open the view. A valid `from` or `to` makes the range custom.
 */
export const fromPerformanceSearch = (
  query: Record<string, string | null | undefined>
): PerformanceFilters => {
  const from = isDay(query.from) ? query.from : null;
  const to = isDay(query.to) ? query.to : null;
  const days = Number(query.days);
  let range: PerformanceRange;
  if (from || to || query.days === 'custom') range = { kind: 'custom', from, to };
  else range = { kind: 'last', days: isPreset(days) ? days : DEFAULT_RANGE_DAYS };
  return {
    range,
    types: normalizeList(query.type ? [query.type] : []),
    locale: query.locale?.trim() || null,
    personas: normalizeList(query.persona ? [query.persona] : []),
    minViews: parseMinViews(query.minViews),
  };
};

/**
 * Filters -> `GET /journey/performance` query (and entries, series, export). The default period
 * sends no dates, so the server's "today" decides it; another preset is turned into days ending
 * `today` (UTC), as the server counts.
 */
export const toPerformanceQuery = (
  filters: PerformanceFilters,
  today: string
): PerformanceQuery => {
  const query: PerformanceQuery = {};
  const { range } = filters;
  if (range.kind === 'last' && range.days !== DEFAULT_RANGE_DAYS) {
    Object.assign(query, presetDays(range.days, today));
  } else if (range.kind === 'custom') {
    if (range.from) query.from = range.from;
    if (range.to) query.to = range.to;
  }
  const types = normalizeList(filters.types);
  if (types.length > 0) query.type = types.join(',');
  const locale = filters.locale?.trim();
  if (locale) query.locale = locale;
  const personas = normalizeList(filters.personas);
  if (personas.length > 0) query.persona = personas.join(',');
  if (filters.minViews !== null) query.minViews = String(filters.minViews);
  return query;
};

/** True when any filter differs from the defaults: the empty state then offers to reset them. */
export const hasActivePerformanceFilters = (filters: PerformanceFilters): boolean =>
  Object.keys(toPerformanceSearch(filters)).length > 0;

/** URL parameters of the open cell; kept apart from the filters (`persona` is a filter). */
export const SELECTION_PARAMS = { stage: 'cellStage', persona: 'cellPersona' } as const;

export const fromSelectionSearch = (
  query: Record<string, string | null | undefined>
): PerformanceSelection | null => {
  const stage = query[SELECTION_PARAMS.stage]?.trim();
  if (!stage) return null;
  return { stage, persona: query[SELECTION_PARAMS.persona]?.trim() || null };
};

export const toSelectionSearch = (
  selection: PerformanceSelection | null
): Record<string, string> => {
  if (!selection) return {};
  const search: Record<string, string> = { [SELECTION_PARAMS.stage]: selection.stage };
  if (selection.persona) search[SELECTION_PARAMS.persona] = selection.persona;
  return search;
};

/**
 * The query of the open cell's entries: the filters, with the cell's stage and persona. The
 * endpoint takes one persona, the cell's; for a whole stage none, so it counts every persona of
 * the stage, whatever the persona filter.
 */
export const toSelectionQuery = (
  query: PerformanceQuery,
  selection: PerformanceSelection
): PerformanceEntriesQuery => {
  const { persona: _personas, ...rest } = query;
  const next: PerformanceEntriesQuery = { ...rest, stage: selection.stage };
  if (selection.persona) next.persona = selection.persona;
  return next;
};

/**
 * The query of the trend: the open cell's, else the whole period's. The series endpoint takes a
 * single persona, so without a cell it follows a persona filter of one persona only; with several
 * it counts every persona (the chart then says so).
 */
export const toSeriesQuery = (
  query: PerformanceQuery,
  selection: PerformanceSelection | null
): PerformanceSeriesQuery => {
  if (selection) return toSelectionQuery(query, selection);
  const { persona: personas, ...rest } = query;
  return personas && !personas.includes(',') ? { ...rest, persona: personas } : rest;
};
