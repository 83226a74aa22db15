import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PERSONA_UID, PERSONAS_ATTRIBUTE } from '../../../shared/constants';
import type { TaggedType } from '../tagging/tagged-types';
import { modelMeta } from '../utils/models';
import { getKnex, SQLITE_WRITE_LOCK } from '../utils/sql';

/*
 * Change counters for the tables journey counts read, kept by database triggers, so a cached count
 * is reused until one of *its* tables is written and never after (issue #15).
 *
 * Why triggers: they see every write, whoever makes it (the Document Service, bulk actions, the
 * Query Engine, raw SQL, another server instance or a script on the same database), inside the
 * writer's own transaction. What they replace was the database's global data version, which moved
 * with any write anywhere: the analytics flush every second, a user signing up, an upload. Counts
 * themselves are not maintained by the triggers: a Document Service write carries the kept counts
 * to its version (documents/carry-counts.ts); after any other write to its tables a count is
 * computed from the source tables once, then served from memory until the next such write.
 *
 * A table's version is the sum of its `weight` column here; it only ever grows:
 * - SQLite runs one writer at a time, so its triggers add 1 to a single row per table.
 * - PostgreSQL runs writers side by side: a shared counter row would be locked from the first write
 *   until commit, serialising every writer of the table, and two transactions writing two tables in
 *   opposite orders would deadlock on the counters. So each writing statement appends a row
 *   instead (no locks shared), and `compactTableChanges` folds a table's rows into one of the same
 *   total weight from time to time. A reader that reads the version in the same statement as its
 *   data, or before it, can never keep a count under a version that is newer than the count.
 */
export const TABLE_CHANGES = 'journey_table_changes';

/** PostgreSQL trigger function and trigger name (trigger names are per table there). */
const PG_FUNCTION = 'journey_note_table_change';
const PG_TRIGGER = 'journey_table_change';
/** One advisory lock key for installing, so instances booting together do not race on DDL. */
const PG_INSTALL_LOCK = 7_302_915_001;

const SQLITE_OPERATIONS = ['insert', 'update', 'delete'] as const;

const sqliteTriggerName = (operation: (typeof SQLITE_OPERATIONS)[number], table: string) =>
  `journey_change_${operation}_${table}`;

export const isTrackingSupported = (strapi: Core.Strapi) =>
  ['sqlite', 'postgres'].includes(strapi.db.dialect.client);

/** A type's own table and its persona link table: what its counts read. */
export const tablesOfType = (strapi: Core.Strapi, type: TaggedType): string[] => {
  const meta = modelMeta(strapi, type.uid);
  return [meta.tableName, meta.attributes[PERSONAS_ATTRIBUTE].joinTable!.name];
};

/** Every table whose writes can change a journey count: tagged types, their links, personas. */
export const watchedTables = (strapi: Core.Strapi, types: readonly TaggedType[]): string[] => [
  ...new Set([
    ...types.flatMap((type) => tablesOfType(strapi, type)),
    modelMeta(strapi, PERSONA_UID).tableName,
  ]),
];

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

const installSqlite = async (trx: Knex.Transaction, tables: readonly string[]) => {
  // Write lock first: instances booting at once each read, then wrote, and SQLite answered one of
  // them "database is locked" at once (a reader cannot become the writer while another is).
  await trx.raw(SQLITE_WRITE_LOCK, [TABLE_CHANGES]);
  for (const table of tables) {
    const exists = await trx(TABLE_CHANGES).where({ table_name: table }).first();
    if (!exists) await trx(TABLE_CHANGES).insert({ table_name: table, weight: 1 });
    for (const operation of SQLITE_OPERATIONS) {
      await trx.raw(
        `CREATE TRIGGER IF NOT EXISTS ?? AFTER ${operation.toUpperCase()} ON ?? BEGIN ` +
          `UPDATE ${TABLE_CHANGES} SET weight = weight + 1 WHERE table_name = ${sqlString(table)}; END`,
        [sqliteTriggerName(operation, table), table]
      );
    }
  }
};

