import { PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';

/*
 * Pure: unit tested in tests/unit/admin-utils.test.ts.
 */

export interface ContentManagerListTarget {
  /** Collection type UID, e.g. `plugin::journey.blog-post`. */
  uid: string;
  /** Stage key to filter on; omitted for no stage filter. */
  stage?: string | null;
  /** Persona slug to filter on; omitted for no persona filter. */
  persona?: string | null;
  /** Content locale; omitted for the Content Manager's default. */
  locale?: string | null;
}

/*
 * The Content Manager reads its filters with qs, bracket syntax unencoded (as its own filter UI
 * writes them); only the values are encoded, since slugs and keys are user-defined.
 */
const param = (key: string, value: string | number) =>
  `${key}=${encodeURIComponent(String(value))}`;

/**
 * Admin-relative path (for react-router's navigate/Link, which add the `/admin` basename) of the
 * Content Manager list of `uid`, filtered to a stage and a persona:
 * `/content-manager/collection-types/<uid>?page=1&pageSize=10&sort=id:ASC&filters[$and][0][journeyStage][$eq]=<stage>&...`
 */
export const contentManagerListUrl = ({
  uid,
  stage,
  persona,
  locale,
}: ContentManagerListTarget): string => {
  const filters: Array<[path: string, value: string]> = [];
  if (stage) filters.push([`[${STAGE_ATTRIBUTE}][$eq]`, stage]);
  if (persona) filters.push([`[${PERSONAS_ATTRIBUTE}][slug][$eq]`, persona]);

  const query = [param('page', 1), param('pageSize', 10), 'sort=id:ASC'];
  filters.forEach(([path, value], index) =>
    query.push(param(`filters[$and][${index}]${path}`, value))
  );
  if (locale) query.push(param('plugins[i18n][locale]', locale));

  return `/content-manager/collection-types/${uid}?${query.join('&')}`;
};

/**
 * Admin API path of one collection-type document in the Content Manager, as its own update
 * request uses it (`PUT`, the edit view's Save): `/content-manager/collection-types/<uid>/<documentId>`.
 */
export const contentManagerDocumentPath = (uid: string, documentId: string): string =>
  `/content-manager/collection-types/${uid}/${encodeURIComponent(documentId)}`;

/**
 * Admin API path of the relations a document holds in one field, the endpoint the edit view's
 * relation inputs read: `/content-manager/relations/<uid>/<documentId>/<field>`.
 */
export const contentManagerRelationsPath = (
  uid: string,
  documentId: string,
  field: string
): string => `/content-manager/relations/${uid}/${encodeURIComponent(documentId)}/${field}`;

export interface ContentManagerEntryTarget {
  /** Collection type UID, e.g. `plugin::journey.blog-post`. */
  uid: string;
  documentId: string;
  /** The entry's locale; omitted for types without i18n. */
  locale?: string | null;
}

/**
 * Admin-relative path (for react-router's Link) of one entry's edit view in the Content Manager,
 * in its locale: `/content-manager/collection-types/<uid>/<documentId>?plugins[i18n][locale]=<locale>`.
 */
export const contentManagerEditUrl = ({ uid, documentId, locale }: ContentManagerEntryTarget) =>
  `/content-manager/collection-types/${uid}/${encodeURIComponent(documentId)}${
    locale ? `?${param('plugins[i18n][locale]', locale)}` : ''
  }`;
