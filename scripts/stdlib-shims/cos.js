'use strict';
// Stands in for @stdlib/math-base-special-cos in the browser bundle; see README.md.
module.exports = function cos(x) {
  return Math.cos(x);
};
