import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

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
