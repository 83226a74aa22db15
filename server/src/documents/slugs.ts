import type { Core, UID } from '@strapi/strapi';
import slugify from 'slugify';
import { BUILT_IN_TYPES, PERSONA_UID } from '../../../shared/constants';
import { fieldError } from '../utils/validation';
import {
  effectiveLocale,
  isTakenByAnotherDocument,
  slugsInUse,
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
 *   numeric suffix when another document already uses it;
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
    if (typeof sourceText !== 'string' || !toSlug(sourceText)) return; // required-field validation reports it
    const base = toSlug(sourceText);
    const taken = await slugsInUse(strapi, scope, base);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
    data.slug = candidate;
    return;
  }

  const slug = data.slug;
  if (typeof slug !== 'string' || !SLUG_PATTERN.test(slug)) {
    const suggestion = typeof slug === 'string' && toSlug(slug) ? ` (e.g. "${toSlug(slug)}")` : '';
    throw fieldError(
      'slug',
      `Slug ${JSON.stringify(slug)} is not valid: use lowercase letters, digits and single dashes${suggestion}.`,
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
