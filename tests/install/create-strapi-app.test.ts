/**
 * The README's install route, as a new user follows it: pack this repository (`npm pack`), generate
 * a Strapi app with create-strapi-app at the pinned version (TypeScript, SQLite), install the
 * tarball, add the `journey` key to the app's existing config/plugins.ts, build and start the app,
 * read `/api/journey/stages`; and compile a consumer of `strapi-plugin-journey/contracts` and
 * `/client` with the generated app's own tsconfig (moduleResolution "Node").
 *
 * Needs the built plugin (`npm run build`) and the npm registry. Takes minutes (the app install
 * and the admin build dominate): it is its own jest project, run by `npm test`. The app lives in
 * one temp folder that is removed afterwards. npm uses its own cache (~/.npm), as a user's install
 * would, and prefers what is cached: the app needs the same Strapi packages as this repository,
 * which `npm install` here has just fetched. (With an empty cache in the temp folder the app's
 * install alone took 760-985 s, all of it downloading what the machine already had.)
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { ROOT } from '../helpers/paths';

const STRAPI_VERSION = '5.54.0';
// A hang guard, not a speed limit: the registry and a busy machine decide how long this takes.
jest.setTimeout(30 * 60_000);

let work: string;
let appDir: string;
let npmEnv: NodeJS.ProcessEnv;
const timings: Record<string, number> = {};

const run = (label: string, command: string, args: string[], options: SpawnSyncOptions = {}) => {
  const started = Date.now();
  const result = spawnSync(command, args, {
    env: npmEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  timings[label] = Math.round((Date.now() - started) / 1000);
  if (result.status !== 0) {
    throw new Error(
      `${label} failed (exit ${result.status}):\n${String(result.stdout).slice(-4000)}\n${String(result.stderr).slice(-4000)}`
    );
  }
  return String(result.stdout);
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server', 'index.js')))
    throw new Error('The plugin is not built: run `npm run build` (npm test does it for you).');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-install-'));
  appDir = path.join(work, 'my-app');
  npmEnv = {
    ...process.env,
    npm_config_prefer_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    NODE_ENV: 'development',
  };
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
  console.log(
    `create-strapi-app install test timings (s): ${JSON.stringify(timings)}, total ${Object.values(
      timings
    ).reduce((a, b) => a + b, 0)}`
  );
});

describe('installing the packed plugin into a fresh create-strapi-app app', () => {
  let tarball: string;

  it('packs the repository', () => {
    const out = run('npm pack', 'npm', ['pack', '--json', '--pack-destination', work], {
      cwd: ROOT,
    });
    const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, packed.filename);
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/server/index.js',
        'dist/admin/index.mjs',
        'dist/shared/contracts.d.ts',
        'dist/client/client.d.ts',
        'dist/client/index.js',
        'package.json',
      ])
    );
    // Only the built package: no sources, tests or playground.
    expect(files.filter((file) => /^(server|admin|tests|playground|demo)\//.test(file))).toEqual(
      []
    );
  });

  it(`generates a TypeScript SQLite app with create-strapi-app@${STRAPI_VERSION}`, () => {
    run('create-strapi-app', 'npx', [
      '--yes',
      `create-strapi-app@${STRAPI_VERSION}`,
      appDir,
      '--ts',
      '--use-npm',
      '--dbclient=sqlite',
      '--skip-cloud',
      '--no-example',
      '--no-git-init',
      '--install',
      '--no-run',
      '--non-interactive',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8'));
    expect(manifest.dependencies['@strapi/strapi']).toBe(STRAPI_VERSION);
    // create-strapi-app leaves the SQLite file name empty in .env; the default config then
    // points at nothing, so set it as a user would.
    const envFile = path.join(appDir, '.env');
    const env = fs.readFileSync(envFile, 'utf8');
    fs.writeFileSync(
      envFile,
      /^DATABASE_FILENAME=.*$/m.test(env)
        ? env.replace(/^DATABASE_FILENAME=.*$/m, 'DATABASE_FILENAME=.tmp/data.db')
        : `${env}\nDATABASE_FILENAME=.tmp/data.db\n`
    );
  });

  it('installs the tarball and adds the journey key to the existing config/plugins.ts', () => {
    run('npm install <tarball>', 'npm', ['install', tarball], { cwd: appDir });
    const installed = JSON.parse(
      fs.readFileSync(
        path.join(appDir, 'node_modules', 'strapi-plugin-journey', 'package.json'),
        'utf8'
      )
    );
    expect(installed.name).toBe('strapi-plugin-journey');

    // The README's snippet: the generated file's entries (users-permissions, upload) stay, and
    // `journey` is added beside them in the object the config function returns. A preset other
    // than the default proves the added key is the config Strapi reads.
    const pluginsFile = path.join(appDir, 'config', 'plugins.ts');
    const generated = fs.readFileSync(pluginsFile, 'utf8');
    const returnedObject = /=>\s*\(\{/;
    expect(generated).toMatch(returnedObject);
    expect(generated).toContain("'users-permissions': {");
    fs.writeFileSync(
      pluginsFile,
      generated.replace(
        returnedObject,
        `=> ({\n  journey: {\n    enabled: true,\n    config: { stages: 'five-step' },\n  },`
      )
    );

    // What an admin does in Settings > Users & Permissions: let Public read the stages.
    fs.writeFileSync(
      path.join(appDir, 'src', 'index.ts'),
      `import type { Core } from '@strapi/strapi';

export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const permissions = strapi.db.query('plugin::users-permissions.permission');
    const action = 'plugin::journey.stage.find';
    if (!(await permissions.findOne({ where: { action, role: role.id } })))
      await permissions.create({ data: { action, role: role.id } });
  },
};
`
    );
  });

  it('compiles a consumer of /contracts and /client with the app’s own tsconfig', () => {
    const tsconfig = fs.readFileSync(path.join(appDir, 'tsconfig.json'), 'utf8');
    expect(tsconfig).toMatch(/"moduleResolution":\s*"Node"/);
    fs.writeFileSync(
      path.join(appDir, 'src', 'journey-consumer.ts'),
      `import type { ContentResponse, StagesResponse } from 'strapi-plugin-journey/contracts';
import { createJourneyClient } from 'strapi-plugin-journey/client';

const journey = createJourneyClient({ baseUrl: 'http://localhost:1337' });
export const stages: Promise<StagesResponse> = journey.stages();
export const content: Promise<ContentResponse> = journey.content({ stage: 'awareness' });
// @ts-expect-error: a stage key is a string (fails if the types resolved to any)
export const wrong: StagesResponse = { data: [{ key: 1 }] };
`
    );
    run('tsc (app tsconfig)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], { cwd: appDir });
  });

  it('builds, starts, and serves /api/journey/stages', async () => {
    run('strapi build', 'npx', ['strapi', 'build'], {
      cwd: appDir,
      env: { ...npmEnv, NODE_ENV: 'production' },
    });
    const port = await freePort();
    const started = Date.now();
    const server = spawn('npx', ['strapi', 'start'], {
      cwd: appDir,
      env: { ...npmEnv, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    server.stdout?.on('data', (chunk) => (log += chunk));
    server.stderr?.on('data', (chunk) => (log += chunk));
    try {
      let answer: { status: number; body: { data?: { key: string }[] } } | undefined;
      const deadline = Date.now() + 180_000;
      while (!answer && Date.now() < deadline) {
        if (server.exitCode !== null) throw new Error(`strapi start exited:\n${log}`);
        try {
          const response = await fetch(`http://127.0.0.1:${port}/api/journey/stages`);
          answer = { status: response.status, body: await response.json() };
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 500)); // not listening yet
        }
      }
      timings['strapi start until it answers'] = Math.round((Date.now() - started) / 1000);
      if (!answer) throw new Error(`no answer from strapi start within 180 s:\n${log}`);
      expect(answer.status).toBe(200);
      expect(answer.body.data?.map((stage) => stage.key)).toEqual([
        'awareness',
        'research',
        'consideration',
        'decision',
        'post-purchase',
      ]);
    } finally {
      // Its own process group: stops npx and the Strapi process under it.
      if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
      await new Promise((resolve) =>
        server.exitCode !== null ? resolve(null) : server.once('exit', resolve)
      );
    }
  });
});
