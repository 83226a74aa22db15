import type { Core, UID } from '@strapi/strapi';
import { PERSONA_UID, PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';

interface IndexableContentType {
  collectionName: string;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
  indexes?: Array<{ name: string; columns: string[]; type?: string }>;
}

/** Longest index name: PostgreSQL cuts identifiers at 63 characters (and would then collide). */
const MAX_INDEX_NAME = 60;

/**
 * Index names stay within MAX_INDEX_NAME, whatever the table is called: a long table name is cut
 * and a hash of the whole name keeps two tables with the same start apart. (Until 0.2 the cut kept
 * 40 characters of the table whatever the suffix, which made 66-character names.)
 */
export const indexName = (table: string, suffix: string) => {
  const name = `${table}_${suffix}`;
  if (name.length <= MAX_INDEX_NAME) return name;
  let hash = 0;
  for (const char of table) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  const tag = hash.toString(36);
  const kept = MAX_INDEX_NAME - suffix.length - tag.length - 2;
  return `${table.slice(0, kept)}_${tag}_${suffix}`;
};

/**
 * Indexes the content API and coverage queries need, declared on the content type so Strapi's
 * schema sync creates them on SQLite and PostgreSQL alike (and keeps them across restarts):
 * - stage first, for `WHERE journey_stage IN (...) AND locale = ? AND published_at IS NOT NULL`
 *   walked in published_at order (content pages and counts), and with updated_at so coverage,
 *   grouped per stage, can read it alone in stage order when the database has statistics;
 * - locale and status first, for content lists across all stages in published_at order, and
 *   covering everything coverage reads. SQLite only skip-scans the stage index when ANALYZE has
 *   run, which Strapi never does: without this one, coverage read every row from the table
 *   (240 ms instead of 69 ms at 100k documents).
 * Both end with `id`, the key persona links join on: PostgreSQL indexes do not carry the primary
 * key (SQLite's carry the rowid anyway), and without it every count visits the table's heap
 * (21 ms vs 8.5 ms for one type's 8,400 candidates at 100k documents).
 */
const addJourneyIndexes = (contentType: IndexableContentType) => {
  const localized = Boolean(contentType.pluginOptions?.i18n?.localized);
  const locale = localized ? ['locale'] : [];
  const table = contentType.collectionName;
  contentType.indexes = [
    ...(contentType.indexes ?? []),
    {
      name: indexName(table, 'journey_stage_idx'),
      columns: ['journey_stage', ...locale, 'published_at', 'updated_at', 'id'],
    },
    {
      name: indexName(table, 'journey_cov_idx'),
      columns: [...locale, 'published_at', 'journey_stage', 'updated_at', 'id'],
    },
  ];
};

/**
 * Adds `journeyStage` and `personas` to a content type. Every tagged type, shipped or user-defined,
 * goes through here, in `register()` so the database schema sync creates the columns.
 *
 * Both fields are document-level (not localized): a translation is the same piece of the journey,
 * and i18n keeps non-localized fields in sync across locales.
 */
export const injectJourneyFields = (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  stageKeys: readonly string[]
) => {
  strapi
    .get('content-types')
    .extend(uid, (contentType: { attributes: Record<string, unknown> }) => {
      addJourneyIndexes(contentType as unknown as IndexableContentType);
      Object.assign(contentType.attributes, {
        [STAGE_ATTRIBUTE]: {
          // An enumeration is a plain string column: changing the configured stages needs no
          // migration, and stored keys that were removed from config are kept, not rewritten.
          type: 'enumeration',
          enum: [...stageKeys],
          configurable: false,
          pluginOptions: { i18n: { localized: false } },
        },
        [PERSONAS_ATTRIBUTE]: {
          type: 'relation',
          relation: 'manyToMany',
          target: PERSONA_UID,
          configurable: false,
          pluginOptions: { i18n: { localized: false } },
        },
      });
    });
};
