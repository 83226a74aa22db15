'use strict';
/**
 * Boots the playground for the benchmark on its own database, from a private copy of the compiled
 * playground (playground/dist may be rebuilt by someone else while the bench runs).
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const PLAYGROUND = path.join(ROOT, 'playground');
const PLAYGROUND_DIST = path.join(PLAYGROUND, 'dist');
const DATA_DIR = path.join(ROOT, 'bench', '.data');
const PLUGIN_ENTRY = path.join(ROOT, 'dist', 'server', 'index.js');

/**
 * The plugin config the bench boots with: the playground's own, written out explicitly, without
 * the events rate limit (the load comes from one address).
 */
const BENCH_PLUGIN_CONFIG = {
  stages: 'default',
  contentTypes: ['api::article.article'],
  analytics: { rateLimit: false },
  // The forms bench sends thousands of submissions from one client to one form.
  forms: { rateLimit: false, formRateLimit: false },
};

/**
 * What a user builds instead of the events endpoint: a plain collection type of events written
 * through Strapi's core REST, one event per request (the ingestion baseline). Added to the bench's
 * copy of the app only.
 */
const PAGE_EVENT_UID = 'api::page-event.page-event';
const PAGE_EVENT_SCHEMA = {
  kind: 'collectionType',
  collectionName: 'page_events',
  info: { singularName: 'page-event', pluralName: 'page-events', displayName: 'Page event' },
  options: { draftAndPublish: false },
  attributes: {
    type: { type: 'enumeration', enum: ['view', 'click', 'conversion'], required: true },
    entryDocumentId: { type: 'string', required: true },
    contentType: { type: 'string', required: true },
    entryLocale: { type: 'string' },
    persona: { type: 'string' },
    stage: { type: 'string' },
    target: { type: 'string' },
  },
};
/**
 * What a user builds instead of a form endpoint: a plain collection type of leads written through
 * core REST, the same values as a submission (the forms baseline). Bench copy only.
 */
const LEAD_UID = 'api::lead.lead';
const LEAD_SCHEMA = {
  kind: 'collectionType',
  collectionName: 'leads',
  info: { singularName: 'lead', pluralName: 'leads', displayName: 'Lead' },
  options: { draftAndPublish: false },
  attributes: {
    email: { type: 'email', required: true },
    name: { type: 'string', required: true, minLength: 2, maxLength: 40 },
    phone: { type: 'string' },
    employees: { type: 'integer', min: 1, max: 10000 },
    plan: { type: 'enumeration', enum: ['starter', 'business'], required: true },
    message: { type: 'text' },
    consent: { type: 'boolean', required: true },
  },
};

/** Adds a core collection type (router, controller, service, schema) to the bench's app copy. */
const addCoreType = (dist, uid, schema) => {
  const name = schema.info.singularName;
  const api = path.join(dist, 'src', 'api', name);
  const factory = (kind) =>
    `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.default = require("@strapi/strapi").factories.${kind}('${uid}');\n`;
  for (const [kind, factoryName] of [
    ['routes', 'createCoreRouter'],
    ['controllers', 'createCoreController'],
    ['services', 'createCoreService'],
  ]) {
    fs.mkdirSync(path.join(api, kind), { recursive: true });
    fs.writeFileSync(path.join(api, kind, `${name}.js`), factory(factoryName));
  }
  const types = path.join(api, 'content-types', name);
  fs.mkdirSync(types, { recursive: true });
  fs.writeFileSync(path.join(types, 'schema.json'), JSON.stringify(schema));
};
const addPageEventType = (dist) => {
  addCoreType(dist, PAGE_EVENT_UID, PAGE_EVENT_SCHEMA);
  addCoreType(dist, LEAD_UID, LEAD_SCHEMA);
};

/** Apps booted and not stopped yet, so an interrupted run can still drop its database. */
const running = new Set();
const stopAll = async () => {
  for (const app of [...running]) await app.stop().catch(() => undefined);
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const randomTag = () => crypto.randomBytes(5).toString('hex');

/** Waits (up to `timeoutMs`) until `check()` is true; for build outputs that are briefly missing. */
const waitFor = async (what, check, timeoutMs = 180_000) => {
  const deadline = Date.now() + timeoutMs;
  let warned = false;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`${what} did not appear within ${timeoutMs / 1000}s`);
    if (!warned) {
      console.warn(`[bench] waiting for ${what}...`);
      warned = true;
    }
    await sleep(1000);
  }
};

/**
 * Copies the compiled server side of the playground (config/ and src/, not the 13 MB admin build,
 * which the server does not need) into bench/.data/dist-<random>, and writes its own
 * config/plugins.js that loads the plugin from the repository root. Retries while dist is missing
 * or half-written.
 */
