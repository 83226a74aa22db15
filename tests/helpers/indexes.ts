import type { Core } from '@strapi/strapi';

/**
 * The journey indexes of a table as the database itself describes them: name -> columns **in key
 * order** (the order decides which queries an index can serve, so tests compare it unsorted).
 * Read from the catalog rather than Strapi's schema inspector, whose PostgreSQL version leaves
 * out any column named `id` (and lists columns in table order).
 */
export const journeyIndexColumns = async (
  strapi: Core.Strapi,
  table: string
): Promise<Record<string, string[]>> => {
  const knex = strapi.db.connection;
  const result: Record<string, string[]> = {};
  if (strapi.db.dialect.client === 'sqlite') {
    const indexes = (await knex.raw(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE '%\\_journey\\_%' ESCAPE '\\'`,
      [table]
    )) as Array<{ name: string }>;
    for (const { name } of indexes) {
      // seqno is the column's position in the key; pragma output order is not promised.
      const columns = (await knex.raw(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`, [
        name,
      ])) as Array<{ name: string }>;
      result[name] = columns.map((column) => column.name);
    }
    return result;
  }
  // indkey is an int2vector of attribute numbers in key order; array_position gives each column's
  // place in it (int2vector subscripts start at 0, so cast to a plain array first).
  const { rows } = (await knex.raw(
    `SELECT i.relname AS index_name, a.attname AS column_name
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(ix.indkey)
      WHERE t.relname = ? AND i.relname LIKE '%\\_journey\\_%'
      ORDER BY i.relname, array_position(ix.indkey::int2[], a.attnum)`,
    [table]
  )) as { rows: Array<{ index_name: string; column_name: string }> };
  for (const row of rows) (result[row.index_name] ??= []).push(row.column_name);
  return result;
};
