'use strict';
// Stands in for @stdlib/math-base-special-sinpi in the browser bundle; see README.md.
// sin(π·x), exact at integers and half-integers. stdlib needs it only for the gamma reflection
// formula at negative arguments, which the demand model never uses.
module.exports = function sinpi(x) {
  if (!Number.isFinite(x)) return NaN;
  const r = x % 2;
  if (r === 0) return 0 * x;
  if (Math.abs(r) === 0.5) return r > 0 ? 1 : -1;
  if (Math.abs(r) === 1) return 0;
  if (Math.abs(r) === 1.5) return r > 0 ? -1 : 1;
  return Math.sin(Math.PI * r);
};
