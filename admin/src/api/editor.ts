import type { EditorConfigResponse } from '../../../shared/contracts';
import type { FetchClient } from '@strapi/strapi/admin';

/*
 * `GET /journey/editor`: the stage model (labels, guidance, minimums) and the tagged types. Any
 * logged-in admin may read it; the edit view panel, the list column and the bulk action use it.
 */

const EDITOR_URL = '/journey/editor';

export type EditorConfig = EditorConfigResponse['data'];
export type EditorStage = EditorConfig['stages'][number];

export const editorKeys = {
  all: ['journey', 'editor'] as const,
  config: () => [...editorKeys.all, 'config'] as const,
};

/** The stage model and tagged types. */
export const fetchEditorConfig = async (
  client: FetchClient,
  { signal }: { signal?: AbortSignal } = {}
): Promise<EditorConfig> => {
  const { data } = await client.get<EditorConfigResponse>(EDITOR_URL, { signal });
  return data.data;
};
