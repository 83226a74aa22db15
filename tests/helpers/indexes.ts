import type { Core } from '@strapi/strapi';

/**
 * The journey indexes of a table as the database itself describes them: name -> columns, sorted.
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
      const columns = (await knex.raw(`SELECT name FROM pragma_index_info(?)`, [name])) as Array<{
        name: string;
      }>;
      result[name] = columns.map((column) => column.name).sort();
    }
    return result;
  }
  const { rows } = (await knex.raw(
    `SELECT i.relname AS index_name, a.attname AS column_name
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(ix.indkey)
      WHERE t.relname = ? AND i.relname LIKE '%\\_journey\\_%'`,
    [table]
  )) as { rows: Array<{ index_name: string; column_name: string }> };
  for (const row of rows) (result[row.index_name] ??= []).push(row.column_name);
  for (const name of Object.keys(result)) result[name].sort();
  return result;
};
