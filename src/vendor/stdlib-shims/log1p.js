'use strict';
// Stands in for @stdlib/math-base-special-log1p in the browser bundle; see README.md.
module.exports = function log1p(x) {
  return Math.log1p(x);
};
