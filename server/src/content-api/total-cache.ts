import type { Core } from '@strapi/strapi';
import { getKnex } from '../utils/sql';

/**
 * Totals of content queries, kept until the database's data changes.
 *
 * Counting every match is the one part of a content page that grows with the data (8,800 matches
 * at 100k documents cost ~8 ms on SQLite; the page itself is a 0.3 ms index walk). Frontends ask
 * for the same lists over and over between edits, so a total is kept together with the database's
 * data version at the moment it was counted, and reused only while the version is unchanged. The
 * version is read in the same statement as each page, so the check costs no extra round trip:
 *
 * - SQLite: `data_version` changes when another connection (another process) commits, and
 *   `total_changes()` counts every row this connection changed. Strapi uses one connection for
 *   SQLite, so together they move on any write, ours or anyone's. With a pool of several
 *   connections the pair is not comparable across connections: no caching then.
 * - PostgreSQL: the snapshot (`xmin:xmax:running xids`). Two equal snapshots see exactly the same
 *   committed transactions, so nothing can have changed; any new transaction anywhere in the
 *   cluster changes it, which makes this conservative (a busy cluster simply counts more often).
 * - Other databases: no version, always counted.
 *
 * A version that moved for an unrelated write only costs a recount; a stale total is impossible.
 */
export interface TotalCache {
  /** SQL for the data version, selected next to a page; null when this database has none. */
  readonly versionSql: string | null;
  get(key: string, version: string | null | undefined): number | undefined;
  set(key: string, version: string | null | undefined, total: number): void;
  clear(): void;
}

/** Distinct queries remembered; the least recently used total is dropped beyond this. */
const MAX_ENTRIES = 1000;

const versionSqlFor = (strapi: Core.Strapi): string | null => {
  // knex types its client as `any`: only the pool size is read here.
  const pool: { max?: number } | undefined = getKnex(strapi).client.pool;
  switch (strapi.db.dialect.client) {
    case 'sqlite':
      return (pool?.max ?? 1) === 1
        ? "CAST((SELECT data_version FROM pragma_data_version()) AS TEXT) || '.' || CAST(total_changes() AS TEXT)"
        : null;
    case 'postgres':
      return 'CAST(pg_current_snapshot() AS TEXT)';
    default:
      return null;
  }
};

export const createTotalCache = (strapi: Core.Strapi): TotalCache => {
  let versionSql: string | null | undefined;
  const totals = new Map<string, { version: string; total: number }>();

  return {
    get versionSql() {
      // Resolved on first use: the connection pool exists only once the database is initialised.
      if (versionSql === undefined) versionSql = versionSqlFor(strapi);
      return versionSql;
    },
    get(key, version) {
      if (!version) return undefined;
      const entry = totals.get(key);
      if (!entry || entry.version !== version) return undefined;
      // Re-insert: Map iteration order is insertion order, so the oldest entry is the least recently used.
      totals.delete(key);
      totals.set(key, entry);
      return entry.total;
    },
    set(key, version, total) {
      if (!version) return;
      totals.delete(key);
      totals.set(key, { version, total });
      if (totals.size > MAX_ENTRIES) totals.delete(totals.keys().next().value!);
    },
    clear() {
      totals.clear();
    },
  };
};
