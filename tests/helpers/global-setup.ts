import fs from 'fs';
import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import { PLAYGROUND, ROOT } from './paths';

/** Compiles the playground once (Strapi's config loader reads .js only) and checks the plugin is built. */
export default async function globalSetup() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server', 'index.js'))) {
    // Strapi silently skips a local plugin without dist/server/index.js: fail loudly instead.
    throw new Error('The plugin is not built: run `npm run build` (npm test does it for you).');
  }
  await compileStrapi({ appDir: PLAYGROUND, ignoreDiagnostics: true });
}
