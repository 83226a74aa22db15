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
  EventsResponse,
  JourneyEvent,
  MAX_EVENTS_PER_REQUEST,
  NextContentResponse,
  PersonasResponse,
  StagesQuery,
  StagesResponse,
  SubmissionCreatedResponse,
  SubmissionRequest,
  SubmissionValue,
} from './contracts';
import type { FormFieldDefinition } from './form-fields';

export interface JourneyClientOptions {
  /** The Strapi server, e.g. `https://cms.example.com` (a trailing slash is fine). */
  baseUrl: string;
  /** An API token or a users-permissions JWT, sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Default locale for content, next content and entries; a call's own `locale` wins. */
  locale?: string;
  /** A `fetch` to use instead of the global one (tests, SSR frameworks, older runtimes). */
  fetch?: typeof fetch;
  /** Persona slug of the visitor, added to tracked events that name none (see `setVisitor`). */
  persona?: string;
  /** Stage key the visitor is at, added to tracked events that name none (see `setVisitor`). */
  stage?: string;
  /** How `track` batches events; every field has a default. */
  tracking?: TrackingOptions;
}

/** How `track` batches and sends events. */
export interface TrackingOptions {
  /** Events queued before a batch is sent at once; default 20, at most MAX_EVENTS_PER_REQUEST. */
  batchSize?: number;
  /** How long the first queued event waits for others before the batch is sent; default 1000 ms. */
  delayMs?: number;
  /**
   * Skip sending when the browser says the visitor opted out (`navigator.doNotTrack === '1'` or
   * `navigator.globalPrivacyControl`); default true. The server ignores such requests anyway
   * (DNT and Sec-GPC headers), this saves the request.
   */
  respectPrivacySignals?: boolean;
  /** Called when a batch sent in the background fails (timer or page hide); default: ignored. */
  onError?: (error: unknown) => void;
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
 * A submission refused for its values (400): `fieldErrors` holds the visitor-facing message of
 * each refused field by field name, so a frontend shows it next to its input.
 */
export class JourneyFormError extends JourneyApiError {
  readonly fieldErrors: Record<string, string>;

