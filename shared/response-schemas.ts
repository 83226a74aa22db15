import { z } from 'zod';
import { COVERAGE_STATUSES } from './contracts';

/*
 * Response bodies of the plugin's endpoints as zod schemas: the one description of each shape.
 * shared/contracts.ts derives its TypeScript types from them, and the content API's OpenAPI
 * document is generated from them (server/src/content-api/openapi.ts), so neither can drift from
 * the other. The descriptions below end up in that document.
 *
 * contracts.ts imports this file for types only, so the admin bundle, which imports contracts.ts,
 * does not load zod for it.
 */

/**
 * A configured stage key. One schema wherever the API answers with one, so the OpenAPI document
 * can list the live config's keys there.
 */
export const stageKeySchema = z.string().describe('A configured stage key.');

/** A tagged type's name, likewise listed from the live config in the OpenAPI document. */
export const typeNameSchema = z
  .string()
  .describe(
    "A tagged type's name: blog-post, landing-page, cta, form, or a configured type's name."
  );

const count = z.int().nonnegative();
const lines = z.array(z.string());

/* ---------------------------------------------------------------------------------------------
 * Content API: /api/journey/stages, /personas, /content, /content/next
 * ------------------------------------------------------------------------------------------- */

export const stageResponseItemSchema = z
  .object({
    key: stageKeySchema,
    label: z.string(),
    order: count.describe('Position in the configured journey, from 0.'),
    description: z.string(),
    questions: lines,
    keywords: lines,
    touchpoints: lines,
    minimum: count.describe('Coverage threshold: fewer documents than this is "thin".'),
  })
  .describe('A journey stage with the guidance editors get for it.');

export const stagesResponseSchema = z.object({
  data: z.array(stageResponseItemSchema),
  meta: z.object({
    locale: z
      .string()
      .describe('The locale the texts were asked in (default: the default locale).'),
  }),
});

/** A stage's texts in one language, as the admin gets them per locale. */
export const stageTextsSchema = stageResponseItemSchema.pick({
  label: true,
  description: true,
  questions: true,
  keywords: true,
  touchpoints: true,
});

export const personaResponseItemSchema = z
  .object({
    documentId: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    goals: lines,
    painPoints: lines,
    touchpoints: lines,
  })
  .describe('A published persona; goals, pain points and touchpoints one item per line.');

export const personasResponseSchema = z.object({ data: z.array(personaResponseItemSchema) });

export const previewResponseSchema = z
  .object({ data: z.object({ drafts: z.literal(true) }) })
  .describe('The caller may read drafts (status=draft) of tagged types and personas.');

export const personaRefSchema = z.object({ slug: z.string(), name: z.string() });

