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
