import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { getKnex } from '../utils/sql';

/*
 * The plugin's own tables for journey performance, created with knex rather than declared as
 * content types: they are counters, not content (no Content Manager, no REST, no draft & publish),
 * and the additive upsert needs a composite primary key Strapi's models cannot declare. Strapi's
 * schema sync drops only tables it created itself, so it leaves these alone.
 *
 * Text columns hold '' for "none" rather than NULL, because NULLs are never equal in a primary key
 * and the upsert would add a row instead of adding to one.
 */

/** Per day and entry: what happened to it, split by who the frontend believed the visitor was. */
export const EVENT_ROLLUPS_TABLE = 'journey_event_rollups';
/**
 * Per day and the stage and personas the entries had when the events happened: what the
 * Performance view reads, a few thousand rows a day at most, whatever the number of entries.
 */
export const SEGMENT_ROLLUPS_TABLE = 'journey_segment_rollups';
/** Visitor hashes already counted today (only with `analytics.uniqueVisitors`). */
export const VISITORS_TABLE = 'journey_visitor_days';
/** Each day's salt, shared by every server instance through the database, deleted after its day. */
export const SALTS_TABLE = 'journey_visitor_salts';

export const EVENT_ROLLUP_KEY = [
  'day',
  'type_name',
  'document_id',
  'locale',
  'event_type',
  'persona',
  'stage',
  'target',
] as const;

export const SEGMENT_ROLLUP_KEY = [
  'day',
  'type_name',
  'locale',
  'scope',
  'content_stage',
  'content_persona',
  'event_type',
] as const;

const text = (table: Knex.CreateTableBuilder, name: string, length = 255) =>
  table.string(name, length).notNullable().defaultTo('');

const TABLES: Record<string, (table: Knex.CreateTableBuilder) => void> = {
  [EVENT_ROLLUPS_TABLE]: (table) => {
    table.string('day', 10).notNullable();
    text(table, 'type_name', 100);
    text(table, 'document_id', 100);
    text(table, 'locale', 50);
    text(table, 'event_type', 20);
    text(table, 'persona', 100);
    text(table, 'stage', 100);
    text(table, 'target', 100);
    table.integer('count').notNullable().defaultTo(0);
    table.integer('visitors').notNullable().defaultTo(0);
    table.primary([...EVENT_ROLLUP_KEY], 'journey_event_rollups_pk');
    // One entry's days (the edit view) and one type's entries (best and weakest of a cell).
    table.index(['type_name', 'document_id', 'day'], 'journey_event_rollups_entry_idx');
  },
  [SEGMENT_ROLLUPS_TABLE]: (table) => {
    table.string('day', 10).notNullable();
    text(table, 'type_name', 100);
    text(table, 'locale', 50);
    // 'cell': one row per persona the entry had ('' none); 'stage': each event once.
    text(table, 'scope', 10);
    text(table, 'content_stage', 100);
    text(table, 'content_persona', 100);
    text(table, 'event_type', 20);
    table.integer('count').notNullable().defaultTo(0);
    table.integer('visitors').notNullable().defaultTo(0);
    table.primary([...SEGMENT_ROLLUP_KEY], 'journey_segment_rollups_pk');
  },
  [VISITORS_TABLE]: (table) => {
    table.string('day', 10).notNullable();
    // sha256 of the rollup row's key and the visitor's daily hash: which rows this visitor counted in.
    table.string('hash', 64).notNullable();
    table.primary(['day', 'hash'], 'journey_visitor_days_pk');
  },
  [SALTS_TABLE]: (table) => {
    table.string('day', 10).notNullable().primary('journey_visitor_salts_pk');
    table.string('salt', 64).notNullable();
  },
};

/**
 * Creates the tables that do not exist yet. Several instances may start at once: a table created
 * by another one between the check and the CREATE is fine.
 */
export const ensureAnalyticsTables = async (strapi: Core.Strapi) => {
  const knex = getKnex(strapi);
  for (const [name, define] of Object.entries(TABLES)) {
    if (await knex.schema.hasTable(name)) continue;
    try {
      await knex.schema.createTable(name, define);
    } catch (error) {
      if (!(await knex.schema.hasTable(name))) throw error;
    }
  }
};
