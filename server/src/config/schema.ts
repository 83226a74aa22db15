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

/**
 * A locale code as Strapi's i18n writes them (`en`, `da`, `nb`, `fr-FR`, `zh-Hans`). Whether the
 * code is one Strapi knows, and whether the map has the default locale, is checked in bootstrap,
 * where i18n can tell (stages/stage-model.ts, checkStageLocales).
 */
const LOCALE_CODE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * A stage text: one value for every language (as before), or a map by locale code
 * (`{ en: 'Awareness', da: 'Kendskab' }`). Dispatched on the value's type, like stagesSchema, so an
 * error names the field and the locale instead of zod's "Invalid input" for a failed union.
 */
const localized = <Value extends z.ZodType>(value: Value) => {
  const map = z
    .record(
      z
        .string()
        .regex(LOCALE_CODE_PATTERN, 'must be keyed by locale codes like "en", "da" or "fr-FR"'),
      value
    )
    .refine((entries) => Object.keys(entries).length > 0, 'must name at least one locale');
  // `.optional()` before the transform: an absent key reaches the transform as undefined.
  return z
    .unknown()
    .optional()
    .transform((input, ctx): z.output<Value> | Record<string, z.output<Value>> | undefined => {
      if (input === undefined) return undefined;
      const isMap = typeof input === 'object' && input !== null && !Array.isArray(input);
      const result = isMap ? map.safeParse(input) : value.safeParse(input);
      if (result.success) return result.data as z.output<Value> | Record<string, z.output<Value>>;
      for (const issue of result.error.issues) {
        const message =
          issue.code === 'invalid_key'
            ? `unknown locale code "${String(issue.path[issue.path.length - 1] ?? '')}": must be keyed by locale codes like "en", "da" or "fr-FR"`
            : issue.code === 'invalid_type' && !isMap
              ? `${issue.message}, or a map by locale code ({ en: ..., da: ... })`
              : issue.message;
        ctx.addIssue({ code: 'custom', path: issue.path, message, input });
      }
      return z.NEVER;
    });
};

export const stageDefinitionSchema = z
  .object({
    key: z
      .string()
      .regex(
        STAGE_KEY_PATTERN,
        'must be a slug: lowercase letters, digits and single dashes, starting with a letter (e.g. "post-purchase")'
      ),
    label: localized(text.min(1, 'must not be empty')),
    description: localized(text),
    questions: localized(textList),
    keywords: localized(textList),
    touchpoints: localized(textList),
    minimum: z
      .number()
      .int('must be a whole number')
      .nonnegative(
        'must be 0 or more (it is the number of entries below which a stage counts as thin)'
      )
      .default(3),
    excess: z
      .number()
      .int('must be a whole number')
      .positive(
        'must be 1 or more (the count at which a stage x persona cell has more content than it needs)'
      )
      .optional(),
  })
  .strict()
  .refine((stage) => stage.excess === undefined || stage.excess > stage.minimum, {
    path: ['excess'],
    message: 'must be greater than minimum',
  })
  // Texts left out are empty (a label left out is derived from the key, in stages/stage-model.ts).
  .transform(({ description, questions, keywords, touchpoints, ...stage }) => ({
    ...stage,
    description: description ?? '',
    questions: questions ?? [],
    keywords: keywords ?? [],
    touchpoints: touchpoints ?? [],
  }));

const presetNameSchema = z
  .string()
  .refine((name): name is StagePresetName => name in STAGE_PRESETS, {
    message: `must be a preset name (${PRESET_NAMES.join(', ')}) or a list of stages`,
  });

const stageListSchema = z
  .array(stageDefinitionSchema, { message: 'must be a preset name or a list of stages' })
  .min(1, 'must list at least one stage')
  .superRefine((stages, ctx) => {
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

/** A readable message for one issue; zod's own wording for unknown keys does not name them. */
export const describeIssue = (issue: z.core.$ZodIssue) =>
  issue.code === 'unrecognized_keys'
    ? `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`
    : issue.message;

/**
 * A preset name or a stage list. Dispatched on the value's type rather than with z.union, whose
 * error for a failed union ("Invalid input") would hide which stage is wrong.
 */
const stagesSchema = z
  .unknown()
  .transform((value, ctx): StagePresetName | z.output<typeof stageListSchema> => {
    const result =
      typeof value === 'string'
        ? presetNameSchema.safeParse(value)
        : stageListSchema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({
        code: 'custom',
        path: issue.path,
        message: describeIssue(issue),
        input: value,
      });
    }
    return z.NEVER;
  });

const contentTypeObjectSchema = z
  .object({
    uid: z
      .string({ message: 'must be a content type UID like "api::article.article"' })
      .min(1, 'must not be empty'),
    name: z
      .string()
      .regex(
        TYPE_NAME_PATTERN,
        'must be a slug: lowercase letters, digits and dashes (e.g. "article")'
      )
      .optional(),
  })
  .strict();

/** A UID string or `{ uid, name }`; dispatched on type so errors name the field (see stagesSchema). */
const contentTypeEntrySchema = z
  .unknown()
  .transform((value, ctx): string | z.output<typeof contentTypeObjectSchema> => {
    const result =
      typeof value === 'string'
        ? z.string().min(1, 'must not be empty').safeParse(value)
        : value !== null && typeof value === 'object'
          ? contentTypeObjectSchema.safeParse(value)
          : z.never({ message: 'must be a UID string or { uid, name }' }).safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({
        code: 'custom',
        path: issue.path,
        message: describeIssue(issue),
        input: value,
      });
    }
    return z.NEVER;
  });

