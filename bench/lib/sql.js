'use strict';
/**
 * The SQL floor: the statements the plugin builds, written out here with knex on the same
 * connection (server/src/content-api/merged-query.ts and server/src/coverage/coverage-sql.ts are
 * bundled into dist/server/index.js and not exported). Same shape: UNION ALL of one SELECT per
 * tagged type; ORDER BY + LIMIT for content; for coverage two CTEs (entry rows, and entry rows
 * left-joined to persona links) grouped with COUNT(*), as coverage-sql.ts does. Keep these in step
 * with those files.
 */
const PERSONA_UID = 'plugin::journey.persona';
const TITLE_ATTRIBUTES = ['title', 'name', 'label', 'headline'];
const DAY_MS = 24 * 60 * 60 * 1000;

const column = (meta, attribute) => meta.attributes[attribute]?.columnName ?? attribute;
const isLocalized = (strapi, uid) => Boolean(strapi.contentType(uid).pluginOptions?.i18n?.localized);

/** The merged content list for one stage and persona slug, published, in `locale`. */
const rawContentQuery = (strapi, { types, stage, persona: slug, locale = 'en' }) => {
  const knex = strapi.db.connection;
  const persona = strapi.db.metadata.get(PERSONA_UID);
  const selects = types.map((type) => {
    const meta = strapi.db.metadata.get(type.uid);
    const contentType = strapi.contentType(type.uid);
    const titleAttribute = TITLE_ATTRIBUTES.find((name) => contentType.attributes[name]?.type === 'string');
    const links = meta.attributes.personas.joinTable;
    const select = knex(`${meta.tableName} as e`)
      .select(
        knex.raw('CAST(? AS VARCHAR(255)) AS type_name', [type.name]),
        `e.${column(meta, 'documentId')} as document_id`,
        `e.${column(meta, 'publishedAt')} as published_at`,
        `e.${column(meta, 'updatedAt')} as updated_at`,
        titleAttribute
          ? knex.raw('CAST(?? AS VARCHAR(255)) AS sort_title', [`e.${column(meta, titleAttribute)}`])
          : knex.raw('CAST(NULL AS VARCHAR(255)) AS sort_title')
      )
      .whereNotNull(`e.${column(meta, 'publishedAt')}`);
    if (isLocalized(strapi, type.uid)) select.where(`e.${column(meta, 'locale')}`, locale);
    if (stage) select.whereIn(`e.${column(meta, 'journeyStage')}`, [stage]);
    if (slug) {
      // Like the plugin: probe the link table by (entry, published persona row id); the plugin
      // resolves the ids first, here an uncorrelated subquery does (evaluated once).
      const publishedPersonaIds = knex(persona.tableName)
        .select('id')
        .where(column(persona, 'slug'), slug)
        .whereNotNull(column(persona, 'publishedAt'));
      select.whereExists(function linkedToPersona() {
        this.select(knex.raw('1'))
          .from(`${links.name} as l`)
          .whereRaw('?? = ??', [`l.${links.joinColumn.name}`, 'e.id'])
          .whereIn(`l.${links.inverseJoinColumn.name}`, publishedPersonaIds);
      });
    }
    return select;
  });
  const merged = () => {
    const [first, ...rest] = selects.map((select) => select.clone());
    return (rest.length ? first.unionAll(rest, false) : first).as('merged');
  };
  return {
    async count() {
      const [row] = await knex.count({ total: '*' }).from(merged());
      return Number(row?.total ?? 0);
    },
    page(offset = 0, limit = 25) {
      return knex
        // Like the plugin: the total of all matches comes from the same scan (a window function).
        .select('type_name', 'document_id', knex.raw('COUNT(*) OVER () AS total'))
        .from(merged())
        .orderByRaw('published_at DESC, type_name ASC, document_id ASC')
        .offset(offset)
        .limit(limit);
    },
  };
};

/** Coverage groups (published, `locale`, all types) plus the persona list, like the service. */
const rawCoverage = async (strapi, { types, locale = 'en', staleAfterDays = 365 }) => {
  const knex = strapi.db.connection;
  const persona = strapi.db.metadata.get(PERSONA_UID);
  const staleDate = new Date(Date.now() - staleAfterDays * DAY_MS);
  const staleBefore = strapi.db.dialect.client === 'sqlite' ? staleDate.getTime() : staleDate.toISOString();
  const rowsOf = (type, withPersonas) => {
    const meta = strapi.db.metadata.get(type.uid);
    const col = (attribute) => `e.${column(meta, attribute)}`;
    const select = knex(`${meta.tableName} as e`)
      .select(
        knex.raw('CAST(?? AS VARCHAR(255)) AS stage', [col('journeyStage')]),
        knex.raw('CASE WHEN ?? < ? THEN 1 ELSE 0 END AS is_stale', [col('updatedAt'), staleBefore])
      )
      .whereNotNull(col('publishedAt'));
    if (withPersonas) {
      const links = meta.attributes.personas.joinTable;
      select
        .select(knex.raw('CAST(?? AS VARCHAR(255)) AS persona', [`p.${column(persona, 'documentId')}`]))
        .leftJoin(`${links.name} as l`, `l.${links.joinColumn.name}`, 'e.id')
        .leftJoin(`${persona.tableName} as p`, 'p.id', `l.${links.inverseJoinColumn.name}`);
    }
    if (isLocalized(strapi, type.uid)) select.where(col('locale'), locale);
    return select;
  };
  const unionOf = (withPersonas) => {
    const [first, ...rest] = types.map((type) => rowsOf(type, withPersonas));
    return rest.length ? first.unionAll(rest, false) : first;
  };
  const aggregates = 'COUNT(*) AS total, SUM(is_stale) AS stale';
  const cellGroups = knex('cell_rows').select(knex.raw(`'cell' AS kind, stage, persona, ${aggregates}`)).groupBy('stage', 'persona').as('cell_groups');
  const stageGroups = knex('entry_rows')
    .select(knex.raw(`'stage' AS kind, stage, CAST(NULL AS VARCHAR(255)) AS persona, ${aggregates}`))
    .groupBy('stage')
    .as('stage_groups');
  const [groups, personas] = await Promise.all([
    knex.with('cell_rows', unionOf(true)).with('entry_rows', unionOf(false)).select('*').from(cellGroups).unionAll(knex.select('*').from(stageGroups), false),
    knex(persona.tableName)
      .select(column(persona, 'documentId'), column(persona, 'slug'), column(persona, 'name'))
      .whereNull(column(persona, 'publishedAt'))
      .orderBy(column(persona, 'name'), 'asc'),
  ]);
  return { groups: groups.map((g) => ({ ...g, total: Number(g.total), stale: Number(g.stale ?? 0) })), personas };
};

module.exports = { rawContentQuery, rawCoverage };
