import { COVERAGE_READ_ACTION, PERFORMANCE_READ_ACTION, PLUGIN_ID } from '../../shared/constants';

/**
 * Admin RBAC actions, shown in Settings > Roles > Plugins. Strapi names a registered action
 * `plugin::<pluginName>.<uid>`, so this one is COVERAGE_READ_ACTION.
 */
export const ADMIN_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'Read coverage',
    uid: COVERAGE_READ_ACTION.slice(`plugin::${PLUGIN_ID}.`.length),
    pluginName: PLUGIN_ID,
  },
  {
    section: 'plugins',
    displayName: 'Read performance',
    uid: PERFORMANCE_READ_ACTION.slice(`plugin::${PLUGIN_ID}.`.length),
    pluginName: PLUGIN_ID,
  },
];