const copyPlaygroundDist = async ({ pluginConfig = BENCH_PLUGIN_CONFIG } = {}) => {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const complete = () =>
    fs.existsSync(path.join(PLAYGROUND_DIST, 'config', 'plugins.js')) &&
    fs.existsSync(path.join(PLAYGROUND_DIST, 'config', 'database.js')) &&
    fs.existsSync(path.join(PLAYGROUND_DIST, 'src', 'index.js'));
  for (let attempt = 1; ; attempt += 1) {
    await waitFor('playground/dist (compiled playground)', complete);
    const dist = path.join(DATA_DIR, `dist-${randomTag()}`);
    try {
      for (const part of ['config', 'src']) {
        fs.cpSync(path.join(PLAYGROUND_DIST, part), path.join(dist, part), { recursive: true });
      }
      if (
        !fs.existsSync(path.join(dist, 'src', 'index.js')) ||
        !fs.existsSync(path.join(dist, 'config', 'database.js'))
      ) {
        throw new Error('incomplete copy');
      }
      const plugins = {
        'users-permissions': {
          config: { jwtSecret: 'journey-bench-users-permissions-jwt-secret' },
        },
        journey: { enabled: true, resolve: ROOT, config: pluginConfig },
      };
      fs.writeFileSync(
        path.join(dist, 'config', 'plugins.js'),
        `module.exports = ${JSON.stringify(plugins)};\n`
      );
      addPageEventType(dist);
      return dist;
    } catch (error) {
      fs.rmSync(dist, { recursive: true, force: true });
      if (attempt >= 30) throw error;
      await sleep(1000);
    }
  }
};

const pgAdminConfig = () => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || 'postgres',
  database: 'postgres',
});

const withPgAdmin = async (run) => {
  const { Client } = require('pg');
  const client = new Client(pgAdminConfig());
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

/** A fresh database: a SQLite file in bench/.data, or journey_bench_<n> on the local PostgreSQL. */
const createBenchDatabase = async (engine) => {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const tag = randomTag();
  if (engine === 'postgres') {
    const name = `journey_bench_${tag}`;
    await withPgAdmin((client) => client.query(`CREATE DATABASE ${name}`));
    const admin = pgAdminConfig();
    return {
      engine,
      name,
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: admin.host,
        DATABASE_PORT: String(admin.port),
        DATABASE_USERNAME: admin.user,
        DATABASE_PASSWORD: admin.password,
        DATABASE_NAME: name,
      },
      drop: () =>
        withPgAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
          () => undefined
        ),
    };
  }
  const filename = path.join(DATA_DIR, `journey-bench-${tag}.db`);
  return {
    engine: 'sqlite',
    name: filename,
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        fs.rmSync(filename + suffix, { force: true });
    },
  };
};

/**
 * Boots Strapi on a fresh bench database and listens on 127.0.0.1 (random port). Returns
 * { strapi, baseUrl, database, stop }. `stop()` destroys Strapi, drops the database and removes
 * the dist copy.
 */
const bootBench = async ({ engine = 'sqlite', keepDatabase = false } = {}) => {
  Object.assign(process.env, {
    STRAPI_TELEMETRY_DISABLED: 'true',
    CRON_ENABLED: 'false',
    // The playground seeds demo content in development on an empty database: not here.
    JOURNEY_DEMO: 'false',
  });
  if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';
  const { createStrapi } = require('@strapi/strapi');

  for (let attempt = 1; ; attempt += 1) {
    await waitFor('dist/server/index.js (the built plugin)', () => fs.existsSync(PLUGIN_ENTRY));
    const distDir = await copyPlaygroundDist();
    const database = await createBenchDatabase(engine);
    Object.assign(process.env, database.env);
    const app = createStrapi({ appDir: PLAYGROUND, distDir });
    app.log.level = 'error';
    try {
      await app.load();
      if (!app.plugin('journey'))
        throw new Error('the journey plugin was not loaded (dist/server/index.js missing?)');
    } catch (error) {
      await app.destroy().catch(() => undefined);
      fs.rmSync(distDir, { recursive: true, force: true });
      await database.drop().catch(() => undefined);
      if (attempt >= 3) throw error;
      console.warn(
        `[bench] boot failed (${error.message}); retrying (the build may be in progress)`
      );
      await sleep(3000);
      continue;
    }
    app.server.mount();
    await new Promise((resolve, reject) => {
      // Node closes a keep-alive socket idle for 5 s; on a starved machine (a CI run beside other
      // work) that can hit a socket whose next request is already on its way, which autocannon
      // counts as an error. Load balancers' usual setting instead: 65 s.
      app.server.httpServer.keepAliveTimeout = 65_000;
      app.server.httpServer.headersTimeout = 66_000;
      app.server.httpServer.once('error', reject);
      app.server.httpServer.listen(0, '127.0.0.1', resolve);
    });
    const { port } = app.server.httpServer.address();
    let stopped = false;
    const bench = {
      strapi: app,
      baseUrl: `http://127.0.0.1:${port}`,
      database,
      distDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await new Promise((resolve) => app.server.httpServer.close(() => resolve()));
        await sleep(100);
        await app.destroy().catch(() => undefined);
        fs.rmSync(distDir, { recursive: true, force: true });
        running.delete(bench);
        if (!keepDatabase)
          await database
            .drop()
            .catch((error) => console.warn(`[bench] could not drop database: ${error.message}`));
      },
    };
    running.add(bench);
    return bench;
  }
};

module.exports = {
  ROOT,
  PLAYGROUND,
  DATA_DIR,
  BENCH_PLUGIN_CONFIG,
  PAGE_EVENT_UID,
  LEAD_UID,
  copyPlaygroundDist,
  createBenchDatabase,
  bootBench,
  stopAll,
  sleep,
};
