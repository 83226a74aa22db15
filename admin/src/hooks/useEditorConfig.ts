import * as React from 'react';

import { getFetchClient } from '@strapi/strapi/admin';

import { fetchEditorConfig } from '../api/editor';

import type { EditorConfig } from '../api/editor';

/*
 * One request for the whole admin session, however many components ask: every row of a list view
 * renders a stage cell, and each would otherwise fetch the config. The config changes only with a
 * server restart, so it is kept for a few minutes and refetched after that. The request runs on a
 * client of its own rather than useFetchClient's, whose signal aborts when the first caller unmounts.
 */
const MAX_AGE_MS = 5 * 60 * 1000;

let shared: { startedAt: number; promise: Promise<EditorConfig>; value?: EditorConfig } | null = null;

const loadEditorConfig = (): Promise<EditorConfig> => {
  if (shared && Date.now() - shared.startedAt < MAX_AGE_MS) return shared.promise;
  const entry: NonNullable<typeof shared> = {
    startedAt: Date.now(),
    promise: fetchEditorConfig(getFetchClient()),
  };
  // The previous value stays readable until the new one arrives.
  entry.value = shared?.value;
  shared = entry;
  entry.promise.then(
    (value) => {
      entry.value = value;
    },
    () => {
      // A failure is not cached: the next caller tries again.
      if (shared === entry) shared = null;
    }
  );
  return entry.promise;
};

export interface EditorConfigState {
  data: EditorConfig | undefined;
  error: unknown;
  isLoading: boolean;
}

/** The stage model and tagged types from `GET /journey/editor`, shared by every caller. */
export const useEditorConfig = (): EditorConfigState => {
  const [state, setState] = React.useState<{ data: EditorConfig | undefined; error: unknown }>(() => ({
    data: shared?.value,
    error: undefined,
  }));

  React.useEffect(() => {
    let active = true;
    loadEditorConfig().then(
      (data) => {
        if (active) setState((previous) => (previous.data === data ? previous : { data, error: undefined }));
      },
      (error: unknown) => {
        if (active) setState((previous) => ({ data: previous.data, error }));
      }
    );
    return () => {
      active = false;
    };
  }, []);

  return { ...state, isLoading: state.data === undefined && state.error === undefined };
};
