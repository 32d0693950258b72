'use strict';
// Stands in for @stdlib/array-uint8 in the browser bundle; see README.md.
module.exports = Uint8Array;
