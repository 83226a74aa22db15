/*
 * A playground Strapi in its own process (own connection pool) on the database in DATABASE_*, for
 * races between processes. Prints {"ready":"boot"} once booted. Then, per JSON line on stdin
 * `{"id","op","args"}`: prepares, prints {"ready":id} and waits for `{"go":id}`, so every process
 * starts its writes at the same moment; then prints {"done":id,"result"}. Errors are reported, not
 * thrown: the test decides which ones are allowed.
 */
const readline = require('readline');
const { createStrapi } = require('@strapi/strapi');
const { errors } = require('@strapi/utils');

const STAGES = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

/** What the test needs of an error: an ApplicationError is a 4xx; anything else would be a 500. */
const describeError = (error) => ({
  name: error?.name,
  message: String(error?.message).slice(0, 300),
  path: error?.details?.errors?.[0]?.path ?? null,
  application: error instanceof errors.ApplicationError,
});

const settle = async (runs) => {
  const results = await Promise.allSettled(runs);
  return {
    values: results.filter((r) => r.status === 'fulfilled').map((r) => r.value),
    errors: results.filter((r) => r.status === 'rejected').map((r) => describeError(r.reason)),
  };
};

const ops = (app) => ({
  /** `count` posts titled `title` at once; every other one linked to `persona`, every third published. */
  createPosts: ({ title, count, offset, persona }) =>
    settle(
      Array.from({ length: count }, (_, i) =>
        app
          .documents('plugin::journey.blog-post')
          .create({
            data: {
              title,
              journeyStage: STAGES[(offset + i) % STAGES.length],
              personas: persona && i % 2 === 0 ? [persona] : [],
            },
          })
          .then(async (post) => {
            if (i % 3 === 0)
              await app
                .documents('plugin::journey.blog-post')
                .publish({ documentId: post.documentId });
            return { documentId: post.documentId, slug: post.slug };
          })
      )
    ),
  /** `count` personas named `name` at once. */
  createPersonas: ({ name, count }) =>
    settle(
      Array.from({ length: count }, () =>
        app
          .documents('plugin::journey.persona')
          .create({ data: { name } })
          .then((persona) => ({ documentId: persona.documentId }))
      )
    ),
  /** `times` publishes and unpublishes of one document at once, alternating from `start`. */
  toggle: ({ documentId, times, start }) =>
    settle(
      Array.from({ length: times }, (_, i) => {
        const posts = app.documents('plugin::journey.blog-post');
        const action = (i + start) % 2 === 0 ? 'publish' : 'unpublish';
        return posts[action]({ documentId }).then(() => action);
      })
    ),
});

(async () => {
  const app = createStrapi({ appDir: process.env.APP_DIR, distDir: process.env.DIST_DIR });
  app.log.level = 'error';
  await app.load();
  const run = ops(app);
  const waiting = new Map();
  send({ ready: 'boot' });

  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const message = JSON.parse(line);
    if (message.go !== undefined) {
      waiting.get(message.go)?.();
      return;
    }
    const { id, op, args } = message;
    new Promise((resolve) => {
      waiting.set(id, resolve);
      send({ ready: id });
    })
      .then(() => run[op](args))
      .then((result) => send({ done: id, result }))
      .catch((error) => send({ done: id, failed: describeError(error) }));
  });
  process.stdin.on('end', () => app.destroy().then(() => process.exit(0)));
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
