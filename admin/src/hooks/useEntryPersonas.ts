import * as React from 'react';

import { useFetchClient, useForm } from '@strapi/strapi/admin';

import { PERSONAS_ATTRIBUTE } from '../../../shared/constants';
import { fetchSavedPersonas } from '../api/contentManager';
import { selectedPersonas } from '../utils/editor';
import { useAdminRequest } from './useAdminRequest';

import type { SavedPersonasQuery } from '../api/contentManager';
import type { RelationItem, SelectedPersona } from '../utils/editor';

const NO_RELATIONS: RelationItem[] = [];

interface EntryPersonasOptions extends Partial<SavedPersonasQuery> {
  /** Changes on every save, so the saved relations are read again after one. */
  version?: string | null;
}

/**
 * The personas of the entry open in the edit view, unsaved changes included. The form holds only
 * the unsaved `connect`/`disconnect` rows of a relation, so the saved ones are read from the
 * Content Manager's relations endpoint. null while unknown (loading, or the editor may not read
 * personas): the panel then leaves the list out rather than show a wrong one.
 */
export const useEntryPersonas = ({ uid, documentId, locale, status, version }: EntryPersonasOptions) => {
  const client = useFetchClient();
  const fieldValue = useForm('JourneyPanel', (state) => (state.values as Record<string, unknown>)[PERSONAS_ATTRIBUTE]);
  const saved = useAdminRequest<RelationItem[]>(
    ['journey', 'entry-personas', uid, documentId, locale, status, version].join('|'),
    (signal) =>
      uid && documentId
        ? fetchSavedPersonas(client, { uid, documentId, locale, status }, { signal })
        : // A document being created has no saved relations yet.
          Promise.resolve(NO_RELATIONS)
  );

  return React.useMemo<SelectedPersona[] | null>(
    () => (saved.data === undefined ? null : selectedPersonas(saved.data, fieldValue)),
    [saved.data, fieldValue]
  );
};
