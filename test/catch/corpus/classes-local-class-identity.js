// A class declared inside a function (a closure over the function's locals):
// instances created before a checkpoint keep the very same class as their
// constructor after it, so instanceof, static state and instances created
// after resume all agree.
const runtime = require('distribufy');

function makeKind(label) {
  let created = 0;
  class Thing {
    static registry = [];
    constructor(n) { this.n = n; created++; Thing.registry.push(n); }
    describe() { return `${label}#${this.n} of ${created}`; }
  }
  return Thing;
}

function main() {
  const A = makeKind('a');
  const B = makeKind('b');
  const a1 = new A(1);
  const b1 = new B(1);
  runtime.checkpoint();
  const a2 = new A(2);
  console.log(a1.describe(), a2.describe(), b1.describe());
  console.log('instanceof', a1 instanceof A, a2 instanceof A, a1 instanceof B, b1 instanceof B);
  console.log('same proto', Object.getPrototypeOf(a1) === Object.getPrototypeOf(a2), a1.constructor === A, A !== B);
  runtime.checkpoint();
  console.log('registries', A.registry.join(','), B.registry.join(','), 'name', A.name);
  return { a: A.registry, b: B.registry };
}

module.exports = main;
