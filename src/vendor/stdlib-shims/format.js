'use strict';
// Stands in for @stdlib/string-format in the browser bundle; see README.md. stdlib formats the
// messages of errors it throws for bad argument types, which the model never passes.
module.exports = function format(template, ...values) {
  return [template, ...values].join(' ');
};
