// Allocation-bound: short-lived objects, arrays and class instances (in the
// spirit of the binary-trees benchmark), plus small linked lists and
// object literals built and dropped in a loop.
'use strict';
class TreeNode {
  constructor(left, right) { this.left = left; this.right = right; }
  check() { return this.left === null ? 1 : 1 + this.left.check() + this.right.check(); }
}
function bottomUp(depth) {
  return depth > 0 ? new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1)) : new TreeNode(null, null);
}
function list(n) {
  let head = null;
  for (let i = 0; i < n; i++) head = { value: i, next: head, meta: [i & 1, i & 2] };
  return head;
}
let total = 0;
const longLived = bottomUp(14);
for (let d = 4; d <= 14; d += 2) {
  const iters = 1 << (14 - d + 4);
  let c = 0;
  for (let i = 0; i < iters; i++) c += bottomUp(d).check();
  total += c;
}
for (let r = 0; r < 200; r++) {
  let p = list(2000), s = 0;
  while (p !== null) { s += p.value + p.meta[0] + p.meta[1]; p = p.next; }
  total = (total + s) % 1000000007;
}
console.log(total, longLived.check());
