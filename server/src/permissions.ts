/** Admin RBAC action guarding the coverage panel and its admin API (Settings > Roles > Plugins). */
export const COVERAGE_READ_ACTION = 'plugin::journey.coverage.read';

export const ADMIN_ACTIONS = [
  { section: 'plugins', displayName: 'Read coverage', uid: 'coverage.read', pluginName: 'journey' },
];
