/** The plugin's id: `plugin::journey.*` UIDs, `/api/journey` routes, `config/plugins.ts` key. */
export const PLUGIN_ID = 'journey' as const;

/** Attribute names the plugin injects into every tagged content type. */
export const STAGE_ATTRIBUTE = 'journeyStage' as const;
export const PERSONAS_ATTRIBUTE = 'personas' as const;

export const PERSONA_UID = 'plugin::journey.persona' as const;

/**
 * The content kinds the plugin ships, keyed by the name the API's `type` parameter and the coverage
 * panel use for them.
 */
export const BUILT_IN_TYPES = {
  'blog-post': 'plugin::journey.blog-post',
  'landing-page': 'plugin::journey.landing-page',
  cta: 'plugin::journey.cta',
  form: 'plugin::journey.form',
} as const;

export type BuiltInTypeName = keyof typeof BUILT_IN_TYPES;
