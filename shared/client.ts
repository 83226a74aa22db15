/**
 * A small typed client for the plugin's content API, for browsers and Node 18+ (global `fetch`):
 *
 *   import { createJourneyClient } from 'strapi-plugin-journey/client';
 *   const journey = createJourneyClient({ baseUrl: 'https://cms.example.com', locale: 'en' });
 *   const { data, meta } = await journey.content({ stage: 'awareness', persona: 'restaurant-owner' });
 *
 * No dependencies: it imports the contracts for types only, so the bundle is this file alone.
 * Every non-2xx answer is thrown as a `JourneyApiError` carrying Strapi's error shape.
 */
import type {
  ContentQuery,
  ContentResponse,
  ErrorResponse,
  NextContentResponse,
  PersonasResponse,
  StagesQuery,
  StagesResponse,
} from './contracts';

export interface JourneyClientOptions {
  /** The Strapi server, e.g. `https://cms.example.com` (a trailing slash is fine). */
  baseUrl: string;
  /** An API token or a users-permissions JWT, sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Default locale for content, next content and entries; a call's own `locale` wins. */
  locale?: string;
  /** A `fetch` to use instead of the global one (tests, SSR frameworks, older runtimes). */
  fetch?: typeof fetch;
}

/** Strapi's `error` object: `{ status, name, message, details }`. */
export type StrapiError = ErrorResponse['error'];

/** A non-2xx answer, with Strapi's error shape (synthesized when the body was not Strapi's). */
export class JourneyApiError extends Error {
  readonly status: number;
  /** Strapi's error name: `ValidationError`, `ForbiddenError`, `NotFoundError`... */
  readonly errorName: string;
  readonly details: StrapiError['details'];
  readonly error: StrapiError;
  /** The URL that was requested, to find the call in logs. */
  readonly url: string;

  constructor(error: StrapiError, url: string) {
    super(error.message);
    this.name = 'JourneyApiError';
    this.status = error.status;
    this.errorName = error.name;
    this.details = error.details;
    this.error = error;
    this.url = url;
  }
}

/**
 * Strapi's query syntax, as `qs` writes it: nested objects and arrays in brackets
 * (`populate[seo][populate]=shareImage`, `fields[0]=title`).
 */
export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | QueryValue[]
  | { [key: string]: QueryValue };

/** `populate` and `fields` in Strapi's REST syntax, for the endpoints that accept them. */
export interface SelectionQuery {
  /** `'*'`, a field list, or `{ cover: true, seo: { populate: 'shareImage' } }`. */
  populate?: QueryValue;
  /** `['title', 'slug']` or `'title,slug'`. */
  fields?: QueryValue;
}

/** `GET /api/journey/content` parameters, plus `populate`/`fields`. */
export type ContentListQuery = ContentQuery & SelectionQuery;
/** `GET /api/journey/content/next`: `stage` is the stage the visitor is at (required). */
export type NextContentQuery = ContentListQuery & { stage: string };

/* ---------------------------------------------------------------------------------------------
 * The shipped types as their read-only core REST routes (`/api/journey/<plural>`) answer them.
 * Relations, media and components appear only when populated.
 * ------------------------------------------------------------------------------------------- */

/** A Strapi media file (what `populate[cover]=true` returns). */
export interface StrapiMedia {
  id: number;
  documentId: string;
  name: string;
  alternativeText: string | null;
  caption: string | null;
  width: number | null;
  height: number | null;
  /** Resized versions (thumbnail, small, medium, large) when the upload made them. */
  formats: Record<string, { url: string; width: number; height: number }> | null;
  mime: string;
  /** Relative (`/uploads/...`) for the local provider: prefix it with the server's URL. */
  url: string;
}

export interface Seo {
  metaTitle: string | null;
  metaDescription: string | null;
  shareImage?: StrapiMedia | null;
}

interface DocumentFields {
  id: number;
  documentId: string;
  locale: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  journeyStage: string | null;
  personas?: { slug: string; name: string }[];
}

export interface BlogPost extends DocumentFields {
  title: string;
  slug: string;
  excerpt: string | null;
  body: string | null;
  cover?: StrapiMedia | null;
  seo?: Seo | null;
}

export interface LandingPage extends DocumentFields {
  title: string;
  slug: string;
  headline: string | null;
  body: string | null;
  hero?: StrapiMedia | null;
  seo?: Seo | null;
}

export interface Form extends DocumentFields {
  name: string;
  fields: { name: string; label: string; type: string; required: boolean }[];
  submitLabel: string | null;
}

