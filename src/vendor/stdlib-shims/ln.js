'use strict';
// Stands in for @stdlib/math-base-special-ln in the browser bundle; see README.md.
module.exports = function ln(x) {
  return Math.log(x);
};
