/** The plugin's id: the admin route `plugins/journey`, translation prefix `journey.`, RBAC `plugin::journey.*`. */
export const PLUGIN_ID = 'journey';
