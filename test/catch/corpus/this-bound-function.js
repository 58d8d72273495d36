// Calling a bound function (Function.prototype.bind) whose target
// checkpoints, and keeping bound functions (of a user function and of a
// builtin) live across a checkpoint.
const runtime = require('distribufy');

function describe(prefix, suffix) {
  runtime.checkpoint();
  return prefix + this.label + suffix;
}

function main() {
  const bound = describe.bind({ label: 'B' }, '[');
  const boundMax = Math.max.bind(null, 100);
  runtime.checkpoint();
  const r = bound(']');
  console.log(r, bound.name, bound.length);
  console.log('bound builtin', boundMax(5), boundMax(500));
  return { r, m: boundMax(1) };
}

module.exports = main;
