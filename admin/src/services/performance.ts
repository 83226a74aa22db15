import { adminApi } from '@strapi/strapi/admin';

import { toQueryString } from '../utils/coverageParams';
import { download } from './download';

import type {
  COVERAGE_EXPORT_FORMATS,
  EntryPerformanceQuery,
  EntryPerformanceResponse,
  PerformanceEntriesQuery,
  PerformanceEntriesResponse,
  PerformanceQuery,
  PerformanceReport,
  PerformanceResponse,
  PerformanceSeriesQuery,
  PerformanceSeriesResponse,
} from '../../../shared/contracts';

/*
 * The performance admin API (`/journey/performance*`, RBAC action plugin::journey.performance.read):
 * the only place that knows its URLs. On Strapi's own `adminApi`, like the coverage endpoints.
 * Every endpoint takes the API's query itself, so equal filters are one cache entry.
 */

const PERFORMANCE_URL = '/journey/performance';

export const PERFORMANCE_TAG = 'JourneyPerformance';

export type ExportFormat = (typeof COVERAGE_EXPORT_FORMATS)[number];

/** File names of the exports when the server does not name them (Content-Disposition). */
const EXPORT_FILENAMES: Record<ExportFormat, string> = {
  csv: 'journey-performance.csv',
  json: 'journey-performance.json',
};

export type PerformanceEntries = PerformanceEntriesResponse['data'];
export type PerformanceSeries = PerformanceSeriesResponse['data'];
export type EntryPerformance = EntryPerformanceResponse['data'];

export interface ExportPerformanceArgs {
  format: ExportFormat;
  query: PerformanceQuery;
}

/** A GET of `path` with an encoded query (an object would be serialized by qs without encoding). */
const get = <Query extends { [Key in keyof Query]?: string | number }>(
  path: string,
  query: Query
) => ({
  url: `${PERFORMANCE_URL}${path}`,
  method: 'GET' as const,
  config: { params: toQueryString(query) },
});

const performanceApi = adminApi
  .enhanceEndpoints({ addTagTypes: [PERFORMANCE_TAG] })
  .injectEndpoints({
    endpoints: (builder) => ({
      /** The stage x persona report: cells, funnel and totals of the period. */
      getPerformance: builder.query<PerformanceReport, PerformanceQuery>({
        query: (query) => get('', query),
        transformResponse: (response: PerformanceResponse) => response.data,
        providesTags: [{ type: PERFORMANCE_TAG, id: 'REPORT' }],
      }),

      /** Best and weakest entries of one cell (or whole stage). */
      getPerformanceEntries: builder.query<PerformanceEntries, PerformanceEntriesQuery>({
        query: (query) => get('/entries', query),
        transformResponse: (response: PerformanceEntriesResponse) => response.data,
        providesTags: [{ type: PERFORMANCE_TAG, id: 'ENTRIES' }],
      }),

      /** Daily numbers of the period, for everything, a stage or a cell. */
      getPerformanceSeries: builder.query<PerformanceSeries, PerformanceSeriesQuery>({
        query: (query) => get('/series', query),
        transformResponse: (response: PerformanceSeriesResponse) => response.data,
        providesTags: [{ type: PERFORMANCE_TAG, id: 'SERIES' }],
      }),

      /** The edit view's numbers: one entry, the last 30 days. */
      getEntryPerformance: builder.query<EntryPerformance, EntryPerformanceQuery>({
        query: (query) => get('/entry', query),
        transformResponse: (response: EntryPerformanceResponse) => response.data,
        providesTags: [{ type: PERFORMANCE_TAG, id: 'ENTRY' }],
      }),

      /**
       * "Export CSV" / "Export JSON": downloads `GET /journey/performance/export?format=` with the
       * view's filters. A mutation, as the coverage export: the file is saved, nothing is kept.
       */
      exportPerformance: builder.mutation<null, ExportPerformanceArgs>({
        queryFn: ({ format, query }, { signal }) =>
          download({
            url: `${PERFORMANCE_URL}/export`,
            params: toQueryString({ format, ...query }),
            fallbackFilename: EXPORT_FILENAMES[format],
            signal,
          }),
      }),
    }),
    overrideExisting: false,
  });

const {
  useGetPerformanceQuery,
  useGetPerformanceEntriesQuery,
  useGetPerformanceSeriesQuery,
  useGetEntryPerformanceQuery,
} = performanceApi;

/*
 * Events keep arriving, through an endpoint no admin action touches, so no tag can tell when the
 * numbers changed: each is fetched again whenever a component showing it mounts or its query
 * changes, the cached numbers on screen meanwhile.
 */
const FRESH = { refetchOnMountOrArgChange: true } as const;

export const usePerformanceReport = (query: PerformanceQuery, { skip = false } = {}) =>
  useGetPerformanceQuery(query, { ...FRESH, skip });

/** `null`: no cell is open, nothing is asked. */
export const usePerformanceEntries = (query: PerformanceEntriesQuery | null) =>
  useGetPerformanceEntriesQuery(query ?? { stage: '' }, { ...FRESH, skip: query === null });

export const usePerformanceSeries = (query: PerformanceSeriesQuery, { skip = false } = {}) =>
  useGetPerformanceSeriesQuery(query, { ...FRESH, skip });

/** `null`: nothing to ask (an entry not saved yet, or an editor without Read performance). */
/**
 * What is cached for an entry's numbers, without subscribing: it never asks the server. The edit
 * panel's tests wait on it, because a second subscriber would itself fetch again on mount (FRESH).
 */
export const useCachedEntryPerformance = (query: EntryPerformanceQuery) =>
  performanceApi.endpoints.getEntryPerformance.useQueryState(query);

export const useEntryPerformance = (query: EntryPerformanceQuery | null) =>
  useGetEntryPerformanceQuery(query ?? { type: '', documentId: '' }, {
    ...FRESH,
    skip: query === null,
  });

export const { useExportPerformanceMutation } = performanceApi;
