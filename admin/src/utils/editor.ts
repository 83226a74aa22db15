import { PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';
import { contentManagerDocumentPath } from './contentManagerUrl';

import type { EditorConfig, EditorStage } from '../services/editor';

/*
 * Pure helpers of the editor experience (edit view panel, list column, bulk action), no React:
 * unit tested in tests/unit/editor-utils.test.ts.
 */

/** True when `uid` is one of the tagged types: the only ones that get the panel, column and action. */
export const isTaggedType = (config: EditorConfig | undefined, uid: string | undefined): boolean =>
  uid !== undefined && (config?.types.some((type) => type.uid === uid) ?? false);

/** What the stored `journeyStage` value means against the configured stages. */
export type StoredStage =
  | { kind: 'none' }
  | { kind: 'configured'; stage: EditorStage }
  /** A key that was removed from the config: kept in the database, shown, never silently dropped. */
  | { kind: 'unknown'; key: string };

export const resolveStoredStage = (stages: readonly EditorStage[], value: unknown): StoredStage => {
  if (typeof value !== 'string' || value === '') return { kind: 'none' };
  const stage = stages.find((candidate) => candidate.key === value);
  return stage ? { kind: 'configured', stage } : { kind: 'unknown', key: value };
};

/** Configured stages in journey order (the API sends them ordered, but the order field is the contract). */
export const orderedStages = (stages: readonly EditorStage[]): EditorStage[] =>
  [...stages].sort((a, b) => a.order - b.order);

/** A persona as the panel lists it. */
export interface SelectedPersona {
  documentId: string;
  name: string;
}

/**
 * A relation as the Content Manager hands it around: the relations endpoint returns
 * `{ id, documentId, name, ... }`; the form's `connect`/`disconnect` rows carry
 * `{ id, apiData: { documentId }, name?, label? }`.
 */
export interface RelationItem {
  id: number | string;
  documentId?: string;
  apiData?: { id?: number | string; documentId?: string };
  name?: unknown;
  label?: unknown;
}

const isRelationItem = (value: unknown): value is RelationItem =>
  typeof value === 'object' && value !== null && 'id' in value;

const rowsOf = (value: unknown, key: 'connect' | 'disconnect'): RelationItem[] => {
  if (typeof value !== 'object' || value === null) return [];
  const rows = (value as Record<string, unknown>)[key];
  return Array.isArray(rows) ? rows.filter(isRelationItem) : [];
};

const toPersona = (item: RelationItem): SelectedPersona | null => {
  const documentId = item.documentId ?? item.apiData?.documentId;
  if (!documentId) return null;
  const name = [item.name, item.label].find((candidate) => typeof candidate === 'string' && candidate !== '');
  return { documentId, name: (name as string | undefined) ?? documentId };
};

/**
 * The personas the entry has right now, saved or not: the saved relations minus the form's
 * `disconnect` rows, plus its `connect` rows. The Content Manager keeps unsaved relation changes
 * only as those two lists; a reordered saved relation shows up in `connect` too, hence the
 * de-duplication by id.
 */
export const selectedPersonas = (saved: readonly RelationItem[], fieldValue: unknown): SelectedPersona[] => {
  const disconnected = new Set(rowsOf(fieldValue, 'disconnect').map((item) => String(item.id)));
  const result: SelectedPersona[] = [];
  const seen = new Set<string>();
  for (const item of [...saved, ...rowsOf(fieldValue, 'connect')]) {
    const id = String(item.id);
    if (disconnected.has(id) || seen.has(id)) continue;
    seen.add(id);
    const persona = toPersona(item);
    if (persona) result.push(persona);
  }
  return result;
};

/* ---------------------------------------------------------------------------------------------
 * List view
 * ------------------------------------------------------------------------------------------- */

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
 * The list headers with the Journey stage column: it replaces the plain `journeyStage` column when
 * the view is configured to show it (one column, not two), and is appended otherwise.
 */
export const withStageColumn = <H extends { name: string }>(headers: readonly H[], column: H): H[] => {
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

/* ---------------------------------------------------------------------------------------------
 * Bulk action
 * ------------------------------------------------------------------------------------------- */

/** A list row the bulk action updates. `locale` is set for localized types. */
export interface StageUpdateTarget {
  documentId: string;
  locale?: string | null;
}

/** The Content Manager's own update request for one document, with only the stage in the body. */
export interface StageUpdateRequest {
  url: string;
  method: 'PUT';
  data: { [STAGE_ATTRIBUTE]: string };
  /** The locale as a query string: i18n reads it there (and moves it into the body) for PUTs. */
  config: { params?: string };
}

export const stageUpdateRequest = (uid: string, target: StageUpdateTarget, stage: string): StageUpdateRequest => ({
  url: contentManagerDocumentPath(uid, target.documentId),
  method: 'PUT',
  data: { [STAGE_ATTRIBUTE]: stage },
  config: target.locale ? { params: new URLSearchParams({ locale: target.locale }).toString() } : {},
});

/** What happened to one document of a bulk update. */
export interface StageUpdateOutcome {
  documentId: string;
  /** The server's message for a failure, null for success. */
  error: string | null;
}

export interface StageUpdateSummary {
  succeeded: string[];
  failed: Array<{ documentId: string; message: string }>;
  /** Distinct failure messages, most frequent first, so one notification can name the causes. */
  messages: string[];
}

export const summarizeStageUpdates = (outcomes: readonly StageUpdateOutcome[]): StageUpdateSummary => {
  const succeeded = outcomes.filter((outcome) => outcome.error === null).map((outcome) => outcome.documentId);
  const failed = outcomes.flatMap(({ documentId, error }) => (error === null ? [] : [{ documentId, message: error }]));
  const counts = new Map<string, number>();
  for (const { message } of failed) counts.set(message, (counts.get(message) ?? 0) + 1);
  const messages = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([message]) => message);
  return { succeeded, failed, messages };
};
