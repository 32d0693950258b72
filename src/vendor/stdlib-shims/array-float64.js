'use strict';
// Stands in for @stdlib/array-float64 in the browser bundle; see README.md.
module.exports = Float64Array;
