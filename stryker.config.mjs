// Mutation testing with StrykerJS: `npm run mutate` (see docs/mutation-testing.md). Not part of `npm test`.
// @ts-check
import fs from 'node:fs';
import process from 'node:process';

// Committed, so that a run can pick up where the last one (on any machine) stopped.
const INCREMENTAL_FILE = 'mutation/stryker-incremental.json';

/**
 * Before a run without --ignoreStatic (the second pass of `npm run mutate`): a static mutant that
 * survived a run with --ignoreStatic was run only with the tests that reached it while they ran
 * (test/model/recommend.test.ts loads the model afresh inside a test, so the model's constant
 * tables are reached by that one test), not with the tests that use the tables the modules built
 * when they loaded. Marking it ignored makes this run test it again, with every test (each time:
 * a static survivor costs one run of the whole suite).
 */
// Only for a second pass (a run without --ignoreStatic), and only in the files that run mutates: with
// --mutate (or -m), the files its patterns name (matched on the part before the first wildcard, which
// is how this project's patterns are written: `src/sheet/**/*.ts`, `src/model/gamma.ts`). A run with
// its own --incrementalFile keeps this file out of it.
function mutatedPrefixes(argv) {
  const at = argv.findIndex((arg) => arg === '--mutate' || arg === '-m');
  if (at < 0) return { include: [''], exclude: [] };
  const patterns = (argv[at + 1] ?? '').split(',').map((p) => p.trim().replace(/:\d+(-\d+)?(:\d+)?$/, '')).filter(Boolean);
  const prefix = (p) => p.split('*')[0];
  return {
    include: patterns.filter((p) => !p.startsWith('!')).map(prefix),
    exclude: patterns.filter((p) => p.startsWith('!') && !p.includes('*')).map((p) => p.slice(1)),
  };
}

const secondPass = !['--ignoreStatic', '--incrementalFile'].some((flag) => process.argv.includes(flag));
if (secondPass && fs.existsSync(INCREMENTAL_FILE)) {
  const { include, exclude } = mutatedPrefixes(process.argv);
  const mutated = (file) => include.some((p) => file.startsWith(p)) && !exclude.includes(file);
  const report = JSON.parse(fs.readFileSync(INCREMENTAL_FILE, 'utf8'));
  let marked = 0;
  for (const [name, file] of Object.entries(report.files)) {
    if (!mutated(name)) continue;
    for (const mutant of file.mutants) {
      if (mutant.static && mutant.status === 'Survived') {
        mutant.status = 'Ignored';
        mutant.statusReason = 'static survivor of --ignoreStatic: to be run with every test';
        marked += 1;
      }
    }
  }
  if (marked > 0) fs.writeFileSync(INCREMENTAL_FILE, JSON.stringify(report));
}

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
  // Results are kept in mutation/stryker-incremental.json (committed) and reused for mutants whose
  // code and covering tests did not change; delete that file to test everything again.
  incremental: true,
  incrementalFile: INCREMENTAL_FILE,
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
  ignorePatterns: ['/bench-results', '/test-artifacts', '/coverage', '/reports', '/mutation'],
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
