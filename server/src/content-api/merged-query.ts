import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ContentSort } from '../../../shared/contracts';
import { PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../constants';
import type { TaggedType } from '../tagging/tagged-types';
import { column, isLocalized, modelMeta } from '../utils/models';

/** Attributes used to sort by "title", in order of preference, for types that name it otherwise. */
const TITLE_ATTRIBUTES = ['title', 'name', 'label', 'headline'];

export interface MergedContentFilters {
  types: readonly TaggedType[];
  stages?: readonly string[];
  /** Published persona row ids: published entries link to published persona rows. */
  personaIds?: readonly number[];
  /** Applied to localized types only. */
  locale: string;
}

export interface MergedRow {
  type: string;
  documentId: string;
}

export interface MergedPage {
  rows: MergedRow[];
  /** All matches, counted in the same pass (a window function); null when the page is empty. */
  total: number | null;
}

const ORDER_BY: Record<ContentSort, string> = {
  'publishedAt:desc': 'published_at DESC',
  'publishedAt:asc': 'published_at ASC',
  'updatedAt:desc': 'updated_at DESC',
  // NULL titles last and case-insensitive, the same on SQLite and PostgreSQL.
  'title:asc': 'CASE WHEN sort_title IS NULL THEN 1 ELSE 0 END, LOWER(sort_title) ASC',
};

/**
 * One SELECT over all requested types (UNION ALL of one SELECT per type's table), so the database
 * filters, merges, orders and pages; only the requested page's ids leave it. Published rows only:
 * with draft & publish every document has a draft row, which never appears here.
 */
export const createMergedContentQuery = (strapi: Core.Strapi, filters: MergedContentFilters) => {
  const knex = strapi.db.connection as unknown as Knex;

  const selects = filters.types.map((type) => {
    const meta = modelMeta(strapi, type.uid);
    const contentType = strapi.contentType(type.uid);
    const localized = isLocalized(strapi, type.uid);
    const titleAttribute = TITLE_ATTRIBUTES.find((name) => contentType.attributes[name]?.type === 'string');
    const links = meta.attributes[PERSONAS_ATTRIBUTE].joinTable!;

    const select = knex(`${meta.tableName} as e`)
      .select(
        // Casts keep PostgreSQL from guessing the type of a bound or NULL column inside a UNION.
        knex.raw('CAST(? AS VARCHAR(255)) AS type_name', [type.name]),
        `e.${column(meta, 'documentId')} as document_id`,
        `e.${column(meta, 'publishedAt')} as published_at`,
        `e.${column(meta, 'updatedAt')} as updated_at`,
        titleAttribute
          ? knex.raw(`CAST(?? AS VARCHAR(255)) AS sort_title`, [`e.${column(meta, titleAttribute)}`])
          : knex.raw('CAST(NULL AS VARCHAR(255)) AS sort_title')
      )
      .whereNotNull(`e.${column(meta, 'publishedAt')}`);

    if (localized) select.where(`e.${column(meta, 'locale')}`, filters.locale);
    if (filters.stages) select.whereIn(`e.${column(meta, STAGE_ATTRIBUTE)}`, [...filters.stages]);
    if (filters.personaIds) {
      const ids = [...filters.personaIds];
      // A probe into the link table's unique (entry, persona) index; no join to personas needed.
      select.whereExists(function linkedToPersona() {
        this.select(knex.raw('1'))
          .from(`${links.name} as l`)
          .whereRaw('?? = ??', [`l.${links.joinColumn.name}`, 'e.id'])
          .whereIn(`l.${links.inverseJoinColumn.name}`, ids);
      });
    }
    return select;
  });

  // Unwrapped UNION ALL members: SQLite rejects parenthesised selects inside a union.
  const merged = () => {
    const [first, ...rest] = selects.map((select) => select.clone());
    return (rest.length ? first.unionAll(rest, false) : first).as('merged');
  };

  return {
    async count(): Promise<number> {
      const [row] = (await knex.count({ total: '*' }).from(merged())) as Array<{ total?: unknown }>;
      return Number(row?.total ?? 0);
    },
    /** One page, with the total of all matches from the same scan (no second UNION for a count). */
    async page(sort: ContentSort, offset: number, limit: number): Promise<MergedPage> {
      const rows = await knex
        .select('type_name', 'document_id', knex.raw('COUNT(*) OVER () AS total'))
        .from(merged())
        // Ties broken by type and documentId so pages never overlap or skip.
        .orderByRaw(`${ORDER_BY[sort]}, type_name ASC, document_id ASC`)
        .offset(offset)
        .limit(limit);
      return {
        rows: rows.map((row: { type_name: string; document_id: string }) => ({ type: row.type_name, documentId: row.document_id })),
        // PostgreSQL returns the bigint count as a string.
        total: rows.length > 0 ? Number((rows[0] as { total: unknown }).total) : null,
      };
    },
  };
};