/** The tables of the current schema that carry the change trigger (PostgreSQL). */
const pgTriggeredTables = async (knex: Knex | Knex.Transaction) => {
  const { rows } = (await knex.raw(
    `SELECT c.relname AS table_name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE t.tgname = ? AND c.relnamespace = current_schema()::regnamespace`,
    [PG_TRIGGER]
  )) as { rows: Array<{ table_name: string }> };
  return new Set(rows.map((row) => row.table_name));
};

const installPostgres = async (trx: Knex.Transaction, tables: readonly string[]) => {
  await trx.raw('SELECT pg_advisory_xact_lock(?)', [PG_INSTALL_LOCK]);
  // Which transaction wrote each row: a write carrying its counts forward (carry-counts.ts) sums
  // its own weight. Added to tables created before it existed; checked first, as ALTER TABLE
  // would lock the table on every start.
  const { rows: txColumn } = (await trx.raw(
    `SELECT 1 FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'tx'`,
    [TABLE_CHANGES]
  )) as { rows: unknown[] };
  if (txColumn.length === 0) {
    await trx.raw(`ALTER TABLE ${TABLE_CHANGES} ADD COLUMN tx BIGINT DEFAULT txid_current()`);
  }
  // The table is named through the trigger's own schema: a writer whose search_path differs (a
  // script, another tool) must still find it, or its write would fail.
  await trx.raw(`
    CREATE OR REPLACE FUNCTION ${PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      EXECUTE format('INSERT INTO %I.${TABLE_CHANGES} (table_name) VALUES ($1)', TG_TABLE_SCHEMA)
        USING TG_TABLE_NAME;
      RETURN NULL;
    END $$`);
  const hasTrigger = await pgTriggeredTables(trx);
  for (const table of tables) {
    if (hasTrigger.has(table)) continue;
    // Once per statement, not per row: a bulk insert of a million rows notes one change.
    await trx.raw(
      `CREATE TRIGGER ?? AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ?? ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION ${PG_FUNCTION}()`,
      [PG_TRIGGER, table]
    );
  }
};

/**
 * The tables among `tables` whose change tracking is incomplete: a trigger missing (dropped by
 * hand, or the table restored from a dump or rebuilt by a migration tool while the server ran) or,
 * on SQLite, its counter row. Writes to such a table would not move its version, so counts cached for it could
 * be served after they changed: what the reconcile step (services/coverage.ts) looks for first.
 */
export const findUntrackedTables = async (
  strapi: Core.Strapi,
  tables: readonly string[]
): Promise<string[]> => {
  if (!isTrackingSupported(strapi) || tables.length === 0) return [];
  const knex = getKnex(strapi);
  if (!(await knex.schema.hasTable(TABLE_CHANGES))) return [...tables];
  let tracked: (table: string) => boolean;
  if (strapi.db.dialect.client === 'postgres') {
    const withTrigger = await pgTriggeredTables(knex);
    // Each write appends its own row there: a table not written since install has none yet.
    tracked = (table) => withTrigger.has(table);
  } else {
    // SQLite's triggers add to one row per table, created at install: without it they add to nothing.
    const counted = new Set(
      (
        (await knex(TABLE_CHANGES)
          .distinct('table_name')
          .whereIn('table_name', [...tables])) as Array<{ table_name: string }>
      ).map((row) => row.table_name)
    );
    const rows = (await knex('sqlite_master')
      .select('name')
      .where({ type: 'trigger' })
      .whereLike('name', 'journey_change_%')) as Array<{ name: string }>;
    const names = new Set(rows.map((row) => row.name));
    tracked = (table) =>
      counted.has(table) &&
      SQLITE_OPERATIONS.every((operation) => names.has(sqliteTriggerName(operation, table)));
  }
  return tables.filter((table) => !tracked(table));
};

/**
 * Creates the change table and the triggers on `tables` where missing. Runs at every start, after
 * Strapi's schema sync: SQLite rebuilds a table to alter a column, which drops its triggers. Each
 * table's version is then moved once, so an instance still running with counts cached from before
 * (a rolling deploy, writes while a trigger was missing) counts again.
 */
