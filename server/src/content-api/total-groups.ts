import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';
import type { TaggedType } from '../tagging/tagged-types';
import { column, isLocalized, modelMeta } from '../utils/models';
import { getKnex } from '../utils/sql';

/**
 * Published entries of one type in one locale that share a stage and exactly the same set of
 * linked persona rows. Every filter the content list takes (stage lists, "any of these personas",
 * none) selects whole groups, so any filter's total is a sum over them: a handful of groups per
 * stage and persona combination, however many entries there are.
 */
export interface TotalGroup {
  stage: string | null;
  /** The persona row ids the entries link to, ascending; empty for entries with none. */
  personaRowIds: number[];
  entries: number;
}

export interface TotalGroups {
  groups: TotalGroup[];
  /** The version of the type's tables the groups were counted at, read in the same statement. */
  version: string | null;
}

/**
 * More groups than this are not kept: the sum would cost more than the count it replaces. It
 * takes entries with many different persona combinations (thousands) to get there.
 */
export const MAX_TOTAL_GROUPS = 5000;

/**
 * Counts one type's groups in one statement, with the version of its tables (`versionSql`, from
 * caching/table-changes.ts) so the groups are kept for exactly the data they were counted from:
 * on PostgreSQL the statement sees one snapshot; SQLite runs it with the tables unchanged.
 *
 * The rows counted are exactly those the content list pages through (merged-query.ts): published
 * rows, in the locale for localized types. Each row's persona set is read from the link table's
 * `(entry, persona)` index; the link rows themselves are what the list's persona filter probes,
 * so a group matches a persona filter exactly when one of its ids is asked for.
 */
export const queryTotalGroups = async (
  strapi: Core.Strapi,
  type: TaggedType,
  locale: string,
  versionSql: Knex.Raw | null
): Promise<TotalGroups> => {
  const knex = getKnex(strapi);
  const grouped = totalGroupRowsQuery(strapi, type, locale);
  // The version row joined to the groups, so an empty type still reads its version.
  const result = (await knex
    .select('v.data_version', 'g.stage', 'g.persona_set', 'g.entries')
    .from(knex.select(knex.raw('? AS data_version', [versionSql ?? knex.raw('NULL')])).as('v'))
    .leftJoin(grouped.as('g'), function always(this: Knex.JoinClause) {
      this.on(knex.raw('1 = 1'));
    })) as Array<{
    data_version: string | null;
    stage: string | null;
    persona_set: string | null;
    entries: unknown;
  }>;
  const counted = result.filter((row) => row.entries !== null && row.entries !== undefined);
  return {
    groups: mergeTotalGroupRows(counted.map((row) => [row.stage, row.persona_set, row.entries])),
    version: result[0]?.data_version ?? null,
  };
};

/** The columns `totalGroupRowsQuery` selects, in order. */
export const TOTAL_GROUP_COLUMNS = ['stage', 'persona_set', 'entries'] as const;

/**
 * The grouped rows behind `queryTotalGroups`, not run: to be read on its own or inside another (a
 * write's share, utils/sql.ts `rowsAsJson`).
 */
export const totalGroupRowsQuery = (
  strapi: Core.Strapi,
  type: TaggedType,
  locale: string,
  options: { documentId?: string; db?: Knex } = {}
): Knex.QueryBuilder => {
  const knex = options.db ?? getKnex(strapi);
  const meta = modelMeta(strapi, type.uid);
  const links = meta.attributes[PERSONAS_ATTRIBUTE].joinTable!;
  const personaColumn = `l.${links.inverseJoinColumn.name}`;
  const personaSet =
    strapi.db.dialect.client === 'sqlite'
      ? knex.raw(`(SELECT group_concat(??) FROM ?? AS l WHERE ?? = e.id)`, [
          personaColumn,
          links.name,
          `l.${links.joinColumn.name}`,
        ])
      : knex.raw(
          `(SELECT string_agg(CAST(?? AS VARCHAR(20)), ',' ORDER BY ??) FROM ?? AS l WHERE ?? = e.id)`,
          [personaColumn, personaColumn, links.name, `l.${links.joinColumn.name}`]
        );

  const rows = knex(`${meta.tableName} as e`)
    .select(
      knex.raw('CAST(?? AS VARCHAR(255)) AS stage', [`e.${column(meta, STAGE_ATTRIBUTE)}`]),
      knex.raw('? AS persona_set', [personaSet])
    )
    .whereNotNull(`e.${column(meta, 'publishedAt')}`);
  if (isLocalized(strapi, type.uid)) rows.where(`e.${column(meta, 'locale')}`, locale);
  if (options.documentId !== undefined) {
    rows.where(`e.${column(meta, 'documentId')}`, options.documentId);
  }

  return knex
    .select('stage', 'persona_set', knex.raw('COUNT(*) AS entries'))
    .from(rows.as('r'))
    .groupBy('stage', 'persona_set');
};

/**
 * Groups from rows of `TOTAL_GROUP_COLUMNS`, as arrays in that order. SQLite's group_concat
 * follows no stated order: sets are normalised here, and equal sets merged. PostgreSQL returns
 * the bigint count as a string.
 */
export const mergeTotalGroupRows = (rows: readonly unknown[][]): TotalGroup[] => {
  const merged = new Map<string, TotalGroup>();
  for (const [stage, personaSet, entries] of rows) {
    const personaRowIds = String(personaSet ?? '')
      .split(',')
      .filter((id) => id !== '')
      .map(Number)
      .sort((a, b) => a - b);
    const groupStage = stage === null || stage === undefined ? null : String(stage);
    const key = JSON.stringify([groupStage, personaRowIds]);
    const group = merged.get(key);
    if (group) group.entries += Number(entries);
    else merged.set(key, { stage: groupStage, personaRowIds, entries: Number(entries) });
  }
  return [...merged.values()];
};

/** The entries of the groups a content filter selects: the same rows the list's count would. */
export const sumTotalGroups = (
  groups: readonly TotalGroup[],
  filter: { stageKeys?: readonly string[]; personaIds?: readonly number[] }
) => {
  let total = 0;
  for (const group of groups) {
    if (filter.stageKeys && (group.stage === null || !filter.stageKeys.includes(group.stage))) {
      continue;
    }
    if (filter.personaIds && !group.personaRowIds.some((id) => filter.personaIds!.includes(id))) {
      continue;
    }
    total += group.entries;
  }
  return total;
};

/**
 * Kept groups with one document's share replaced (documents/carry-counts.ts): its groups before a
 * write taken out, after it put in; groups left empty go. Undefined if one would go below zero:
 * the share did not come from these counts, which are then left to be counted again.
 */
export const replaceTotalShare = (
  kept: readonly TotalGroup[],
  before: readonly TotalGroup[],
  after: readonly TotalGroup[]
): TotalGroup[] | undefined => {
  const id = (group: TotalGroup) => JSON.stringify([group.stage, group.personaRowIds]);
  const groups = new Map(kept.map((group) => [id(group), { ...group }]));
  for (const [sign, share] of [
    [-1, before],
    [1, after],
  ] as const) {
    for (const group of share) {
      const target = groups.get(id(group)) ?? { ...group, entries: 0 };
      target.entries += sign * group.entries;
      groups.set(id(group), target);
    }
  }
  const result = [...groups.values()];
  if (result.some((group) => group.entries < 0)) return undefined;
  return result.filter((group) => group.entries > 0);
};
