import { localeFallbacks } from '../../../shared/stage-locales';

import type { CoverageStage } from '../../../shared/contracts';
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

/**
 * The stages with their texts in `locale`: the admin's interface language, or the entry's locale
 * for the guidance an editor writes by. Falls back to the default locale, then English
 * (shared/stage-locales.ts); the server sends every locale the config writes texts in.
 */
export const stagesInLocale = (
  config: Pick<EditorConfig, 'stages' | 'defaultLocale'>,
  locale: string | null | undefined
): EditorStage[] => {
  const fallbacks = localeFallbacks(locale, config.defaultLocale);
  return config.stages.map((stage) => {
    const code = fallbacks.find((candidate) => candidate in stage.translations);
    return code === undefined ? stage : { ...stage, ...stage.translations[code] };
  });
};

/**
 * A coverage matrix or performance report with stage labels in the interface language. The server
 * labels it in the counted locale (what the exports keep), but the panel speaks the admin user's
 * language.
 */
export const relabelMatrix = <Matrix extends { stages: CoverageStage[] }>(
  matrix: Matrix,
  stages: readonly EditorStage[]
): Matrix => {
  const labels = new Map(stages.map((stage) => [stage.key, stage.label]));
  return {
    ...matrix,
    stages: matrix.stages.map((stage) => ({
      ...stage,
      label: labels.get(stage.key) ?? stage.label,
    })),
  };
};
