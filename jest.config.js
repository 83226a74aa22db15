/** Unit tests run in parallel; API tests boot a real Strapi each and run one file at a time. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];

/*
 * Admin component tests compile TSX with the admin's compiler options (tests/admin/tsconfig.json
 * extends admin/tsconfig.json), as CommonJS for jest, without type checking (`npm run typecheck`
 * does that). The same transformer compiles the few packages that ship only ES modules: ts-jest
 * keeps one configuration per project, so a second ts-jest entry with other options would be
 * ignored.
 */
const adminTsJest = [
  'ts-jest',
  { tsconfig: '<rootDir>/tests/admin/tsconfig.json', diagnostics: false },
];
const ESM_ONLY_PACKAGES = [
  'react-dnd',
  'dnd-core',
  'react-dnd-html5-backend',
  '@react-dnd',
  'fractional-indexing',
  // msw's dependencies
  'rettime',
  'until-async',
  '@open-draft/deferred-promise',
];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'admin',
      // jsdom with Node's fetch, which msw intercepts (see the file).
      testEnvironment: '<rootDir>/tests/admin/setup/jsdom-environment.js',
      testEnvironmentOptions: {
        url: 'http://localhost:1337/admin',
        // Resolve packages as Node does: msw/node has no 'browser' build.
        customExportConditions: [''],
      },
      testMatch: ['<rootDir>/tests/admin/**/*.test.tsx'],
      transform: { '^.+\\.(tsx?|m?js)$': adminTsJest },
      transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
      moduleNameMapper: {
        '^@strapi/admin-test-utils$': '<rootDir>/tests/admin/setup/admin-test-utils.ts',
        '\\.(css|svg|png|jpe?g|gif|webp|woff2?)(\\?.*)?$':
          '<rootDir>/tests/admin/setup/asset-stub.ts',
      },
      setupFiles: ['<rootDir>/tests/admin/setup/browser-apis.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/admin/setup/after-env.ts'],
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      // Strapi sets globals and boots a whole server; one per file, then torn down.
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/api-setup.ts'],
    },
    {
      // The README's install route in a fresh create-strapi-app app (minutes, needs the registry).
      displayName: 'install',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/install/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/setup.ts'],
    },
  ],
};
