import type { Core, Struct, UID } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import seo from './seo/schema.json';

/**
 * The components the shipped types use, by name within the plugin's category: `journey.seo`.
 *
 * Strapi 5 loads components only from the app's src/components (loaders/components.ts), before any
 * plugin's register(); a plugin has no `components` key. So register() adds them to the same
 * registry, in the shape that loader gives them, which is what schema sync, the Document Service,
 * the Content Manager and GraphQL read. Other plugins (e.g. Stripe ones) ship components this way.
 */
const SHIPPED_COMPONENTS = { seo } as const;

export const SEO_COMPONENT_UID = `${PLUGIN_ID}.seo` as const;

export const registerShippedComponents = (strapi: Core.Strapi) => {
  const registry = strapi.get('components');
  for (const [name, schema] of Object.entries(SHIPPED_COMPONENTS)) {
    const uid = `${PLUGIN_ID}.${name}` as UID.Component;
    // An app may define the same component in src/components/journey/ (the Content-Type Builder
    // writes one there when someone edits ours): the app's own definition wins, as it would for
    // any of its components.
    if (registry.get(uid)) continue;
    const component = {
      ...structuredClone(schema),
      __schema__: structuredClone(schema),
      uid,
      category: PLUGIN_ID,
      modelType: 'component',
      modelName: name,
      globalId: `ComponentJourney${name[0].toUpperCase()}${name.slice(1)}`,
    } as unknown as Struct.ComponentSchema;
    registry.set(uid, component);
  }
};
