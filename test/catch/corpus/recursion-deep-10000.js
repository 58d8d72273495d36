// 10,000 frames of recursion with a checkpoint at the leaf: every frame must
// come back with its parameter, and the unwinding must compute the same sum.
// (The frames are kept small so that plain node's default stack holds them.)
// STRESS: skip (a capture at each of 10,000 nested entries serializes the whole stack each time: quadratic)
const runtime = require('distribufy');

let leafHits = 0;

function down(n) {
  if (n === 0) {
    leafHits++;
    runtime.checkpoint();
    return 0;
  }
  return down(n - 1) + (n % 7);
}

function main() {
  console.log('start');
  const r = down(10000);
  console.log('result', r, 'leaf hits', leafHits);
  const r2 = down(9999);
  console.log('result2', r2, 'leaf hits', leafHits);
  return { r, r2, leafHits };
}

module.exports = main;
