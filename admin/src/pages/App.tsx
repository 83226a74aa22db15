import { Page } from '@strapi/strapi/admin';
import { Navigate, Route, Routes } from 'react-router-dom';

import { useJourneyPermissions } from '../hooks/useJourneyPermissions';
import { PERFORMANCE_READ_PERMISSIONS, SUBMISSIONS_READ_PERMISSIONS } from '../permissions';
import { CoveragePage } from './CoveragePage';
import { PerformancePage } from './PerformancePage';
import { SubmissionsPage } from './SubmissionsPage';

/**
 * /admin/plugins/journey: Coverage for users with Read coverage; a user with only Read
 * performance (or only Read submissions) is sent on to that view rather than shown a refusal.
 */
const IndexPage = () => {
  const { isLoading, canReadCoverage, canReadPerformance, canReadSubmissions } =
    useJourneyPermissions();

  if (isLoading) return <Page.Loading />;
  if (canReadCoverage) return <CoveragePage />;
  if (canReadPerformance) return <Navigate to="performance" replace />;
  if (canReadSubmissions) return <Navigate to="submissions" replace />;
  return <Page.NoPermissions />;
};

/**
 * The plugin's pages: Coverage (the index), Performance (/performance) and Submissions
 * (/submissions). The menu link shows to users with any of their permissions, and a URL can be typed in: each page is guarded here too.
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
    <Route
      path="submissions"
      element={
        <Page.Protect permissions={SUBMISSIONS_READ_PERMISSIONS}>
          <SubmissionsPage />
        </Page.Protect>
      }
    />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export { App };
// addMenuLink's loader expects a default export.
export default App;
