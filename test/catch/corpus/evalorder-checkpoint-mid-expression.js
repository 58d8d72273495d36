// A checkpoint in the middle of an expression: operands evaluated before it
// are not evaluated again, and their values (read before a later operand
// mutates the variable) are kept: x + bump() uses the old x.
const runtime = require('distribufy');

let x = 1;
const order = [];
function bump(tag) { order.push(tag); x += 10; runtime.checkpoint(); return x; }
function val(tag, v) { order.push(tag); return v; }

function main() {
  const a = x + bump('a');
  const b = [val('b1', 1), bump('b2'), val('b3', 3)];
  const c = { p: val('c1', 'p'), q: bump('c2'), r: val('c3', 'r') };
  const d = `${val('d1', 'D')}-${bump('d2')}-${val('d3', 'E')}`;
  const e = Math.max(val('e1', 1), bump('e2'), val('e3', 2));
  const f = val('f1', true) && bump('f2') > 0 ? val('f3', 'yes') : val('f4', 'no');
  const g = val('g1', null) ?? bump('g2');
  const h = val('h1', 0) || bump('h2');
  const o = { n: 1 };
  o.n += bump('i');
  const arr = [0, 0, 0];
  let idx = 0;
  arr[idx++] = bump('j');
  arr[idx] += bump('k');
  console.log(JSON.stringify({ a, b, c, d, e, f, g, h, o, arr, x }));
  console.log(order.join(','));
  return { a, b, c, d, e, f, g, h, x };
}

module.exports = main;
