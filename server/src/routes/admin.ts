import {
  COVERAGE_READ_ACTION,
  PERFORMANCE_READ_ACTION,
  SUBMISSIONS_DELETE_ACTION,
  SUBMISSIONS_READ_ACTION,
} from '../../../shared/constants';
import type { PluginRoute } from './plugin-route';

/** Admin API under /journey: coverage routes require the coverage RBAC action, all a logged-in admin. */
const guarded = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [COVERAGE_READ_ACTION] } },
  ],
};

/** Performance routes: the performance RBAC action. */
const performance = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [PERFORMANCE_READ_ACTION] } },
  ],
};

const allowed = (action: string) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [action] } },
  ],
});

const routes: PluginRoute[] = [
  { method: 'GET', path: '/coverage', handler: 'coverage.find', config: guarded },
  { method: 'GET', path: '/coverage/export', handler: 'coverage.export', config: guarded },
  { method: 'GET', path: '/coverage/options', handler: 'coverage.options', config: guarded },
  // The reconcile step on demand (services/coverage.ts recount): super admins only.
  {
    method: 'POST',
    path: '/coverage/recount',
    handler: 'coverage.recount',
    config: { policies: [...guarded.policies, 'plugin::journey.is-super-admin'] },
  },
  // The Content Manager edit view's coverage line, without computing the whole matrix.
  { method: 'GET', path: '/coverage/entry', handler: 'coverage.entry', config: guarded },
  { method: 'GET', path: '/performance', handler: 'performance.find', config: performance },
  {
    method: 'GET',
    path: '/performance/export',
    handler: 'performance.export',
    config: performance,
  },
  {
    method: 'GET',
    path: '/performance/entries',
    handler: 'performance.entries',
    config: performance,
  },
  {
    method: 'GET',
    path: '/performance/series',
    handler: 'performance.series',
    config: performance,
  },
  // The Content Manager edit view's numbers for one entry.
  { method: 'GET', path: '/performance/entry', handler: 'performance.entry', config: performance },
  {
    method: 'GET',
    path: '/submissions',
    handler: 'submissions.find',
    config: allowed(SUBMISSIONS_READ_ACTION),
  },
  {
    method: 'GET',
    path: '/submissions/export',
    handler: 'submissions.export',
    config: allowed(SUBMISSIONS_READ_ACTION),
  },
  {
    method: 'GET',
    path: '/submissions/:id',
    handler: 'submissions.findOne',
    config: allowed(SUBMISSIONS_READ_ACTION),
  },
  // A person's erasure request: every submission holding their email address.
  {
    method: 'DELETE',
    path: '/submissions',
    handler: 'submissions.erase',
    config: allowed(SUBMISSIONS_DELETE_ACTION),
  },
  {
    method: 'DELETE',
    path: '/submissions/:id',
    handler: 'submissions.delete',
    config: allowed(SUBMISSIONS_DELETE_ACTION),
  },
  // Every editor needs the stage guidance, coverage rights or not.
  {
    method: 'GET',
    path: '/editor',
    handler: 'editor.config',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];

export default { type: 'admin' as const, routes };
