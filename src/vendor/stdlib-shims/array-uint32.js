'use strict';
// Stands in for @stdlib/array-uint32 in the browser bundle; see README.md.
module.exports = Uint32Array;
