'use strict';
// Stands in for @stdlib/math-base-tools-continued-fraction/lib/generators.js in the browser bundle; see README.md.
module.exports = function generators() {
  throw new Error('ITCost never uses the generator version of this stdlib module');
};
