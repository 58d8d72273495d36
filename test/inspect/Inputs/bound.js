// Bound functions (of a compiled function, a builtin, another bound
// function) suspended in a frame.
const runtime = require('distribufy');
function greet(g, p) { return `${g}, ${this.name}${p}`; }
function main() {
  const hi = greet.bind({ name: 'ann' }, 'hi');
  const max = Math.max.bind(null, 10);
  const twice = hi.bind(null, '!');
  runtime.checkpoint();
  return [hi('?'), max(3), twice()];
}
module.exports = main;
