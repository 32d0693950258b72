'use strict';
// Stands in for @stdlib/utils-define-property in the browser bundle; see README.md.
module.exports = Object.defineProperty;
