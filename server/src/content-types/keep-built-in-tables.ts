import type { Core } from '@strapi/strapi';
import { BUILT_IN_TYPES } from '../../../shared/constants';
import seoSchema from '../components/seo/schema.json';
import shippedContentTypes from './index';

/** Entries of Strapi's reserved-table list in the core store: names, or objects naming a table. */
type PersistedTable = string | { name: string };

/**
 * The tables of the shipped kinds: each one's own table, its link tables (`..._lnk`) and its
 * component links (`..._cmps`), and the tables of the components only they use (`journey.seo`).
 */
const builtInTableName = (() => {
  const tables = [
    ...Object.keys(BUILT_IN_TYPES).map(
      (name) => shippedContentTypes[name as keyof typeof BUILT_IN_TYPES].schema.collectionName
    ),
    seoSchema.collectionName,
    // Visitors' form submissions go and come back with the form type.
    shippedContentTypes.submission.schema.collectionName,
  ];
  return new RegExp(`^(${tables.join('|')})($|_cmps$|_.*_lnk$)`);
})();

/**
 * With `builtInTypes: false` the shipped kinds are not registered, and Strapi's schema sync drops
 * the tables of content types that are gone. Switching the option off on a database that has blog
 * posts, landing pages, CTAs or forms would delete them, so before the sync their tables are added
 * to the tables Strapi keeps (`persisted_tables` in the core store, which Strapi's own enterprise
 * features use to keep their tables while switched off). Switching back on finds the data intact,
 * except image links: they live in the upload plugin's shared `files_related_mph` table, where
 * Strapi's schema repair deletes the rows of types that are gone (README, the `builtInTypes` option).
 */
export const keepBuiltInTables = async (strapi: Core.Strapi) => {
  const tables: string[] = await strapi.db.dialect.schemaInspector.getTables();
  const kept = tables.filter((table) => builtInTableName.test(table));
  if (kept.length === 0) return;
  const persisted = ((await strapi.store.get({ type: 'core', key: 'persisted_tables' })) ??
    []) as PersistedTable[];
  const known = new Set(persisted.map((table) => (typeof table === 'string' ? table : table.name)));
  const added = kept.filter((table) => !known.has(table));
  if (added.length === 0) return;
  const value = [...persisted, ...added];
  await strapi.store.set({ type: 'core', key: 'persisted_tables', value });
};
