'use strict';
// Stands in for @stdlib/math-base-special-sin in the browser bundle; see README.md.
module.exports = function sin(x) {
  return Math.sin(x);
};
