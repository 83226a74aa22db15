import type { Core } from '@strapi/strapi';
import type { PersonaRef } from '../../../shared/contracts';
import { PERSONA_UID, PERSONAS_ATTRIBUTE } from '../../../shared/constants';
import type { TaggedType } from '../tagging/tagged-types';
import { column, modelMeta } from '../utils/models';
import { getKnex, unionAll } from '../utils/sql';

/**
 * The personas of one page's entries, for every type in one statement (a UNION ALL over the
 * types' link tables joined to the persona table), in the order editors gave them. Populating
 * through the Query Engine costs a statement per type and more JavaScript than the rows are worth:
 * all a content item shows of a persona is its slug and name.
 *
 * Returns `${typeName}:${entryId}` -> personas.
 */
export const loadPersonaLinks = async (
  strapi: Core.Strapi,
  entries: ReadonlyArray<{ type: TaggedType; ids: readonly number[] }>
): Promise<Map<string, PersonaRef[]>> => {
  const byEntry = new Map<string, PersonaRef[]>();
  const wanted = entries.filter(({ ids }) => ids.length > 0);
  if (wanted.length === 0) return byEntry;

  const knex = getKnex(strapi);
  const persona = modelMeta(strapi, PERSONA_UID);
  const perType = wanted.map(({ type, ids }) => {
    const links = modelMeta(strapi, type.uid).attributes[PERSONAS_ATTRIBUTE].joinTable!;
    return (
      knex(`${links.name} as l`)
        .join(`${persona.tableName} as p`, 'p.id', `l.${links.inverseJoinColumn.name}`)
        .select(
          // Casts keep PostgreSQL from guessing the type of a bound column inside a UNION.
          knex.raw('CAST(? AS VARCHAR(255)) AS type_name', [type.name]),
          knex.raw('?? AS entry_id', [`l.${links.joinColumn.name}`]),
          knex.raw('?? AS persona_document', [`p.${column(persona, 'documentId')}`]),
          knex.raw('?? AS slug', [`p.${column(persona, 'slug')}`]),
          knex.raw('?? AS name', [`p.${column(persona, 'name')}`]),
          // Links made outside the Content Manager may have no order: they sort after, by link id.
          links.orderColumnName
            ? knex.raw('?? AS link_order', [`l.${links.orderColumnName}`])
            : knex.raw('CAST(NULL AS FLOAT) AS link_order'),
          knex.raw('l.id AS link_id')
        )
        .whereIn(`l.${links.joinColumn.name}`, [...ids])
        // Published personas only. An entry of a type without draft & publish is linked to both
        // rows of a persona (its draft and its published version): without this it listed the
        // persona twice, and a persona never published would show through it.
        .whereNotNull(`p.${column(persona, 'publishedAt')}`)
    );
  });
  const rows = (await knex
    .select('*')
    .from(unionAll(perType).as('links'))
    .orderByRaw(
      'type_name, entry_id, CASE WHEN link_order IS NULL THEN 1 ELSE 0 END, link_order, link_id'
    )) as Array<{
    type_name: string;
    entry_id: number | string;
    persona_document: string;
    slug: string;
    name: string;
  }>;
  // One persona once per entry, where it was first linked (both rows of a persona may be linked).
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.type_name}:${Number(row.entry_id)}`;
    if (seen.has(`${key}:${row.persona_document}`)) continue;
    seen.add(`${key}:${row.persona_document}`);
    const list = byEntry.get(key) ?? [];
    list.push({ slug: row.slug, name: row.name });
    byEntry.set(key, list);
  }
  return byEntry;
};
