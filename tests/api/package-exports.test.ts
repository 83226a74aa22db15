/**
 * The `contracts` and `client` subpath exports as a consumer meets them: a project with
 * `strapi-plugin-journey` in its node_modules (a link to this built repository) compiled with each
 * TypeScript module resolution apps use (node10 is what create-strapi-app 5.54 generates), then
 * loaded by Node both as CommonJS and as an ES module. Needs the built package (`npm run build`).
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import ts from 'typescript';
import { ROOT } from '../helpers/paths';

let consumerDir: string;

// Type-only and value imports from both subpaths. The @ts-expect-error lines fail the compile if
// the types resolved to `any` (a missing declaration file that skipLibCheck would hide).
const CONSUMER = `
import type { ContentResponse, StagesResponse } from 'strapi-plugin-journey/contracts';
import { createJourneyClient, JourneyApiError, type BlogPost } from 'strapi-plugin-journey/client';

const journey = createJourneyClient({ baseUrl: 'http://localhost:1337', locale: 'en' });
export const stages: Promise<StagesResponse> = journey.stages();
export const content: Promise<ContentResponse> = journey.content({ stage: 'awareness' });
export const post: Promise<BlogPost | null> = journey.entryBySlug('blog-post', 'hello');
export const isApiError = (error: unknown) => error instanceof JourneyApiError && error.status === 404;
// @ts-expect-error: 'article' is not a shipped type
journey.entry('article', 'x');
// @ts-expect-error: a stage key is a string
export const wrong: StagesResponse = { data: [{ key: 1 }] };
`;

const MODES: { name: string; file: string; options: ts.CompilerOptions }[] = [
  {
    name: 'node10 (moduleResolution "node", as create-strapi-app generates)',
    file: 'consumer.ts',
    options: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 },
  },
  {
    name: 'node16, CommonJS consumer',
    file: 'consumer.ts',
    options: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
  },
  {
    name: 'node16, ES module consumer (.mts)',
    file: 'consumer.mts',
    options: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
  },
  {
    name: 'bundler',
    file: 'consumer.ts',
    options: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  },
];

beforeAll(() => {
  for (const built of ['dist/shared/contracts.d.ts', 'dist/client/client.d.ts']) {
    if (!fs.existsSync(path.join(ROOT, built)))
      throw new Error(`${built} is missing: run \`npm run build\` first.`);
  }
  consumerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-consumer-'));
  fs.mkdirSync(path.join(consumerDir, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(consumerDir, 'node_modules', 'strapi-plugin-journey'), 'dir');
  fs.writeFileSync(
    path.join(consumerDir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true })
  );
  fs.writeFileSync(path.join(consumerDir, 'consumer.ts'), CONSUMER);
  fs.writeFileSync(path.join(consumerDir, 'consumer.mts'), CONSUMER);
});

afterAll(() => {
  if (consumerDir) fs.rmSync(consumerDir, { recursive: true, force: true });
});

describe('strapi-plugin-journey/contracts and /client type-check in a consumer', () => {
  it.each(MODES)('with moduleResolution $name', ({ file, options }) => {
    const program = ts.createProgram([path.join(consumerDir, file)], {
      ...options,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    // The client's declarations come from the built package, not from this repository's sources.
    const clientDeclaration = program
      .getSourceFiles()
      .map((source) => source.fileName)
      .find((name) => name.endsWith('client.d.ts'));
    expect(clientDeclaration).toBe(path.join(ROOT, 'dist', 'client', 'client.d.ts'));
  });
});

describe('strapi-plugin-journey/client loads in Node', () => {
  const runNode = (args: string[]) =>
    spawnSync(process.execPath, args, { cwd: consumerDir, encoding: 'utf8' });

  it('through require (CommonJS)', () => {
    const result = runNode([
      '-e',
      "const c = require('strapi-plugin-journey/client'); console.log(typeof c.createJourneyClient, c.toQueryString({ populate: { seo: { populate: 'shareImage' } } }))",
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('function ?populate%5Bseo%5D%5Bpopulate%5D=shareImage');
  });

  it('through import (ES module)', () => {
    const result = runNode([
      '--input-type=module',
      '-e',
      "import { createJourneyClient, JourneyApiError } from 'strapi-plugin-journey/client'; console.log(typeof createJourneyClient, typeof JourneyApiError)",
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('function function');
  });
});
