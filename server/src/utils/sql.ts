import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { getJourneyConfig } from '../config';

/** The knex instance behind Strapi's database layer, which the plugin's own SQL is built with. */
export const getKnex = (strapi: Core.Strapi): Knex => strapi.db.connection;

/**
 * UNION ALL of one SELECT per tagged type. The members are left unwrapped (`wrap: false`):
 * SQLite rejects a parenthesised SELECT inside a compound one. A member that needs its own
 * ORDER BY / LIMIT / GROUP BY goes into a derived table first.
 */
export const unionAll = (selects: Knex.QueryBuilder[]): Knex.QueryBuilder => {
  const [first, ...rest] = selects;
  return rest.length ? first.unionAll(rest, false) : first;
};

/**
 * Takes SQLite's write lock for the rest of the transaction without changing a row (so the tables'
 * change-counting triggers do not fire). Any write statement does, even one whose WHERE is false:
 * tests/unit/write-lock.test.ts shows a second connection cannot BEGIN IMMEDIATE meanwhile.
 */
export const SQLITE_WRITE_LOCK = 'UPDATE ?? SET id = id WHERE 1 = 0';

/**
 * A query's rows as one JSON column (an array of arrays, `columns` in order), for reading several
 * small row sets in one statement: a write's own share of the kept counts is read that way
 * (documents/carry-counts.ts), as each statement in a write's transaction adds to its time.
 */
export const rowsAsJson = (
  strapi: Core.Strapi,
  knex: Knex,
  query: Knex.QueryBuilder,
  columns: readonly string[],
  alias: string
): Knex.Raw => {
  const list = columns.map(() => '??').join(', ');
  return strapi.db.dialect.client === 'sqlite'
    ? knex.raw(`(SELECT json_group_array(json_array(${list})) FROM ? AS json_rows) AS ??`, [
        ...columns,
        query,
        alias,
      ])
    : knex.raw(
        `(SELECT COALESCE(json_agg(json_build_array(${list})), '[]'::json) FROM ? AS json_rows) AS ??`,
        [...columns, query, alias]
      );
};

/** Columns to select in a statement run for something else, and how to read them from its row. */
export interface ColumnsToRead<Value> {
  columns: Knex.Raw[];
  read(row: Record<string, unknown> | undefined): Map<string, Value>;
}

/** Reads a `rowsAsJson` column: SQLite returns the JSON as text, PostgreSQL's driver parses it. */
export const parseJsonRows = (value: unknown): unknown[][] =>
  (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as unknown[][];

/** Named statements in use, by SQL text: each is prepared once on each connection that runs it. */
const statementNames = new Map<string, string>();
/**
 * At most this many distinct statements are named (PostgreSQL keeps each prepared statement for
 * the life of its connection); any beyond run unnamed.
 */
const MAX_NAMED_STATEMENTS = 256;

/**
 * `query`, run as a named prepared statement on PostgreSQL (with `preparedStatements` on): the
 * server then parses and plans it once per connection instead of on every run. For the
 * statements every tagged write runs (documents/carry-counts.ts): a write's share of the kept
 * counts is a small lookup whose planning took longer than running it (0.4 to 1.5 ms against
 * 0.1 to 0.7 ms, EXPLAIN ANALYZE at 10k documents). The name is a hash of the SQL text, whose
 * values are all bound, so one shape of statement is one name. Unchanged elsewhere.
 */
export const preparedOnce = <Query extends Knex.QueryBuilder>(
  strapi: Core.Strapi,
  query: Query
): Query => {
  if (strapi.db.dialect.client !== 'postgres' || !getJourneyConfig(strapi).preparedStatements)
    return query;
  const { sql } = query.toSQL();
  let name = statementNames.get(sql);
  if (!name) {
    if (statementNames.size >= MAX_NAMED_STATEMENTS) return query;
    name = `journey_${crypto.createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return query.options({ name }) as Query;
};
