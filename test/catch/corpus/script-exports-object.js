// A script whose module.exports is an object, not a function: it runs as a
// script; exports assigned before a checkpoint are kept.
const runtime = require('distribufy');

exports.name = 'lib';
module.exports.count = 0;
for (let i = 0; i < 3; i++) {
  module.exports.count++;
  runtime.checkpoint();
}
exports.done = true;
console.log(JSON.stringify(module.exports), exports === module.exports);
