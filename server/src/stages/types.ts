/** One stage of the customer journey as configured (or taken from a preset). */
export interface StageDefinition {
  /** Stable identifier stored on entries; a slug (lowercase letters, digits, dashes). */
  key: string;
  /** Human label shown to editors and marketers. */
  label: string;
  /** What the buyer is doing at this stage, shown as guidance to editors. */
  description: string;
  /** Questions buyers ask at this stage: what content here must answer. */
  questions: string[];
  /** Search/intent keywords typical for the stage. */
  keywords: string[];
  /** Channels and touchpoints where buyers meet content at this stage. */
  touchpoints: string[];
  /** Coverage threshold: fewer documents than this per stage (and per stage x persona) is "thin". */
  minimum: number;
  /** Optional: a stage x persona cell with this many documents or more competes with itself. */
  excess?: number;
}

/** A stage as exposed by the plugin: its definition plus its position in the configured order (0-based). */
export interface Stage extends StageDefinition {
  order: number;
}
