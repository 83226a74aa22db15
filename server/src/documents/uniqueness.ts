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

/**
 * Every slug in `base`'s family another document (in the same locale) uses: `base` itself and
 * `base-N`. One query instead of one per candidate, which mattered with dozens of "My post"s.
 */
export const slugsInUse = async (strapi: Core.Strapi, scope: WriteScope, base: string) => {
  const locale = await effectiveLocale(strapi, scope);
  const rows = (await strapi.db.query(scope.uid).findMany({
    select: ['slug'],
    where: {
      $or: [{ slug: base }, { slug: { $startsWith: `${base}-` } }],
      ...(locale ? { locale } : {}),
      ...(scope.documentId ? { documentId: { $ne: scope.documentId } } : {}),
    },
  })) as Array<{ slug: string | null }>;
  return new Set(rows.map((row) => row.slug).filter((slug): slug is string => slug !== null));
};
