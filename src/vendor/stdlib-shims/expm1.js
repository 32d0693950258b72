'use strict';
// Stands in for @stdlib/math-base-special-expm1 in the browser bundle; see README.md.
module.exports = function expm1(x) {
  return Math.expm1(x);
};