export const contentItemSchema = z
  .looseObject({
    documentId: z.string(),
    type: typeNameSchema,
    stage: z
      .string()
      .nullable()
      .describe('The stored stage key (possibly one no longer configured), or null if untagged.'),
    personas: z.array(personaRefSchema),
    locale: z.string().nullable().describe('null for a configured type that is not localized.'),
    publishedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .describe(
    'One entry of any tagged type. Its own public fields (title, body, url...) come alongside ' +
      '(only those named in `fields`, when given), and the relations, media and components named in `populate`.'
  );

export const paginationSchema = z.object({
  page: count,
  pageSize: count,
  pageCount: count,
  total: count,
});

export const contentResponseSchema = z.object({
  data: z.array(contentItemSchema),
  meta: z.object({ pagination: paginationSchema }),
});

export const nextContentResponseSchema = z.object({
  data: z.array(contentItemSchema),
  meta: z.object({
    stage: stageKeySchema.nullable().describe('The next stage, or null after the last one.'),
    pagination: paginationSchema,
  }),
});

/** Strapi's error shape, as every 4xx of the plugin returns it. */
export const errorResponseSchema = z.object({
  data: z.null(),
  error: z.object({
    status: z.int(),
    name: z.string(),
    message: z.string(),
    details: z.looseObject({
      errors: z
        .array(
          z.object({
            path: z.array(z.string()),
            message: z.string(),
            name: z.string(),
            value: z.unknown().optional(),
          })
        )
        .optional(),
    }),
  }),
});

/* ---------------------------------------------------------------------------------------------
 * Core REST of the shipped kinds: /api/journey/blog-posts, /landing-pages, /ctas, /forms
 * (Strapi's own controllers; these schemas describe what they answer for these types)
 * ------------------------------------------------------------------------------------------- */

const datetime = z.iso.datetime();

export const mediaFileSchema = z
  .looseObject({
    id: z.int(),
    documentId: z.string(),
    name: z.string(),
    alternativeText: z.string().nullable(),
    caption: z.string().nullable(),
    width: z.int().nullable(),
    height: z.int().nullable(),
    formats: z
      .record(z.string(), z.looseObject({ url: z.string(), width: z.int(), height: z.int() }))
      .nullable()
      .describe('Resized versions (thumbnail, small...) Strapi made of a large enough image.'),
    mime: z.string(),
    size: z.number().describe('In kB.'),
    url: z.string().describe('Relative to the server (/uploads/...) with the local provider.'),
  })
  .describe('An uploaded image, as the upload plugin answers it.');

export const seoSchema = z
  .object({
    id: z.int(),
    metaTitle: z.string().nullable().describe('At most 70 characters.'),
    metaDescription: z.string().nullable().describe('At most 160 characters.'),
    shareImage: mediaFileSchema
      .nullable()
      .optional()
      .describe('Present when populated: populate[seo][populate]=shareImage.'),
  })
  .describe('The SEO component (journey.seo), localized with its page.');

/** A populated `personas` relation: the persona's own public fields. */
const populatedPersonaSchema = z.looseObject({
  documentId: z.string(),
  slug: z.string().nullable(),
  name: z.string(),
});

/**
 * Every attribute is optional: `fields` picks scalar ones, relations, media and components come
 * only when populated. `id` and `documentId` are always there.
 */
const coreEntry = <Shape extends z.ZodRawShape>(attributes: Shape) =>
  z.looseObject({
    id: z.int().describe('Row id; address the entry by documentId.'),
    documentId: z.string(),
    ...z
      .object({
        ...attributes,
        journeyStage: z.string().nullable(),
        personas: z.array(populatedPersonaSchema),
        locale: z.string().nullable(),
        createdAt: datetime,
        updatedAt: datetime,
        publishedAt: datetime.nullable(),
      })
      .partial().shape,
  });

const text = z.string().nullable();

export const blogPostSchema = coreEntry({
  title: z.string(),
  slug: text,
  excerpt: text,
  body: text.describe('Markdown.'),
  cover: mediaFileSchema.nullable(),
  seo: seoSchema.nullable(),
}).describe('A blog post.');

export const landingPageSchema = coreEntry({
  title: z.string(),
  slug: text,
  headline: text,
  body: text.describe('Markdown.'),
  hero: mediaFileSchema.nullable(),
  seo: seoSchema.nullable(),
}).describe('A landing page.');

export const formSchema = coreEntry({
  name: z.string(),
  fields: z.unknown().describe('The form fields: [{ name, label, type, required }].'),
  submitLabel: text,
}).describe('A form.');

export const CTA_STYLES = ['primary', 'secondary'] as const;

export const ctaSchema = coreEntry({
  label: z.string(),
  url: z.string(),
  description: text,
  style: z.enum(CTA_STYLES).nullable().describe('primary by default.'),
  landingPage: landingPageSchema
    .nullable()
    .describe('The landing page the CTA leads to, if any (populate=landingPage).'),
  form: formSchema.nullable().describe('The form the CTA leads to, if any (populate=form).'),
}).describe('A call to action: what it says, its style and where it leads.');

export const corePaginationSchema = z
  .union([paginationSchema, z.object({ start: count, limit: count, total: count })])
  .describe('By page (pagination[page], [pageSize]) or by offset (pagination[start], [limit]).');

const coreList = <Entry extends z.ZodType>(entry: Entry) =>
  z.object({ data: z.array(entry), meta: z.object({ pagination: corePaginationSchema }) });
const coreOne = <Entry extends z.ZodType>(entry: Entry) =>
  z.object({ data: entry, meta: z.object({}) });

export const blogPostListResponseSchema = coreList(blogPostSchema);
export const blogPostResponseSchema = coreOne(blogPostSchema);
export const landingPageListResponseSchema = coreList(landingPageSchema);
export const landingPageResponseSchema = coreOne(landingPageSchema);
export const ctaListResponseSchema = coreList(ctaSchema);
export const ctaResponseSchema = coreOne(ctaSchema);
export const formListResponseSchema = coreList(formSchema);
export const formResponseSchema = coreOne(formSchema);

/* ---------------------------------------------------------------------------------------------
 * Coverage: admin API /journey/coverage and content API /api/journey/coverage
 * ------------------------------------------------------------------------------------------- */

export const COVERAGE_LEVELS = ['gap', 'thin', 'ok', 'excess'] as const;

export const coverageLevelSchema = z
  .enum(COVERAGE_LEVELS)
  .describe(
    'gap: nothing at all; thin: below the minimum; ok; excess: at or above the excess level.'
  );

export const coverageStageSchema = z.object({
  key: stageKeySchema,
  label: z.string(),
  order: count,
  minimum: count,
  excess: count.nullable().describe('Cells at or above this count are "excess"; null if unset.'),
});

export const coveragePersonaSchema = z.object({
  documentId: z.string(),
  slug: z.string(),
  name: z.string(),
});

export const coverageCountSchema = z.object({
  count: count.describe('Documents counted (fresh ones only when `fresh` is on).'),
  stale: count.describe('Of the matching documents, those not updated for staleAfterDays.'),
});

export const coverageCellSchema = z
  .object({
    stage: stageKeySchema,
    persona: z.string().describe('Persona slug.'),
    ...coverageCountSchema.shape,
    status: coverageLevelSchema,
  })
  .describe('Documents of one stage x persona. A document with two personas counts in both.');

export const coverageStageTotalSchema = z
  .object({
    stage: stageKeySchema,
    ...coverageCountSchema.shape,
    minimum: count,
    status: coverageLevelSchema,
  })
  .describe('Documents of one stage, each counted once whatever its personas.');

export const coverageMatrixSchema = z.object({
  stages: z.array(coverageStageSchema),
  personas: z.array(coveragePersonaSchema),
  cells: z
    .array(coverageCellSchema)
    .describe('Every configured stage x every persona, zeros included, stages in order.'),
  stageTotals: z.array(coverageStageTotalSchema),
  untagged: z
    .array(z.object({ stage: stageKeySchema, ...coverageCountSchema.shape }))
    .describe('Per configured stage: documents with that stage and no persona.'),
  noStage: coverageCountSchema.describe('Documents with no stage.'),
  unknown: z
    .array(z.object({ stage: z.string(), ...coverageCountSchema.shape }))
    .describe('Documents whose stored stage is no longer configured, per stored key.'),
  filters: z
    .object({
      types: z.array(typeNameSchema),
      locale: z.string(),
      status: z.enum(COVERAGE_STATUSES),
      fresh: z.boolean(),
      staleAfterDays: count,
    })
    .describe('What was counted.'),
});

export const coverageResponseSchema = z.object({ data: coverageMatrixSchema });

/* ---------------------------------------------------------------------------------------------
 * Admin API: /journey/editor, /journey/coverage/options, /journey/coverage/entry
 * ------------------------------------------------------------------------------------------- */

export const taggedTypeInfoSchema = z.object({
  name: typeNameSchema,
  uid: z.string(),
  displayName: z.string(),
});

export const editorConfigResponseSchema = z.object({
  data: z.object({
    stages: z.array(
      stageResponseItemSchema.extend({
        excess: count.nullable(),
        translations: z
          .record(z.string(), stageTextsSchema)
          .describe('Texts per locale code the config writes them in; the fields: default locale.'),
      })
    ),
    defaultLocale: z.string(),
    types: z.array(taggedTypeInfoSchema),
  }),
});

export const coverageOptionsResponseSchema = z.object({
  data: z.object({
    types: z.array(taggedTypeInfoSchema),
    locales: z.array(z.object({ code: z.string(), name: z.string(), isDefault: z.boolean() })),
  }),
});

export const entryCoverageLineSchema = z
  .object({
    persona: coveragePersonaSchema.nullable(),
    ...coverageCountSchema.shape,
    minimum: count,
    status: coverageLevelSchema,
  })
  .describe("A persona's cell at the stage, or the stage total when `persona` is null.");

export const entryCoverageResponseSchema = z.object({
  data: z.object({
    stage: coverageStageSchema,
    locale: z.string(),
    lines: z
      .array(entryCoverageLineSchema)
      .describe('One per asked persona that is published, in the order asked; else the total.'),
  }),
});

/** One count a recount found wrong: what was being served and what the source tables hold. */
export const recountCorrectionSchema = z.object({
  type: z.string(),
  locale: z.string(),
  status: z.enum(COVERAGE_STATUSES),
  kind: z.enum(['cell', 'stage']),
  stage: z.string().nullable(),
  persona: z.string().nullable().describe('Persona slug; null: no persona, or all (kind stage).'),
  served: count,
  counted: count,
});

export const recountReportSchema = z.object({
  repairedTables: z
    .array(z.string())
    .describe('Tables whose change tracking was incomplete and has been installed again.'),
  checked: count.describe('Coverage counts held in memory, compared with a recount.'),
  corrected: count.describe('Of those, how many differed from the recount (drift).'),
  corrections: z.array(recountCorrectionSchema).describe('The first 50 corrections.'),
  totalsForgotten: count.describe('Content-list totals dropped, to be counted at their next use.'),
  counted: z
    .array(z.object({ type: z.string(), locale: z.string(), status: z.enum(COVERAGE_STATUSES) }))
    .describe('Coverage counted again from the source tables, and kept.'),
  durationMs: count,
});

export const recountResponseSchema = z.object({ data: recountReportSchema });

/* ---------------------------------------------------------------------------------------------
 * Journey performance: content API POST /api/journey/events, admin API /journey/performance*
 * ------------------------------------------------------------------------------------------- */

/** Why an event was not counted; each reason comes with a message a person can act on. */
export const EVENT_DROP_REASONS = [
  'unknown-event-type',
  'unknown-content-type',
  'unknown-locale',
  'unknown-document',
  'unknown-persona',
  'unknown-stage',
  'unknown-target',
] as const;

export const eventsResponseSchema = z.object({
  data: z.object({
    accepted: count.describe('Events counted (written to the rollups at the next flush).'),
    dropped: z
      .array(
        z.object({
          index: count.describe('Position of the event in the request.'),
          reason: z.enum(EVENT_DROP_REASONS),
          message: z.string(),
        })
      )
      .describe('Events not counted, with why; nothing of them is stored.'),
    notCounted: z
      .enum(['do-not-track', 'bot', 'disabled'])
      .nullable()
      .describe(
        'Set when the whole request was accepted but not counted: the visitor asked not to be tracked (DNT or Sec-GPC), a bot sent it, or analytics is switched off.'
      ),
  }),
});

/** Views, clicks and conversions of some content over the period asked. */
export const performanceCountsSchema = z.object({
  views: count,
  clicks: count,
  conversions: count,
  conversionRate: z
    .number()
    .nullable()
    .describe('conversions / views, from 0 up; null without views.'),
});

/** How a cell's conversion rate compares with the overall rate of the period. */
export const RATE_LEVELS = ['above', 'even', 'below', 'too-few-views'] as const;

/**
 * Coverage read together with performance: `write-more` is a thin cell (content below the stage's
 * minimum) converting above the overall rate; `unseen` is a cell with enough content that got
 * fewer views than it has entries over the period.
 */
export const PERFORMANCE_SIGNALS = ['write-more', 'unseen'] as const;

export const performanceCellSchema = z.object({
  stage: stageKeySchema,
  persona: z.string().nullable().describe('Persona slug; null: content with no persona.'),
  entries: count.describe('Published entries in the cell now (as coverage counts them).'),
  coverage: coverageLevelSchema,
  ...performanceCountsSchema.shape,
  rate: z.enum(RATE_LEVELS),
  signal: z.enum(PERFORMANCE_SIGNALS).nullable(),
});

export const performanceFunnelStepSchema = z
  .object({
    stage: stageKeySchema,
    entries: count,
    ...performanceCountsSchema.shape,
    viewsOfPrevious: z
      .number()
      .nullable()
      .describe("This stage's views / the previous stage's views; null for the first or without."),
  })
  .describe(
    'Aggregate funnel: each stage counted once whatever its personas. Not per-visitor paths.'
  );

export const performanceFiltersSchema = z.object({
  from: z.string().describe('First day counted, YYYY-MM-DD (UTC).'),
  to: z.string().describe('Last day counted, YYYY-MM-DD (UTC), inclusive.'),
  types: z.array(typeNameSchema),
  locale: z.string(),
  personas: z.array(z.string()).nullable().describe('Persona slugs asked; null: all.'),
  minViews: count.describe('Views a cell or entry needs before its rate is compared.'),
});

export const performanceReportSchema = z.object({
  stages: z.array(coverageStageSchema),
  personas: z.array(coveragePersonaSchema),
  cells: z
    .array(performanceCellSchema)
    .describe(
      'Every stage x every persona, then x no persona; counted by the stage and personas the content had when the event happened.'
    ),
  funnel: z.array(performanceFunnelStepSchema),
  totals: performanceCountsSchema,
  filters: performanceFiltersSchema,
});

export const performanceResponseSchema = z.object({ data: performanceReportSchema });

export const performanceEntrySchema = z.object({
  documentId: z.string(),
  type: typeNameSchema,
  locale: z.string().nullable(),
  title: z.string().nullable(),
  ...performanceCountsSchema.shape,
});

export const performanceEntriesResponseSchema = z.object({
  data: z.object({
    stage: stageKeySchema,
    persona: z.string().nullable(),
    best: z.array(performanceEntrySchema).describe('Highest conversion rate first.'),
    weakest: z.array(performanceEntrySchema).describe('Lowest conversion rate first.'),
    belowMinViews: count.describe('Entries with views, but fewer than minViews: not ranked.'),
    filters: performanceFiltersSchema,
  }),
});

export const performanceDaySchema = z.object({
  day: z.string().describe('YYYY-MM-DD (UTC).'),
  views: count,
  clicks: count,
  conversions: count,
});

export const performanceSeriesResponseSchema = z.object({
  data: z.object({
    stage: stageKeySchema.nullable(),
    persona: z.string().nullable(),
    days: z.array(performanceDaySchema).describe('Every day from `from` to `to`, zeros included.'),
    filters: performanceFiltersSchema,
  }),
});

export const entryPerformanceResponseSchema = z.object({
  data: z.object({
    documentId: z.string(),
    type: typeNameSchema,
    locale: z.string().nullable(),
    totals: performanceCountsSchema,
    days: z.array(performanceDaySchema),
    from: z.string(),
    to: z.string(),
  }),
});

/* ---------------------------------------------------------------------------------------------
 * Forms: content API POST /api/journey/forms/:documentId/submissions, admin API /journey/submissions
 * ------------------------------------------------------------------------------------------- */

export const submissionCreatedResponseSchema = z.object({
  data: z
    .object({
      id: z.string().describe("The submission's id."),
      createdAt: z.string().describe('When it was stored (ISO 8601).'),
    })
    .describe('Nothing of the submitted data is echoed.'),
});

const deliveryStateSchema = z.object({
  state: z.enum(['none', 'pending', 'sent', 'failed']),
  attempts: count,
  error: z.string().optional(),
});

export const submissionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  form: z.object({
    documentId: z.string(),
    name: z.string().nullable(),
    locale: z.string().nullable(),
  }),
  stage: z.string().nullable(),
  persona: z.string().nullable(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  context: z.record(z.string(), z.unknown()),
  delivery: z
    .object({ email: deliveryStateSchema, webhooks: deliveryStateSchema })
    .nullable()
    .describe('Notification email and webhooks: state and tries.'),
});

export const submissionsResponseSchema = z.object({
  data: z.array(submissionSchema),
  meta: z.object({ pagination: paginationSchema }),
});

export const submissionResponseSchema = z.object({
  data: submissionSchema.extend({
    fields: z
      .array(z.object({ name: z.string(), label: z.string(), type: z.string() }))
      .describe("The form's fields now, for labels (in the order of the form)."),
  }),
});

export const submissionsDeletedResponseSchema = z.object({ data: z.object({ deleted: count }) });
