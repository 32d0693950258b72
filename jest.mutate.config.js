/**
 * Jest for mutation runs only (`npm run mutate`, see stryker.config.mjs and docs/mutation-testing.md).
 *
 * Leaves out the tests that cannot see a mutant, or would "kill" it for the wrong reason: they read
 * the built dist/ (built from the unmutated source before the run) rather than src/, so a mutant in
 * src/ either leaves them unchanged or only makes them disagree with a stale build. The e2e tests
 * also start a browser. test/sheet/*.test.ts other than templates.test.ts stay in: they evaluate the
 * sheets' formulas through src/functions, reading only the parameter metadata from dist/functions.json
 * (generated from doc comments, so no mutant changes it).
 *
 * ts-jest only transpiles (isolatedModules, no diagnostics), so a mutant that does not type-check
 * still runs and is judged by the tests instead of crashing the run.
 */
const path = require('node:path');
const base = require('./jest.config.js');

module.exports = {
  ...base,
  // Stryker runs, for each mutant, only the test files Jest finds related to the mutated file by
  // their imports (--findRelatedTests), and Jest only follows imports through files under its roots:
  // test/sheet reaches src/functions through tools/formula-engine.ts.
  roots: ['<rootDir>/test', '<rootDir>/src', '<rootDir>/tools'],
  // Node's environment, stopping a mutant's tests at its first failure and recording which file holds
  // which test; the sequencer then loads only the test files that hold a test covering the mutant.
  // Absolute paths: Stryker resolves the environment itself, without Jest's <rootDir>.
  testEnvironment: path.join(__dirname, 'tools/mutation/environment.cjs'),
  testSequencer: path.join(__dirname, 'tools/mutation/sequencer.cjs'),
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true, diagnostics: false }],
  },
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/e2e/',
    '<rootDir>/test/build\\.test\\.ts$',
    '<rootDir>/test/bundle-size\\.test\\.ts$',
    '<rootDir>/test/manifest\\.test\\.ts$',
    '<rootDir>/test/security\\.test\\.ts$',
    '<rootDir>/test/start\\.test\\.ts$',
    // dist/functions.js through a stand-in runtime; the model and function tests check the same through src/.
    '<rootDir>/test/functions/bundle\\.test\\.ts$',
    '<rootDir>/test/fuzz/functions\\.fuzz\\.test\\.ts$',
    // The built .xlsx templates against src/sheet and src/functions: a mutant only makes them disagree with the stale build.
    '<rootDir>/test/sheet/templates\\.test\\.ts$',
  ],
};