  constructor(error: StrapiError, url: string, fieldErrors: Record<string, string>) {
    super(error, url);
    this.name = 'JourneyFormError';
    this.fieldErrors = fieldErrors;
  }
}

/**
 * The field errors of a 400 answer (`details.errors[].path = ['data', <field>]`), by field name;
 * empty when the error is about something else (the context, the body's shape).
 */
export const fieldErrorsOf = (error: StrapiError): Record<string, string> => {
  const fieldErrors: Record<string, string> = {};
  if (error.status !== 400 || !Array.isArray(error.details?.errors)) return fieldErrors;
  for (const issue of error.details.errors) {
    const [scope, field] = issue.path;
    if (scope === 'data' && issue.path.length === 2 && typeof field === 'string') {
      // One message per field (the server sends one). defineProperty: an unknown field refused
      // may be named `__proto__`, which an assignment would take for the prototype.
      if (!Object.prototype.hasOwnProperty.call(fieldErrors, field)) {
        Object.defineProperty(fieldErrors, field, {
          value: issue.message,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  }
  return fieldErrors;
};

/** What `submit` sends besides the values; the client's locale and visitor fill what is left out. */
export type SubmissionContext = NonNullable<SubmissionRequest['context']>;
/** The created submission: its id and when it was stored (nothing of the data is echoed). */
export type CreatedSubmission = SubmissionCreatedResponse['data'];

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
  /** The field definitions (shared/form-fields.ts): what to render and what the server checks. */
  fields: FormFieldDefinition[];
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
  /**
   * `draft` reads the draft (a preview): answered only for a token holding
   * `plugin::journey.preview.drafts` or full access, a 403 JourneyApiError otherwise. Keep such a
   * token on a server (a preview route), never in a page every visitor loads.
   */
  status?: 'published' | 'draft';
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

/* ---------------------------------------------------------------------------------------------
 * Tracking: events queued, batched and sent to POST /api/journey/events.
 * ------------------------------------------------------------------------------------------- */

/**
 * The most events one request may carry. The contracts module is imported for types only (the
 * client has no run-time dependency), so the value is repeated here and checked against the
 * contract's literal type: if one changes without the other, this line stops compiling.
 */
const MAX_EVENTS: typeof MAX_EVENTS_PER_REQUEST = 100;
const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_DELAY_MS = 1000;

/** What a tracked entry needs: a content API item (`ContentItem`) or a shipped type's entry. */
export interface TrackedEntry {
  documentId: string;
  /** The tagged type's name (`blog-post`, `cta`...), as `ContentItem.type` has it. */
  type: string;
  /** The entry's locale; null or absent for types without i18n. */
  locale?: string | null;
}

/** Who the frontend believes the visitor is and where: added to events that name neither. */
export interface Visitor {
  /** Persona slug; undefined: none. */
  persona?: string;
  /** Stage key; undefined: none. */
  stage?: string;
}

/**
 * The few browser APIs tracking uses, read from `globalThis` when present: typed here so the
 * client compiles without the DOM library and runs in Node, where none of them exist.
 */
interface BrowserGlobals {
  navigator?: {
    doNotTrack?: string | null;
    globalPrivacyControl?: boolean;
    sendBeacon?: (url: string, data?: Blob | string) => boolean;
  };
  document?: {
    visibilityState?: string;
    addEventListener?: (type: string, listener: () => void) => void;
  };
  addEventListener?: (type: string, listener: () => void) => void;
}

const browser = () => globalThis as unknown as BrowserGlobals;

/** Do Not Track or Global Privacy Control, as the browser reports them. */
export const visitorOptedOut = (): boolean => {
  const navigator = browser().navigator;
  return navigator?.doNotTrack === '1' || navigator?.globalPrivacyControl === true;
};

/** Splits events into requests of at most MAX_EVENTS_PER_REQUEST. */
const chunksOf = <T>(items: T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
};

/** Merges the answers of several batches into one, indexes counted over all the events sent. */
const mergeResponses = (answers: Array<{ response: EventsResponse; offset: number }>) => {
  const merged: EventsResponse = { data: { accepted: 0, dropped: [], notCounted: null } };
  for (const { response, offset } of answers) {
    merged.data.accepted += response.data.accepted;
    merged.data.dropped.push(
      ...response.data.dropped.map((drop) => ({ ...drop, index: drop.index + offset }))
    );
    merged.data.notCounted ??= response.data.notCounted;
  }
  return merged;
};

type SendJson = (url: string, json: string) => Promise<EventsResponse>;

/**
 * The tracker behind `client.track`: a queue sent in batches of `batchSize` events (or after
 * `delayMs`), at most MAX_EVENTS_PER_REQUEST per request. In a browser it also sends what is
 * queued when the page is hidden, with `navigator.sendBeacon` (which outlives the page), or a
 * `keepalive` fetch when there is no beacon, it refuses, or a token must be sent (a beacon cannot
 * carry headers). Events of a request that fails are not retried.
 */
const createTracker = (options: JourneyClientOptions, url: string, sendJson: SendJson) => {
  const tracking = options.tracking ?? {};
  const batchSize = Math.min(
    Math.max(1, Math.floor(tracking.batchSize ?? DEFAULT_BATCH_SIZE)),
    MAX_EVENTS
  );
  const delayMs = Math.max(0, tracking.delayMs ?? DEFAULT_DELAY_MS);
  const respectPrivacy = tracking.respectPrivacySignals !== false;
  const report = (error: unknown) => tracking.onError?.(error);
  const doFetch = options.fetch ?? globalThis.fetch;

  let visitor: Visitor = { persona: options.persona, stage: options.stage };
  let queue: JourneyEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const inFlight = new Set<Promise<unknown>>();
  let pageHideHooked = false;

  const optedOut = () => respectPrivacy && visitorOptedOut();

  const cancelTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** Sends queued events now, in requests of at most MAX_EVENTS_PER_REQUEST. */
  const sendQueued = (
    size = MAX_EVENTS
  ): Array<Promise<{ response: EventsResponse; offset: number }>> => {
    cancelTimer();
    const events = queue;
    queue = [];
    if (events.length === 0 || optedOut()) return [];
    return chunksOf(events, size).map((batch, index) => {
      const sent = sendJson(url, JSON.stringify({ events: batch })).then((response) => ({
        response,
        offset: index * size,
      }));
      inFlight.add(sent);
      const forget = () => inFlight.delete(sent);
      sent.then(forget, forget);
      return sent;
    });
  };

  /** A batch sent in the background: its failure goes to `onError`, never unhandled. */
  const sendInBackground = () => {
    for (const sent of sendQueued()) sent.catch(report);
  };

  /** The page is going away: hand what is queued to the browser, which sends it after. */
  const sendOnPageHide = () => {
    cancelTimer();
    const events = queue;
    queue = [];
    if (events.length === 0 || optedOut()) return;
    const navigator = browser().navigator;
    for (const batch of chunksOf(events, MAX_EVENTS)) {
      const json = JSON.stringify({ events: batch });
      // A Blob typed text/plain is a "simple" body: no CORS preflight, which a beacon cannot do.
      const beaconed =
        !options.token &&
        typeof navigator?.sendBeacon === 'function' &&
        navigator.sendBeacon(url, new Blob([json], { type: 'text/plain;charset=UTF-8' }));
      if (beaconed) continue;
      const headers: Record<string, string> = { 'Content-Type': 'text/plain;charset=UTF-8' };
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      doFetch(url, { method: 'POST', headers, body: json, keepalive: true }).catch(report);
    }
  };

  /** In a browser, hooks page hide once (on the first event: reading content hooks nothing). */
  const hookPageHide = () => {
    if (pageHideHooked) return;
    pageHideHooked = true;
    const { document, addEventListener } = browser();
    document?.addEventListener?.('visibilitychange', () => {
      if (document.visibilityState === 'hidden') sendOnPageHide();
    });
    addEventListener?.call(globalThis, 'pagehide', sendOnPageHide);
  };

  const track = (event: JourneyEvent) => {
    const withDefaults: JourneyEvent = { ...event };
    if (withDefaults.locale === undefined && options.locale !== undefined)
      withDefaults.locale = options.locale;
    if (withDefaults.persona === undefined && visitor.persona)
      withDefaults.persona = visitor.persona;
    if (withDefaults.stage === undefined && visitor.stage) withDefaults.stage = visitor.stage;
    queue.push(withDefaults);
    hookPageHide();
    if (queue.length >= batchSize) {
      sendInBackground();
    } else if (timer === undefined) {
      timer = setTimeout(sendInBackground, delayMs);
      // In Node, a pending batch does not keep the process alive: call flush() before exiting.
      (timer as { unref?: () => void }).unref?.();
    }
  };

  const entryEvent = (
    type: JourneyEvent['type'],
    entry: TrackedEntry,
    extra: Partial<JourneyEvent>
  ): JourneyEvent => ({
    type,
    documentId: entry.documentId,
    contentType: entry.type,
    ...(entry.locale ? { locale: entry.locale } : {}),
    ...extra,
  });

  return {
    /**
     * Queues an event for `POST /api/journey/events`, with the client's locale and the visitor's
     * persona and stage where the event names none. Sent in batches; nothing is sent when the
     * visitor opted out (Do Not Track, Global Privacy Control).
     */
    track,

    /** Queues a view of an entry (a `ContentItem` or a shipped type's entry). */
    trackView: (entry: TrackedEntry, extra: Partial<JourneyEvent> = {}) =>
      track(entryEvent('view', entry, extra)),

    /** Queues a click on an entry through to `target` (the documentId of a CTA or entry). */
    trackClick: (entry: TrackedEntry, target: string, extra: Partial<JourneyEvent> = {}) =>
      track(entryEvent('click', entry, { target, ...extra })),

    /** Queues a conversion on an entry (a form sent, a sign-up...). */
    trackConversion: (entry: TrackedEntry, extra: Partial<JourneyEvent> = {}) =>
      track(entryEvent('conversion', entry, extra)),

    /** Sets who the visitor is and where (persona slug, stage key) for the events tracked next. */
    setVisitor: (next: Visitor) => {
      visitor = { ...next };
    },

    /** The visitor set by the options or `setVisitor`. */
    visitor: (): Visitor => ({ ...visitor }),

    /** Events waiting to be sent. */
    pendingEvents: () => queue.length,

    /**
     * Sends what is queued now and waits for batches already on their way. Resolves with the
     * server's answers to the batches it sent, merged (`dropped[].index` counts over them), or
     * undefined when nothing was queued or the visitor opted out. A failed request rejects with
     * `JourneyApiError` (its events are not retried).
     */
    flush: async (): Promise<EventsResponse | undefined> => {
      const earlier = [...inFlight];
      const sent = sendQueued();
      await Promise.allSettled(earlier);
      if (sent.length === 0) return undefined;
      return mergeResponses(await Promise.all(sent));
    },
  };
};

/** Creates a client for one Strapi server. */
export const createJourneyClient = (options: JourneyClientOptions) => {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  if (typeof doFetch !== 'function') {
    throw new TypeError('No fetch available: pass `fetch` in the options (Node 18+ has one).');
  }

  const request = async <T>(url: string, init: RequestInit = {}): Promise<T> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const response = await doFetch(url, {
      ...init,
      headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
    });
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

  const get = <T>(path: string, params: Record<string, QueryValue> = {}): Promise<T> =>
    request<T>(`${baseUrl}/api/journey${path}${toQueryString(params)}`);

  const withLocale = <Q extends { locale?: string }>(query: Q): Q =>
    query.locale === undefined && options.locale !== undefined
      ? { ...query, locale: options.locale }
      : query;

  const tracker = createTracker(options, `${baseUrl}/api/journey/events`, (url, json) =>
    request<EventsResponse>(url, {
      method: 'POST',
      // text/plain is a "simple" body: a cross-origin POST needs no CORS preflight; the server
      // parses it as JSON.
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: json,
    })
  );

  /** `context` with the client's locale and the visitor's persona and stage where it names none. */
  const submissionContext = (context: SubmissionContext): SubmissionContext => {
    const visitor = tracker.visitor();
    const filled: SubmissionContext = { ...context };
    if (filled.locale === undefined && options.locale !== undefined) filled.locale = options.locale;
    if (filled.persona === undefined && visitor.persona) filled.persona = visitor.persona;
    if (filled.stage === undefined && visitor.stage) filled.stage = visitor.stage;
    return filled;
  };

  return {
    ...tracker,

    /**
     * `POST /api/journey/forms/:documentId/submissions`: sends a form's values; resolves with the
     * created submission's id and time. The context gets the client's locale and the visitor's
     * persona and stage where it names none. Values refused (400 with field errors) reject with
     * a `JourneyFormError` whose `fieldErrors` has each message by field name; any other failure
     * (404 form not published in the locale, 429, a bad context) with a `JourneyApiError`.
     */
    submit: async (
      formDocumentId: string,
      data: Record<string, SubmissionValue>,
      context: SubmissionContext = {}
    ): Promise<CreatedSubmission> => {
      const url = `${baseUrl}/api/journey/forms/${encodeURIComponent(formDocumentId)}/submissions`;
      const filled = submissionContext(context);
      const body: SubmissionRequest = { data };
      if (Object.keys(filled).length > 0) body.context = filled;
      try {
        const created = await request<SubmissionCreatedResponse>(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        return created.data;
      } catch (error) {
        if (!(error instanceof JourneyApiError)) throw error;
        const fieldErrors = fieldErrorsOf(error.error);
        if (Object.keys(fieldErrors).length === 0) throw error;
        throw new JourneyFormError(error.error, error.url, fieldErrors);
      }
    },

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

    /** `GET /api/journey/<plural>/:documentId`: one entry of a shipped type (published unless `status`). */
    entry: <K extends ShippedTypeName>(type: K, documentId: string, query: EntryQuery = {}) =>
      get<EntryResponse<ShippedTypes[K]>>(
        `/${COLLECTION_PATHS[type]}/${encodeURIComponent(documentId)}`,
        { ...withLocale(query) }
      ),

    /**
     * One entry of a shipped type by its slug (`filters[slug][$eq]`; published unless `status`), or
     * null when none has it. Slugs are unique per locale, so the locale decides which translation
     * answers.
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
