import type { Core, UID } from '@strapi/strapi';
import { isLocalized } from '../utils/models';

export interface WriteScope {
  uid: UID.ContentType;
  /** The document being written; undefined on create. */
  documentId?: string;
  /** Locale of the write, as passed to the Document Service (undefined = default locale). */
  locale?: string;
}

/** The locale a write lands in: the given one, the default one, or none for non-localized types. */
export const effectiveLocale = async (strapi: Core.Strapi, { uid, locale }: WriteScope) => {
  if (!isLocalized(strapi, uid)) return undefined;
  return locale ?? ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);
};

/**
 * Whether another document (in the same locale) already uses `value` for `attribute`. Strapi skips
 * `unique` checks on drafts, and with draft & publish every write is a draft, so the plugin checks.
 */
export const isTakenByAnotherDocument = async (
  strapi: Core.Strapi,
  scope: WriteScope,
  attribute: string,
  value: unknown
) => {
  const locale = await effectiveLocale(strapi, scope);
  const clash = await strapi.db.query(scope.uid).findOne({
    select: ['documentId'],
    where: {
      [attribute]: value,
      ...(locale ? { locale } : {}),
      ...(scope.documentId ? { documentId: { $ne: scope.documentId } } : {}),
    },
  });
  return clash !== null;
};

/** Slug candidates asked about per query: a title used more often than this is rare. */
const SLUG_CANDIDATES_PER_QUERY = 50;

/**
 * The first of `base`, `base-2`, `base-3`... that no other document (in the same locale) uses.
 * Asks about the candidates by name, a batch at a time, so the slug index answers: a prefix match
 * (`LIKE 'base-%'`) cannot use it (SQLite's LIKE ignores case, PostgreSQL's collations need
 * text_pattern_ops), and scanned the whole table, 200 ms per create at 100k entries.
 */
export const firstFreeSlug = async (strapi: Core.Strapi, scope: WriteScope, base: string) => {
  const locale = await effectiveLocale(strapi, scope);
  for (let first = 1; ; first += SLUG_CANDIDATES_PER_QUERY) {
    const candidates = Array.from({ length: SLUG_CANDIDATES_PER_QUERY }, (_, index) =>
      first + index === 1 ? base : `${base}-${first + index}`
    );
    const rows = (await strapi.db.query(scope.uid).findMany({
      select: ['slug'],
      where: {
        slug: { $in: candidates },
        ...(locale ? { locale } : {}),
        ...(scope.documentId ? { documentId: { $ne: scope.documentId } } : {}),
      },
    })) as Array<{ slug: string | null }>;
    const taken = new Set(rows.map((row) => row.slug));
    const free = candidates.find((candidate) => !taken.has(candidate));
    if (free) return free;
  }
};
