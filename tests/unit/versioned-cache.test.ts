import { createVersionedCache } from '../../server/src/caching/versioned-cache';

describe('versioned cache', () => {
  it('returns a value only for the table version it was counted at', () => {
    const cache = createVersionedCache<number>();
    cache.set('q', '10', 42);
    expect(cache.get('q', '10')).toBe(42);
    expect(cache.get('q', '11')).toBeUndefined();
    expect(cache.get('other', '10')).toBeUndefined();
    // A recount at the new version replaces the old value.
    cache.set('q', '11', 43);
    expect(cache.get('q', '11')).toBe(43);
    expect(cache.get('q', '10')).toBeUndefined();
  });

  it('never keeps or serves a value without a version (databases without change tracking)', () => {
    const cache = createVersionedCache<number>();
    cache.set('q', null, 42);
    expect(cache.get('q', null)).toBeUndefined();
    cache.set('q', '1', 7);
    expect(cache.get('q', undefined)).toBeUndefined();
  });

  it('serves a value that moves with time only before its validUntil', () => {
    const cache = createVersionedCache<string>();
    cache.set('coverage', '5', 'counts', 1_000);
    expect(cache.get('coverage', '5', 999)).toBe('counts');
    expect(cache.get('coverage', '5', 1_000)).toBeUndefined();
    // Expired entries are dropped, not revived by an earlier clock.
    expect(cache.get('coverage', '5', 0)).toBeUndefined();
    cache.set('forever', '5', 'no fresh rows', null);
    expect(cache.get('forever', '5', Number.MAX_SAFE_INTEGER)).toBe('no fresh rows');
  });

  it('drops the least recently used value beyond its size', () => {
    const cache = createVersionedCache<number>(1000);
    for (let i = 0; i < 1000; i += 1) cache.set(`q${i}`, 'v', i);
    expect(cache.get('q0', 'v')).toBe(0); // q0 is now the most recently used
    cache.set('q1000', 'v', 1000);
    expect(cache.get('q1', 'v')).toBeUndefined();
    expect(cache.get('q0', 'v')).toBe(0);
    expect(cache.get('q1000', 'v')).toBe(1000);
    cache.clear();
    expect(cache.get('q0', 'v')).toBeUndefined();
  });
  it('carries an entry to a new version only from the version it is held at', () => {
    const cache = createVersionedCache<number>();
    cache.set('q', '10', 5, 2_000);
    const plusOne = (value: number) => ({ value: value + 1, validUntil: null });
    // Not held at 9: counted again since, so the write's change does not apply to it.
    expect(cache.carry('q', '9', '12', plusOne, 0)).toBe(false);
    expect(cache.carry('q', '10', '12', plusOne, 0)).toBe(true);
    expect(cache.get('q', '10', 0)).toBeUndefined();
    expect(cache.get('q', '12', 0)).toBe(6);
    expect(cache.keysAt('12')).toEqual(['q']);
    expect(cache.keysAt('10')).toEqual([]);
    // Its old validUntil still holds (the update gave none).
    expect(cache.get('q', '12', 2_000)).toBeUndefined();
  });

  it('keeps the earlier validUntil, and carries nothing when the update cannot tell or it expired', () => {
    const cache = createVersionedCache<number>();
    cache.set('q', '1', 5, 2_000);
    expect(cache.carry('q', '1', '2', (value) => ({ value, validUntil: 1_500 }), 0)).toBe(true);
    expect(cache.get('q', '2', 1_499)).toBe(5);
    expect(cache.get('q', '2', 1_500)).toBeUndefined();

    cache.set('r', '1', 5);
    expect(cache.carry('r', '1', '2', () => undefined, 0)).toBe(false);
    expect(cache.get('r', '1', 0)).toBe(5);
    cache.set('s', '1', 5, 100);
    expect(cache.carry('s', '1', '2', (value) => ({ value, validUntil: null }), 100)).toBe(false);
  });
});
