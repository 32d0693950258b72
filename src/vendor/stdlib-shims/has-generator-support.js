'use strict';
// Stands in for @stdlib/assert-has-generator-support in the bundles; see README.md.
// stdlib detects generators by compiling `function* () {}` from a string, which the task pane's
// Content-Security-Policy forbids. Answering "no" makes its continued-fraction and series
// helpers use their plain-loop versions, which compute the same values.
module.exports = function hasGeneratorSupport() {
  return false;
};
