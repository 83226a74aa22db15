import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { EventDropReason, EventsResponse } from '../../../shared/contracts';
import { EVENT_TYPES, type EventType } from '../../../shared/contracts';
import type { ParsedEvent } from '../analytics/events-body';
import { createAnalyticsLookups } from '../analytics/lookups';
import { createRateLimiter } from '../analytics/rate-limit';
import { RollupBuffer, writeRollups, type CountedEvent } from '../analytics/rollups';
import {
  ensureAnalyticsTables,
  EVENT_ROLLUPS_TABLE,
  SEGMENT_ROLLUPS_TABLE,
} from '../analytics/tables';
import { createVisitorHasher, forgetPastVisitors } from '../analytics/visitors';
import { getJourneyConfig } from '../config';
import { DAY_MS, utcDay } from '../utils/days';
import { echo } from '../utils/query-parsing';
import { getKnex } from '../utils/sql';
import { getService } from '../utils/get-service';

/** Distinct rollup rows held while the database does not keep up; past it, requests get a 429. */
const MAX_BUFFERED_ROWS = 200_000;

/** Who sent a request, for the rate limit and (with uniqueVisitors) the day's visitor hash only. */
export interface EventClient {
  ip: string;
  userAgent: string;
}

type Dropped = EventsResponse['data']['dropped'][number];

/**
 * Journey performance ingestion: events are checked against what exists (published entries,
 * personas, stages), counted into an in-memory buffer and written as daily rollups every
 * `flushIntervalMs`, or sooner once `flushMaxEvents` are waiting (analytics/rollups.ts).
 */
const createAnalyticsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getJourneyConfig(strapi).analytics;
  const buffer = new RollupBuffer();
  const lookups = createAnalyticsLookups(strapi);
  const hasher = createVisitorHasher(getKnex(strapi));
  const { rateLimit } = config();
  const limiter = rateLimit ? createRateLimiter(rateLimit) : null;
  let timer: NodeJS.Timeout | undefined;
  /** The flush in progress (or the last one): flushes run one at a time. */
  let flushing: Promise<void> = Promise.resolve();
  let flushQueued = false;
  let stopped = false;
  let lastFailure: string | undefined;

  const writeBuffered = async () => {
    flushQueued = false;
    if (buffer.pendingEvents === 0) return;
    const taken = buffer.take();
    try {
      await writeRollups(getKnex(strapi), taken);
      if (lastFailure) strapi.log.info('[journey] analytics: writing rollups works again.');
      lastFailure = undefined;
    } catch (error) {
      // Kept for the next flush: a database that is briefly away loses nothing.
      buffer.restore(taken);
      const message = (error as Error).message;
      if (message !== lastFailure) {
        strapi.log.error(`[journey] analytics: writing rollups failed, will retry: ${message}`);
      }
      lastFailure = message;
    }
  };

  /** Writes what is buffered; resolves once everything counted before the call is written (or kept after a failure). */
  const flush = () => {
    flushing = flushing.then(writeBuffered);
    return flushing;
  };

  const reason = (index: number, code: EventDropReason, message: string): Dropped => ({
    index,
    reason: code,
    message,
  });

  /**
   * Resolves each event against what exists; returns the counted ones and why the others were
   * dropped. A few statements per request, mostly answered from the lookups' caches.
   */
  const resolve = async (events: ParsedEvent[], day: string, visitor?: string) => {
    const tagging = getService(strapi, 'tagging');
    const stages = getService(strapi, 'stages');
    const { codes, defaultLocale } = await lookups.locales();
    const dropped: Dropped[] = [];
    const candidates: Array<{
      index: number;
      event: ParsedEvent;
      type: NonNullable<ReturnType<typeof tagging.byName>>;
      locale: string;
    }> = [];

    events.forEach((event, index) => {
      if (!EVENT_TYPES.includes(event.type as EventType)) {
        dropped.push(
          reason(
            index,
            'unknown-event-type',
            `Unknown event type ${echo(event.type)}. Use one of: ${EVENT_TYPES.join(', ')}.`
          )
        );
        return;
      }
      const type = tagging.byName(event.contentType);
      if (!type) {
        dropped.push(
          reason(
            index,
            'unknown-content-type',
            `Unknown content type ${echo(event.contentType)}. Tagged types: ${tagging.names().join(', ')}.`
          )
        );
        return;
      }
      // Types without i18n have one version: a locale sent for them is not needed, and ignored.
      const locale = lookups.isLocalized(type) ? (event.locale ?? defaultLocale) : '';
      if (locale && !codes.has(locale)) {
        dropped.push(
          reason(
            index,
            'unknown-locale',
            `Unknown locale ${echo(locale)}. Available locales: ${[...codes].join(', ')}.`
          )
        );
        return;
      }
      if (event.stage !== undefined && !stages.has(event.stage)) {
        dropped.push(
          reason(index, 'unknown-stage', stages.describeUnknown(event.stage.slice(0, 60)))
        );
        return;
      }
      candidates.push({ index, event, type, locale });
    });

    const [entryOf, personaOf, isTarget] = await Promise.all([
      lookups.entries(
        candidates.map(({ event, type, locale }) => ({
          type,
          documentId: event.documentId,
          locale,
        }))
      ),
      lookups.personas(
        candidates.flatMap(({ event }) => (event.persona === undefined ? [] : [event.persona]))
      ),
      lookups.targets(
        tagging.types,
        candidates.flatMap(({ event }) => (event.target === undefined ? [] : [event.target]))
      ),
    ]);

    const counted: CountedEvent[] = [];
    for (const { index, event, type, locale } of candidates) {
      const entry = entryOf(type, event.documentId, locale);
      if (!entry) {
        const where = locale ? ` in locale "${locale}"` : '';
        dropped.push(
          reason(
            index,
            'unknown-document',
            `No published ${type.name} with documentId ${echo(event.documentId)}${where}.`
          )
        );
        continue;
      }
      const persona = event.persona === undefined ? '' : personaOf(event.persona);
      if (persona === null) {
        dropped.push(
          reason(
            index,
            'unknown-persona',
            `No published persona with slug ${echo(event.persona!)}.`
          )
        );
        continue;
      }
      if (event.target !== undefined && !isTarget(event.target)) {
        dropped.push(
          reason(
            index,
            'unknown-target',
            `The target ${echo(event.target)} is no published entry of a tagged type.`
          )
        );
        continue;
      }
      counted.push({
        day,
        typeName: type.name,
        documentId: event.documentId,
        locale,
        eventType: event.type as EventType,
        visitorPersona: persona,
        visitorStage: event.stage ?? '',
        target: event.target ?? '',
        contentStage: entry.stage,
        contentPersonas: entry.personas,
        visitor,
      });
    }
    dropped.sort((a, b) => a.index - b.index);
    return { counted, dropped };
  };

  return {
    /** Creates the tables, forgets past days' visitor hashes and starts the flush timer. */
    async start() {
      await ensureAnalyticsTables(strapi);
      await forgetPastVisitors(getKnex(strapi), utcDay());
      stopped = false;
      timer = setInterval(() => void flush(), config().flushIntervalMs);
      // The timer alone does not keep a process alive; destroy() flushes what is left.
      timer.unref();
    },

    /** Stops the timer and writes everything buffered (Strapi's destroy: a clean stop loses nothing). */
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },

    flush,

    /** Throws a 429 (with Retry-After set on the response) when the client is over the limit. */
    checkRateLimit(client: string, setRetryAfter: (seconds: number) => void) {
      const wait = limiter?.hit(client) ?? 0;
      const overloaded = buffer.distinctRows >= MAX_BUFFERED_ROWS;
      if (wait === 0 && !overloaded) return;
      const seconds = wait || Math.ceil(config().flushIntervalMs / 1000) + 1;
      setRetryAfter(seconds);
      throw new errors.RateLimitError(
        wait
          ? `Too many requests from this client. Try again in ${seconds} s.`
          : `Events arrive faster than they can be stored. Try again in ${seconds} s.`,
        { retryAfter: seconds }
      );
    },

    /**
     * Counts a request's events. `notCounted`: the request is answered as accepted but nothing is
     * looked at or kept (Do Not Track, Global Privacy Control, a bot, analytics switched off).
     */
    async ingest(
      events: ParsedEvent[],
      client: EventClient,
      notCounted: EventsResponse['data']['notCounted'] = null
    ): Promise<EventsResponse['data']> {
      if (notCounted) return { accepted: 0, dropped: [], notCounted };
      const day = utcDay();
      const visitor = config().uniqueVisitors
        ? await hasher.hash(day, client.ip, client.userAgent)
        : undefined;
      const { counted, dropped } = await resolve(events, day, visitor);
      for (const event of counted) buffer.add(event);
      if (stopped) {
        // Shutting down: the timer is gone, so write now rather than keep anything in memory.
        await flush();
      } else if (buffer.pendingEvents >= config().flushMaxEvents && !flushQueued) {
        flushQueued = true;
        void flush();
      }
      return { accepted: counted.length, dropped, notCounted: null };
    },

    /** Adds already-resolved events (the demo's history); written at the next flush. */
    record(events: readonly CountedEvent[]) {
      for (const event of events) buffer.add(event);
    },

    /** The cached lookups, shared with form submissions (the same ids, the same invalidation). */
    lookups,

    /** Content or personas changed: forget cached lookups (analytics/lookups.ts). */
    invalidateLookups() {
      lookups.invalidate();
    },

    /** What waits in memory (for tests and the benchmark's memory report). */
    pending() {
      return { events: buffer.pendingEvents, rows: buffer.distinctRows };
    },

    /**
     * Deletes rollups of days before the retention window and past days' visitor hashes and
     * salts. Run daily by the cron job registered in bootstrap; returns the rows deleted.
     */
    async prune(now: Date = new Date()) {
      const knex = getKnex(strapi);
      const cutoff = utcDay(now.getTime() - config().retentionDays * DAY_MS);
      const events = await knex(EVENT_ROLLUPS_TABLE).where('day', '<', cutoff).delete();
      const segments = await knex(SEGMENT_ROLLUPS_TABLE).where('day', '<', cutoff).delete();
      await forgetPastVisitors(knex, utcDay(now));
      return { cutoff, deleted: events + segments };
    },
  };
};

export default createAnalyticsService;
export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
