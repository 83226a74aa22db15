/*
 * A playground Strapi in its own process that writes tagged entries until it is killed: creates
 * posts linked to personas, publishes some, and moves earlier ones to another stage and persona,
 * so a kill can land in any of the writes coverage counts (rows, link rows, stage column).
 */
const { createStrapi } = require('@strapi/strapi');

(async () => {
  const app = createStrapi({ appDir: process.env.APP_DIR, distDir: process.env.DIST_DIR });
  app.log.level = 'error';
  await app.load();
  const posts = app.documents('plugin::journey.blog-post');
  const personaDocs = app.documents('plugin::journey.persona');
  const stages = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
  const personas = [];
  for (const name of ['Crash owner', 'Crash buyer']) {
    const persona = await personaDocs.create({ data: { name } });
    await personaDocs.publish({ documentId: persona.documentId });
    personas.push(persona.documentId);
  }
  const written = [];
  process.stdout.write('ready\n');
  for (let i = 0; ; i += 1) {
    const post = await posts.create({
      data: {
        title: `Crash ${i}`,
        journeyStage: stages[i % 5],
        personas: i % 3 === 2 ? personas : [personas[i % 2]],
      },
    });
    written.push(post.documentId);
    if (i % 2 === 0) await posts.publish({ documentId: post.documentId });
    if (i % 4 === 3) {
      // Re-tag an earlier post (and publish the change), so updates are mid-flight too.
      const earlier = written[(i * 7) % written.length];
      await posts.update({
        documentId: earlier,
        data: { journeyStage: stages[(i * 3) % 5], personas: [personas[(i + 1) % 2]] },
      });
      await posts.publish({ documentId: earlier });
    }
    process.stdout.write(`wrote ${i + 1}\n`);
  }
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
