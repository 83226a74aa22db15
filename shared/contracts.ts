/**
 * Request and response shapes of the plugin's content API (`/api/journey/*`), shared by the server,
 * the admin and frontends: `import type { ContentResponse } from 'strapi-plugin-journey/contracts'`.
 *
 * Response types are derived from the zod schemas in response-schemas.ts (which the OpenAPI
 * document is generated from), imported for types only: this module stays free of zod at run time.
 */
import type { z } from 'zod';
import type * as schemas from './response-schemas';

/** Sort orders of `GET /api/journey/content`; the first is the default. */
export const CONTENT_SORTS = [
  'publishedAt:desc',
  'publishedAt:asc',
  'updatedAt:desc',
  'title:asc',
] as const;
export type ContentSort = (typeof CONTENT_SORTS)[number];

export const CONTENT_QUERY_PARAMETERS = [
  'stage',
  'persona',
  'type',
  'locale',
  'page',
  'pageSize',
  'sort',
  'populate',
  'fields',
] as const;
export type ContentQueryParameter = (typeof CONTENT_QUERY_PARAMETERS)[number];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** Levels `populate` may reach on the content endpoints: `author.avatar` is 2. */
export const MAX_POPULATE_DEPTH = 3;

/** `GET /api/journey/content` query, as a frontend sends it (lists are comma-separated). */
export interface ContentQuery {
  stage?: string;
  persona?: string;
  type?: string;
  locale?: string;
  page?: number | string;
  pageSize?: number | string;
  sort?: ContentSort;
  /** Strapi REST syntax, applied per type: `*`, `cover,author`, or an object (`populate[seo][populate]=shareImage`). */
  populate?: string | string[] | Record<string, unknown>;
  /** Attribute names, applied per type; the item's contract keys are always present. */
  fields?: string | string[];
}

/** `GET /api/journey/stages?locale=da`: the stage texts in that locale (default: the default locale). */
export const STAGES_QUERY_PARAMETERS = ['locale'] as const;
export interface StagesQuery {
  locale?: string;
}

export type StageResponseItem = z.output<typeof schemas.stageResponseItemSchema>;
export type StagesResponse = z.output<typeof schemas.stagesResponseSchema>;
export type PersonaResponseItem = z.output<typeof schemas.personaResponseItemSchema>;
export type PersonasResponse = z.output<typeof schemas.personasResponseSchema>;
export type PersonaRef = z.output<typeof schemas.personaRefSchema>;
/** `GET /api/journey/preview`: 200 only for callers allowed to read drafts (else 403). */
export type PreviewResponse = z.output<typeof schemas.previewResponseSchema>;
/** One entry of any tagged type; its own public fields (title, body, url...) come alongside. */
export type ContentItem = z.output<typeof schemas.contentItemSchema>;
export type Pagination = z.output<typeof schemas.paginationSchema>;
export type ContentResponse = z.output<typeof schemas.contentResponseSchema>;
/** `GET /api/journey/content/next`: content of the stage after `stage`, or nothing after the last. */
export type NextContentResponse = z.output<typeof schemas.nextContentResponseSchema>;
/** Strapi's error shape, as every 4xx of the plugin returns it. */
export type ErrorResponse = z.output<typeof schemas.errorResponseSchema>;

/** Core REST of the shipped kinds (GET /api/journey/blog-posts etc.). */
export type MediaFile = z.output<typeof schemas.mediaFileSchema>;
export type Seo = z.output<typeof schemas.seoSchema>;
export type BlogPost = z.output<typeof schemas.blogPostSchema>;
export type LandingPage = z.output<typeof schemas.landingPageSchema>;
export type Cta = z.output<typeof schemas.ctaSchema>;
export type Form = z.output<typeof schemas.formSchema>;
export type CorePagination = z.output<typeof schemas.corePaginationSchema>;
export type BlogPostListResponse = z.output<typeof schemas.blogPostListResponseSchema>;
export type BlogPostResponse = z.output<typeof schemas.blogPostResponseSchema>;
export type LandingPageListResponse = z.output<typeof schemas.landingPageListResponseSchema>;
export type LandingPageResponse = z.output<typeof schemas.landingPageResponseSchema>;
export type CtaListResponse = z.output<typeof schemas.ctaListResponseSchema>;
export type CtaResponse = z.output<typeof schemas.ctaResponseSchema>;
export type FormListResponse = z.output<typeof schemas.formListResponseSchema>;
export type FormResponse = z.output<typeof schemas.formResponseSchema>;

/* ----------------------------------------------------------------------------------------------
 * Coverage: admin API `GET /journey/coverage` (RBAC action plugin::journey.coverage.read) and
 * content API `GET /api/journey/coverage` (action plugin::journey.coverage.find, granted to no role
 * by default). Export: `GET /journey/coverage/export?format=csv|json`.
 * -------------------------------------------------------------------------------------------- */