export interface Cta extends DocumentFields {
  label: string;
  url: string | null;
  description: string | null;
  style: 'primary' | 'secondary';
  /** Where the CTA leads, when populated. */
  landingPage?: LandingPage | null;
  form?: Form | null;
}

/** The shipped types by the name the API uses for them, and their REST path. */
export interface ShippedTypes {
  'blog-post': BlogPost;
  'landing-page': LandingPage;
  cta: Cta;
  form: Form;
}
export type ShippedTypeName = keyof ShippedTypes;
/** The shipped types with a `slug` (pages a frontend routes to). */
export type SluggedTypeName = 'blog-post' | 'landing-page';

const COLLECTION_PATHS: Record<ShippedTypeName, string> = {
  'blog-post': 'blog-posts',
  'landing-page': 'landing-pages',
  cta: 'ctas',
  form: 'forms',
};

/** `GET /api/journey/<plural>/:documentId` */
export interface EntryResponse<T> {
  data: T;
  meta: Record<string, unknown>;
}

export interface EntryQuery extends SelectionQuery {
  locale?: string;
}

/** Serializes Strapi-style parameters; `undefined` values are left out. */
export const toQueryString = (params: Record<string, QueryValue>): string => {
  const pairs: string[] = [];
  const add = (key: string, value: QueryValue) => {
    if (value === undefined) return;
    if (value === null) {
      pairs.push(`${encodeURIComponent(key)}=`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => add(`${key}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [child, item] of Object.entries(value)) add(`${key}[${child}]`, item);
    } else {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    }
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
};

const isStrapiErrorBody = (body: unknown): body is ErrorResponse => {
  if (body === null || typeof body !== 'object' || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    error !== null &&
    typeof error === 'object' &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
};

/** Creates a client for one Strapi server. */
export const createJourneyClient = (options: JourneyClientOptions) => {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  if (typeof doFetch !== 'function') {
    throw new TypeError('No fetch available: pass `fetch` in the options (Node 18+ has one).');
  }

  const get = async <T>(path: string, params: Record<string, QueryValue> = {}): Promise<T> => {
    const url = `${baseUrl}/api/journey${path}${toQueryString(params)}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const response = await doFetch(url, { headers });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's HTML page...): reported below with the status.
    }
    if (!response.ok) {
      const error: StrapiError = isStrapiErrorBody(body)
        ? body.error
        : {
            status: response.status,
            name: 'HttpError',
            message: `${response.status} ${response.statusText || 'error'} from ${url}`,
            details: {},
          };
      throw new JourneyApiError(error, url);
    }
    return body as T;
  };

  const withLocale = <Q extends { locale?: string }>(query: Q): Q =>
    query.locale === undefined && options.locale !== undefined
      ? { ...query, locale: options.locale }
      : query;

  return {
    /**
     * `GET /api/journey/stages`: the configured stages in journey order, their texts in the
     * client's (or the call's) locale, else the default locale.
     */
    stages: (query: StagesQuery = {}) => get<StagesResponse>('/stages', { ...withLocale(query) }),

    /** `GET /api/journey/personas`: published personas by name. */
    personas: () => get<PersonasResponse>('/personas'),

    /** `GET /api/journey/content`: published content of every tagged type, filtered and paged. */
    content: (query: ContentListQuery = {}) =>
      get<ContentResponse>('/content', { ...withLocale(query) }),

    /** `GET /api/journey/content/next`: content of the stage after `query.stage`. */
    nextContent: (query: NextContentQuery) =>
      get<NextContentResponse>('/content/next', { ...withLocale(query) }),

    /** `GET /api/journey/<plural>/:documentId`: one published entry of a shipped type. */
    entry: <K extends ShippedTypeName>(type: K, documentId: string, query: EntryQuery = {}) =>
      get<EntryResponse<ShippedTypes[K]>>(
        `/${COLLECTION_PATHS[type]}/${encodeURIComponent(documentId)}`,
        { ...withLocale(query) }
      ),

    /**
     * One published entry of a shipped type by its slug (`filters[slug][$eq]`), or null when none
     * has it. Slugs are unique per locale, so the locale decides which translation answers.
     */
    entryBySlug: async <K extends SluggedTypeName>(
      type: K,
      slug: string,
      query: EntryQuery = {}
    ): Promise<ShippedTypes[K] | null> => {
      const list = await get<{ data: ShippedTypes[K][] }>(`/${COLLECTION_PATHS[type]}`, {
        ...withLocale(query),
        filters: { slug: { $eq: slug } },
        pagination: { pageSize: 1 },
      });
      return list.data[0] ?? null;
    },
  };
};

export type JourneyClient = ReturnType<typeof createJourneyClient>;
