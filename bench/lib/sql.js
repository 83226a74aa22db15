'use strict';
/**
 * The SQL floor: the statements the plugin builds, written out here with knex on the same
 * connection (server/src/content-api/merged-query.ts and server/src/coverage/coverage-sql.ts are
 * bundled into dist/server/index.js and not exported). Same shape: for content a UNION ALL of one
 * SELECT per tagged type, each cut to its first offset + limit rows, then ordered and paged, and a
 * separate COUNT(*) over the uncut members; for coverage one grouped SELECT per type and grouping
 * (stage, and stage x persona row id), summed across types. Keep these in step with those files.
 */
const PERSONA_UID = 'plugin::journey.persona';
const TITLE_ATTRIBUTES = ['title', 'name', 'label', 'headline'];
const DAY_MS = 24 * 60 * 60 * 1000;

const column = (meta, attribute) => meta.attributes[attribute]?.columnName ?? attribute;
const isLocalized = (strapi, uid) =>
  Boolean(strapi.contentType(uid).pluginOptions?.i18n?.localized);

/** The merged content list for one stage and persona slug, published, in `locale`. */
const rawContentQuery = (strapi, { types, stage, persona: slug, locale = 'en' }) => {
  const knex = strapi.db.connection;
  const persona = strapi.db.metadata.get(PERSONA_UID);
  const member = (type, forCount = false) => {
    const meta = strapi.db.metadata.get(type.uid);
    const contentType = strapi.contentType(type.uid);
    const titleAttribute = TITLE_ATTRIBUTES.find(
      (name) => contentType.attributes[name]?.type === 'string'
    );
    const links = meta.attributes.personas.joinTable;
    const select = knex(`${meta.tableName} as e`).whereNotNull(`e.${column(meta, 'publishedAt')}`);
    if (forCount) {
      // Like the plugin: a count selects a constant, so the stage index alone answers it.
      select.select(knex.raw('1 AS one'));
    } else {
      select.select(
        knex.raw('CAST(? AS VARCHAR(255)) AS type_name', [type.name]),
        'e.id as entry_id',
        `e.${column(meta, 'documentId')} as document_id`,
        `e.${column(meta, 'publishedAt')} as published_at`,
        `e.${column(meta, 'updatedAt')} as updated_at`,
        titleAttribute
          ? knex.raw('CAST(?? AS VARCHAR(255)) AS sort_title', [
              `e.${column(meta, titleAttribute)}`,
            ])
          : knex.raw('CAST(NULL AS VARCHAR(255)) AS sort_title')
      );
    }
    if (isLocalized(strapi, type.uid)) select.where(`e.${column(meta, 'locale')}`, locale);
    if (stage) select.whereIn(`e.${column(meta, 'journeyStage')}`, [stage]);
    if (personaIds) {
      // Like the plugin: probe the link table by (entry, published persona row id).
      select.whereExists(function linkedToPersona() {
        this.select(knex.raw('1'))
          .from(`${links.name} as l`)
          .whereRaw('?? = ??', [`l.${links.joinColumn.name}`, 'e.id'])
          .whereIn(`l.${links.inverseJoinColumn.name}`, personaIds);
      });
    }
    return select;
  };
  // Like the plugin, the slug is resolved to the published persona row ids first (a separate,
  // tiny statement, part of every request), so the planner sees literal ids.
  let personaIds = null;
  const resolvePersona = async () => {
    if (!slug) return;
    const rows = await knex(persona.tableName)
      .select('id')
      .where(column(persona, 'slug'), slug)
      .whereNotNull(column(persona, 'publishedAt'));
    personaIds = rows.map((row) => row.id);
  };
  const ORDER = 'published_at DESC, type_name ASC, document_id ASC';
  const union = (limit) => {
    const [first, ...rest] = types.map((type, index) =>
      limit === undefined
        ? member(type, true)
        : // Like the plugin: every type cut to its own first `limit` rows in the page order.
          knex.select('*').from(
            knex
              .select('*')
              .from(member(type).as(`s${index}`))
              .orderByRaw(ORDER)
              .limit(limit)
              .as(`m${index}`)
          )
    );
    return rest.length ? first.unionAll(rest, false) : first;
  };
  return {
    async count() {
      await resolvePersona();
      const [row] = await knex.select(knex.raw('COUNT(*) AS total')).from(union().as('matches'));
      return Number(row?.total ?? 0);
    },
    async page(offset = 0, limit = 25) {
      await resolvePersona();
      return knex
        .select('type_name', 'entry_id', 'document_id')
        .from(union(offset + limit).as('merged'))
        .orderByRaw(ORDER)
        .offset(offset)
        .limit(limit);
    },
  };
};

