// Default, rest and destructured parameters, where defaults call functions
// that checkpoint, and the body checkpoints too.
const runtime = require('distribufy');

let defaultsEvaluated = 0;
function dflt(v) { defaultsEvaluated++; runtime.checkpoint(); return v; }

function f(a, b = dflt(a * 2), ...rest) {
  runtime.checkpoint();
  return { a, b, rest };
}
function g({ x, y: [y1, y2 = dflt('y2')] = [], ...others }, [first, , third] = ['d1', 'd2', 'd3']) {
  runtime.checkpoint();
  return { x, y1, y2, others, first, third };
}
const h = (n = 1, { deep: { value } = { value: 'dv' } } = {}) => { runtime.checkpoint(); return [n, value]; };

function main() {
  const results = [
    f(1), f(1, 2), f(1, undefined, 3, 4), f(),
    g({ x: 1, y: [2], z: 3, w: 4 }), g({ x: 'only' }, [10, 20, 30]),
    h(), h(5, { deep: { value: 'given' } }), h(undefined, { deep: undefined }),
  ];
  for (const r of results) console.log(JSON.stringify(r));
  console.log('defaults evaluated', defaultsEvaluated, 'f.length', f.length, 'g.length', g.length, 'h.length', h.length);
  return results;
}

module.exports = main;
