#!/usr/bin/env node
/**
 * Builds the demo site (demo/) into playground/public/demo/, which Strapi serves at /demo/.
 * The output is generated (git-ignored): `npm run develop`, `npm test` and the browser tests run
 * this first. esbuild bundles demo/src/main.ts with the typed client into one ES module.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'demo');
const out = path.join(root, 'playground', 'public', 'demo');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
await build({
  entryPoints: [path.join(source, 'src', 'main.ts')],
  outfile: path.join(out, 'app.js'),
  bundle: true,
  format: 'esm',
  target: 'es2020',
  sourcemap: true,
  logLevel: 'warning',
});
for (const file of ['index.html', 'styles.css']) {
  fs.copyFileSync(path.join(source, file), path.join(out, file));
}
console.log(`Demo site built into ${path.relative(root, out)}/ (served at /demo/)`);
