import { STAGE_PRESETS } from './presets';
import type { Stage, StageDefinition } from './types';
import type { JourneyConfig } from '../config/schema';

type StageDefinitionInput = Omit<StageDefinition, 'label'> & { label?: string };

/** Turns `post-purchase` into `Post purchase` for stages configured without a label. */
const labelFromKey = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ');

/**
 * The configured customer journey: the only place that knows which stages exist and in what order.
 * Everything else (field injection, validation, the API, coverage) asks this model.
 */
export interface StageModel {
  /** Stages in configured order. */
  readonly stages: readonly Stage[];
  /** Stage keys in configured order. */
  readonly keys: readonly string[];
  has(key: string): boolean;
  get(key: string): Stage | undefined;
  /** The stage after `key` in the journey, or null after the last one. Throws for unknown keys. */
  next(key: string): Stage | null;
  /** A message a person can act on, for a key that is not configured. */
  describeUnknown(key: string): string;
}

export const createStageModel = (configured: JourneyConfig['stages']): StageModel => {
  const definitions: StageDefinitionInput[] =
    typeof configured === 'string' ? STAGE_PRESETS[configured] : configured;

  const stages: Stage[] = definitions.map((definition, order) => ({
    ...definition,
    label: definition.label ?? labelFromKey(definition.key),
    order,
  }));
  const byKey = new Map(stages.map((stage) => [stage.key, stage]));
  const keys = stages.map((stage) => stage.key);

  const describeUnknown = (key: string) =>
    `Unknown journey stage "${key}". Valid stages: ${keys.join(', ')}.`;

  return {
    stages,
    keys,
    has: (key) => byKey.has(key),
    get: (key) => byKey.get(key),
    next(key) {
      const stage = byKey.get(key);
      if (!stage) throw new Error(describeUnknown(key));
      return stages[stage.order + 1] ?? null;
    },
    describeUnknown,
  };
};
