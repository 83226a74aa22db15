/**
 * Request and response shapes of the plugin's content API (`/api/journey/*`), shared by the server,
 * the admin and frontends: `import type { ContentResponse } from 'strapi-plugin-journey/contracts'`.
 */

/** Sort orders of `GET /api/journey/content`; the first is the default. */
export const CONTENT_SORTS = ['publishedAt:desc', 'publishedAt:asc', 'updatedAt:desc', 'title:asc'] as const;
export type ContentSort = (typeof CONTENT_SORTS)[number];

export const CONTENT_QUERY_PARAMETERS = ['stage', 'persona', 'type', 'locale', 'page', 'pageSize', 'sort'] as const;
export type ContentQueryParameter = (typeof CONTENT_QUERY_PARAMETERS)[number];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** `GET /api/journey/content` query, as a frontend sends it (lists are comma-separated). */
export interface ContentQuery {
  stage?: string;
  persona?: string;
  type?: string;
  locale?: string;
  page?: number | string;
  pageSize?: number | string;
  sort?: ContentSort;
}

export interface StageResponseItem {
  key: string;
  label: string;
  order: number;
  description: string;
  questions: string[];
  keywords: string[];
  touchpoints: string[];
  minimum: number;
}

export interface StagesResponse {
  data: StageResponseItem[];
}

export interface PersonaResponseItem {
  documentId: string;
  slug: string;
  name: string;
  description: string | null;
  goals: string[];
  painPoints: string[];
  touchpoints: string[];
}

export interface PersonasResponse {
  data: PersonaResponseItem[];
}

export interface PersonaRef {
  slug: string;
  name: string;
}

/** One entry of any tagged type; its own public fields (title, body, url...) come alongside. */
export interface ContentItem {
  documentId: string;
  /** The tagged type's name: blog-post, landing-page, cta, form, or a configured type's name. */
  type: string;
  /** The stored stage key, or null for an untagged entry. */
  stage: string | null;
  personas: PersonaRef[];
  /** null for a configured type that is not localized. */
  locale: string | null;
  publishedAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface ContentResponse {
  data: ContentItem[];
  meta: { pagination: Pagination };
}

/** `GET /api/journey/content/next`: content of the stage after `stage`, or nothing after the last. */
export interface NextContentResponse {
  data: ContentItem[];
  meta: { stage: string | null; pagination: Pagination };
}

/** Strapi's error shape, as every 4xx of the plugin returns it. */
export interface ErrorResponse {
  data: null;
  error: {
    status: number;
    name: string;
    message: string;
    details: { errors?: Array<{ path: string[]; message: string; name: string; value?: unknown }> };
  };
}

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
export type CoverageLevel = 'gap' | 'thin' | 'ok' | 'excess';

export interface CoverageQuery {
  /** Tagged type names, comma-separated; default all. */
  type?: string;
  /** Locale code; default the default locale. */
  locale?: string;
  status?: CoverageStatus;
  /** 'true': count only content updated within staleAfterDays. */
  fresh?: 'true' | 'false';
}

export interface CoverageStage {
  key: string;
  label: string;
  order: number;
  minimum: number;
  /** Cells at or above this count are "excess"; null when not configured. */
  excess: number | null;
}

export interface CoveragePersona {
  documentId: string;
  slug: string;
  name: string;
}

/** Documents of one stage x persona. A document with two personas counts in both cells. */
export interface CoverageCell {
  stage: string;
  /** Persona slug. */
  persona: string;
  /** Documents counted (fresh ones only when `fresh` is on). */
  count: number;
  /** Of the matching documents, how many were not updated for staleAfterDays. */
  stale: number;
  status: CoverageLevel;
}

/** Documents of one stage, each counted once whatever its personas. */
export interface CoverageStageTotal {
  stage: string;
  count: number;
  stale: number;
  minimum: number;
  status: CoverageLevel;
}

export interface CoverageCount {
  count: number;
  stale: number;
}

export interface CoverageMatrix {
  stages: CoverageStage[];
  personas: CoveragePersona[];
  /** Every configured stage x every persona, zeros included, stages in order. */
  cells: CoverageCell[];
  stageTotals: CoverageStageTotal[];
  /** Per configured stage: documents with that stage and no persona. */
  untagged: Array<{ stage: string } & CoverageCount>;
  /** Documents with no stage. */
  noStage: CoverageCount;
  /** Documents whose stored stage is no longer configured, per stored key: nothing is lost. */
  unknown: Array<{ stage: string } & CoverageCount>;
  /** What was counted. */
  filters: { types: string[]; locale: string; status: CoverageStatus; fresh: boolean; staleAfterDays: number };
}

export interface CoverageResponse {
  data: CoverageMatrix;
}

/* ----------------------------------------------------------------------------------------------
 * Editor support: admin API `GET /journey/editor` (any logged-in admin) and coverage filter options.
 * -------------------------------------------------------------------------------------------- */

export interface TaggedTypeInfo {
  /** The name the API's `type` parameter and the coverage panel use. */
  name: string;
  uid: string;
  displayName: string;
}

/** What the edit view needs to guide tagging: the stage model and which types are tagged. */
export interface EditorConfigResponse {
  data: {
    stages: Array<StageResponseItem & { excess: number | null }>;
    types: TaggedTypeInfo[];
  };
}

export interface CoverageOptionsResponse {
  data: {
    types: TaggedTypeInfo[];
    locales: Array<{ code: string; name: string; isDefault: boolean }>;
  };
}

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
export interface EntryCoverageLine {
  persona: CoveragePersona | null;
  count: number;
  stale: number;
  minimum: number;
  status: CoverageLevel;
}

export interface EntryCoverageResponse {
  data: {
    stage: CoverageStage;
    locale: string;
    /** One per requested persona that exists and is published, in the order asked; else one total line. */
    lines: EntryCoverageLine[];
  };
}
