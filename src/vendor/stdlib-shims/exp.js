'use strict';
// Stands in for @stdlib/math-base-special-exp in the browser bundle; see README.md.
module.exports = function exp(x) {
  return Math.exp(x);
};
