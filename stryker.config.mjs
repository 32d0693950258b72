// Mutation testing with StrykerJS: `npm run mutate` (see docs/mutation-testing.md). Not part of `npm test`.
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // The mutation-run jest config: no tests of the built dist/, ts-jest transpiles without type errors.
    configFile: 'jest.mutate.config.js',
  },
  // Each mutant runs only the tests that reach it. Many tests run the model while their file loads
  // (describe-level set-up), which makes most mutants "static" as well: run with every test, they
  // would take hours. So `npm run mutate` runs twice: first with --ignoreStatic (mutants also reached
  // by tests run with those tests; mutants reached only while files load are left for later), then
  // without it, which reuses every result of the first pass (incremental) and runs only the mutants
  // left over, each with every test.
  coverageAnalysis: 'perTest',
  // Results are kept in reports/stryker-incremental.json and reused for mutants whose code and
  // covering tests did not change; delete that file to test everything again.
  incremental: true,
  mutate: [
    'src/model/**/*.ts',
    'src/sheet/**/*.ts',
    'src/functions/**/*.ts',
    'src/excel/**/*.ts',
    '!src/**/index.ts',
    // Stryker 9.6 cannot place a string mutant inside the template literal type of error-codes.ts's
    // `satisfies` clause (it crashes the run), so that file is mutated up to the end of the object.
    '!src/functions/error-codes.ts',
    'src/functions/error-codes.ts:1-15:2',
  ],
  // The sandbox is a copy of the project; dist/ stays in it because tools/formula-engine.ts (used
  // by test/sheet) reads the functions' parameter metadata from dist/functions.json.
  ignorePatterns: ['/bench-results', '/test-artifacts', '/coverage', '/reports'],
  // ts-jest already only transpiles (jest.mutate.config.js); only the mutated sources need @ts-nocheck.
  disableTypeChecks: 'src/**/*.ts',
  concurrency: 2,
  timeoutMS: 5000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};

export default config;
