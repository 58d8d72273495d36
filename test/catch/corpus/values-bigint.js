// BigInt values (large, negative, zero, in objects and Map keys) survive
// checkpoints and arithmetic continues exactly.
const runtime = require('distribufy');

function main() {
  let f = 1n;
  for (let i = 1n; i <= 30n; i++) {
    f *= i;
    if (i % 10n === 0n) runtime.checkpoint();
  }
  const neg = -(2n ** 100n);
  const m = new Map([[10n, 'ten']]);
  const o = { zero: 0n, neg };
  runtime.checkpoint();
  console.log('30!', f.toString());
  console.log('neg', neg.toString(), typeof neg, o.zero === 0n, m.get(10n));
  console.log('mixed', (f % 1000007n).toString(), BigInt.asUintN(8, 257n).toString());
  return { f: f.toString(), neg: String(o.neg) };
}

module.exports = main;
