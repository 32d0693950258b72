'use strict';
// Stands in for @stdlib/function-ctor (the Function constructor) in the bundles; see README.md.
// Only stdlib's evalpoly.factory uses it, to compile polynomials, and ITCost never calls that.
// The add-in never compiles code at run time, so its bundles compile no strings into code.
module.exports = function FunctionConstructorUnavailable() {
  throw new Error('ITCost does not compile code at run time');
};
