// checkpoint-cost (a): a checkpoint at the leaf of a recursion of depth
// params.depth (default 1000). bench/checkpoint-cost.js marks the moments
// around the checkpoint through globalThis.__benchMark (a no-op otherwise).
const runtime = require('distribufy');
function mark(name) { if (globalThis.__benchMark) globalThis.__benchMark(name); }

function rec(n, acc) {
  if (n === 0) {
    mark('leaf');
    runtime.checkpoint();
    mark('resumed');
    return acc;
  }
  const r = rec(n - 1, acc + n);
  return r + 1;
}

function main(params) {
  const depth = params.depth || 1000;
  return rec(depth - 2, 0); // main + depth-1 rec frames (n = depth-2 ... 0) = depth frames
}

module.exports = main;