const rateLimitObjectSchema = z
  .object({
    max: z.number().int('must be a whole number').positive('must be 1 or more'),
    windowMs: z
      .number()
      .int('must be a whole number of milliseconds')
      .min(1000, 'must be at least 1000 ms'),
  })
  .strict();

/** `false` or `{ max, windowMs }`, dispatched on type so an error names the field (see stagesSchema). */
const rateLimitSchema = (fallback: { max: number; windowMs: number }) =>
  z
    .unknown()
    .optional()
    .transform((value, ctx): false | z.output<typeof rateLimitObjectSchema> => {
      if (value === undefined) return { ...fallback };
      if (value === false) return false;
      const result =
        typeof value === 'object' && value !== null
          ? rateLimitObjectSchema.safeParse(value)
          : z.never({ message: 'must be false or { max, windowMs }' }).safeParse(value);
      if (result.success) return result.data;
      for (const issue of result.error.issues) {
        ctx.addIssue({
          code: 'custom',
          path: issue.path,
          message: describeIssue(issue),
          input: value,
        });
      }
      return z.NEVER;
    });

/**
 * Journey performance (server/src/analytics). Events are counted in memory and written as additive
 * upserts into daily rollups every `flushIntervalMs` or once `flushMaxEvents` are waiting, so a
 * crash loses at most one flush window; a clean stop loses nothing.
 */
const analyticsSchema = z
  .object({
    /** Off: POST /api/journey/events answers 202 and counts nothing; the Performance view stays. */
    enabled: z.boolean().default(true),
    flushIntervalMs: z
      .number()
      .int('must be a whole number of milliseconds')
      .min(50, 'must be at least 50 ms')
      .max(600_000, 'must be at most 600000 ms (10 minutes)')
      .default(1000),
    flushMaxEvents: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1_000_000, 'must be at most 1000000')
      .default(5000),
    /** Requests per client (IP address, never stored) per window; false: no limit (behind a proxy that limits). */
    rateLimit: rateLimitSchema({ max: 120, windowMs: 60_000 }),
    /** Days of rollups kept; a daily cron job deletes older days. */
    retentionDays: z
      .number()
      .int('must be a whole number of days')
      .positive('must be a positive number of days')
      .default(395),
    /**
     * Unique visitors per day, counted with a hash of IP address, user agent and a salt that is
     * replaced every day (analytics/visitors.ts). Off by default: views alone need nothing personal.
     */
    uniqueVisitors: z.boolean().default(false),
  })
  .strict()
  // Parsed like a written `{}`, so each option gets its own default.
  .prefault({});

/** Form submissions (server/src/forms): spam protection, notifications, retention. */
const formsSchema = z
  .object({
    /**
     * A field name frontends render hidden; a submission that fills it is answered like a success
     * and stored nowhere. `false`: no honeypot.
     */
    honeypot: z
      .union([
        z.literal(false),
        z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a field name like "website"'),
      ])
      .default('website'),
    /** Submissions per client (IP address, never stored) per window, over all forms. */
    rateLimit: rateLimitSchema({ max: 10, windowMs: 60_000 }),
    /** Submissions per form per window, whoever sends them. */
    formRateLimit: rateLimitSchema({ max: 600, windowMs: 60_000 }),
    /** Days submissions are kept; a daily cron job deletes older ones. `false`: kept until deleted. */
    retentionDays: z
      .union([
        z.literal(false),
        z
          .number()
          .int('must be a whole number of days')
          .positive('must be a positive number of days'),
      ])
      .default(365),
    /** Tries per notification (email, webhooks) before it is given up and logged. */
    notifyAttempts: z.number().int('must be a whole number').min(1).max(10).default(3),
  })
  .strict()
  .prefault({});

/** The plugin's configuration as written by users in `config/plugins.ts` under `journey.config`. */
export const journeyConfigSchema = z
  .object({
    stages: z
      .unknown()
      .optional()
      .default('default' satisfies StagePresetName)
      .pipe(stagesSchema),
    contentTypes: z.array(contentTypeEntrySchema).default([]),
    builtInTypes: z.boolean().default(true),
    staleAfterDays: z.number().int().positive('must be a positive number of days').default(365),
    /** Reuse a content query's total while the database's data is unchanged (content-api/total-cache.ts). */
    cacheTotals: z.boolean().default(true),
    /**
     * PostgreSQL: the statements every tagged write runs to carry the kept counts are prepared
     * once per connection (utils/sql.ts `preparedOnce`). Off behind a pooler in transaction mode
     * that does not track prepared statements (PgBouncer before 1.21, or without
     * `max_prepared_statements`).
     */
    preparedStatements: z.boolean().default(true),
    /**
     * Content-API reads of drafts (`status=draft`, REST or GraphQL) of tagged types and personas
     * only for callers holding CONTENT_API_ACTIONS.preview or a full-access token (drafts/guard.ts).
     */
    protectDrafts: z.boolean().default(true),
    analytics: analyticsSchema,
    forms: formsSchema,
  })
  .strict();

export type JourneyConfigInput = z.input<typeof journeyConfigSchema>;
export type JourneyConfig = z.output<typeof journeyConfigSchema>;
