/*
 * A second playground Strapi in its own process, on the database in DATABASE_* and the compiled
 * app in DIST_DIR: listens on a free loopback port and prints "listening <url>". SIGTERM is
 * Strapi's own stop (createStrapi installs it: destroy, which flushes buffered events, then exit).
 */
const { createStrapi } = require('@strapi/strapi');

(async () => {
  const app = createStrapi({ appDir: process.env.APP_DIR, distDir: process.env.DIST_DIR });
  app.log.level = 'error';
  await app.load();
  app.server.mount();
  const server = app.server.httpServer;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`listening http://127.0.0.1:${server.address().port}\n`);
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
