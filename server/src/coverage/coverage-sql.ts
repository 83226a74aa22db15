import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { CoverageStatus } from '../../../shared/contracts';
import { PERSONA_UID, PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';
import type { TaggedType } from '../tagging/tagged-types';
import { column, isLocalized, modelMeta } from '../utils/models';
import { getKnex, unionAll } from '../utils/sql';

export interface CoverageSqlFilter {
  types: readonly TaggedType[];
  /** Applied to localized types only. */
  locale: string;
  status: CoverageStatus;
  /** Rows last updated before this are stale. */
  staleBefore: Date;
  /** Only these stages (the edit view's one line); every stage when absent. */
  stages?: readonly string[];
  /**
   * Only links to these persona row ids in the per-persona groups; when absent, every persona and
   * entries with none.
   */
  personaRowIds?: readonly number[];
  /** Which aggregates to compute; both when absent. */
  kinds?: ReadonlyArray<CoverageGroup['kind']>;
  /**
   * Only this document's rows: its share of the groups, before and after a write
   * (documents/carry-counts.ts). Counts are per row and rows are per document, so a type's groups
   * are the sum of its documents' shares.
   */
  documentId?: string;
}

/**
 * One aggregate of one type: documents per (stage, persona) or, for kind 'stage', per stage over
 * all personas.
 */
export interface CoverageGroup {
  /** The tagged type's name: counts are kept per type, so a write recounts only its own type. */
  type: string;
  kind: 'cell' | 'stage';
  stage: string | null;
  /**
   * Persona row id the counted rows link to (a published entry row links to the persona's
   * published row, a draft row to its draft row); null = no persona (kind 'cell') or all personas
   * (kind 'stage'). The service maps row ids to persona documents.
   */
  personaRowId: number | null;
  total: number;
  stale: number;
  /**
   * The earliest `updatedAt` (epoch ms) of a counted row that is not stale yet, null if none: the
   * counts hold until that row turns stale, `staleAfterDays` later (what a cache may keep them for).
   */
  oldestFreshAt: number | null;
}

/**
 * Coverage counts for all requested types in one statement, per type. Each type contributes two
 * grouped SELECTs over its own table: entry rows per stage, and entry rows left-joined to their
 * persona links per (stage, persona row id). Grouping inside
 * each type lets the database read the `(journey_stage, locale, published_at, updated_at)` index
 * alone, in stage order, and sort only one table's links at a time; grouping by the link's
 * persona id needs no join to the persona table. (Grouping one big UNION of all rows instead took
 * 87 ms vs 49 ms at 100k documents on SQLite.)
 *
 * Each document has exactly one row per locale and version, and links are unique per
 * (entry, persona), so plain COUNT(*) is exact: a two-persona document counts in both persona
 * cells and once in its stage total. No rows leave the database, so memory does not grow with content.
 */
export const queryCoverageGroups = async (
  strapi: Core.Strapi,
  filter: CoverageSqlFilter,
  /** A transaction to count in (a write's own, to see its uncommitted rows); Strapi's pool otherwise. */
  db: Knex = getKnex(strapi)
): Promise<CoverageGroup[]> => {
  const query = coverageGroupsQuery(strapi, filter, db);
  if (!query) return [];
  const rows = (await query) as Array<Record<(typeof COVERAGE_GROUP_COLUMNS)[number], unknown>>;
  return toCoverageGroups(rows.map((row) => COVERAGE_GROUP_COLUMNS.map((name) => row[name])));
};

/** The columns `coverageGroupsQuery` selects, in order. */
export const COVERAGE_GROUP_COLUMNS = [
  'type_name',
  'kind',
  'stage',
  'persona_id',
  'total',
  'stale',
  'oldest_fresh',
] as const;

/**
 * The statement behind `queryCoverageGroups`, not run: to be read on its own or inside another
 * (a write's share, utils/sql.ts `rowsAsJson`). Null when nothing is asked for.
 */
export const coverageGroupsQuery = (
  strapi: Core.Strapi,
  filter: CoverageSqlFilter,
  db: Knex = getKnex(strapi)
): Knex.QueryBuilder | null => {
  const kinds = filter.kinds ?? ['cell', 'stage'];
  if (filter.types.length === 0 || kinds.length === 0) return null;
  const knex = db;
  // Strapi stores datetimes as epoch milliseconds on SQLite and as timestamps on PostgreSQL.
  const sqlite = strapi.db.dialect.client === 'sqlite';
  const staleBefore = sqlite ? filter.staleBefore.getTime() : filter.staleBefore.toISOString();
  /** The oldest fresh row's updatedAt, in epoch ms on both engines (read the same way as bound). */
  const oldestFresh = (updatedAt: string) =>
    sqlite
      ? knex.raw('MIN(CASE WHEN ?? >= ? THEN ?? END) AS oldest_fresh', [updatedAt, staleBefore, updatedAt])
      : knex.raw(
          'CAST(EXTRACT(EPOCH FROM MIN(CASE WHEN ?? >= ? THEN ?? END)) * 1000 AS DOUBLE PRECISION) AS oldest_fresh',
          [updatedAt, staleBefore, updatedAt]
        );

  /** One type's rows in the requested locale and status, grouped; `byPersona` joins the links. */
  const groupsOf = (type: TaggedType, byPersona: boolean) => {
    const meta = modelMeta(strapi, type.uid);
    const contentType = strapi.contentType(type.uid);
    const localized = isLocalized(strapi, type.uid);
    const draftAndPublish = Boolean(contentType.options?.draftAndPublish);
    const col = (attribute: string) => `e.${column(meta, attribute)}`;

    const select = knex(`${meta.tableName} as e`).select(
      // Casts keep the UNION's column types the same on PostgreSQL, whatever each table declares.
      knex.raw(`CAST(? AS VARCHAR(255)) AS type_name`, [type.name]),
      knex.raw(`CAST(? AS VARCHAR(10)) AS kind`, [byPersona ? 'cell' : 'stage']),
      knex.raw('CAST(?? AS VARCHAR(255)) AS stage', [col(STAGE_ATTRIBUTE)]),
      knex.raw('COUNT(*) AS total'),
      knex.raw('SUM(CASE WHEN ?? < ? THEN 1 ELSE 0 END) AS stale', [col('updatedAt'), staleBefore]),
      oldestFresh(col('updatedAt'))
    );
    if (byPersona) {
      const links = meta.attributes[PERSONAS_ATTRIBUTE].joinTable!;
      let linkRestriction: Knex.Raw | undefined;
      const personaColumn = `l.${links.inverseJoinColumn.name}`;
      if (!draftAndPublish) {
        // Rows of a type without draft & publish link to a persona's draft row, and also to its
        // published row if it had one when linked: count the draft-row link only (every persona
        // has one), so each persona counts once per entry, and for published coverage only while
        // the persona is published, as published entries of other types link to published rows.
        const persona = modelMeta(strapi, PERSONA_UID);
        const draftRows = knex(persona.tableName)
          .select('id')
          .whereNull(column(persona, 'publishedAt'));
        if (filter.status === 'published') {
          draftRows.whereIn(
            column(persona, 'documentId'),
            knex(persona.tableName)
              .select(column(persona, 'documentId'))
              .whereNotNull(column(persona, 'publishedAt'))
          );
        }
        linkRestriction = knex.raw('?? IN ?', [personaColumn, draftRows]);
      }
      select
        .select(knex.raw('CAST(?? AS INTEGER) AS persona_id', [personaColumn]))
        .groupBy(col(STAGE_ATTRIBUTE), personaColumn);
      const linksOfEntry = function linksOfEntry(this: Knex.JoinClause) {
        this.on(`l.${links.joinColumn.name}`, '=', 'e.id');
        if (linkRestriction) this.andOn(linkRestriction);
      };
      if (filter.personaRowIds) {
        // Given personas only: entries without any link cannot match, so an inner join will do.
        select
          .join(`${links.name} as l`, linksOfEntry)
          .whereIn(personaColumn, [...filter.personaRowIds]);
      } else {
        select.leftJoin(`${links.name} as l`, linksOfEntry);
      }
    } else {
      select.select(knex.raw('CAST(NULL AS INTEGER) AS persona_id')).groupBy(col(STAGE_ATTRIBUTE));
    }

    if (localized) select.where(col('locale'), filter.locale);
    if (filter.documentId !== undefined) select.where(col('documentId'), filter.documentId);
    if (filter.stages) select.whereIn(col(STAGE_ATTRIBUTE), [...filter.stages]);

    if (!draftAndPublish) {
      // Without draft & publish every row is the live document: it is "published", never a draft.
      if (filter.status === 'draft') select.whereRaw('1 = 0');
    } else if (filter.status === 'published') {
      select.whereNotNull(col('publishedAt'));
    } else {
      // Every document has a draft row (its latest version): 'all' counts those; 'draft' only the
      // documents with no published version in this locale.
      select.whereNull(col('publishedAt'));
      if (filter.status === 'draft') {
        select.whereNotExists(function publishedVersion() {
          this.select(knex.raw('1'))
            .from(`${meta.tableName} as pub`)
            .whereRaw('?? = ??', [`pub.${column(meta, 'documentId')}`, col('documentId')])
            .whereNotNull(`pub.${column(meta, 'publishedAt')}`);
          if (localized) this.whereRaw('?? = ??', [`pub.${column(meta, 'locale')}`, col('locale')]);
        });
      }
    }
    // In a derived table: SQLite rejects a grouped SELECT directly inside a UNION once it is
    // wrapped, and knex would print a bare GROUP BY after the UNION otherwise.
    return knex
      .select('type_name', 'kind', 'stage', 'persona_id', 'total', 'stale', 'oldest_fresh')
      .from(select.as('g'));
  };

  const perType = filter.types.flatMap((type) =>
    kinds.map((kind) => groupsOf(type, kind === 'cell'))
  );
  return knex.select(...COVERAGE_GROUP_COLUMNS).from(unionAll(perType).as('per_type'));
};

/**
 * Groups from rows of `COVERAGE_GROUP_COLUMNS`, as arrays in that order. PostgreSQL returns counts
 * and sums of integers as strings (bigint, numeric); JSON read back gives numbers.
 */
export const toCoverageGroups = (rows: readonly unknown[][]): CoverageGroup[] => {
  const isNull = (value: unknown) => value === null || value === undefined;
  return rows.map(([type, kind, stage, personaId, total, stale, oldestFresh]) => ({
    type: String(type),
    kind: kind as CoverageGroup['kind'],
    stage: isNull(stage) ? null : String(stage),
    personaRowId: isNull(personaId) ? null : Number(personaId),
    total: Number(total),
    stale: Number(stale ?? 0),
    oldestFreshAt: isNull(oldestFresh) ? null : Number(oldestFresh),
  }));
};

/** Documents per (kind, stage, persona row) over every counted type. */
export type CoverageSum = Pick<CoverageGroup, 'kind' | 'stage' | 'personaRowId' | 'total' | 'stale'>;

/** Groups of several types summed: what the matrix and the edit view's line show. */
export const sumAcrossTypes = (groups: readonly CoverageGroup[]): CoverageSum[] => {
  const sums = new Map<string, CoverageSum>();
  for (const { kind, stage, personaRowId, total, stale } of groups) {
    const key = JSON.stringify([kind, stage, personaRowId]);
    const sum = sums.get(key);
    if (sum) {
      sum.total += total;
      sum.stale += stale;
    } else {
      sums.set(key, { kind, stage, personaRowId, total, stale });
    }
  }
  return [...sums.values()];
};