/** Coverage groups (published, `locale`, all types) plus the persona rows, like the service. */
const rawCoverage = async (strapi, { types, locale = 'en', staleAfterDays = 365 }) => {
  const knex = strapi.db.connection;
  const persona = strapi.db.metadata.get(PERSONA_UID);
  const staleDate = new Date(Date.now() - staleAfterDays * DAY_MS);
  const staleBefore =
    strapi.db.dialect.client === 'sqlite' ? staleDate.getTime() : staleDate.toISOString();
  // Like the plugin: per type, rows grouped by stage (and by the link's persona row id), summed.
  const groupsOf = (type, byPersona) => {
    const meta = strapi.db.metadata.get(type.uid);
    const col = (attribute) => `e.${column(meta, attribute)}`;
    const select = knex(`${meta.tableName} as e`)
      .select(
        knex.raw('CAST(? AS VARCHAR(10)) AS kind', [byPersona ? 'cell' : 'stage']),
        knex.raw('CAST(?? AS VARCHAR(255)) AS stage', [col('journeyStage')]),
        knex.raw('COUNT(*) AS total'),
        knex.raw('SUM(CASE WHEN ?? < ? THEN 1 ELSE 0 END) AS stale', [
          col('updatedAt'),
          staleBefore,
        ])
      )
      .whereNotNull(col('publishedAt'));
    if (byPersona) {
      const links = meta.attributes.personas.joinTable;
      select
        .select(
          knex.raw('CAST(?? AS INTEGER) AS persona_id', [`l.${links.inverseJoinColumn.name}`])
        )
        .leftJoin(`${links.name} as l`, `l.${links.joinColumn.name}`, 'e.id')
        .groupBy(col('journeyStage'), `l.${links.inverseJoinColumn.name}`);
    } else {
      select.select(knex.raw('CAST(NULL AS INTEGER) AS persona_id')).groupBy(col('journeyStage'));
    }
    if (isLocalized(strapi, type.uid)) select.where(col('locale'), locale);
    return knex.select('kind', 'stage', 'persona_id', 'total', 'stale').from(select.as('g'));
  };
  const [first, ...rest] = types.flatMap((type) => [groupsOf(type, true), groupsOf(type, false)]);
  const [groups, personas] = await Promise.all([
    knex
      .select(
        'kind',
        'stage',
        'persona_id',
        knex.raw('SUM(total) AS total'),
        knex.raw('SUM(stale) AS stale')
      )
      .from(first.unionAll(rest, false).as('per_type'))
      .groupBy('kind', 'stage', 'persona_id'),
    knex(persona.tableName).select(
      'id',
      `${column(persona, 'documentId')} as documentId`,
      `${column(persona, 'slug')} as slug`,
      `${column(persona, 'name')} as name`,
      `${column(persona, 'publishedAt')} as publishedAt`
    ),
  ]);
  return {
    groups: groups.map((g) => ({ ...g, total: Number(g.total), stale: Number(g.stale ?? 0) })),
    personas,
  };
};

module.exports = { rawContentQuery, rawCoverage };
