import {
  FALLBACK_LOCALE,
  isLocaleMap,
  LOCALIZED_STAGE_FIELDS,
  localeFallbacks,
  pickLocale,
} from '../../../shared/stage-locales';
import { STAGE_PRESETS } from './presets';
import type { Stage, StageDefinition } from './types';
import type { JourneyConfig } from '../config/schema';

type StageDefinitionInput = Omit<StageDefinition, 'label'> & { label?: StageDefinition['label'] };

/** Turns `post-purchase` into `Post purchase` for stages configured without a label. */
const labelFromKey = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ');

/** A stage definition (label filled in) and its position. */
type OrderedDefinition = StageDefinition & { order: number };

/** The stage's texts in the first language of `fallbacks` each text has. */
const inLocale = (definition: OrderedDefinition, fallbacks: readonly string[]): Stage => {
  const { key, minimum, excess, order } = definition;
  return {
    key,
    label: pickLocale(definition.label, fallbacks),
    description: pickLocale(definition.description, fallbacks),
    questions: [...pickLocale(definition.questions, fallbacks)],
    keywords: [...pickLocale(definition.keywords, fallbacks)],
    touchpoints: [...pickLocale(definition.touchpoints, fallbacks)],
    minimum,
    ...(excess === undefined ? {} : { excess }),
    order,
  };
};

/**
 * The configured customer journey: the only place that knows which stages exist and in what order.
 * Everything else (field injection, validation, the API, coverage) asks this model.
 */
export interface StageModel {
  /** Stages in configured order, texts in English (a text without English: its first locale). */
  readonly stages: readonly Stage[];
  /** Stage keys in configured order. */
  readonly keys: readonly string[];
  /** The stage definitions as configured, texts per locale where so written. */
  readonly definitions: readonly OrderedDefinition[];
  /** Every locale code some stage text is written in, sorted. */
  readonly locales: readonly string[];
  /**
   * Stages with each text in `locale` (or its language), else in `defaultLocale`, else English:
   * shared/stage-locales.ts decides.
   */
  inLocale(locale: string | null | undefined, defaultLocale: string | null | undefined): Stage[];
  has(key: string): boolean;
  get(key: string): Stage | undefined;
  /** The stage after `key` in the journey, or null after the last one. Throws for unknown keys. */
  next(key: string): Stage | null;
  /** A message a person can act on, for a key that is not configured. */
  describeUnknown(key: string): string;
  /** The same, for a value that is no text at all (a number, list or object). */
  describeNotText(): string;
}

export const createStageModel = (configured: JourneyConfig['stages']): StageModel => {
  const inputs: StageDefinitionInput[] =
    typeof configured === 'string' ? STAGE_PRESETS[configured] : configured;

  const definitions: OrderedDefinition[] = inputs.map((definition, order) => ({
    ...definition,
    label: definition.label ?? labelFromKey(definition.key),
    order,
  }));
  const localized = (fallbacks: readonly string[]) =>
    definitions.map((definition) => inLocale(definition, fallbacks));
  const stages = localized([FALLBACK_LOCALE]);
  const byKey = new Map(stages.map((stage) => [stage.key, stage]));
  const keys = stages.map((stage) => stage.key);
  const locales = [
    ...new Set(
      definitions.flatMap((definition) =>
        LOCALIZED_STAGE_FIELDS.flatMap((field) => {
          const value = definition[field];
          return isLocaleMap(value) ? Object.keys(value) : [];
        })
      )
    ),
  ].sort();

  const describeUnknown = (key: string) =>
    `Unknown journey stage "${key}". Valid stages: ${keys.join(', ')}.`;
  const describeNotText = () =>
    `The journey stage must be one of the configured keys, given as text: ${keys.join(', ')}.`;

  return {
    stages,
    keys,
    definitions,
    locales,
    inLocale: (locale, defaultLocale) => localized(localeFallbacks(locale, defaultLocale)),
    has: (key) => byKey.has(key),
    get: (key) => byKey.get(key),
    next(key) {
      const stage = byKey.get(key);
      if (!stage) throw new Error(describeUnknown(key));
      return stages[stage.order + 1] ?? null;
    },
    describeUnknown,
    describeNotText,
  };
};

/**
 * What is wrong with the locale codes of the stage texts, given the codes Strapi knows (its ISO
 * list) and the default locale: unknown codes, named, and maps with neither the default locale nor
 * English, which would leave a visitor of some locale without a text. Paths as in the config.
 */
export const checkStageLocales = (
  definitions: readonly StageDefinition[],
  { knownCodes, defaultLocale }: { knownCodes: ReadonlySet<string>; defaultLocale: string }
): string[] => {
  const problems: string[] = [];
  definitions.forEach((definition, index) => {
    for (const field of LOCALIZED_STAGE_FIELDS) {
      const value = definition[field];
      if (!isLocaleMap(value)) continue;
      const where = `stages[${index}].${field}`;
      const unknown = Object.keys(value).filter((code) => !knownCodes.has(code));
      if (unknown.length > 0) {
        const codes = unknown.map((code) => `"${code}"`).join(', ');
        problems.push(
          `${where}: unknown locale code${unknown.length > 1 ? 's' : ''} ${codes} (use ISO codes as in Settings > Internationalization, e.g. "da", "nb", "sv", "en")`
        );
      }
      if (!(defaultLocale in value) && !(FALLBACK_LOCALE in value)) {
        const or = defaultLocale === FALLBACK_LOCALE ? '' : ` or "${FALLBACK_LOCALE}"`;
        problems.push(
          `${where}: must have the default locale "${defaultLocale}"${or} (used where a locale has no text of its own)`
        );
      }
    }
  });
  return problems;
};