export const COVERAGE_STATUSES = ['published', 'draft', 'all'] as const;
/** published: live versions; draft: documents never published; all: every document (latest version). */
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export const COVERAGE_QUERY_PARAMETERS = ['type', 'locale', 'status', 'fresh'] as const;
export const COVERAGE_EXPORT_FORMATS = ['csv', 'json'] as const;

/** gap: nothing at all; thin: below the stage's minimum; excess: at or above its excess level. */
export type CoverageLevel = z.output<typeof schemas.coverageLevelSchema>;

export interface CoverageQuery {
  /** Tagged type names, comma-separated; default all. */
  type?: string;
  /** Locale code; default the default locale. */
  locale?: string;
  status?: CoverageStatus;
  /** 'true': count only content updated within staleAfterDays. */
  fresh?: 'true' | 'false';
}

export type CoverageStage = z.output<typeof schemas.coverageStageSchema>;
export type CoveragePersona = z.output<typeof schemas.coveragePersonaSchema>;
/** Documents of one stage x persona. A document with two personas counts in both cells. */
export type CoverageCell = z.output<typeof schemas.coverageCellSchema>;
/** Documents of one stage, each counted once whatever its personas. */
export type CoverageStageTotal = z.output<typeof schemas.coverageStageTotalSchema>;
export type CoverageCount = z.output<typeof schemas.coverageCountSchema>;
/** The matrix; unknown stages (no longer configured) are listed, so nothing is lost. */
export type CoverageMatrix = z.output<typeof schemas.coverageMatrixSchema>;
export type CoverageResponse = z.output<typeof schemas.coverageResponseSchema>;

/* ----------------------------------------------------------------------------------------------
 * Editor support: admin API `GET /journey/editor` (any logged-in admin) and coverage filter options.
 * -------------------------------------------------------------------------------------------- */

/** A tagged type: `name` is what the API's `type` parameter and the coverage panel use. */
export type TaggedTypeInfo = z.output<typeof schemas.taggedTypeInfoSchema>;
/** What the edit view needs to guide tagging: the stage model and which types are tagged. */
export type EditorConfigResponse = z.output<typeof schemas.editorConfigResponseSchema>;
export type CoverageOptionsResponse = z.output<typeof schemas.coverageOptionsResponseSchema>;

/* ----------------------------------------------------------------------------------------------
 * The edit view's coverage line: admin API `GET /journey/coverage/entry` (RBAC action
 * plugin::journey.coverage.read). Counts one stage for the entry's personas only, with the
 * coverage page's defaults (published content of every tagged type), so the numbers match what
 * the line's link opens, without computing the whole matrix.
 * -------------------------------------------------------------------------------------------- */

export const ENTRY_COVERAGE_QUERY_PARAMETERS = ['stage', 'personas', 'locale'] as const;

export interface EntryCoverageQuery {
  /** A configured stage key. */
  stage: string;
  /** Persona document ids, comma-separated; absent or empty: the stage total (all personas). */
  personas?: string;
  /** Locale code; default the default locale. */
  locale?: string;
}

/** One line: a persona's cell at the stage, or the stage total when `persona` is null. */
export type EntryCoverageLine = z.output<typeof schemas.entryCoverageLineSchema>;
/** `lines`: one per asked persona that is published, in the order asked; else one total line. */
export type EntryCoverageResponse = z.output<typeof schemas.entryCoverageResponseSchema>;

/* ----------------------------------------------------------------------------------------------
 * Recount: admin API `POST /journey/coverage/recount` (super admins only). Checks the change
 * tracking the count caches rely on, compares the coverage counts held in memory with a recount
 * from the source tables, corrects any that differ, and counts the default view again. The same
 * runs at startup and nightly.
 * -------------------------------------------------------------------------------------------- */

export type RecountCorrection = z.output<typeof schemas.recountCorrectionSchema>;
export type RecountReport = z.output<typeof schemas.recountReportSchema>;
export type RecountResponse = z.output<typeof schemas.recountResponseSchema>;

/* ----------------------------------------------------------------------------------------------
 * Journey performance. Ingestion: content API `POST /api/journey/events` (Users & Permissions
 * action plugin::journey.event.create). Reading: admin API `GET /journey/performance`,
 * `/journey/performance/entries`, `/journey/performance/series`, `/journey/performance/entry` and
 * `/journey/performance/export?format=csv|json` (RBAC action plugin::journey.performance.read).
 * -------------------------------------------------------------------------------------------- */

