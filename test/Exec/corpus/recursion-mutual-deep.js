// Deep mutual recursion (5,000 frames) and recursion through getters, callbacks and constructors.
function ping(n, acc) { return n === 0 ? acc : pong(n - 1, acc + "i"); }
function pong(n, acc) { return n === 0 ? acc : ping(n - 1, acc + "o"); }
const s = ping(5000, "");
console.log(s.length, s.slice(0, 6), s.slice(-4));
const tree = { depth: 0 };
let node = tree;
for (let i = 1; i < 3000; i++) { node.child = { depth: i }; node = node.child; }
const depthOf = t => (t.child ? depthOf(t.child) : t.depth);
console.log(depthOf(tree));
const sumTo = { get(n) { return n === 0 ? 0 : n + this.get(n - 1); } };
console.log(sumTo.get(4000));
class Chain { constructor(n) { this.next = n > 0 ? new Chain(n - 1) : null; this.n = n; } length() { return 1 + (this.next ? this.next.length() : 0); } }
console.log(new Chain(2000).length());
const viaReduce = n => (n === 0 ? 0 : [n].reduce((acc, v) => acc + v + viaReduce(n - 1), 0));
console.log(viaReduce(1500));
// STRESS-EVERY: 500 (thousands of nested frames: a capture at every entry is quadratic)
