import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type {
  CoverageLevel,
  CoveragePersona,
  EntryPerformanceResponse,
  PerformanceCell,
  PerformanceCounts,
  PerformanceDay,
  PerformanceEntriesResponse,
  PerformanceEntry,
  PerformanceFilters,
  PerformanceFunnelStep,
  PerformanceReport,
  PerformanceSeriesResponse,
  RateLevel,
} from '../../../shared/contracts';
import { PERSONA_UID, PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';
import { EVENT_ROLLUPS_TABLE, SEGMENT_ROLLUPS_TABLE } from '../analytics/tables';
import {
  DEFAULT_MIN_VIEWS,
  resolveRange,
  type EntryPerformanceQueryInput,
  type PerformanceEntriesQueryInput,
  type PerformanceQueryInput,
  type PerformanceSeriesQueryInput,
} from '../performance/query';
import type { TaggedType } from '../tagging/tagged-types';
import { addDays, daysBetween, utcDay } from '../utils/days';
import { getService } from '../utils/get-service';
import { column, hasDraftAndPublish, isLocalized, modelMeta } from '../utils/models';
import { echo, truncate } from '../utils/query-parsing';
import { resolveLocale, resolveTypeNames } from '../utils/request-params';
import { getKnex } from '../utils/sql';
import { fieldError } from '../utils/validation';

/** The edit view's window, today included. */
export const ENTRY_WINDOW_DAYS = 30;
/** A cell's rate within this fraction of the overall rate reads as "even". */
const EVEN_MARGIN = 0.1;
/** Attributes tried, in order, for an entry's title in the best and weakest lists. */
const TITLE_ATTRIBUTES = ['title', 'name', 'headline', 'label', 'slug'];

type Counts = Omit<PerformanceCounts, 'conversionRate'>;
const ZERO: Counts = { views: 0, clicks: 0, conversions: 0 };

const withRate = (counts: Counts): PerformanceCounts => ({
  ...counts,
  conversionRate: counts.views > 0 ? counts.conversions / counts.views : null,
});

const add = (a: Counts, b: Counts): Counts => ({
  views: a.views + b.views,
  clicks: a.clicks + b.clicks,
  conversions: a.conversions + b.conversions,
});

const EVENT_COLUMN = { view: 'views', click: 'clicks', conversion: 'conversions' } as const;

/** Adds `count` events of `eventType` to counts (other event types, e.g. from a newer version, are ignored). */
const tally = (counts: Counts, eventType: string, count: unknown): Counts => {
  const key = EVENT_COLUMN[eventType as keyof typeof EVENT_COLUMN];
  return key ? { ...counts, [key]: counts[key] + Number(count) } : counts;
};

/** How a rate compares with the overall one; too few views (or no overall rate) compares nothing. */
export const rateLevel = (
  counts: PerformanceCounts,
  overall: number | null,
  minViews: number
): RateLevel => {
  if (overall === null || counts.conversionRate === null || counts.views < minViews) {
    return 'too-few-views';
  }
  if (counts.conversionRate > overall * (1 + EVEN_MARGIN)) return 'above';
  if (counts.conversionRate < overall * (1 - EVEN_MARGIN)) return 'below';
  return 'even';
};

/** Coverage read with performance: thin content converting well, or plenty of content few see. */
export const signalOf = (
  entries: number,
  coverage: CoverageLevel,
  views: number,
  rate: RateLevel
) => {
  if (coverage === 'thin' && rate === 'above') return 'write-more' as const;
  if ((coverage === 'ok' || coverage === 'excess') && views < entries) return 'unseen' as const;
  return null;
};

/**
 * Journey performance, read from the rollups (analytics/tables.ts). The matrix, funnel and series
 * read the segment rollups only, a few thousand rows a day whatever the number of entries; the
 * best and weakest entries of one cell and the edit view's numbers read the per-entry rollups.
 */
const createPerformanceService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => getKnex(strapi);
  const stages = getService(strapi, 'stages');
  const tagging = getService(strapi, 'tagging');

  /** The filters every read shares, checked: types, locale, period, minimum views. */
  const resolveFilters = async (query: PerformanceQueryInput) => {
    const types = resolveTypeNames(tagging, query.type);
    const locale = await resolveLocale(strapi, query.locale);
    const { from, to } = resolveRange(query);
    const minViews = query.minViews ?? DEFAULT_MIN_VIEWS;
    return { types, locale, from, to, minViews };
  };

  type Filters = Awaited<ReturnType<typeof resolveFilters>>;

  /** Rollup rows of the period, types and locale (types without i18n store locale ''). */
  const scoped = (table: string, filters: Filters) =>
    knex()(table)
      .whereBetween('day', [filters.from, filters.to])
      .whereIn(
        'type_name',
        filters.types.map((type) => type.name)
      )
      .whereIn('locale', [filters.locale, '']);

  /** Persona documents by slug (from coverage's list, drafts included), for `persona=` filters. */
  const personaBySlug = (personas: CoveragePersona[], slug: string) => {
    const persona = personas.find((candidate) => candidate.slug === slug);
    if (!persona) {
      const valid = personas.map((candidate) => candidate.slug).join(', ') || '(none yet)';
      throw fieldError('persona', `Unknown persona ${echo(slug)}. Personas: ${valid}.`, slug);
    }
    return persona;
  };

  /** A persona document by slug (its draft row: every persona has one), for one-cell reads. */
  const findPersona = async (slug: string) => {
    const rows = (await strapi.db.query(PERSONA_UID).findMany({
      select: ['documentId', 'slug', 'name'],
      where: { publishedAt: null },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    })) as CoveragePersona[];
    const { documentId, name } = personaBySlug(rows, slug);
    return { documentId, slug, name };
  };

  const requireStage = (stage: string | undefined) => {
    if (stage === undefined) {
      const message = `"stage" is required: a configured stage key (one of: ${stages.keys.join(', ')}).`;
      throw fieldError('stage', message);
    }
    if (!stages.has(stage))
      throw fieldError('stage', stages.describeUnknown(truncate(stage)), stage);
    return stage;
  };

  const filtersOut = (filters: Filters, personas: string[] | null): PerformanceFilters => ({
    from: filters.from,
    to: filters.to,
    types: filters.types.map((type) => type.name),
    locale: filters.locale,
    personas,
    minViews: filters.minViews,
  });

  /** Daily counts of rows already filtered; every day of the period, zeros included. */
  const dailySeries = async (
    rows: Knex.QueryBuilder,
    from: string,
    to: string
  ): Promise<PerformanceDay[]> => {
    const sums = (await rows
      .select('day', 'event_type', knex().raw('SUM(count) AS count'))
      .groupBy('day', 'event_type')) as Array<{ day: string; event_type: string; count: unknown }>;
    const byDay = new Map<string, Counts>();
    for (const row of sums)
      byDay.set(row.day, tally(byDay.get(row.day) ?? ZERO, row.event_type, row.count));
    return daysBetween(from, to).map((day) => ({ day, ...(byDay.get(day) ?? ZERO) }));
  };

  /**
   * The published entries of one type now in a stage (and linked to a persona, when given), as a
   * subquery of documentIds: which entries a cell's best and weakest are chosen from.
   */
  const entriesOfCell = (
    type: TaggedType,
    locale: string,
    stage: string,
    personaDocumentId?: string
  ) => {
    const meta = modelMeta(strapi, type.uid);
    const col = (attribute: string) => `e.${column(meta, attribute)}`;
    const query = knex()(`${meta.tableName} as e`)
      .select(col('documentId'))
      .where(col(STAGE_ATTRIBUTE), stage);
    if (isLocalized(strapi, type.uid)) query.where(col('locale'), locale);
    if (hasDraftAndPublish(strapi, type.uid)) query.whereNotNull(col('publishedAt'));
    if (personaDocumentId !== undefined) {
      const links = meta.attributes[PERSONAS_ATTRIBUTE].joinTable!;
      const persona = modelMeta(strapi, PERSONA_UID);
      query.whereExists(function linkedToPersona() {
        this.select(knex().raw('1'))
          .from(`${links.name} as l`)
          .join(`${persona.tableName} as p`, 'p.id', `l.${links.inverseJoinColumn.name}`)
          .whereRaw('?? = ??', [`l.${links.joinColumn.name}`, 'e.id'])
          .where(`p.${column(persona, 'documentId')}`, personaDocumentId);
      });
    }
    return query;
  };

  /** Titles of the listed entries, from their published rows, by documentId. */
  const loadTitles = async (type: TaggedType, locale: string, documentIds: string[]) => {
    const attributes = strapi.contentType(type.uid).attributes as Record<string, { type?: string }>;
    const attribute = TITLE_ATTRIBUTES.find((name) =>
      ['string', 'uid', 'text'].includes(attributes[name]?.type ?? '')
    );
    if (!attribute || documentIds.length === 0) return new Map<string, string>();
    const meta = modelMeta(strapi, type.uid);
    const query = knex()(meta.tableName)
      .select({ documentId: column(meta, 'documentId'), title: column(meta, attribute) })
      .whereIn(column(meta, 'documentId'), documentIds);
    if (isLocalized(strapi, type.uid)) query.where(column(meta, 'locale'), locale);
    if (hasDraftAndPublish(strapi, type.uid)) query.whereNotNull(column(meta, 'publishedAt'));
    const rows = (await query) as Array<{ documentId: string; title: string | null }>;
    return new Map(rows.map((row) => [row.documentId, row.title ?? '']));
  };

  return {
    /** The stage x persona matrix, the funnel and the totals of a period. */
    async report(query: PerformanceQueryInput): Promise<PerformanceReport> {
      const filters = await resolveFilters(query);
      type SegmentSum = {
        scope: string;
        content_stage: string;
        content_persona: string;
        event_type: string;
        count: unknown;
      };
      // Entries per cell (coverage's count) and events per cell, read side by side.
      const [coverage, rows] = await Promise.all([
        getService(strapi, 'coverage').compute({
          type: query.type,
          locale: filters.locale,
          status: 'published',
          fresh: false,
        }),
        scoped(SEGMENT_ROLLUPS_TABLE, filters)
          .select(
            'scope',
            'content_stage',
            'content_persona',
            'event_type',
            knex().raw('SUM(count) AS count')
          )
          .groupBy('scope', 'content_stage', 'content_persona', 'event_type') as Promise<
          SegmentSum[]
        >,
      ]);
      const personas = query.persona
        ? query.persona.map((slug) => personaBySlug(coverage.personas, slug))
        : coverage.personas;

      const sums = new Map<string, Counts>();
      for (const row of rows) {
        const key = `${row.scope}\n${row.content_stage}\n${row.content_persona}`;
        sums.set(key, tally(sums.get(key) ?? ZERO, row.event_type, row.count));
      }
      const cellCounts = (stage: string, personaDocumentId: string) =>
        sums.get(`cell\n${stage}\n${personaDocumentId}`) ?? ZERO;

      // Overall: every event of the selection (content with no or an unconfigured stage included),
      // or, with a persona filter, the chosen personas' cells.
      const stageRows = rows.filter((row) => row.scope === 'stage');
      const totals = withRate(
        query.persona
          ? stages.keys
              .flatMap((stage) => personas.map((persona) => cellCounts(stage, persona.documentId)))
              .reduce(add, ZERO)
          : stageRows.reduce((sum, row) => tally(sum, row.event_type, row.count), ZERO)
      );

      const cells: PerformanceCell[] = [];
      const columns: Array<CoveragePersona | null> = query.persona ? personas : [...personas, null];
      for (const stage of stages.stages) {
        for (const persona of columns) {
          const counts = withRate(cellCounts(stage.key, persona?.documentId ?? ''));
          const coverageCell = persona
            ? coverage.cells.find(
                (cell) => cell.stage === stage.key && cell.persona === persona.slug
              )
            : undefined;
          const entries = persona
            ? (coverageCell?.count ?? 0)
            : (coverage.untagged.find((cell) => cell.stage === stage.key)?.count ?? 0);
          const level: CoverageLevel =
            coverageCell?.status ??
            (entries === 0 ? 'gap' : entries < stage.minimum ? 'thin' : 'ok');
          const rate = rateLevel(counts, totals.conversionRate, filters.minViews);
          cells.push({
            stage: stage.key,
            persona: persona?.slug ?? null,
            entries,
            coverage: level,
            ...counts,
            rate,
            signal: signalOf(entries, level, counts.views, rate),
          });
        }
      }

      let previousViews: number | null = null;
      const funnel: PerformanceFunnelStep[] = stages.stages.map((stage) => {
        const counts = withRate(
          query.persona
            ? personas.map((persona) => cellCounts(stage.key, persona.documentId)).reduce(add, ZERO)
            : (sums.get(`stage\n${stage.key}\n`) ?? ZERO)
        );
        const entries = query.persona
          ? cells
              .filter((cell) => cell.stage === stage.key)
              .reduce((sum, cell) => sum + cell.entries, 0)
          : (coverage.stageTotals.find((total) => total.stage === stage.key)?.count ?? 0);
        const viewsOfPrevious = previousViews ? counts.views / previousViews : null;
        previousViews = counts.views;
        return { stage: stage.key, entries, ...counts, viewsOfPrevious };
      });

      return {
        stages: coverage.stages,
        personas,
        cells,
        funnel,
        totals,
        filters: filtersOut(filters, query.persona ?? null),
      };
    },

    /** The best and weakest entries of one cell (or stage), by conversion rate. */
    async entries(
      query: PerformanceEntriesQueryInput
    ): Promise<PerformanceEntriesResponse['data']> {
      const stage = requireStage(query.stage);
      const { persona: slug, stage: _stage, limit = 5, ...rest } = query;
      const filters = await resolveFilters(rest);
      const persona = slug === undefined ? undefined : await findPersona(slug);

      const measured: PerformanceEntry[] = [];
      for (const type of filters.types) {
        const cellDocuments = entriesOfCell(type, filters.locale, stage, persona?.documentId);
        const sums = (await scoped(EVENT_ROLLUPS_TABLE, { ...filters, types: [type] })
          .whereIn('document_id', cellDocuments)
          .select('document_id', 'locale', 'event_type', knex().raw('SUM(count) AS count'))
          .groupBy('document_id', 'locale', 'event_type')) as Array<{
          document_id: string;
          locale: string;
          event_type: string;
          count: unknown;
        }>;
        const byDocument = new Map<string, { locale: string; counts: Counts }>();
        for (const row of sums) {
          const current = byDocument.get(row.document_id) ?? { locale: row.locale, counts: ZERO };
          byDocument.set(row.document_id, {
            ...current,
            counts: tally(current.counts, row.event_type, row.count),
          });
        }
        for (const [documentId, { locale, counts }] of byDocument) {
          measured.push({
            documentId,
            type: type.name,
            locale: locale || null,
            title: null,
            ...withRate(counts),
          });
        }
      }

      const ranked = measured.filter((entry) => entry.views >= filters.minViews && entry.views > 0);
      const byRate = (a: PerformanceEntry, b: PerformanceEntry) =>
        (b.conversionRate ?? 0) - (a.conversionRate ?? 0) ||
        b.views - a.views ||
        a.documentId.localeCompare(b.documentId);
      ranked.sort(byRate);
      const best = ranked.slice(0, limit);
      // The weakest are taken from the rest, so an entry is never listed as both.
      const weakest = ranked.slice(best.length).reverse().slice(0, limit);

      for (const type of filters.types) {
        const listed = [...best, ...weakest].filter((entry) => entry.type === type.name);
        const titles = await loadTitles(
          type,
          filters.locale,
          listed.map((entry) => entry.documentId)
        );
        for (const entry of listed) entry.title = titles.get(entry.documentId) ?? null;
      }
      return {
        stage,
        persona: persona?.slug ?? null,
        best,
        weakest,
        belowMinViews: measured.filter((entry) => entry.views > 0 && entry.views < filters.minViews)
          .length,
        filters: filtersOut(filters, persona ? [persona.slug] : null),
      };
    },

    /** Daily views, clicks and conversions of a stage, a cell, or everything, over the period. */
    async series(query: PerformanceSeriesQueryInput): Promise<PerformanceSeriesResponse['data']> {
      const { persona: slug, stage: askedStage, ...rest } = query;
      const stage = askedStage === undefined ? undefined : requireStage(askedStage);
      const filters = await resolveFilters(rest);
      const persona = slug === undefined ? undefined : await findPersona(slug);
      const rows = scoped(SEGMENT_ROLLUPS_TABLE, filters).where(
        'scope',
        persona ? 'cell' : 'stage'
      );
      if (stage !== undefined) rows.where('content_stage', stage);
      if (persona) rows.where('content_persona', persona.documentId);
      return {
        stage: stage ?? null,
        persona: persona?.slug ?? null,
        days: await dailySeries(rows, filters.from, filters.to),
        filters: filtersOut(filters, persona ? [persona.slug] : null),
      };
    },

    /** One entry's last 30 days, for the edit view. */
    async entry(query: EntryPerformanceQueryInput): Promise<EntryPerformanceResponse['data']> {
      if (query.type === undefined) {
        throw fieldError(
          'type',
          `"type" is required: a tagged type's name (one of: ${tagging.names().join(', ')}).`
        );
      }
      const [type] = resolveTypeNames(tagging, [query.type]);
      if (query.documentId === undefined)
        throw fieldError('documentId', '"documentId" is required.');
      const locale = isLocalized(strapi, type.uid) ? await resolveLocale(strapi, query.locale) : '';
      const to = utcDay();
      const from = addDays(to, -(ENTRY_WINDOW_DAYS - 1));
      const rows = knex()(EVENT_ROLLUPS_TABLE)
        .where({ type_name: type.name, document_id: query.documentId, locale })
        .whereBetween('day', [from, to]);
      const days = await dailySeries(rows, from, to);
      const totals = withRate(days.reduce<Counts>((sum, day) => add(sum, day), ZERO));
      return {
        documentId: query.documentId,
        type: type.name,
        locale: locale || null,
        totals,
        days,
        from,
        to,
      };
    },
  };
};

export default createPerformanceService;
