import { PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';

import type { EditorStage } from '../services/editor';

/*
 * The list view's "Journey stage" column. Pure: unit tested in tests/unit/editor-utils.test.ts.
 */

/**
 * Whether a list layout belongs to a tagged type. The column hook runs synchronously inside the
 * list view, before any request could answer, so it cannot consult `GET /journey/editor`; the
 * server injects `journeyStage` and `personas` into exactly the tagged types, and the layout's
 * metadatas name every attribute of the type.
 */
export const hasJourneyAttributes = (metadatas: object | null | undefined): boolean =>
  typeof metadatas === 'object' &&
  metadatas !== null &&
  STAGE_ATTRIBUTE in metadatas &&
  PERSONAS_ATTRIBUTE in metadatas;

/**
 * An edit layout's panels without the named field, on tagged types only (rows and panels that end
 * up empty are dropped, so no blank grid row is left behind).
 */
export const withoutField = <F extends { name: string }>(
  layout: { layout: F[][][]; metadatas: object | null | undefined },
  name: string
): F[][][] => {
  if (!hasJourneyAttributes(layout.metadatas)) return layout.layout;
  return layout.layout
    .map((panel) =>
      panel.map((row) => row.filter((field) => field.name !== name)).filter((row) => row.length > 0)
    )
    .filter((panel) => panel.length > 0);
};

/**
 * The list headers with the Journey stage column: it replaces the plain `journeyStage` column when
 * the view is configured to show it (one column, not two), and is appended otherwise.
 */
export const withStageColumn = <H extends { name: string }>(
  headers: readonly H[],
  column: H
): H[] => {
  const index = headers.findIndex((header) => header.name === STAGE_ATTRIBUTE);
  if (index === -1) return [...headers, column];
  return headers.map((header, position) => (position === index ? column : header));
};

/**
 * How a stored stage reads in the list: its label; the raw key when the stages are not loaded yet,
 * or (`known: false`) when the key is no longer configured; null for no stage.
 */
export const stageCellText = (
  stages: readonly EditorStage[] | undefined,
  value: unknown
): { text: string; known: boolean } | null => {
  if (typeof value !== 'string' || value === '') return null;
  const stage = stages?.find((candidate) => candidate.key === value);
  return stage ? { text: stage.label, known: true } : { text: value, known: stages === undefined };
};
