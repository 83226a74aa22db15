import type { Core, UID } from '@strapi/strapi';
import slugify from 'slugify';
import { BUILT_IN_TYPES, PERSONA_UID } from '../../../shared/constants';
import { echo, truncate } from '../utils/query-parsing';
import { fieldError } from '../utils/validation';
import {
  effectiveLocale,
  isTakenByAnotherDocument,
  firstFreeSlug,
  type WriteScope,
} from './uniqueness';

/** Which attribute each shipped type's `slug` is made from. */
export const SLUG_SOURCES: Partial<Record<UID.ContentType, string>> = {
  [PERSONA_UID]: 'name',
  [BUILT_IN_TYPES['blog-post']]: 'title',
  [BUILT_IN_TYPES['landing-page']]: 'title',
};

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Café & Bar Owner" -> "cafe-and-bar-owner" */
export const toSlug = (text: string) => slugify(text, { lower: true, strict: true, trim: true });

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Fills in or checks `data.slug` before a create/update reaches the database:
 * - blank on create (or on the first write of a new locale, or cleared on update): made from the source attribute, with a
 *   numeric suffix when another document already uses it; null when the source has nothing to
 *   make one from (an emoji-only title);
 * - given: must be slug-shaped and not used by another document (in the same locale).
 */
export const applySlugRules = async (
  strapi: Core.Strapi,
  scope: WriteScope,
  data: Record<string, unknown>,
  /** The stored row this write changes (same locale), or null when it creates one. */
  current: Record<string, unknown> | null
) => {
  const source = SLUG_SOURCES[scope.uid];
  if (!source) return;
  if (current && !('slug' in data)) return;
  const takenBy = (slug: string) => isTakenByAnotherDocument(strapi, scope, 'slug', slug);

  if (isBlank(data.slug)) {
    const sourceText = isBlank(data[source]) ? current?.[source] : data[source];
    const base = typeof sourceText === 'string' ? toSlug(sourceText) : '';
    // No source (required-field validation reports it) or nothing sluggable in it, as in an
    // emoji-only title: no slug, stored as null (an empty string would read as a slug).
    if (!base) {
      data.slug = null;
      return;
    }
    data.slug = await firstFreeSlug(strapi, scope, base);
    return;
  }

  const slug = data.slug;
  if (typeof slug !== 'string' || !SLUG_PATTERN.test(slug)) {
    const suggestion =
      typeof slug === 'string' && toSlug(slug) ? ` (e.g. ${echo(toSlug(slug))})` : '';
    // Values are cut: a client may send 10 kB, and the message is shown to a person.
    const given = typeof slug === 'string' ? echo(slug) : truncate(JSON.stringify(slug) ?? '');
    throw fieldError(
      'slug',
      `Slug ${given} is not valid: use lowercase letters, digits and single dashes${suggestion}.`,
      slug
    );
  }
  if (await takenBy(slug)) {
    const locale = await effectiveLocale(strapi, scope);
    throw fieldError(
      'slug',
      `Slug "${slug}" is already used by another entry${locale ? ` in locale "${locale}"` : ''}. Choose another or leave it empty to generate one.`,
      slug
    );
  }
};
