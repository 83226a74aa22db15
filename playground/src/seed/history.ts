/**
 * 90 days of plausible performance history for the demo content, so the admin's Performance view
 * opens on something to read: many views early in the journey and few late (awareness >>
 * consideration >> decision), clicks a fraction of views, few conversions and most of them at the
 * decision stage, quieter weekends and a few noisy campaign days. A seeded pseudo-random
 * generator makes every run write the same numbers (tests rely on it).
 *
 * Written through the plugin's analytics service (`record` with explicit days, then `flush`), as
 * already-resolved events: the stage and personas come from the seeded entries themselves.
 */
import type { Core, UID } from '@strapi/strapi';
import {
  DEMO_BLOG_POSTS,
  DEMO_CTAS,
  DEMO_FORMS,
  DEMO_LANDING_PAGES,
  type DemoStage,
} from './demo-content';

export const HISTORY_DAYS = 90;
/** The generator's seed: change it and every number of the demo history changes. */
export const HISTORY_SEED = 20_240_917;

/** The plugin's rollup table: any row in it means history (real or seeded) is already there. */
const EVENT_ROLLUPS_TABLE = 'journey_event_rollups';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Days written per flush: a progress line each time, and a bounded buffer. */
const DAYS_PER_FLUSH = 10;

/**
 * One event as the analytics service's `record` takes it (the plugin's CountedEvent, repeated
 * here because the playground compiles on its own and cannot import the plugin's sources).
 */
export interface HistoryEvent {
  day: string;
  typeName: string;
  documentId: string;
  locale: string;
  eventType: 'view' | 'click' | 'conversion';
  visitorPersona: string;
  visitorStage: string;
  target: string;
  contentStage: string;
  contentPersonas: readonly string[];
}

interface AnalyticsService {
  record(events: readonly HistoryEvent[]): void;
  flush(): Promise<void>;
}

/** Views a day of one entry at each stage, before weekday, trend and noise. */
const VIEWS_PER_DAY: Record<DemoStage, number> = {
  awareness: 14,
  consideration: 6,
  decision: 3,
  retention: 2,
  advocacy: 1.5,
};
/** Share of views that click through (CTAs are made to be clicked). */
const CLICK_RATE: Record<string, number> = { cta: 0.12, 'landing-page': 0.06, default: 0.03 };
/** Share of views that convert: almost only at the decision stage. */
const CONVERSION_RATE: Record<DemoStage, number> = {
  awareness: 0.001,
  consideration: 0.006,
  decision: 0.05,
  retention: 0.01,
  advocacy: 0.004,
};
/** Danish pages get a fraction of the English traffic. */
const LOCALE_SHARE: Record<string, number> = { en: 1, da: 0.35 };

/** mulberry32: a small, fast, seeded generator, good enough for demo numbers. */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** A whole number of events around `mean`: the fraction is kept with its probability. */
const sample = (random: () => number, mean: number) => Math.floor(mean + random());

interface HistoryEntry {
  typeName: string;
  documentId: string;
  locale: string;
  stage: DemoStage;
  /** Persona documentIds. */
  personas: string[];
  /** Persona slugs, for the visitor persona a frontend would send. */
  personaSlugs: string[];
}

const DEMO_SOURCES = [
  {
    uid: 'plugin::journey.blog-post',
    typeName: 'blog-post',
    key: 'slug',
    entries: DEMO_BLOG_POSTS,
  },
  {
    uid: 'plugin::journey.landing-page',
    typeName: 'landing-page',
    key: 'slug',
    entries: DEMO_LANDING_PAGES,
  },
  { uid: 'plugin::journey.cta', typeName: 'cta', key: 'url', entries: DEMO_CTAS },
  { uid: 'plugin::journey.form', typeName: 'form', key: 'name', entries: DEMO_FORMS },
] as const;

interface PublishedRow {
  documentId: string;
  locale: string;
  journeyStage: string | null;
  personas?: Array<{ documentId: string; slug: string }>;
  [field: string]: unknown;
}

/** The published demo entries in every locale, with the stage and personas they have now. */
const publishedDemoEntries = async (strapi: Core.Strapi): Promise<HistoryEntry[]> => {
  const entries: HistoryEntry[] = [];
  for (const { uid, typeName, key, entries: demo } of DEMO_SOURCES) {
    const documents = strapi.documents(uid as UID.ContentType) as unknown as {
      findMany(params: object): Promise<PublishedRow[]>;
    };
    // The demo's own entries, found by their English natural key (a user's entries are left out).
    const english = await documents.findMany({
      status: 'published',
      locale: 'en',
      filters: { [key]: { $in: demo.map((entry) => entry.en[key as keyof typeof entry.en]) } },
      fields: ['documentId'],
    });
    const ids = english.map((row) => row.documentId).sort();
    if (ids.length === 0) continue;
    for (const locale of Object.keys(LOCALE_SHARE)) {
      const rows = await documents.findMany({
        status: 'published',
        locale,
        filters: { documentId: { $in: ids } },
        fields: ['documentId', 'locale', 'journeyStage'],
        populate: { personas: { fields: ['documentId', 'slug'] } },
        sort: ['documentId:asc'],
      });
      for (const row of rows) {
        if (!row.journeyStage || !(row.journeyStage in VIEWS_PER_DAY)) continue;
        const personas = [...(row.personas ?? [])].sort((a, b) => a.slug.localeCompare(b.slug));
        entries.push({
          typeName,
          documentId: row.documentId,
          locale: row.locale,
          stage: row.journeyStage as DemoStage,
          personas: personas.map((p) => p.documentId),
          personaSlugs: personas.map((p) => p.slug),
        });
      }
    }
  }
  return entries;
};

