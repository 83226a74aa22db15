import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { PLAYGROUND, ROOT } from '../helpers/paths';

/**
 * Browser suites need the admin panel built with the plugin inside it: `strapi build` compiles the
 * playground and bundles the admin into playground/dist/build (about 30 s).
 */
export default async function globalSetup() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'admin', 'index.js'))) {
    throw new Error('The plugin is not built: run `npm run build` (npm test does it for you).');
  }
  // The demo site (/demo/) is static files built from demo/: rebuild it, it takes a second.
  const demo = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-demo.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (demo.status !== 0) throw new Error('Building the demo site failed; see the output above.');
  // For quick local iteration on the tests themselves; npm test and CI always rebuild.
  if (
    process.env.E2E_REUSE_ADMIN_BUILD === 'true' &&
    fs.existsSync(path.join(PLAYGROUND, 'dist', 'build', 'index.html'))
  )
    return;
  const result = spawnSync('npx', ['strapi', 'build'], {
    cwd: PLAYGROUND,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  if (result.status !== 0)
    throw new Error('`strapi build` of the playground failed; see the output above.');
}
