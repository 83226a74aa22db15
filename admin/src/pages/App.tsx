import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { COVERAGE_READ_PERMISSIONS } from '../permissions';
import { CoveragePage } from './CoveragePage';

/**
 * The plugin's pages under /admin/plugins/journey. The menu link is hidden from users without
 * coverage.read, but the URL can still be typed in: hence the guard here too.
 */
const App = () => (
  <Page.Protect permissions={COVERAGE_READ_PERMISSIONS}>
    <Routes>
      <Route index element={<CoveragePage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export { App };
// addMenuLink's loader expects a default export.
export default App;
