import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserDirs = ['./src/card', './src/config', './src/bridge', './src/api', './src/ui'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'test-results', 'playwright-report', 'e2e/output', 'public/mockServiceWorker.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2023 },
    settings: {
      // Rules that read the imported files (no-cycle) must parse TypeScript too.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-duplicates': 'error',
      // A cycle makes load order matter and hides which module owns what; static and dynamic imports alike.
      'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: false }],
      // Dependencies point one way (DESIGN section 4).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/card', from: './src/config', message: 'card/ and config/ never import each other.' },
            {
              target: './src/config',
              from: './src/card',
              // The configuration's preview renders with the card's own order card and field list.
              except: ['./orders/order-card.tsx', './fields/field-list.tsx'],
              message: 'card/ and config/ never import each other (the preview may use the order card and the field list).',
            },
            ...browserDirs.map((target) => ({ target, from: './src/server', message: 'Browser code never imports the server.' })),
            ...browserDirs.map((target) => ({ target, from: './mocks/shopify', message: 'The sandbox store is not browser code.' })),
            {
              target: './src/shared',
              from: ['./src/card', './src/config', './src/bridge', './src/api', './src/ui', './src/server', './mocks'],
              message: 'shared/ imports nothing of ours.',
            },
            { target: './src/server', from: browserDirs, message: 'The server never imports browser code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/{card,config,bridge,api,ui,test}/**/*.{ts,tsx}', 'mocks/api/**/*.ts', 'src/server/demo-inbox/browser/**/*.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['src/server/**/*.ts', 'mocks/shopify/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', '*.config.{ts,js}'],
    ignores: ['src/server/demo-inbox/browser/**'],
    languageOptions: { globals: globals.node },
  },
);
