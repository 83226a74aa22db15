import { z } from 'zod';
import { STAGE_PRESETS, type StagePresetName } from '../stages/presets';

const PRESET_NAMES = Object.keys(STAGE_PRESETS) as [StagePresetName, ...StagePresetName[]];

/**
 * Stage keys are stored in an enumeration column and exposed in URLs, so they must be kebab-case
 * slugs starting with a letter (Strapi also requires enum values to start with a letter).
 */
export const STAGE_KEY_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Content-type names used by the API's `type` parameter follow the same rule. */
export const TYPE_NAME_PATTERN = STAGE_KEY_PATTERN;

const text = z.string().trim();
const textList = z.array(text.min(1, 'must not be empty'));

export const stageDefinitionSchema = z
  .object({
    key: z
      .string()
      .regex(
        STAGE_KEY_PATTERN,
        'must be a slug: lowercase letters, digits and single dashes, starting with a letter (e.g. "post-purchase")'
      ),
    label: text.min(1, 'must not be empty').optional(),
    description: text.default(''),
    questions: textList.default([]),
    keywords: textList.default([]),
    touchpoints: textList.default([]),
    minimum: z
      .number()
      .int('must be a whole number')
      .nonnegative('must be 0 or more (it is the number of entries below which a stage counts as thin)')
      .default(3),
  })
  .strict();

const stagesSchema = z
  .union([
    z.enum(PRESET_NAMES, { message: `must be a preset name (${PRESET_NAMES.join(', ')}) or a list of stages` }),
    z.array(stageDefinitionSchema).min(1, 'must list at least one stage'),
  ])
  .superRefine((stages, ctx) => {
    if (typeof stages === 'string') return;
    const seen = new Map<string, number>();
    stages.forEach((stage, index) => {
      const first = seen.get(stage.key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `duplicate stage key "${stage.key}" (already used by stages[${first}])`,
        });
      } else {
        seen.set(stage.key, index);
      }
    });
  });

const contentTypeEntrySchema = z.union([
  z.string().min(1),
  z
    .object({
      uid: z.string().min(1),
      name: z
        .string()
        .regex(TYPE_NAME_PATTERN, 'must be a slug: lowercase letters, digits and dashes (e.g. "article")')
        .optional(),
    })
    .strict(),
]);

/** The plugin's configuration as written by users in `config/plugins.ts` under `journey.config`. */
export const journeyConfigSchema = z
  .object({
    stages: stagesSchema.default('default'),
    contentTypes: z.array(contentTypeEntrySchema).default([]),
    builtInTypes: z.boolean().default(true),
    staleAfterDays: z.number().int().positive('must be a positive number of days').default(365),
  })
  .strict();

export type JourneyConfigInput = z.input<typeof journeyConfigSchema>;
export type JourneyConfig = z.output<typeof journeyConfigSchema>;
