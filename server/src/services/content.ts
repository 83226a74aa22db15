import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ContentItem, ContentResponse, NextContentResponse } from '../../../shared/contracts';
import { PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';
import { tablesOfType, tableVersionSql } from '../caching/table-changes';
import { createVersionedCache } from '../caching/versioned-cache';
import { getJourneyConfig } from '../config';
import { carriesLanded } from '../documents/carry-landings';
import { createMergedContentQuery, type MergedRow } from '../content-api/merged-query';
import { loadPersonaLinks } from '../content-api/persona-links';
import type { ContentQueryInput } from '../content-api/query';
import { planSelection, type TypeSelection } from '../content-api/selection';
import {
  MAX_TOTAL_GROUPS,
  mergeTotalGroupRows,
  queryTotalGroups,
  replaceTotalShare,
  sumTotalGroups,
  TOTAL_GROUP_COLUMNS,
  totalGroupRowsQuery,
  type TotalGroup,
} from '../content-api/total-groups';
import type { TaggedType } from '../tagging/tagged-types';
import { getService } from '../utils/get-service';
import { parseJsonRows, rowsAsJson, type ColumnsToRead } from '../utils/sql';
import { echo, truncate } from '../utils/query-parsing';
import { resolveLocale, resolveTypeNames } from '../utils/request-params';
import { fieldError } from '../utils/validation';

/** Who is asking (ctx.state.auth), so output is sanitized like Strapi's own REST. */
type Auth = unknown;

/** The Query Engine returns datetimes as Date (or the driver's value); the API speaks ISO strings. */
const toIso = (value: unknown) =>
  value instanceof Date ? value.toISOString() : new Date(value as string | number).toISOString();

/** Fields the response shapes itself; everything else of an entry is passed through, sanitized. */
const SHAPED_FIELDS = new Set([
  'id',
  'documentId',
  STAGE_ATTRIBUTE,
  PERSONAS_ATTRIBUTE,
  'locale',
  'publishedAt',
  'updatedAt',
  'localizations',
]);

/** Stage- and persona-appropriate published content across all tagged types, for frontends. */
const createContentService = ({ strapi }: { strapi: Core.Strapi }) => {
  const stages = getService(strapi, 'stages');
  const tagging = getService(strapi, 'tagging');

  const resolveStages = (keys?: string[]) => {
    for (const key of keys ?? []) {
      if (!stages.has(key)) throw fieldError('stage', stages.describeUnknown(truncate(key)), key);
    }
    return keys;
  };

  /** Persona slugs -> the published persona row ids that published entries link to. */
  const resolvePersonas = async (slugs?: string[]) => {
    if (!slugs) return undefined;
    const rows = await getService(strapi, 'personas').publishedRows();
    const idsBySlug = new Map(rows.map((row) => [row.slug, row.id]));
    const unknown = slugs.find((slug) => !idsBySlug.has(slug));
    if (unknown !== undefined) {
      const known = rows.map((row) => row.slug).join(', ') || '(none published)';
      const message = `Unknown persona ${echo(unknown)}. Known personas: ${known}.`;
      throw fieldError('persona', message, unknown);
    }
    return slugs.map((slug) => idsBySlug.get(slug)!);
  };

  /**
   * Loads one page's entries: one query per type by primary key (the page query returned the
   * published rows' ids), sanitized per type in one call, plus one statement for every entry's
   * personas, in the merged order. The Query Engine, not the Document Service: these are
   * already-resolved published rows, and the Document Service's per-call transaction and
   * middlewares cost more than the load. `populate` and `fields` (planned per type, see
   * content-api/selection.ts) ride on the same per-type query, so a populated relation costs a
   * statement per type for the whole page, never one per item. Published rows link to the
   * published rows of their relations' targets, so populating them needs no status filter.
   */
  const hydrate = async (rows: MergedRow[], auth: Auth, selection: Map<string, TypeSelection>) => {
    const idsByType = new Map<string, number[]>();
    for (const row of rows) idsByType.set(row.type, [...(idsByType.get(row.type) ?? []), row.id]);
    const wanted = [...idsByType].map(([name, ids]) => ({ type: tagging.byName(name)!, ids }));

    const items = new Map<string, ContentItem>();
    const [personasByEntry] = await Promise.all([
      loadPersonaLinks(strapi, wanted),
      ...wanted.map(async ({ type, ids }) => {
        const { select, populate } = selection.get(type.name) ?? {};
        const entries = (await strapi.db.query(type.uid).findMany({
          where: { id: { $in: ids } },
          ...(select ? { select } : {}),
          ...(populate ? { populate } : {}),
        } as never)) as Array<Record<string, unknown>>;
        const own = entries.map((entry) =>
          Object.fromEntries(Object.entries(entry).filter(([key]) => !SHAPED_FIELDS.has(key)))
        );
        const sanitized = (await strapi.contentAPI.sanitize.output(
          own,
          strapi.contentType(type.uid),
          { auth }
        )) as Array<Record<string, unknown>>;
        entries.forEach((entry, index) => {
          items.set(`${type.name}:${entry.id}`, {
            documentId: entry.documentId as string,
            type: type.name,
            stage: (entry[STAGE_ATTRIBUTE] as string | null) ?? null,
            personas: [],
            locale: (entry.locale as string | undefined) ?? null,
            publishedAt: toIso(entry.publishedAt),
            updatedAt: toIso(entry.updatedAt),
            ...sanitized[index],
          });
        });
      }),
    ]);
    // A row can only be missing if it was unpublished (or re-published) between the two queries: skip it.
    return rows.flatMap((row) => {
      const key = `${row.type}:${row.id}`;
      const item = items.get(key);
      return item ? [{ ...item, personas: personasByEntry.get(key) ?? [] }] : [];
    });
  };

  /** What a type's total for one filter is kept under, and read back (carryWrite). */
  const totalKey = (
    name: string,
    filter: { stageKeys?: readonly string[]; personaIds?: readonly number[]; locale: string }
  ) => JSON.stringify([name, filter.stageKeys ?? null, filter.personaIds ?? null, filter.locale]);
  const parseTotalKey = (key: string) => {
    const [name, stageKeys, personaIds, locale] = JSON.parse(key) as [
      string,
      string[] | null,
      number[] | null,
      string,
    ];
    return {
      name,
      locale,
      filter: { stageKeys: stageKeys ?? undefined, personaIds: personaIds ?? undefined },
    };
  };

  /** One type's matches for a filter, per version of the tables they are counted from. */
  const totals = createVersionedCache<number>(4000);
  /** One type's published entries in one locale in groups any filter's total sums (total-groups.ts). */
  const totalGroups = createVersionedCache<TotalGroup[]>(1000);
  /** Group counts under way, per type and locale: one at a time each. */
  const countingGroups = new Map<string, Promise<void>>();
  /** Per type and locale, the version its last miss was at, and how many filters missed there. */
  const missesAt = new Map<string, { version: string; misses: number }>();
  /** Per type and locale, how long its last group count took (ms). */
  const groupCostMs = new Map<string, number>();
  /** Types and locales with more persona combinations than groups are kept for: always counted. */
  const ungroupable = new Set<string>();

  /**
   * Counts a type's groups after the request that asked, once enough different filters have
   * missed at the same version of the type's tables that grouping costs less than counting them:
   * grouping reads every published row of the type, about ten times one filter's count. Before
   * any group count is timed, the second filter is enough. A type written between every few
   * reads never gets there and keeps being counted per filter, as before groups existed; no
   * more than 16 filters are counted per version before grouping.
   */
  const countGroupsSoon = (
    type: TaggedType,
    locale: string,
    version: string | null,
    filterCostMs: number
  ) => {
    const key = JSON.stringify([type.name, locale]);
    if (!version || countingGroups.has(key) || ungroupable.has(key)) return;
    const last = missesAt.get(key);
    const misses = last?.version === version ? last.misses + 1 : 1;
    missesAt.set(key, { version, misses });
    const groupCost = groupCostMs.get(key);
    const worthIt =
      groupCost === undefined
        ? 2
        : Math.min(16, Math.max(2, Math.ceil(groupCost / Math.max(filterCostMs, 0.05))));
    if (misses < worthIt) return;
    const versionSql = tableVersionSql(strapi, tablesOfType(strapi, type));
    if (!versionSql) return;
    const started = performance.now();
    const counting = queryTotalGroups(strapi, type, locale, versionSql)
      .then((counted) => {
        groupCostMs.set(key, performance.now() - started);
        if (counted.groups.length <= MAX_TOTAL_GROUPS) {
          totalGroups.set(key, counted.version, counted.groups);
        } else {
          // Not asked for again until the next recount: it would be as many groups next time.
          ungroupable.add(key);
        }
      })
      // Only a shortcut is lost: the next request counts its own total.
      .catch((error: unknown) => {
        strapi.log.debug(`[journey] Counting ${type.name} for totals: ${error}`);
      })
      .finally(() => countingGroups.delete(key));
    countingGroups.set(key, counting);
  };

  /**
   * The number of all matches. A page that is not full ends the list, so it tells the total;
   * otherwise it is the sum of each type's matches. Per type, while the version of its tables is
   * unchanged (caching/table-changes.ts): summed from its groups when they are counted, or the
   * filter's own count reused; a write to blog posts recounts blog posts only. The types to
   * recount are counted together, in one statement.
   */
  const totalOf = async (
    merged: ReturnType<typeof createMergedContentQuery>,
    filters: {
      types: readonly TaggedType[];
      stageKeys?: string[];
      personaIds?: number[];
      locale: string;
    },
    page: { offset: number; limit: number; rows: number; versions: Array<string | null> }
  ) => {
    if (page.rows > 0 && page.rows < page.limit) return page.offset + page.rows;
    if (page.rows === 0 && page.offset === 0) return 0;
    const useCache = getJourneyConfig(strapi).cacheTotals;
    const keyOf = (type: { name: string }) => totalKey(type.name, filters);
    let total = 0;
    const uncounted: number[] = [];
    filters.types.forEach((type, index) => {
      const version = page.versions[index];
      const groups = useCache
        ? totalGroups.get(JSON.stringify([type.name, filters.locale]), version)
        : undefined;
      const known = groups
        ? sumTotalGroups(groups, filters)
        : useCache
          ? totals.get(keyOf(type), version)
          : undefined;
      if (known === undefined) uncounted.push(index);
      else total += known;
    });
    const started = performance.now();
    const counts = await merged.count(uncounted);
    const filterCostMs = (performance.now() - started) / Math.max(uncounted.length, 1);
    for (const counted of counts) {
      if (useCache) totals.set(keyOf({ name: counted.type }), counted.version, counted.total);
      total += counted.total;
    }
    if (useCache) {
      for (const index of uncounted) {
        countGroupsSoon(filters.types[index], filters.locale, page.versions[index], filterCostMs);
      }
    }
    return total;
  };

  const find = async (query: ContentQueryInput, auth: Auth): Promise<ContentResponse> => {
    const types = resolveTypeNames(tagging, query.type);
    const stageKeys = resolveStages(query.stage);
    const locale = await resolveLocale(strapi, query.locale);
    const personaIds = await resolvePersonas(query.persona);
    const selection = await planSelection(
      strapi,
      types,
      { populate: query.populate, fields: query.fields },
      auth
    );

    // Per type, the version of exactly the tables its count reads: writes elsewhere keep it.
    const merged = createMergedContentQuery(
      strapi,
      { types, stages: stageKeys, personaIds, locale },
      getJourneyConfig(strapi).cacheTotals
        ? types.map((type) => tableVersionSql(strapi, tablesOfType(strapi, type)))
        : null
    );
    const offset = (query.page - 1) * query.pageSize;
    // A write that has returned has its totals carried before they are read.
    await carriesLanded(
      strapi,
      types.map((type) => type.name)
    );
    const { rows, versions } = await merged.page(query.sort, offset, query.pageSize);
    // Counting and loading the page's entries are independent: on PostgreSQL they run side by side
    // on two pooled connections (SQLite's one connection takes them in turn).
    const [total, data] = await Promise.all([
      totalOf(
        merged,
        { types, stageKeys, personaIds, locale },
        { offset, limit: query.pageSize, rows: rows.length, versions }
      ),
      hydrate(rows, auth, selection),
    ]);
    return {
      data,
      meta: {
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          pageCount: Math.ceil(total / query.pageSize),
          total,
        },
      },
    };
  };

  return {
    find,

    /**
     * Counts carried through a write (documents/carry-counts.ts), step 1: the locales whose groups
     * or totals of `typeName` are kept, each with the versions they are kept at. A write counts
     * its share in all of them before it knows its version, and carries those kept at that version.
     */
    keptTotalLocales(typeName: string): Map<string, Set<string>> {
      const locales = new Map<string, Set<string>>();
      const hold = (locale: string, version: string) =>
        locales.set(locale, (locales.get(locale) ?? new Set()).add(version));
      for (const [key, version] of totalGroups.keyVersions()) {
        const [name, locale] = JSON.parse(key) as [string, string];
        if (name === typeName) hold(locale, version);
      }
      // Per-filter totals too: a type whose groups were never counted keeps its filters' totals.
      for (const [key, version] of totals.keyVersions()) {
        const { name, locale } = parseTotalKey(key);
        if (name === typeName) hold(locale, version);
      }
      return locales;
    },

    /**
     * Step 2, before and after the write, in its transaction: one document's share per locale, as
     * columns of a statement the write runs anyway (`read` takes them from its row); none for a
     * document not created yet.
     */
    documentTotalShare(
      db: Knex,
      type: TaggedType,
      documentId: string | undefined,
      locales: readonly string[],
      alias: string
    ): ColumnsToRead<TotalGroup[]> {
      const counted =
        documentId === undefined
          ? []
          : locales.map((locale, index) => ({
              locale,
              column: `${alias}_${index}`,
              query: totalGroupRowsQuery(strapi, type, locale, { documentId, db }),
            }));
      return {
        columns: counted.map(({ column, query }) =>
          rowsAsJson(strapi, db, query, TOTAL_GROUP_COLUMNS, column)
        ),
        read: (row) => {
          const shares = new Map<string, TotalGroup[]>(locales.map((locale) => [locale, []]));
          for (const { locale, column } of counted) {
            shares.set(locale, mergeTotalGroupRows(parseJsonRows(row?.[column])));
          }
          return shares;
        },
      };
    },

    /**
     * Step 3, once the write has committed and its version holds nothing else: the groups of
     * `typeName` kept at `fromVersion` get the document's new share in place of its old one and
     * are kept at `toVersion`. The number of kept group sets carried.
     */
    carryWrite(
      typeName: string,
      fromVersion: string,
      toVersion: string,
      before: ReadonlyMap<string, TotalGroup[]>,
      after: ReadonlyMap<string, TotalGroup[]>
    ): number {
      let carried = 0;
      for (const [locale, shareBefore] of before) {
        const shareAfter = after.get(locale);
        if (!shareAfter) continue;
        const key = JSON.stringify([typeName, locale]);
        const moved = totalGroups.carry(key, fromVersion, toVersion, (groups) => {
          const value = replaceTotalShare(groups, shareBefore, shareAfter);
          return value && value.length <= MAX_TOTAL_GROUPS
            ? { value, validUntil: null }
            : undefined;
        });
        if (moved) carried += 1;
      }
      // Each filter's total moves by the document's matching entries after, less before.
      for (const key of totals.keysAt(fromVersion)) {
        const { name, locale, filter } = parseTotalKey(key);
        const shareBefore = before.get(locale);
        const shareAfter = after.get(locale);
        if (name !== typeName || !shareBefore || !shareAfter) continue;
        const moved = totals.carry(key, fromVersion, toVersion, (total) => {
          const value =
            total - sumTotalGroups(shareBefore, filter) + sumTotalGroups(shareAfter, filter);
          return value >= 0 ? { value, validUntil: null } : undefined;
        });
        if (moved) carried += 1;
      }
      return carried;
    },

    /**
     * Drops every kept total (the reconcile step, services/coverage.ts): each is counted again at
     * its next request. Recounting them all ahead would cost one count per filter ever asked for.
     * Returns how many were dropped.
     */
    forgetTotals(): number {
      const held = totals.entries().length + totalGroups.entries().length;
      totals.clear();
      totalGroups.clear();
      missesAt.clear();
      ungroupable.clear();
      return held;
    },

    /** Resolves once the group counts under way are done (the plugin's destroy, tests). */
    async settle(): Promise<void> {
      await Promise.all(countingGroups.values());
    },

    /** Content of the stage after `query.stage`: what a frontend offers as the next step. */
    async next(query: ContentQueryInput, auth: Auth): Promise<NextContentResponse> {
      if (!query.stage) {
        const valid = stages.keys.join(', ');
        const message = `"stage" is required: the stage the visitor is in (one of: ${valid}).`;
        throw fieldError('stage', message);
      }
      if (query.stage.length !== 1) {
        const message = '"stage" takes a single stage here: the stage the visitor is in.';
        throw fieldError('stage', message, query.stage);
      }
      resolveStages(query.stage);
      const nextStage = stages.next(query.stage[0]);
      if (!nextStage) {
        // Validate the rest of the query anyway, so a bad parameter is never silently accepted.
        await find({ ...query, stage: query.stage, page: 1, pageSize: 1 }, auth);
        return {
          data: [],
          meta: {
            stage: null,
            pagination: { page: query.page, pageSize: query.pageSize, pageCount: 0, total: 0 },
          },
        };
      }
      const result = await find({ ...query, stage: [nextStage.key] }, auth);
      return {
        data: result.data,
        meta: { stage: nextStage.key, pagination: result.meta.pagination },
      };
    },
  };
};

export default createContentService;
export type ContentService = ReturnType<typeof createContentService>;
