/**
 * Jest test sequencer for mutation runs only (jest.mutate.config.js). For each mutant, Stryker's
 * Jest runner passes the names of the tests that cover it as `--testNamePattern`, but Jest still
 * loads every test file related to the mutated source, and many of ours do real work while they
 * load (tables computed from the model, formula engines). This sequencer drops the test files that
 * hold no test matching the pattern, using the names environment.cjs recorded in Stryker's first
 * run. Those files would have run no test, so the verdicts are the same; a test file with no
 * record is kept.
 */
const Sequencer = require('@jest/test-sequencer').default;
const { readTestNames } = require('./test-names.cjs');

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.globalConfig = options.globalConfig;
  }

  sort(tests) {
    const pattern = this.globalConfig.testNamePattern;
    const rootDir = tests[0]?.context.config.rootDir;
    if (!pattern || rootDir === undefined) return super.sort(tests);
    // As Jest reads --testNamePattern: unanchored, case-insensitive.
    const matches = new RegExp(pattern, 'i');
    const namesByPath = readTestNames(rootDir);
    const wanted = tests.filter((test) => {
      const names = namesByPath.get(test.path);
      return names === undefined || names.some((name) => matches.test(name));
    });
    return super.sort(wanted);
  }
}

module.exports = MutationSequencer;
