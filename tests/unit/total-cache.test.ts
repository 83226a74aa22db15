import { createTotalCache } from '../../server/src/content-api/total-cache';

/** A Strapi with just what the cache reads when it picks its version SQL. */
const fakeStrapi = (client: string, poolMax?: number) =>
  ({
    db: {
      dialect: { client },
      connection: { client: { pool: poolMax === undefined ? undefined : { max: poolMax } } },
    },
  }) as never;

describe('content totals cache', () => {
  it('returns a total only for the data version it was counted at', () => {
    const cache = createTotalCache(fakeStrapi('sqlite', 1));
    cache.set('q', '3.10', 42);
    expect(cache.get('q', '3.10')).toBe(42);
    expect(cache.get('q', '3.11')).toBeUndefined();
    expect(cache.get('other', '3.10')).toBeUndefined();
    // A recount at the new version replaces the old total.
    cache.set('q', '3.11', 43);
    expect(cache.get('q', '3.11')).toBe(43);
    expect(cache.get('q', '3.10')).toBeUndefined();
  });

  it('never keeps or serves a total without a version', () => {
    const cache = createTotalCache(fakeStrapi('mysql'));
    cache.set('q', null, 42);
    expect(cache.get('q', null)).toBeUndefined();
    cache.set('q', '1', 7);
    expect(cache.get('q', undefined)).toBeUndefined();
  });

  it('drops the least recently used total beyond 1,000 queries', () => {
    const cache = createTotalCache(fakeStrapi('sqlite', 1));
    for (let i = 0; i < 1000; i += 1) cache.set(`q${i}`, 'v', i);
    expect(cache.get('q0', 'v')).toBe(0); // q0 is now the most recently used
    cache.set('q1000', 'v', 1000);
    expect(cache.get('q1', 'v')).toBeUndefined();
    expect(cache.get('q0', 'v')).toBe(0);
    expect(cache.get('q1000', 'v')).toBe(1000);
    cache.clear();
    expect(cache.get('q0', 'v')).toBeUndefined();
  });

  it('reads the version from SQLite on a single connection and from PostgreSQL snapshots, and nowhere else', () => {
    expect(createTotalCache(fakeStrapi('sqlite', 1)).versionSql).toContain('pragma_data_version');
    expect(createTotalCache(fakeStrapi('sqlite', 1)).versionSql).toContain('total_changes()');
    expect(createTotalCache(fakeStrapi('sqlite', 4)).versionSql).toBeNull();
    expect(createTotalCache(fakeStrapi('postgres', 10)).versionSql).toContain(
      'pg_current_snapshot()'
    );
    expect(createTotalCache(fakeStrapi('mysql', 10)).versionSql).toBeNull();
  });
});
