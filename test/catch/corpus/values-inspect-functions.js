// console.log / util.inspect of functions, classes, methods and objects
// holding them, before and after checkpoints: compiled functions carry no
// visible bookkeeping, also once rebuilt from a checkpoint.
const runtime = require('distribufy');
const util = require('util');

function named(a, b) { return a + b; }
const arrow = (x) => x * 2;
class Shape {
  constructor(n) { this.n = n; }
  area() { return 0; }
  static make(n) { return new Shape(n); }
}
class Square extends Shape {
  area() { return this.n * this.n; }
}
const handlers = { onTick: () => 'tick', named, nested: { fn: function inner() {} } };
function counter() {
  let c = 0;
  return function next() { c += 1; return c; };
}
const next = counter();

function show(label) {
  console.log(label, named, arrow, Shape, Square, Square.prototype.area, Shape.make);
  console.log(label, handlers, [next, arrow]);
  console.log(label, util.inspect(next, { showHidden: false }), Object.getOwnPropertySymbols(next).length,
    Reflect.ownKeys(named).sort().join(','), Object.keys(handlers.onTick).length);
  console.log(label, `${typeof next} ${next.name} ${next.length} ${next()}`);
}

show('start');
runtime.checkpoint();
show('after 1');
const extra = { later: (y) => y + 1 };
runtime.checkpoint();
show('after 2');
console.log(extra, extra.later(1), new Square(3).area());
