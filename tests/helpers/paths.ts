import path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PLAYGROUND = path.join(ROOT, 'playground');
/** Where globalSetup compiles the playground once for all API suites. */
export const PLAYGROUND_DIST = path.join(PLAYGROUND, 'dist');
