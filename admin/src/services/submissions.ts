import { adminApi } from '@strapi/strapi/admin';

import { toQueryString } from '../utils/coverageParams';
import { download } from './download';

import { BUILT_IN_TYPES, PERSONA_UID } from '../../../shared/constants';

import type { ExportFormat } from './performance';
import type {
  SubmissionResponse,
  SubmissionsDeletedResponse,
  SubmissionsQuery,
  SubmissionsResponse,
} from '../../../shared/contracts';

/*
 * The submissions admin API (`/journey/submissions*`, RBAC plugin::journey.submissions.read and
 * .delete): the only place that knows its URLs. Deletions invalidate the list, its detail and the
 * form edit view's count by tag.
 */

const SUBMISSIONS_URL = '/journey/submissions';

export const SUBMISSIONS_TAG = 'JourneySubmissions';

const EXPORT_FILENAMES: Record<ExportFormat, string> = {
  csv: 'journey-submissions.csv',
  json: 'journey-submissions.json',
};

export type SubmissionDetail = SubmissionResponse['data'];

/** A choice of the form or persona filter. */
export interface FilterOption {
  value: string;
  label: string;
}

export interface SubmissionFilterOptions {
  forms: FilterOption[];
  personas: FilterOption[];
}

interface ContentManagerList {
  results?: Array<{ documentId?: string; name?: string | null; slug?: string | null }>;
}

/** The Content Manager's list of `uid` (first 100 by name), or none when the user may not read it. */
const listPath = (uid: string) =>
  `/content-manager/collection-types/${uid}?page=1&pageSize=100&sort=name:ASC`;

export interface ExportSubmissionsArgs {
  format: ExportFormat;
  query: SubmissionsQuery;
}

const submissionsApi = adminApi
  .enhanceEndpoints({ addTagTypes: [SUBMISSIONS_TAG] })
  .injectEndpoints({
    endpoints: (builder) => ({
      /** One page of submissions, newest first, with the filters' pagination. */
      getSubmissions: builder.query<SubmissionsResponse, SubmissionsQuery>({
        query: (query) => ({
          url: SUBMISSIONS_URL,
          method: 'GET',
          config: { params: toQueryString(query) },
        }),
        providesTags: [{ type: SUBMISSIONS_TAG, id: 'LIST' }],
      }),

      /** One submission with the form's field labels. */
      getSubmission: builder.query<SubmissionDetail, string>({
        query: (id) => ({ url: `${SUBMISSIONS_URL}/${encodeURIComponent(id)}`, method: 'GET' }),
        transformResponse: (response: SubmissionResponse) => response.data,
        providesTags: (_result, _error, id) => [{ type: SUBMISSIONS_TAG, id }],
      }),

      /**
       * The form and persona pickers' choices, from the Content Manager: a user without read
       * access there gets empty lists (the view then offers the forms of the rows it shows).
       */
      getSubmissionFilterOptions: builder.query<SubmissionFilterOptions, void>({
        queryFn: async (_arg, _api, _extra, baseQuery) => {
          const [forms, personas] = await Promise.all([
            baseQuery({ url: listPath(BUILT_IN_TYPES.form), method: 'GET' }),
            baseQuery({ url: listPath(PERSONA_UID), method: 'GET' }),
          ]);
          const rows = (answer: { data?: unknown }) =>
            (answer.data as ContentManagerList | undefined)?.results ?? [];
          return {
            data: {
              forms: rows(forms).flatMap((row) =>
                row.documentId ? [{ value: row.documentId, label: row.name || row.documentId }] : []
              ),
              personas: rows(personas).flatMap((row) =>
                row.slug ? [{ value: row.slug, label: row.name || row.slug }] : []
              ),
            },
          };
        },
      }),

      /** Deletes one submission; answers how many went (1). */
      deleteSubmission: builder.mutation<number, string>({
        query: (id) => ({
          url: `${SUBMISSIONS_URL}/${encodeURIComponent(id)}`,
          method: 'DELETE',
        }),
        transformResponse: (response: SubmissionsDeletedResponse) => response.data.deleted,
        invalidatesTags: (_result, _error, id) => [
          { type: SUBMISSIONS_TAG, id: 'LIST' },
          { type: SUBMISSIONS_TAG, id },
        ],
      }),

      /** A person's erasure request: every submission holding `email`; answers how many went. */
      eraseSubmissions: builder.mutation<number, string>({
        query: (email) => ({
          url: SUBMISSIONS_URL,
          method: 'DELETE',
          config: { params: toQueryString({ email }) },
        }),
        transformResponse: (response: SubmissionsDeletedResponse) => response.data.deleted,
        invalidatesTags: [SUBMISSIONS_TAG],
      }),

      /** "Export CSV" / "Export JSON": every submission matching the filters, as a file. */
      exportSubmissions: builder.mutation<null, ExportSubmissionsArgs>({
        queryFn: ({ format, query }, { signal }) => {
          const { page: _page, pageSize: _pageSize, ...filters } = query;
          return download({
            url: `${SUBMISSIONS_URL}/export`,
            params: toQueryString({ format, ...filters }),
            fallbackFilename: EXPORT_FILENAMES[format],
            signal,
          });
        },
      }),
    }),
    overrideExisting: false,
  });

const { useGetSubmissionsQuery, useGetSubmissionQuery } = submissionsApi;

export const { useGetSubmissionFilterOptionsQuery } = submissionsApi;

/* Submissions arrive through the content API, which no admin action tags: fetched on every mount. */
const FRESH = { refetchOnMountOrArgChange: true } as const;

export const useSubmissions = (query: SubmissionsQuery, { skip = false } = {}) =>
  useGetSubmissionsQuery(query, { ...FRESH, skip });

/** `null`: no submission is open. */
export const useSubmission = (id: string | null) =>
  useGetSubmissionQuery(id ?? '', { ...FRESH, skip: id === null });

export const {
  useDeleteSubmissionMutation,
  useEraseSubmissionsMutation,
  useExportSubmissionsMutation,
} = submissionsApi;
