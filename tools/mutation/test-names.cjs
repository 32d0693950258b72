/** Where environment.cjs records each test file's test names, and how sequencer.cjs reads them back. */
const fs = require('node:fs');
const path = require('node:path');

const FOLDER = '.mutation-test-names';

function testNamesFile(rootDir, testPath) {
  const relative = path.relative(rootDir, testPath).replace(/[\\/]/g, '__');
  return path.join(rootDir, FOLDER, `${relative}.json`);
}

/** Test file path → its full test names, as recorded in the run with no mutant active. */
function readTestNames(rootDir) {
  const folder = path.join(rootDir, FOLDER);
  const byPath = new Map();
  if (!fs.existsSync(folder)) return byPath;
  for (const entry of fs.readdirSync(folder)) {
    const { testPath, names } = JSON.parse(fs.readFileSync(path.join(folder, entry), 'utf8'));
    byPath.set(testPath, names);
  }
  return byPath;
}

module.exports = { testNamesFile, readTestNames };
