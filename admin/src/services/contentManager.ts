import { adminApi } from '@strapi/strapi/admin';

import { PERSONAS_ATTRIBUTE } from '../../../shared/constants';
import { stageUpdateRequest } from '../utils/bulkStageUpdate';
import { contentManagerRelationsPath } from '../utils/contentManagerUrl';
import { COVERAGE_COUNT_TAGS, COVERAGE_TAG } from './coverage';

import type { StageUpdateOutcome, StageUpdateTarget } from '../utils/bulkStageUpdate';
import type { RelationItem } from '../utils/entryPersonas';

/*
 * Reads and writes through the Content Manager's own admin endpoints, so every request is checked
 * against the editor's Content Manager permissions exactly as the edit view's would be. Tags are
 * the Content Manager's own names (its services/api), so its writes refresh what we read and ours
 * refresh its list.
 */

/** The relation endpoint's page size limit (its validation rejects more). */
const MAX_RELATIONS_PAGE_SIZE = 100;

export interface SavedPersonasArgs {
  uid: string;
  documentId: string;
  locale?: string | null;
  /** The edit view tab: relations of the draft or of the published version. */
  status?: 'draft' | 'published' | null;
}

export interface SetJourneyStageArgs {
  uid: string;
  stage: string;
  documents: StageUpdateTarget[];
}

const contentManagerApi = adminApi
  .enhanceEndpoints({
    addTagTypes: ['Document', 'Relations', 'RecentDocumentList', 'CountDocuments', COVERAGE_TAG],
  })
  .injectEndpoints({
    endpoints: (builder) => ({
      /** The personas a document has saved (the edit view's relation input reads this endpoint). */
      getSavedPersonas: builder.query<RelationItem[], SavedPersonasArgs>({
        query: ({ uid, documentId, locale, status }) => {
          const params = new URLSearchParams({ pageSize: String(MAX_RELATIONS_PAGE_SIZE) });
          if (locale) params.set('locale', locale);
          if (status) params.set('status', status);
          return {
            url: contentManagerRelationsPath(uid, documentId, PERSONAS_ATTRIBUTE),
            method: 'GET',
            config: { params: params.toString() },
          };
        },
        transformResponse: (response: { results: RelationItem[] }) => response.results,
        /*
         * Saving the entry (the Content Manager's update invalidates 'Relations' and the document),
         * publishing or discarding it (the document) reads the saved personas again.
         */
        providesTags: (_result, _error, { uid, documentId }) => [
          'Relations',
          { type: 'Document', id: `${uid}_${documentId}` },
        ],
      }),

      /**
       * The bulk "Set journey stage" write. One `PUT` per document, one after the other, each
       * failure kept with its message; then the updated documents, the Content Manager's list and
       * every coverage count are invalidated once, so the list, the coverage panel and the edit
       * view's coverage line refetch.
       */
      setJourneyStage: builder.mutation<StageUpdateOutcome[], SetJourneyStageArgs>({
        async queryFn({ uid, stage, documents }, _api, _extraOptions, baseQuery) {
          const outcomes: StageUpdateOutcome[] = [];
          for (const document of documents) {
            const result = await baseQuery(stageUpdateRequest(uid, document, stage));
            const { error } = result;
            outcomes.push({
              documentId: document.documentId,
              error: error ? (error.message ?? String(error.name ?? 'Error')) : null,
            });
          }
          return { data: outcomes };
        },
        // The Content Manager's list provides `<uid>_LIST`, each document `<uid>_<documentId>`.
        invalidatesTags: (outcomes, _error, { uid }) => [
          { type: 'Document', id: `${uid}_LIST` },
          ...(outcomes ?? [])
            .filter((outcome) => outcome.error === null)
            .map((outcome) => ({ type: 'Document' as const, id: `${uid}_${outcome.documentId}` })),
          'RecentDocumentList',
          'CountDocuments',
          ...COVERAGE_COUNT_TAGS,
        ],
      }),
    }),
    overrideExisting: false,
  });

export const { useGetSavedPersonasQuery, useSetJourneyStageMutation } = contentManagerApi;
