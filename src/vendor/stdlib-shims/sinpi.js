'use strict';
// Stands in for @stdlib/math-base-special-sinpi in the browser bundle; see README.md.
// stdlib's gammaln needs sin(π·x) only for the reflection formula at negative arguments, and the
// demand model takes logarithms of gamma at positive arguments only, so this is never called.
module.exports = function sinpiUnavailable() {
  throw new Error('ITCost never takes the gamma function of a negative number');
};
