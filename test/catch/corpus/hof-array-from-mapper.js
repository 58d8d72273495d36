// Checkpoints inside the mapper of Array.from over an array-like, a Set, a
// string and a Map.
const runtime = require('distribufy');

function main() {
  const squares = Array.from({ length: 6 }, (_, i) => { runtime.checkpoint(); return i * i; });
  console.log('squares', squares.join(','));
  const fromSet = Array.from(new Set(['x', 'y', 'x']), (v, i) => { runtime.checkpoint(); return v + i; });
  console.log('set', fromSet.join(','));
  const chars = Array.from('ab🌍', c => { runtime.checkpoint(); return c.length; });
  console.log('chars', chars.join(','));
  const fromMap = Array.from(new Map([[1, 'a'], [2, 'b']]), ([k, v]) => { runtime.checkpoint(); return v.repeat(k); });
  console.log('map', fromMap.join(','));
  const ctx = { base: 100 };
  const withThis = Array.from([1, 2], function (v) { runtime.checkpoint(); return this.base + v; }, ctx);
  console.log('thisArg', withThis.join(','));
  return { squares, fromSet, chars, fromMap, withThis };
}

module.exports = main;
