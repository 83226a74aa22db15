import type { Core, UID } from '@strapi/strapi';
import slugify from 'slugify';
import { BUILT_IN_TYPES, PERSONA_UID } from '../constants';
import { attributeError } from '../utils/validation';

/** Which attribute each shipped type's `slug` is made from. */
export const SLUG_SOURCES: Partial<Record<UID.ContentType, string>> = {
  [PERSONA_UID]: 'name',
  [BUILT_IN_TYPES['blog-post']]: 'title',
  [BUILT_IN_TYPES['landing-page']]: 'title',
};

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Café & Bar Owner" -> "cafe-and-bar-owner" */
export const toSlug = (text: string) => slugify(text, { lower: true, strict: true, trim: true });

interface SlugContext {
  uid: UID.ContentType;
  /** The document being written; undefined on create. */
  documentId?: string;
  /** Locale of the write, for localized types (slugs are unique per locale). */
  locale?: string;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Fills in or checks `data.slug` before a create/update reaches the database:
 * - blank on create (or explicitly cleared on update): made from the source attribute, with a
 *   numeric suffix when another document already uses it;
 * - given: must be slug-shaped and not used by another document (in the same locale).
 */
export const applySlugRules = async (
  strapi: Core.Strapi,
  { uid, documentId, locale }: SlugContext,
  data: Record<string, unknown>
) => {
  const source = SLUG_SOURCES[uid];
  if (!source) return;

  const isCreate = documentId === undefined;
  if (!isCreate && !('slug' in data)) return;

  const contentType = strapi.contentType(uid);
  const localized = Boolean((contentType.pluginOptions?.i18n as { localized?: boolean } | undefined)?.localized);
  // The Document Service writes the default locale when none is given; slugs are unique per locale.
  const effectiveLocale = localized
    ? (locale ?? ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string))
    : undefined;
  const scope = effectiveLocale ? { locale: effectiveLocale } : {};
  const takenBy = async (slug: string) =>
    strapi.db.query(uid).findOne({
      select: ['documentId'],
      where: { slug, ...scope, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
    });

  if (isBlank(data.slug)) {
    let sourceText = data[source];
    if (isBlank(sourceText) && documentId) {
      const current = await strapi.db.query(uid).findOne({ select: [source], where: { documentId } });
      sourceText = current?.[source];
    }
    if (typeof sourceText !== 'string' || !toSlug(sourceText)) return; // required-field validation reports it
    const base = toSlug(sourceText);
    let candidate = base;
    for (let n = 2; await takenBy(candidate); n += 1) candidate = `${base}-${n}`;
    data.slug = candidate;
    return;
  }

  const slug = data.slug;
  if (typeof slug !== 'string' || !SLUG_PATTERN.test(slug)) {
    const suggestion = typeof slug === 'string' && toSlug(slug) ? ` (e.g. "${toSlug(slug)}")` : '';
    throw attributeError(
      'slug',
      `Slug ${JSON.stringify(slug)} is not valid: use lowercase letters, digits and single dashes${suggestion}.`,
      slug
    );
  }
  if (await takenBy(slug)) {
    throw attributeError(
      'slug',
      `Slug "${slug}" is already used by another entry${effectiveLocale ? ` in locale "${effectiveLocale}"` : ''}. Choose another or leave it empty to generate one.`,
      slug
    );
  }
};
