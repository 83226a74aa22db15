import { Page, useRBAC } from '@strapi/strapi/admin';
import { Navigate, Route, Routes } from 'react-router-dom';

import { COVERAGE_READ_PERMISSIONS, PERFORMANCE_READ_PERMISSIONS } from '../permissions';
import { CoveragePage } from './CoveragePage';
import { PerformancePage } from './PerformancePage';

/**
 * /admin/plugins/journey: Coverage for users with Read coverage; a user with only Read
 * performance is sent on to the Performance view rather than shown a refusal.
 */
const IndexPage = () => {
  const coverage = useRBAC(COVERAGE_READ_PERMISSIONS);
  const performance = useRBAC(PERFORMANCE_READ_PERMISSIONS);

  if (coverage.isLoading || performance.isLoading) return <Page.Loading />;
  if (coverage.allowedActions.canRead) return <CoveragePage />;
  if (performance.allowedActions.canRead) return <Navigate to="performance" replace />;
  return <Page.NoPermissions />;
};

/**
 * The plugin's pages: Coverage (the index) and Performance (/performance). The menu link shows to
 * users with either permission, and a URL can be typed in: each page is guarded here too.
 */
const App = () => (
  <Routes>
    <Route index element={<IndexPage />} />
    <Route
      path="performance"
      element={
        <Page.Protect permissions={PERFORMANCE_READ_PERMISSIONS}>
          <PerformancePage />
        </Page.Protect>
      }
    />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export { App };
// addMenuLink's loader expects a default export.
export default App;