const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * The demo history's events of one day, from the generator's current state. `dayIndex` 0 is the
 * oldest day: traffic grows slowly over the period.
 */
const eventsOfDay = (
  random: () => number,
  entries: HistoryEntry[],
  ctasByStage: Map<string, string[]>,
  day: string,
  dayIndex: number
): HistoryEvent[] => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.6 : 1;
  const trend = 0.75 + (0.5 * dayIndex) / HISTORY_DAYS;
  // About one day in eight is noisy: a campaign doubles it or an outage halves it.
  const roll = random();
  const noise = roll < 0.08 ? 1.8 + random() : roll < 0.12 ? 0.5 : 0.85 + 0.3 * random();
  const events: HistoryEvent[] = [];
  for (const entry of entries) {
    const base = {
      day,
      typeName: entry.typeName,
      documentId: entry.documentId,
      locale: entry.locale,
      contentStage: entry.stage,
      contentPersonas: entry.personas,
      visitorStage: '',
      target: '',
    };
    // Half the visitors are known to the frontend as one of the entry's personas.
    const visitorPersona = () =>
      entry.personaSlugs.length > 0 && random() < 0.5
        ? entry.personas[Math.floor(random() * entry.personas.length)]
        : '';
    const views = sample(
      random,
      VIEWS_PER_DAY[entry.stage] * LOCALE_SHARE[entry.locale] * weekend * trend * noise
    );
    const clickRate = CLICK_RATE[entry.typeName] ?? CLICK_RATE.default;
    const clicks = sample(random, views * clickRate);
    const conversions = sample(random, views * CONVERSION_RATE[entry.stage]);
    for (let n = 0; n < views; n += 1)
      events.push({ ...base, eventType: 'view', visitorPersona: visitorPersona() });
    const ctas = ctasByStage.get(entry.stage) ?? [];
    for (let n = 0; n < clicks; n += 1) {
      // A CTA is clicked through to itself; a page through to a CTA of its stage, when it has one.
      const target =
        entry.typeName === 'cta'
          ? entry.documentId
          : (ctas[Math.floor(random() * ctas.length)] ?? '');
      events.push({ ...base, eventType: 'click', target, visitorPersona: visitorPersona() });
    }
    for (let n = 0; n < conversions; n += 1)
      events.push({ ...base, eventType: 'conversion', visitorPersona: visitorPersona() });
  }
  return events;
};

export interface HistoryReport {
  /** False when rollups already existed (or there is no published demo content). */
  seeded: boolean;
  days: number;
  events: number;
}

/**
 * Seeds the demo history once: skipped when the rollup table has any row (a restart, or a demo
 * that already has real events), and when no demo content is published. `now` decides the last
 * day (today, UTC); `log` receives the progress lines.
 */
export const seedDemoHistory = async (
  strapi: Core.Strapi,
  {
    now = new Date(),
    log = (line: string) => strapi.log.info(line),
  }: { now?: Date; log?: (line: string) => void } = {}
): Promise<HistoryReport> => {
  const skipped: HistoryReport = { seeded: false, days: 0, events: 0 };
  const existing = await strapi.db.connection(EVENT_ROLLUPS_TABLE).first('day');
  if (existing) return skipped;
  const entries = await publishedDemoEntries(strapi);
  if (entries.length === 0) return skipped;

  const ctasByStage = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.typeName !== 'cta' || entry.locale !== 'en') continue;
    ctasByStage.set(entry.stage, [...(ctasByStage.get(entry.stage) ?? []), entry.documentId]);
  }
  const analytics = strapi.plugin('journey').service('analytics') as AnalyticsService;
  const random = seededRandom(HISTORY_SEED);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let events = 0;
  for (let dayIndex = 0; dayIndex < HISTORY_DAYS; dayIndex += 1) {
    const day = utcDay(today - (HISTORY_DAYS - 1 - dayIndex) * DAY_MS);
    const batch = eventsOfDay(random, entries, ctasByStage, day, dayIndex);
    analytics.record(batch);
    events += batch.length;
    const done = dayIndex + 1;
    if (done % DAYS_PER_FLUSH === 0 || done === HISTORY_DAYS) {
      await analytics.flush();
      log(
        `[journey demo] seeding ${HISTORY_DAYS} days of performance history: ${done}/${HISTORY_DAYS}`
      );
    }
  }
  return { seeded: true, days: HISTORY_DAYS, events };
};
