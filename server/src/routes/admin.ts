import { COVERAGE_READ_ACTION } from '../permissions';

/** Admin API under /journey: every route requires an admin holding the coverage RBAC action. */
const guarded = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [COVERAGE_READ_ACTION] } },
  ],
};

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/coverage', handler: 'coverage.find', config: guarded },
    { method: 'GET', path: '/coverage/export', handler: 'coverage.export', config: guarded },
    { method: 'GET', path: '/coverage/options', handler: 'coverage.options', config: guarded },
  ],
};
