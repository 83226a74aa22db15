import { adminApi } from '@strapi/strapi/admin';

import { toCoverageParams, toQueryString } from '../utils/coverageParams';
import { download } from './download';

import type { CoverageFilters } from '../utils/coverageParams';
import type {
  CoverageMatrix,
  CoverageOptionsResponse,
  CoverageQuery,
  CoverageResponse,
  EntryCoverageQuery,
  EntryCoverageResponse,
  RecountReport,
  RecountResponse,
} from '../../../shared/contracts';

/*
 * The coverage admin API (`/journey/coverage*`, RBAC action plugin::journey.coverage.read): the
 * only place that knows its URLs. Endpoints live on Strapi's own `adminApi`, so the panel, the
 * homepage widget and the edit view share one cache, and writes elsewhere (the bulk stage
 * action) invalidate it by tag.
 */

const COVERAGE_URL = '/journey/coverage';

/** File name of the CSV export when the server does not name it (Content-Disposition). */
const COVERAGE_CSV_FILENAME = 'journey-coverage.csv';

export const COVERAGE_TAG = 'JourneyCoverage';

const COVERAGE_MATRIX_TAG = { type: COVERAGE_TAG, id: 'MATRIX' } as const;
const ENTRY_COVERAGE_TAG = { type: COVERAGE_TAG, id: 'ENTRY' } as const;

/** What a write that changes stages or personas must invalidate: every matrix and entry line. */
export const COVERAGE_COUNT_TAGS = [COVERAGE_MATRIX_TAG, ENTRY_COVERAGE_TAG];

/** `GET /journey/coverage/options`: what the filter dropdowns offer (tagged types and locales). */
export type CoverageOptions = CoverageOptionsResponse['data'];

/** `GET /journey/coverage/entry`: one stage, for one entry's personas. */
export type EntryCoverage = EntryCoverageResponse['data'];

export interface EntryCoverageArgs {
  stage: string;
  /** Document ids of the entry's personas; empty: the stage total. */
  personaDocumentIds: readonly string[];
  locale: string | null;
}

/** The entry endpoint's query: what the server is asked, and (being plain values) the cache key. */
const toEntryCoverageQuery = ({ stage, personaDocumentIds, locale }: EntryCoverageArgs) => {
  const query: EntryCoverageQuery = { stage };
  if (personaDocumentIds.length > 0) query.personas = personaDocumentIds.join(',');
  if (locale) query.locale = locale;
  return query;
};

const coverageApi = adminApi.enhanceEndpoints({ addTagTypes: [COVERAGE_TAG] }).injectEndpoints({
  endpoints: (builder) => ({
    /**
     * The stage x persona matrix. Takes the query rather than the filters: filters that mean the
     * same (types in another order, defaults spelled out) give the same query, so one cache entry.
     */
    getCoverage: builder.query<CoverageMatrix, CoverageQuery>({
      // A string is appended as is; an object would be serialized by qs without encoding.
      query: (params) => ({
        url: COVERAGE_URL,
        method: 'GET',
        config: { params: toQueryString(params) },
      }),
      transformResponse: (response: CoverageResponse) => response.data,
      providesTags: [COVERAGE_MATRIX_TAG],
    }),

    /** Types and locales the filters offer (and type UIDs for Content Manager links). */
    getCoverageOptions: builder.query<CoverageOptions, void>({
      query: () => `${COVERAGE_URL}/options`,
      transformResponse: (response: CoverageOptionsResponse) => response.data,
      providesTags: [{ type: COVERAGE_TAG, id: 'OPTIONS' }],
    }),

    /**
     * The edit view's coverage line: the entry's stage, for its personas, published, in its
     * locale. The server counts that one stage rather than the whole matrix.
     */
    getEntryCoverage: builder.query<EntryCoverage, EntryCoverageQuery>({
      query: (params) => ({
        url: `${COVERAGE_URL}/entry`,
        method: 'GET',
        config: { params: new URLSearchParams({ ...params }).toString() },
      }),
      transformResponse: (response: EntryCoverageResponse) => response.data,
      providesTags: [ENTRY_COVERAGE_TAG],
    }),

    /**
     * "Export CSV": downloads `GET /journey/coverage/export?format=csv` (same filters) under the
     * name the server's Content-Disposition gives (it adds locale and date), else
     * journey-coverage.csv. A mutation, because it is an action rather than data to keep: the
     * file is saved here (services/download.ts) and nothing (no Blob) goes into the store.
     */
    exportCoverageCsv: builder.mutation<null, CoverageFilters>({
      queryFn: (filters, { signal }) =>
        download({
          url: `${COVERAGE_URL}/export`,
          params: toQueryString({ format: 'csv', ...toCoverageParams(filters) }),
          fallbackFilename: COVERAGE_CSV_FILENAME,
          signal,
        }),
    }),

    /**
     * "Recount" (super admins): repairs change tracking, corrects drifted counts and counts the
     * default view again on the server; every matrix and entry line is fetched again after.
     */
    recountCoverage: builder.mutation<RecountReport, void>({
      query: () => ({ url: `${COVERAGE_URL}/recount`, method: 'POST' }),
      transformResponse: (response: RecountResponse) => response.data,
      invalidatesTags: COVERAGE_COUNT_TAGS,
    }),
  }),
  overrideExisting: false,
});

const { useGetCoverageQuery, useGetEntryCoverageQuery } = coverageApi;

/*
 * Counts change with every publish, by anyone, through endpoints this plugin does not own, so no
 * tag of ours can see it: the matrix and the entry lines are fetched again whenever a component
 * showing them mounts (as before there was a cache), the cached numbers on screen meanwhile.
 */

/** The coverage matrix for `filters`; another request whenever they change. */
export const useCoverageMatrix = (filters: CoverageFilters) =>
  useGetCoverageQuery(toCoverageParams(filters), { refetchOnMountOrArgChange: true });

/** The edit view's coverage line(s); `skip` while what to ask for is not known yet. */
export const useEntryCoverage = (args: EntryCoverageArgs, { skip = false } = {}) =>
  useGetEntryCoverageQuery(toEntryCoverageQuery(args), { refetchOnMountOrArgChange: true, skip });

export const {
  useGetCoverageOptionsQuery,
  useExportCoverageCsvMutation,
  useRecountCoverageMutation,
} = coverageApi;
