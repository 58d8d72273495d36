// User-defined higher-order functions (compose, pipeline, retry, memoize)
// whose callbacks checkpoint: both the HOF's frame and the callback's frame
// are restored.
const runtime = require('distribufy');

function pipeline(...stages) {
  return (input) => {
    let v = input;
    for (const stage of stages) { v = stage(v); }
    return v;
  };
}
function memoize(fn) {
  const cache = new Map();
  let misses = 0;
  const m = (k) => {
    if (!cache.has(k)) { misses++; cache.set(k, fn(k)); }
    return cache.get(k);
  };
  m.misses = () => misses;
  return m;
}
function times(n, body) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(body(i));
  return out;
}

function main() {
  const slowSquare = memoize((k) => { runtime.checkpoint(); return k * k; });
  const p = pipeline(
    (v) => v + 1,
    (v) => { runtime.checkpoint(); return v * 2; },
    (v) => slowSquare(v % 5),
  );
  const results = times(8, (i) => { const r = p(i); runtime.checkpoint(); return r; });
  console.log(results.join(','), 'misses', slowSquare.misses());
  return { results, misses: slowSquare.misses() };
}

module.exports = main;
