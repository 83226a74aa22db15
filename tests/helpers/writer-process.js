/* A playground Strapi in its own process that writes tagged entries until it is killed. */
const { createStrapi } = require('@strapi/strapi');

(async () => {
  const app = createStrapi({ appDir: process.env.APP_DIR, distDir: process.env.DIST_DIR });
  app.log.level = 'error';
  await app.load();
  const posts = app.documents('plugin::journey.blog-post');
  const stages = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
  process.stdout.write('ready\n');
  for (let i = 0; ; i += 1) {
    const post = await posts.create({ data: { title: `Crash ${i}`, journeyStage: stages[i % 5] } });
    if (i % 2 === 0) await posts.publish({ documentId: post.documentId });
    process.stdout.write(`wrote ${i + 1}\n`);
  }
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
