// ESLint (flat config): the recommended rules of ESLint, typescript-eslint and eslint-plugin-svelte,
// nothing stricter. Formatting is Prettier's job (`npm run check` runs it first).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './site/svelte.config.js';

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      'site/.svelte-kit/',
      'site/build/',
      'cdk.out/',
      '**/build/',
      '**/dist/',
      '.data/',
      '.dynamodb-local/',
      'test/.artifacts/',
      'infra/fixtures/',
      'test/fixtures/',
      'site/static/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // French typography puts narrow no-break spaces in text on purpose (`typeset`, the dictionaries).
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // `_`-prefixed names are deliberately unused (destructuring to drop a key, unused parameters).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
    rules: {
      // The site has no base path (`kit.paths.base` unset): links are built by `localPath`
      // (the language prefix), so `resolve()` would change nothing.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
);
