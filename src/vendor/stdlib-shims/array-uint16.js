'use strict';
// Stands in for @stdlib/array-uint16 in the browser bundle; see README.md.
module.exports = Uint16Array;
