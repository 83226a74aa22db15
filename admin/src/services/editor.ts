import { adminApi } from '@strapi/strapi/admin';

import type { EditorConfigResponse } from '../../../shared/contracts';

/*
 * `GET /journey/editor`: the stage model (labels, guidance, minimums) and the tagged types. Any
 * logged-in admin may read it; the edit view panel, the list column and the bulk action use it.
 */

export type EditorConfig = EditorConfigResponse['data'];
export type EditorStage = EditorConfig['stages'][number];

/** The config is read from the plugin's config at boot: only a server restart changes it. */
const EDITOR_CONFIG_TAG = 'JourneyEditorConfig';

const editorApi = adminApi.enhanceEndpoints({ addTagTypes: [EDITOR_CONFIG_TAG] }).injectEndpoints({
  endpoints: (builder) => ({
    getEditorConfig: builder.query<EditorConfig, void>({
      query: () => '/journey/editor',
      transformResponse: (response: EditorConfigResponse) => response.data,
      providesTags: [EDITOR_CONFIG_TAG],
      /*
       * One request per admin session, however many components ask (every list row renders a
       * stage cell): kept even while nothing uses it. A failed request is not kept, so the next
       * component that mounts asks again.
       */
      keepUnusedDataFor: Infinity,
    }),
  }),
  overrideExisting: false,
});

export const { useGetEditorConfigQuery } = editorApi;