export const installTableChanges = async (strapi: Core.Strapi, tables: readonly string[]) => {
  if (!isTrackingSupported(strapi)) return;
  const knex = getKnex(strapi);
  if (!(await knex.schema.hasTable(TABLE_CHANGES))) {
    try {
      await knex.schema.createTable(TABLE_CHANGES, (table) => {
        table.increments('id');
        table.string('table_name', 255).notNullable();
        table.bigInteger('weight').notNullable().defaultTo(1);
        table.index(['table_name'], 'journey_table_changes_table_idx');
      });
    } catch (error) {
      // Another instance booting at the same moment created it first.
      if (!(await knex.schema.hasTable(TABLE_CHANGES))) throw error;
    }
  }
  await knex.transaction(async (trx) => {
    if (strapi.db.dialect.client === 'postgres') await installPostgres(trx, tables);
    else await installSqlite(trx, tables);
    await trx(TABLE_CHANGES)
      .whereIn('table_name', [...tables])
      .increment('weight', 1);
  });
};

/**
 * SQL for the combined version of `tables`, to select next to (or before) the rows it guards: a
 * sum of sums that only grow, so it changes exactly when one of them does. Null on databases
 * without tracking, where nothing is cached.
 */
export const tableVersionSql = (
  strapi: Core.Strapi,
  tables: readonly string[]
): Knex.Raw | null => {
  if (!isTrackingSupported(strapi) || tables.length === 0) return null;
  const knex = getKnex(strapi);
  return knex.raw(
    `(SELECT CAST(COALESCE(SUM(weight), 0) AS VARCHAR(40)) FROM ${TABLE_CHANGES} WHERE table_name IN (${tables
      .map(() => '?')
      .join(', ')}))`,
    [...tables]
  );
};

/** Reads the combined version of `tables` on its own (null without tracking). */
export const readTableVersion = async (
  strapi: Core.Strapi,
  tables: readonly string[]
): Promise<string | null> => (await readTableVersions(strapi, [tables]))[0];

/**
 * The combined version of each set of tables, in one statement (one round trip however many
 * sets): counts kept per type read one version per type. Nulls without tracking.
 */
export const readTableVersions = async (
  strapi: Core.Strapi,
  tableSets: ReadonlyArray<readonly string[]>,
  /** A transaction to read in (it sees its own writes); Strapi's pool otherwise. */
  db: Knex = getKnex(strapi)
): Promise<Array<string | null>> => {
  const untracked = !isTrackingSupported(strapi) || tableSets.some((tables) => tables.length === 0);
  if (tableSets.length === 0 || untracked) return tableSets.map(() => null);
  const [row] = (await db.select(tableVersionColumns(strapi, db, tableSets))) as Array<
    Record<string, unknown>
  >;
  return readTableVersionColumns(row, tableSets);
};

/**
 * The combined version of each set of tables as columns (`version_0`, `version_1`...) of a
 * statement run for something else, and `readTableVersionColumns` to read them from its row
 * (nulls without tracking): a write reads its start version with its own rows that way.
 */
export const tableVersionColumns = (
  strapi: Core.Strapi,
  db: Knex,
  tableSets: ReadonlyArray<readonly string[]>
): Knex.Raw[] =>
  isTrackingSupported(strapi)
    ? tableSets.map((tables, index) =>
        db.raw('? AS ??', [tableVersionSql(strapi, tables), `version_${index}`])
      )
    : [];

export const readTableVersionColumns = (
  row: Record<string, unknown> | undefined,
  tableSets: ReadonlyArray<readonly string[]>
): Array<string | null> =>
  tableSets.map((_, index) => {
    const version = row?.[`version_${index}`];
    return version === null || version === undefined ? null : String(version);
  });

