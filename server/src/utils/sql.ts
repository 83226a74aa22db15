import type { Knex } from 'knex';

/**
 * UNION ALL of one SELECT per tagged type. The members are left unwrapped (`wrap: false`):
 * SQLite rejects a parenthesised SELECT inside a compound one. A member that needs its own
 * ORDER BY / LIMIT / GROUP BY goes into a derived table first.
 */
export const unionAll = (selects: Knex.QueryBuilder[]): Knex.QueryBuilder => {
  const [first, ...rest] = selects;
  return rest.length ? first.unionAll(rest, false) : first;
};
