// ESLint 10 flat config: typescript-eslint's recommended rules everywhere, React hooks rules for the
// admin. (@strapi/eslint-config pins ESLint 8 and airbnb, which no longer install cleanly with
// ESLint 10; these are the rule sets it builds on.) Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      '.tmp/**',
      'playground/.strapi/**',
      'playground/build/**',
      'playground/.tmp/**',
      'playground/types/generated/**',
      'bench/.data/**',
      'playground/public/demo/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['admin/**/*.{ts,tsx}', 'tests/admin/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The demo site runs in the browser.
    files: ['demo/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // API tests read supertest bodies and call the Document Service for UIDs chosen at run time,
    // both untyped; the plugin's own source (server/, admin/, shared/) allows no `any`.
    files: ['tests/api/**/*.ts', 'tests/helpers/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain Node scripts (bench, test runner, CI helpers) are CommonJS or ESM JavaScript.
    files: ['**/*.{js,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  }
);
