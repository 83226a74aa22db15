import * as React from 'react';

import { useForm } from '@strapi/strapi/admin';

import { PERSONAS_ATTRIBUTE } from '../../../shared/constants';
import { useGetSavedPersonasQuery } from '../services/contentManager';
import { selectedPersonas } from '../utils/entryPersonas';

import type { SavedPersonasArgs } from '../services/contentManager';
import type { RelationItem, SelectedPersona } from '../utils/entryPersonas';

const NO_RELATIONS: RelationItem[] = [];

export interface EntryPersonas {
  /** null while unknown: loading, or the editor may not read personas. */
  personas: SelectedPersona[] | null;
  /** The saved personas of this document are being read and none are known yet. */
  isLoading: boolean;
}

/**
 * The personas of the entry open in the edit view, unsaved changes included. The form holds only
 * the unsaved `connect`/`disconnect` rows of a relation, so the saved ones are read from the
 * Content Manager's relations endpoint (read again after a save: see its tags). While they are
 * unknown the panel leaves the list out rather than show a wrong one.
 */
export const useEntryPersonas = ({
  uid,
  documentId,
  locale,
  status,
}: Partial<SavedPersonasArgs>): EntryPersonas => {
  const fieldValue = useForm(
    'JourneyPanel',
    (state) => (state.values as Record<string, unknown>)[PERSONAS_ATTRIBUTE]
  );
  // A document being created has no saved relations yet.
  const isNew = !uid || !documentId;
  const saved = useGetSavedPersonasQuery(
    { uid: uid ?? '', documentId: documentId ?? '', locale, status },
    { skip: isNew }
  );
  // Only what was read for this very document: never the previous entry's personas.
  const savedRelations = isNew ? NO_RELATIONS : saved.currentData;

  const personas = React.useMemo(
    () => (savedRelations === undefined ? null : selectedPersonas(savedRelations, fieldValue)),
    [savedRelations, fieldValue]
  );
  return { personas, isLoading: savedRelations === undefined && saved.isFetching };
};
