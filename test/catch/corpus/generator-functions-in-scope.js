// Generator and async generator functions (declarations, expressions,
// methods, closures over mutable state) live in the checkpointed state; each
// generator object is consumed completely between checkpoints, so none is
// suspended when one is taken. A generator function's own prototype object
// is rebuilt with the function.
const runtime = require('distribufy');

function* range(from, to, step = 1) {
  for (let i = from; i < to; i += step) yield i;
}
const squares = function* (xs) { for (const x of xs) yield x * x; };
let produced = 0;
function makeCounter(label) {
  let n = 0;
  return function* counted(k) {
    while (k-- > 0) { n += 1; produced += 1; yield `${label}${n}`; }
  };
}
const tick = makeCounter('t');
class Tree {
  constructor(value, kids = []) { this.value = value; this.kids = kids; }
  *walk() { yield this.value; for (const k of this.kids) yield* k.walk(); }
  static *leaves(t) { if (t.kids.length === 0) yield t.value; for (const k of t.kids) yield* Tree.leaves(k); }
}
const tree = new Tree(1, [new Tree(2, [new Tree(4)]), new Tree(3)]);
const ops = { *pairs(o) { for (const k of Object.keys(o)) yield [k, o[k]]; } };
async function* later() { yield 1; }
range.note = 'own property of a generator function';

console.log([...range(0, 5)], [...squares([1, 2, 3])], [...tick(2)]);
runtime.checkpoint();
console.log([...range(1, 10, 3)], [...tick(3)], produced, range.note);
console.log([...tree.walk()], [...Tree.leaves(tree)], [...ops.pairs({ a: 1, b: 2 })]);
runtime.checkpoint();
const g = range(0, 3);
console.log(g.next(), [...g], typeof later, Object.getPrototypeOf(range.prototype) === Object.getPrototypeOf(squares.prototype));
console.log(Object.getOwnPropertyNames(range.prototype), range.prototype instanceof Object, [...tick(1)], produced);
runtime.checkpoint();
// (spread, not a for-of loop: a --stress point in the loop body would find
// the generators suspended)
const total = [...squares(range(0, 4))].reduce((a, b) => a + b, 0);
console.log(total, [...makeCounter('u')(2)], String(range.name), squares.name, Tree.prototype.walk.name);
