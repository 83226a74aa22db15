import type { EditorConfig, EditorStage } from '../services/editor';

/*
 * The stage model as the editor meets it (edit view panel, stage picker, bulk action): which types
 * are tagged, what a stored stage value means, journey order. Pure: unit tested in
 * tests/unit/editor-utils.test.ts.
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
