/*
 * ESLint flat config. What it does:
 * - Everything: ESLint's recommended rules and typescript-eslint's recommended rules; in TypeScript,
 *   no `any`, no ts-comment directives, and type-only imports written `import { type X }`.
 * - src/, tools/ and bench/ (TypeScript): typescript-eslint's strictTypeChecked rules, which read
 *   the types through the project service (each file's nearest tsconfig.json: src/model and
 *   src/sheet without Office or DOM types, tools/ and bench/ with Node's). Two of its rules are
 *   tuned below, each with its reason.
 * - src/excel/: the Office-specific rules of eslint-plugin-office-addins' recommended config (load
 *   before read, sync after load, no sync in loops, isNullObject...), as Microsoft's Office add-in
 *   template uses them. Not the rest of that config: its own copy of the TypeScript parser and
 *   plugin would clash with ours, and its Prettier rule would reformat code this repository formats
 *   by its own conventions.
 * - src/model/: the model stays pure (no Office, DOM or clock; no imports from the adapters).
 * - The other layers import one way: src/functions, src/sheet and src/import only the model, src/excel the
 *   sheet plans and the model; and only src/excel calls Excel.run. src/import (the time-entry import)
 *   is type-checked without Office or DOM types too.
 * - CommonJS files (scripts, webpack and jest configs, the stdlib shims): Node globals, require allowed.
 * - test/: Node and Jest globals.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';

/** The office-addins/* rules of the plugin's recommended config, with the levels it gives them. */
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((config) => Object.entries(config.rules ?? {})).filter(([rule]) => rule.startsWith('office-addins/')),
);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench-results/', '.stryker-tmp/', 'reports/', '.mutation-test-names/'] },
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
    files: ['src/**/*.ts', 'tools/**/*.ts', 'bench/**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers in messages and labels are the deliberate style (`got ${value}`); objects and undefined still may not be interpolated.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Event handlers and callbacks as arrow shorthands (`() => render()`) are the deliberate style; braces are still required elsewhere.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/excel/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRules,
  },
  {
    // The model is pure: no Office, no DOM, no clock, and it imports nothing from the adapters.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'Office', 'Excel', 'CustomFunctions', 'document', 'window', 'navigator', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The model is pure: pass time in.' }],
      // Reading the clock is what is impure: `new Date()` and `Date()`. A date from a given time (`new Date(ms)`) is a pure calculation.
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The model is pure: pass dates in.' },
        { selector: "CallExpression[callee.name='Date']", message: 'The model is pure: pass dates in.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['../functions/*', '../taskpane/*', '../excel/*', '../sheet/*'] }],
    },
  },
  {
    // Adapters and plans sit on the model alone; the Excel layer may add the plans.
    files: ['src/functions/**/*.ts', 'src/sheet/**/*.ts', 'src/import/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../taskpane/*', '../excel/*', '../functions/*', '../sheet/*', '../import/*'] }] },
  },
  {
    files: ['src/excel/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../taskpane/*', '../functions/*'] }] },
  },
  {
    // Only src/excel talks to the workbook (the model may not name Excel at all, above).
    files: ['src/functions/**/*.ts', 'src/sheet/**/*.ts', 'src/import/**/*.ts', 'src/taskpane/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'Excel', property: 'run', message: 'Only src/excel calls Excel.run.' }] },
  },
  {
    files: ['scripts/**/*.js', 'bench/**/*.js', 'src/vendor/**/*.js', 'webpack.config.js', 'jest.config.js', 'jest.mutate.config.js', 'tools/mutation/*.cjs', 'test/support/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
);
