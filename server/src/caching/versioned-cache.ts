/**
 * Counts kept in memory together with the version of the tables they were counted from
 * (table-changes.ts), reused only while that version is unchanged and, for counts that move with
 * time (coverage's stale documents), only until `validUntil`. A version that moved for a write that
 * did not change the count only costs a recount; a stale count is never served.
 *
 * Frontends ask for the same lists over and over between edits, and marketers reload the same
 * coverage matrix: counting is the one part of those requests that grows with the data.
 */
export interface VersionedCache<T> {
  get(key: string, version: string | null | undefined, now?: number): T | undefined;
  set(key: string, version: string | null | undefined, value: T, validUntil?: number | null): void;
  /**
   * Moves the entry held at `fromVersion` to `toVersion`, its value passed through `update`: for a
   * write whose effect on the value is known exactly (documents/carry-counts.ts). It holds until
   * the earlier of its old `validUntil` and the one `update` gives. False, and nothing changed,
   * when the entry is not held at `fromVersion` (counted again since, or expired) or `update`
   * returns undefined (it cannot tell).
   */
  carry(
    key: string,
    fromVersion: string,
    toVersion: string,
    update: (value: T) => { value: T; validUntil: number | null } | undefined,
    now?: number
  ): boolean;
  /** What is held now, oldest first: for the reconcile step to compare with a recount. */
  entries(): Array<{ key: string; version: string; value: T }>;
  /** The keys held at `version`: what a write that starts from it may carry (on every write, so no copies). */
  keysAt(version: string): string[];
  /** Every key held, with the version it is held at. */
  keyVersions(): Array<[key: string, version: string]>;
  clear(): void;
}

/** Distinct queries remembered by default; the least recently used is dropped beyond this. */
const MAX_ENTRIES = 1000;

export const createVersionedCache = <T>(maxEntries = MAX_ENTRIES): VersionedCache<T> => {
  const entries = new Map<string, { version: string; value: T; validUntil: number | null }>();

  return {
    get(key, version, now = Date.now()) {
      if (!version) return undefined;
      const entry = entries.get(key);
      if (!entry || entry.version !== version) return undefined;
      if (entry.validUntil !== null && now >= entry.validUntil) {
        entries.delete(key);
        return undefined;
      }
      // Re-insert: Map iteration order is insertion order, so the oldest entry is the least recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, version, value, validUntil = null) {
      if (!version) return;
      entries.delete(key);
      entries.set(key, { version, value, validUntil });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    carry(key, fromVersion, toVersion, update, now = Date.now()) {
      const entry = entries.get(key);
      if (!entry || entry.version !== fromVersion) return false;
      if (entry.validUntil !== null && now >= entry.validUntil) return false;
      const updated = update(entry.value);
      if (!updated) return false;
      const validUntil =
        entry.validUntil === null || updated.validUntil === null
          ? (entry.validUntil ?? updated.validUntil)
          : Math.min(entry.validUntil, updated.validUntil);
      entries.delete(key);
      entries.set(key, { version: toVersion, value: updated.value, validUntil });
      return true;
    },
    keysAt(version) {
      const keys: string[] = [];
      for (const [key, entry] of entries) if (entry.version === version) keys.push(key);
      return keys;
    },
    keyVersions() {
      return [...entries].map(([key, { version }]) => [key, version] as [string, string]);
    },
    entries() {
      return [...entries].map(([key, { version, value }]) => ({ key, version, value }));
    },
    clear() {
      entries.clear();
    },
  };
};
