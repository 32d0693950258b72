// ESLint flat config: typescript-eslint's strict type-aware rules for src/, recommended rules for tests and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench-results/', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The model is pure: no Office, no DOM, no clock, and it imports nothing from the adapters.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'Office', 'Excel', 'CustomFunctions', 'document', 'window', 'navigator', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The model is pure: pass time in.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'The model is pure: pass dates in.' }],
      'no-restricted-imports': ['error', { patterns: ['../functions/*', '../taskpane/*', '../excel/*', '../sheet/*'] }],
    },
  },
  {
    files: ['scripts/**/*.js', 'bench/**/*.js', 'src/vendor/**/*.js', 'webpack.config.js', 'jest.config.js', 'jest.mutate.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
);