/**
 * What the current transaction itself added to the version of each set of tables, as columns to
 * read in one of its statements (`own_0`, `own_1`...; empty without tracking), and
 * `readTransactionWeights` to read them given the versions it read after taking the write lock and
 * before writing (`versionsAtStart`).
 * - SQLite: the write lock keeps every other writer out until commit, so it is the version now
 *   less the one at the start.
 * - PostgreSQL: other transactions commit meanwhile, so the rows this transaction appended are
 *   summed (`tx`, the top-level transaction id, set by the column's default).
 */
export const transactionWeightColumns = (
  strapi: Core.Strapi,
  tableSets: ReadonlyArray<readonly string[]>
): Knex.Raw[] => {
  if (!isTrackingSupported(strapi)) return [];
  const knex = getKnex(strapi);
  if (strapi.db.dialect.client === 'sqlite') {
    return tableSets.map((tables, index) =>
      knex.raw('? AS ??', [tableVersionSql(strapi, tables), `own_${index}`])
    );
  }
  return tableSets.map((tables, index) =>
    knex.raw(
      `(SELECT COALESCE(SUM(weight), 0) FROM ${TABLE_CHANGES} WHERE tx = txid_current() AND table_name IN (${tables
        .map(() => '?')
        .join(', ')})) AS ??`,
      [...tables, `own_${index}`]
    )
  );
};

/** Reads `transactionWeightColumns` from the row they were selected in; nulls without tracking. */
export const readTransactionWeights = (
  strapi: Core.Strapi,
  row: Record<string, unknown> | undefined,
  versionsAtStart: ReadonlyArray<string | null>
): Array<number | null> =>
  versionsAtStart.map((start, index) => {
    const value = row?.[`own_${index}`];
    if (!isTrackingSupported(strapi) || value === null || value === undefined) return null;
    if (strapi.db.dialect.client !== 'sqlite') return Number(value);
    return start === null ? null : Number(value) - Number(start);
  });

/**
 * Folds each table's appended rows (PostgreSQL) into one row of the same total weight, so reading
 * a version stays a few index entries. Only tables with more than one row are touched: an idle
 * database is read, not rewritten. Concurrent writers' rows that this transaction cannot see are
 * left for the next time; the sum any snapshot sees is unchanged.
 */
export const compactTableChanges = async (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client !== 'postgres') return;
  await getKnex(strapi).raw(`
    WITH folded AS (
      DELETE FROM ${TABLE_CHANGES} WHERE table_name IN (
        SELECT table_name FROM ${TABLE_CHANGES} GROUP BY table_name HAVING COUNT(*) > 1
      ) RETURNING table_name, weight)
    INSERT INTO ${TABLE_CHANGES} (table_name, weight)
    SELECT table_name, SUM(weight) FROM folded GROUP BY table_name`);
};

/**
 * How often PostgreSQL's appended change rows are folded. Every version read sums its tables'
 * rows, and so does a write's own weight (carry-counts.ts): a table written a few dozen times a
 * second gathered thousands of rows a minute, and with them a tagged write's carry went from
 * 1.18x to 1.24x the same write without it (10k documents, 200 rounds, folded every block of 10
 * against every minute). Folding what a few seconds gathered is a statement of a few rows.
 */
const COMPACT_INTERVAL_MS = 2_000;
const compactTimers = new WeakMap<Core.Strapi, NodeJS.Timeout>();

/** Installs change tracking on every watched table and folds PostgreSQL's rows every few seconds. */
export const startTableChanges = async (strapi: Core.Strapi, types: readonly TaggedType[]) => {
  if (!isTrackingSupported(strapi)) return;
  await installTableChanges(strapi, watchedTables(strapi, types));
  if (strapi.db.dialect.client !== 'postgres') return;
  await compactTableChanges(strapi);
  const timer = setInterval(() => {
    compactTableChanges(strapi).catch((error: Error) =>
      strapi.log.warn(`[journey] folding table change rows failed: ${error.message}`)
    );
  }, COMPACT_INTERVAL_MS);
  // Never the reason a process stays alive.
  timer.unref();
  compactTimers.set(strapi, timer);
};

export const stopTableChanges = (strapi: Core.Strapi) => {
  clearInterval(compactTimers.get(strapi));
  compactTimers.delete(strapi);
};
