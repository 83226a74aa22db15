import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { CoverageStatus } from '../../../shared/contracts';
import { PERSONA_UID, PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../constants';
import type { TaggedType } from '../tagging/tagged-types';
import { column, isLocalized, modelMeta } from '../utils/models';

export interface CoverageSqlFilter {
  types: readonly TaggedType[];
  /** Applied to localized types only. */
  locale: string;
  status: CoverageStatus;
  /** Rows last updated before this are stale. */
  staleBefore: Date;
}

/** One aggregate: documents per (stage, persona) or, for kind 'stage', per stage over all personas. */
export interface CoverageGroup {
  kind: 'cell' | 'stage';
  stage: string | null;
  /** Persona documentId; null = no persona (kind 'cell') or all personas (kind 'stage'). */
  persona: string | null;
  total: number;
  stale: number;
}

/**
 * Coverage counts for all requested types in one statement, with two CTEs built from one SELECT per
 * type: entry rows (one per document in this locale and status) and entry rows left-joined to their
 * persona links. Each document has exactly one row per locale and version, and links are unique per
 * (entry, persona), so plain COUNT(*) is exact: a two-persona document counts in both persona cells
 * and once in its stage total. No rows leave the database, so memory does not grow with content.
 */
export const queryCoverageGroups = async (strapi: Core.Strapi, filter: CoverageSqlFilter): Promise<CoverageGroup[]> => {
  if (filter.types.length === 0) return [];
  const knex = strapi.db.connection as unknown as Knex;
  const persona = modelMeta(strapi, PERSONA_UID);
  // Strapi stores datetimes as epoch milliseconds on SQLite and as timestamps on PostgreSQL.
  const staleBefore = strapi.db.dialect.client === 'sqlite' ? filter.staleBefore.getTime() : filter.staleBefore.toISOString();

  /** Entry rows of one type in the requested locale and status; `withPersonas` joins the links. */
  const rowsOf = (type: TaggedType, withPersonas: boolean) => {
    const meta = modelMeta(strapi, type.uid);
    const contentType = strapi.contentType(type.uid);
    const localized = isLocalized(strapi, type.uid);
    const draftAndPublish = Boolean(contentType.options?.draftAndPublish);
    const col = (attribute: string) => `e.${column(meta, attribute)}`;

    const select = knex(`${meta.tableName} as e`).select(
      knex.raw('CAST(?? AS VARCHAR(255)) AS stage', [col(STAGE_ATTRIBUTE)]),
      knex.raw('CASE WHEN ?? < ? THEN 1 ELSE 0 END AS is_stale', [col('updatedAt'), staleBefore])
    );
    if (withPersonas) {
      const links = meta.attributes[PERSONAS_ATTRIBUTE].joinTable!;
      select
        .select(knex.raw('CAST(?? AS VARCHAR(255)) AS persona', [`p.${column(persona, 'documentId')}`]))
        .leftJoin(`${links.name} as l`, `l.${links.joinColumn.name}`, 'e.id')
        .leftJoin(`${persona.tableName} as p`, 'p.id', `l.${links.inverseJoinColumn.name}`);
    }

    if (localized) select.where(col('locale'), filter.locale);

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
    return select;
  };

  // Unwrapped UNION ALL members: SQLite rejects parenthesised selects inside a union.
  const unionOf = (withPersonas: boolean) => {
    const [first, ...rest] = filter.types.map((type) => rowsOf(type, withPersonas));
    return rest.length ? first.unionAll(rest, false) : first;
  };
  const aggregates = 'COUNT(*) AS total, SUM(is_stale) AS stale';

  // Each grouping sits in a derived table: knex would otherwise print GROUP BY after the UNION.
  const cellGroups = knex('cell_rows')
    .select(knex.raw(`'cell' AS kind, stage, persona, ${aggregates}`))
    .groupBy('stage', 'persona')
    .as('cell_groups');
  const stageGroups = knex('entry_rows')
    .select(knex.raw(`'stage' AS kind, stage, CAST(NULL AS VARCHAR(255)) AS persona, ${aggregates}`))
    .groupBy('stage')
    .as('stage_groups');

  const result = (await knex
    .with('cell_rows', unionOf(true))
    .with('entry_rows', unionOf(false))
    .select('*')
    .from(cellGroups)
    .unionAll(knex.select('*').from(stageGroups), false)) as Array<{
    kind: 'cell' | 'stage';
    stage: string | null;
    persona: string | null;
    total: unknown;
    stale: unknown;
  }>;

  // PostgreSQL returns COUNT and SUM of integers as strings (bigint/numeric).
  return result.map((row) => ({ ...row, total: Number(row.total), stale: Number(row.stale ?? 0) }));
};
