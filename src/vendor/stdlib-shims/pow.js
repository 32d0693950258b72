'use strict';
// Stands in for @stdlib/math-base-special-pow in the browser bundle; see README.md.
module.exports = function pow(a, b) {
  return Math.pow(a, b);
};
