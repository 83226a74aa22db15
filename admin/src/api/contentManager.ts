import { adminApi } from '@strapi/strapi/admin';

import { PERSONAS_ATTRIBUTE } from '../../../shared/constants';
import { contentManagerRelationsPath } from '../utils/contentManagerUrl';
import { stageUpdateRequest } from '../utils/editor';

import type { RelationItem, StageUpdateOutcome, StageUpdateTarget } from '../utils/editor';
import type { FetchClient } from '@strapi/strapi/admin';

/*
 * Reads and writes through the Content Manager's own admin endpoints, so every request is checked
 * against the editor's Content Manager permissions exactly as the edit view's would be.
 */

/** The relation endpoint's page size limit (its validation rejects more). */
const MAX_RELATIONS_PAGE_SIZE = 100;

export interface SavedPersonasQuery {
  uid: string;
  documentId: string;
  locale?: string | null;
  /** The edit view tab: relations of the draft or of the published version. */
  status?: 'draft' | 'published' | null;
}

/** The personas a document has saved (the edit view's relation input reads the same endpoint). */
export const fetchSavedPersonas = async (
  client: FetchClient,
  { uid, documentId, locale, status }: SavedPersonasQuery,
  { signal }: { signal?: AbortSignal } = {}
): Promise<RelationItem[]> => {
  const params = new URLSearchParams({ pageSize: String(MAX_RELATIONS_PAGE_SIZE) });
  if (locale) params.set('locale', locale);
  if (status) params.set('status', status);
  const { data } = await client.get<{ results: RelationItem[] }>(
    contentManagerRelationsPath(uid, documentId, PERSONAS_ATTRIBUTE),
    { params: params.toString(), signal }
  );
  return data.results;
};

export interface SetJourneyStageArgs {
  uid: string;
  stage: string;
  documents: StageUpdateTarget[];
}

/**
 * The bulk "Set journey stage" write, as an RTK Query mutation on the admin's own API slice: that
 * is how a plugin gets the Content Manager's list to refetch (`adminApi`'s JSDoc recommends it; the
 * review-workflows plugin does the same). One `PUT` per document, one after the other, each
 * failure kept with its message; then the updated documents and the list are invalidated once.
 */
const contentManagerDocumentsApi = adminApi
  .enhanceEndpoints({ addTagTypes: ['Document', 'RecentDocumentList', 'CountDocuments'] })
  .injectEndpoints({
    endpoints: (builder) => ({
      setJourneyStage: builder.mutation<StageUpdateOutcome[], SetJourneyStageArgs>({
        async queryFn({ uid, stage, documents }, _api, _extraOptions, baseQuery) {
          const outcomes: StageUpdateOutcome[] = [];
          for (const document of documents) {
            const result = await baseQuery(stageUpdateRequest(uid, document, stage));
            outcomes.push({
              documentId: document.documentId,
              error: result.error ? (result.error.message ?? String(result.error.name ?? 'Error')) : null,
            });
          }
          return { data: outcomes };
        },
        // Tag names of the Content Manager's document queries (its list provides `<uid>_LIST`).
        invalidatesTags: (outcomes, _error, { uid }) => [
          { type: 'Document' as const, id: `${uid}_LIST` },
          ...(outcomes ?? [])
            .filter((outcome) => outcome.error === null)
            .map((outcome) => ({ type: 'Document' as const, id: `${uid}_${outcome.documentId}` })),
          'RecentDocumentList' as const,
          'CountDocuments' as const,
        ],
      }),
    }),
    overrideExisting: false,
  });

export const { useSetJourneyStageMutation } = contentManagerDocumentsApi;
