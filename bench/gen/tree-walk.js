// Generator-heavy: recursive in-order traversal of binary trees with
// yield* (every value passes through the delegation chain of its depth).
'use strict';
function build(lo, hi) {
  if (lo > hi) return null;
  const mid = (lo + hi) >> 1;
  return { v: mid, l: build(lo, mid - 1), r: build(mid + 1, hi) };
}
function* inorder(t) {
  if (t === null) return;
  yield* inorder(t.l);
  yield t.v;
  yield* inorder(t.r);
}
const tree = build(0, 4095);
let sum = 0, count = 0;
for (let round = 0; round < 12; round++) {
  for (const v of inorder(tree)) { sum += v; count++; }
}
console.log(count, sum);
