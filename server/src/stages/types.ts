import type { Localized } from '../../../shared/stage-locales';

/** The texts of a stage in one language: what editors and visitors read. */
export interface StageText {
  /** Human label shown to editors and marketers. */
  label: string;
  /** What the buyer is doing at this stage, shown as guidance to editors. */
  description: string;
  /** Questions buyers ask at this stage: what content here must answer. */
  questions: string[];
  /** Search/intent keywords typical for the stage, as searchers in that language type them. */
  keywords: string[];
  /** Channels and touchpoints where buyers meet content at this stage. */
  touchpoints: string[];
}

/**
 * One stage of the customer journey as configured (or taken from a preset). Each text is one value
 * for every language or a map by locale code (`{ en: 'Awareness', da: 'Kendskab' }`).
 */
export type StageDefinition = { [Field in keyof StageText]: Localized<StageText[Field]> } & {
  /** Stable identifier stored on entries; a slug (lowercase letters, digits, dashes). */
  key: string;
  /** Coverage threshold: fewer documents than this per stage (and per stage x persona) is "thin". */
  minimum: number;
  /** Optional: a stage x persona cell with this many documents or more competes with itself. */
  excess?: number;
};

/**
 * A stage as exposed by the plugin, its texts in one language: its definition plus its position in
 * the configured order (0-based).
 */
export interface Stage extends StageText {
  key: string;
  minimum: number;
  excess?: number;
  order: number;
}
