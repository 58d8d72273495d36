// Nested functions five levels deep, each level checkpointing before and
// after calling the next one, each reading and writing variables of every
// enclosing level.
const runtime = require('distribufy');

function main() {
  const trace = [];
  let a = 1;
  function l1(x) {
    let b = a + x;
    runtime.checkpoint();
    function l2(y) {
      let c = b * y;
      runtime.checkpoint();
      function l3(z) {
        let d = c - z;
        a += 100;
        runtime.checkpoint();
        function l4(w) {
          let e = d + w + a;
          runtime.checkpoint();
          const l5 = (v) => {
            runtime.checkpoint();
            trace.push(['l5', a, b, c, d, e, v]);
            b++;
            return a + b + c + d + e + v;
          };
          const r = l5(w * 2);
          trace.push(['l4', e, r]);
          runtime.checkpoint();
          return r + e;
        }
        const r = l4(z + 1);
        trace.push(['l3', d, r]);
        return r;
      }
      const r = l3(y + 1);
      runtime.checkpoint();
      trace.push(['l2', c, r, b]);
      return r;
    }
    const r = l2(x + 1);
    trace.push(['l1', b, r]);
    return r;
  }
  const r1 = l1(2);
  const r2 = l1(3);
  for (const t of trace) console.log(JSON.stringify(t));
  console.log('results', r1, r2, 'a', a);
  return { r1, r2, a };
}

module.exports = main;
