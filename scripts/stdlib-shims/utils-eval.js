'use strict';
// Stands in for @stdlib/utils-eval in the bundles; see README.md. The add-in never evaluates code.
module.exports = function evalUnavailable() {
  throw new Error('ITCost does not evaluate code at run time');
};
