// for-of over a Set with checkpoints, adding and deleting while iterating.
const runtime = require('distribufy');

function main() {
  const s = new Set([3, 1, 4, 1, 5, 9, 2, 6]);
  const seen = [];
  for (const v of s) {
    runtime.checkpoint();
    seen.push(v);
    if (v === 4) { s.delete(9); s.add(100); }
    if (v === 100) s.add(200);
  }
  console.log('seen', seen.join(','));
  const objs = new Set();
  const o1 = { n: 1 };
  objs.add(o1); objs.add({ n: 2 }); objs.add(o1);
  for (const o of objs) { runtime.checkpoint(); o.n *= 10; }
  console.log('objs', [...objs].map(o => o.n).join(','), 'has o1', objs.has(o1));
  for (const [a, b] of s.entries()) { if (a !== b) console.log('bad'); runtime.checkpoint(); }
  return { seen, size: s.size };
}

module.exports = main;
