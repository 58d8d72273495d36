// Boxed primitives (new String, new Number, new Boolean, Object(symbol),
// Object(bigint)) survive checkpoints as objects with their primitive value
// and extra properties.
const runtime = require('distribufy');

function main() {
  const s = new String('boxed');
  s.extra = 'prop';
  const n = new Number(-0);
  const b = new Boolean(false);
  const sym = Object(Symbol.for('boxed.sym'));
  const big = Object(12n);
  runtime.checkpoint();
  console.log(typeof s, s.valueOf(), s.length, s[1], s.extra, s instanceof String);
  console.log(typeof n, Object.is(n.valueOf(), -0), typeof b, b.valueOf(), b ? 'truthy object' : 'falsy');
  console.log(typeof sym, Symbol.keyFor(sym.valueOf()), typeof big, big.valueOf() + 1n === 13n);
  console.log(JSON.stringify({ s, n, b }), Object.keys(s).join(','));
  return { s: String(s), b: b.valueOf() };
}

module.exports = main;
