/**
 * Jest test environment for mutation runs only (jest.mutate.config.js). Node's environment, plus
 * two things that make a run with StrykerJS affordable on a small machine without changing what it
 * measures:
 *
 * - **Stop at the first failure.** Stryker's Jest runner cannot tell Jest to bail, so a mutant that
 *   one test already killed would still run every other test that covers it. Once a test fails
 *   while a mutant is active, the rest of that mutant's tests are skipped. One failing test is all
 *   Stryker needs to call the mutant killed (its `disableBail` option is off).
 * - **Record which test file holds which test.** During Stryker's first run, with no mutant active,
 *   each file's full test names are written to `.mutation-test-names/` in the sandbox, for
 *   sequencer.cjs.
 *
 * The active mutant is the `__STRYKER_ACTIVE_MUTANT__` environment variable Stryker sets around
 * each mutant's run; the runner runs in band, so this module's state is shared by the test files
 * of one run.
 */
const fs = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');
const { testNamesFile } = require('./test-names.cjs');

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

/** The mutant a test failed for; its remaining tests are skipped. */
let killedMutant;

/** A test's full name as Jest matches it against `--testNamePattern`: its describe titles and its own. */
function fullName(test) {
  const titles = [];
  for (let block = test; block && block.parent; block = block.parent) titles.unshift(block.name);
  return titles.join(' ');
}

function testsBelow(block) {
  return block.children.flatMap((child) => (child.type === 'test' ? [child] : testsBelow(child)));
}

class MutationEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    this.rootDir = config.projectConfig.rootDir;
  }

  async handleTestEvent(event, state) {
    const mutant = process.env[ACTIVE_MUTANT];
    if (mutant === undefined) {
      if (event.name === 'run_start') {
        const names = testsBelow(state.rootDescribeBlock).map(fullName);
        const file = testNamesFile(this.rootDir, this.testPath);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify({ testPath: this.testPath, names }));
      }
      return;
    }
    if (event.name === 'test_start' && killedMutant === mutant) {
      event.test.mode = 'skip';
    } else if (event.name === 'test_done' && event.test.errors.length > 0) {
      killedMutant = mutant;
    }
  }
}

module.exports = MutationEnvironment;