export const EVENT_TYPES = ['view', 'click', 'conversion'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One event as a frontend sends it. */
export interface JourneyEvent {
  type: EventType;
  /** The entry seen, clicked on or converted on. */
  documentId: string;
  /** A tagged type's name (`blog-post`, `article`...). */
  contentType: string;
  /** Locale of the entry; default the default locale. Leave out for types without i18n. */
  locale?: string;
  /** Persona slug: who the frontend believes the visitor is. */
  persona?: string;
  /** Stage key: where the frontend believes the visitor is. */
  stage?: string;
  /** For a click: the documentId of the CTA or entry clicked through to. */
  target?: string;
}

/** 1 to MAX_EVENTS_PER_REQUEST events. */
export interface EventsRequest {
  events: JourneyEvent[];
}

export const MAX_EVENTS_PER_REQUEST = 100;

export type EventDropReason = z.output<
  typeof schemas.eventsResponseSchema
>['data']['dropped'][number]['reason'];
export type EventsResponse = z.output<typeof schemas.eventsResponseSchema>;

export const PERFORMANCE_QUERY_PARAMETERS = [
  'from',
  'to',
  'type',
  'locale',
  'persona',
  'minViews',
] as const;

export interface PerformanceQuery {
  /** First day, YYYY-MM-DD (UTC); default 29 days before `to`. */
  from?: string;
  /** Last day, YYYY-MM-DD (UTC), inclusive; default today. */
  to?: string;
  /** Tagged type names, comma-separated; default all. */
  type?: string;
  /** Locale code; default the default locale. */
  locale?: string;
  /** Persona slugs, comma-separated; default all (and content with no persona). */
  persona?: string;
  /** Views a cell or entry needs before its conversion rate is compared; default 20. */
  minViews?: string;
}

/** `stage` (required) and `persona` (a slug; absent: the whole stage) pick the cell. */
export interface PerformanceEntriesQuery extends PerformanceQuery {
  stage: string;
  /** Entries ranked each way; default 5, at most 50. */
  limit?: string;
}

/** A stage (absent: all) and a persona slug (absent: all). */
export interface PerformanceSeriesQuery extends PerformanceQuery {
  stage?: string;
}

/** The edit view's numbers: one entry, the last 30 days. */
export interface EntryPerformanceQuery {
  type: string;
  documentId: string;
  locale?: string;
}

export type PerformanceCounts = z.output<typeof schemas.performanceCountsSchema>;
export type RateLevel = z.output<typeof schemas.performanceCellSchema>['rate'];
export type PerformanceSignal = NonNullable<
  z.output<typeof schemas.performanceCellSchema>['signal']
>;
export type PerformanceCell = z.output<typeof schemas.performanceCellSchema>;
export type PerformanceFunnelStep = z.output<typeof schemas.performanceFunnelStepSchema>;
export type PerformanceFilters = z.output<typeof schemas.performanceFiltersSchema>;
export type PerformanceReport = z.output<typeof schemas.performanceReportSchema>;
export type PerformanceResponse = z.output<typeof schemas.performanceResponseSchema>;
export type PerformanceEntry = z.output<typeof schemas.performanceEntrySchema>;
export type PerformanceEntriesResponse = z.output<typeof schemas.performanceEntriesResponseSchema>;
export type PerformanceDay = z.output<typeof schemas.performanceDaySchema>;
export type PerformanceSeriesResponse = z.output<typeof schemas.performanceSeriesResponseSchema>;
export type EntryPerformanceResponse = z.output<typeof schemas.entryPerformanceResponseSchema>;

/* ----------------------------------------------------------------------------------------------
 * Forms. Submitting: content API `POST /api/journey/forms/:documentId/submissions` (Users &
 * Permissions action plugin::journey.submission.create). Reading: admin API `GET
 * /journey/submissions`, `/journey/submissions/:id`, `/journey/submissions/export?format=csv|json`
 * (RBAC plugin::journey.submissions.read); deleting: `DELETE /journey/submissions/:id` and
 * `DELETE /journey/submissions?email=` (RBAC plugin::journey.submissions.delete).
 * -------------------------------------------------------------------------------------------- */

/** A field's value as sent: text, a number, true/false (checkbox), or null for "not given". */
export type SubmissionValue = string | number | boolean | null;

export interface SubmissionRequest {
  data: Record<string, SubmissionValue>;
  context?: {
    /** Persona slug: who the frontend believes the visitor is. */
    persona?: string;
    /** Stage key: where the frontend believes the visitor is. */
    stage?: string;
    /** The form's locale; default the default locale. */
    locale?: string;
    /** The entry the form was shown on: counted as its conversion too. */
    source?: { contentType: string; documentId: string };
  };
}

export type SubmissionCreatedResponse = z.output<typeof schemas.submissionCreatedResponseSchema>;
export type Submission = z.output<typeof schemas.submissionSchema>;
export type SubmissionsResponse = z.output<typeof schemas.submissionsResponseSchema>;
export type SubmissionResponse = z.output<typeof schemas.submissionResponseSchema>;
export type SubmissionsDeletedResponse = z.output<typeof schemas.submissionsDeletedResponseSchema>;

export const SUBMISSIONS_QUERY_PARAMETERS = [
  'form',
  'stage',
  'persona',
  'from',
  'to',
  'page',
  'pageSize',
] as const;

export interface SubmissionsQuery {
  /** A form's documentId. */
  form?: string;
  stage?: string;
  /** Persona slug. */
  persona?: string;
  /** First day, YYYY-MM-DD (UTC), by the time stored. */
  from?: string;
  /** Last day, inclusive. */
  to?: string;
  page?: string;
  /** At most 100; default 25. */
  pageSize?: string;
}
