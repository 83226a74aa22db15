import fs from 'fs';
import path from 'path';

/**
 * The plugin is the repository root. This file is read both compiled (dist/config, by the server)
 * and from source (config/, by the admin build), so walk up to the plugin's package.json rather
 * than counting directories.
 */
const pluginRoot = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'strapi-plugin-journey'
    ) {
      return dir;
    }
  }
  throw new Error('strapi-plugin-journey not found above the playground');
})();

export default () => ({
  'users-permissions': {
    config: { jwtSecret: process.env.JWT_SECRET ?? 'journey-demo-users-permissions-jwt-secret' },
  },
  journey: {
    enabled: true,
    resolve: pluginRoot,
    config: {
      stages: 'default',
      // The demo's own type, tagged like the shipped ones; the API and coverage call it "article".
      contentTypes: ['api::article.article'],
    },
  },
});
