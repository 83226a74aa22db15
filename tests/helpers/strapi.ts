import { spawn, type StdioOptions } from 'child_process';
import fs from 'fs';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './database';
import { PLAYGROUND, PLAYGROUND_DIST, ROOT } from './paths';

export interface BootOptions {
  /** Replaces `journey.config` in the playground's config/plugins for this boot. */
  pluginConfig?: Record<string, unknown>;
  /** Reuse a database (to test what survives a restart); by default a fresh one is created. */
  database?: TestDatabase;
  /** Extra `api::<name>.<name>` content types for this boot only (schema.json contents). */
  extraContentTypes?: Record<string, Record<string, unknown>>;
  /** Other plugins' entries of config/plugins for this boot, e.g. `{ graphql: { enabled: false } }`. */
  plugins?: Record<string, unknown>;
}

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** The compiled app it booted from (for a second instance in another process; removed on stop). */
  distDir: string;
  /** Stops Strapi; keeps the database when `keepDatabase` (to boot again on it). */
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

/**
 * A copy of the compiled playground whose config/plugins.js sets the given journey config, so a
 * test can boot Strapi with another stage model without touching the demo app's files.
 */
const customDist = (
  pluginConfig: Record<string, unknown>,
  extraContentTypes: BootOptions['extraContentTypes'] = {},
  otherPlugins: BootOptions['plugins'] = {}
) => {
  // Inside the repository, so the compiled app still resolves @strapi/* from node_modules.
  const parent = path.join(PLAYGROUND, '.tmp');
  fs.mkdirSync(parent, { recursive: true });
  const dist = fs.mkdtempSync(path.join(parent, 'test-dist-'));
  fs.cpSync(PLAYGROUND_DIST, dist, { recursive: true });
  const plugins = {
    'users-permissions': { config: { jwtSecret: 'journey-test-users-permissions-jwt-secret' } },
    journey: { enabled: true, resolve: ROOT, config: pluginConfig },
    ...otherPlugins,
  };
  fs.writeFileSync(
    path.join(dist, 'config', 'plugins.js'),
    `module.exports = ${JSON.stringify(plugins)};\n`
  );
  for (const [name, schema] of Object.entries(extraContentTypes)) {
    const dir = path.join(dist, 'src', 'api', name, 'content-types', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'schema.json'), JSON.stringify(schema));
  }
  return dist;
};

/**
 * Strapi emits document events after commit without awaiting them (they re-read the entry), so a
 * test that stops right after a write would close the pool under them. Wait until it is idle.
 */
const waitForIdleDatabase = async (strapi: Core.Strapi) => {
  const pool = (
    strapi.db.connection as unknown as { client: { pool?: Record<string, () => number> } }
  ).client.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
  const deadline = Date.now() + 5000;
  for (let quietTicks = 0; quietTicks < 3 && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    quietTicks = busy() === 0 ? quietTicks + 1 : 0;
  }
};

/** Boots the playground for real (register, schema sync, bootstrap) on a test database. */
export const bootStrapi = async (options: BootOptions = {}): Promise<TestApp> => {
  const database = options.database ?? (await createTestDatabase());
  Object.assign(process.env, database.env, {
    STRAPI_TELEMETRY_DISABLED: 'true',
    CRON_ENABLED: 'false',
  });

  const custom = options.pluginConfig || options.extraContentTypes || options.plugins;
  const distDir = custom
    ? customDist(options.pluginConfig ?? {}, options.extraContentTypes, options.plugins)
    : PLAYGROUND_DIST;
  const strapi = createStrapi({ appDir: PLAYGROUND, distDir });
  strapi.log.level = 'error';
  try {
    await strapi.load();
  } catch (error) {
    await strapi.destroy().catch(() => undefined);
    if (distDir !== PLAYGROUND_DIST) fs.rmSync(distDir, { recursive: true, force: true });
    if (!options.database) await database.drop();
    throw error;
  }
  strapi.server.mount();

  return {
    strapi,
    database,
    distDir,
    async stop({ keepDatabase = false } = {}) {
      await waitForIdleDatabase(strapi);
      await strapi.destroy();
      if (distDir !== PLAYGROUND_DIST) fs.rmSync(distDir, { recursive: true, force: true });
      if (!keepDatabase) await database.drop();
    },
  };
};

/**
 * Boots Strapi as a restart does in production: in a fresh module registry. Strapi keeps some
 * per-UID state at module level (e.g. the Document Service's deep-populate cache), so a second
 * boot in the same jest process after a schema change would reuse shapes from the old schema;
 * a real restart is a new process and starts clean.
 */
export const restartStrapi = (options: BootOptions = {}): Promise<TestApp> => {
  let boot: typeof bootStrapi = bootStrapi;
  jest.isolateModules(() => {
    // A synchronous require inside the isolated registry: an import() would load it outside.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    boot = (require('./strapi') as { bootStrapi: typeof bootStrapi }).bootStrapi;
  });
  return boot(options);
};

/** Starts the app's HTTP server on a free loopback port (for real HTTP clients); returns its URL. */
export const listenOnFreePort = async (app: TestApp): Promise<string> => {
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
};

/**
 * Starts a helper script (tests/helpers/*-process.js) as its own Node process that boots the
 * playground on the same test database: a second Strapi with its own connection pool.
 */
export const spawnStrapiProcess = (
  script: string,
  { database, distDir = PLAYGROUND_DIST }: { database: TestDatabase; distDir?: string },
  stdio: StdioOptions = ['ignore', 'pipe', 'pipe']
) =>
  spawn(process.execPath, [path.join(__dirname, script)], {
    env: {
      ...process.env,
      ...database.env,
      APP_DIR: PLAYGROUND,
      DIST_DIR: distDir,
      STRAPI_TELEMETRY_DISABLED: 'true',
      CRON_ENABLED: 'false',
      NODE_ENV: 'test',
    },
    stdio,
  });
