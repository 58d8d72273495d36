// instanceof, constructor identity and prototype methods after resume, for
// user classes, built-in subclasses (Error, Array, Map) and plain functions
// used as constructors.
const runtime = require('distribufy');

class Animal { speak() { return 'generic'; } }
class Dog extends Animal { speak() { return 'woof'; } }
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
class Stack extends Array { peek() { return this[this.length - 1]; } }
class Counter extends Map { inc(k) { this.set(k, (this.get(k) || 0) + 1); return this; } }
function Legacy(x) { this.x = x; }
Legacy.prototype.double = function () { return this.x * 2; };

function main() {
  const d = new Dog();
  const e = new MyError('bad');
  const s = Stack.of(1, 2, 3);
  const c = new Counter().inc('a').inc('a').inc('b');
  const l = new Legacy(21);
  runtime.checkpoint();
  const checks = [
    d instanceof Dog, d instanceof Animal, d.constructor === Dog, d.speak(),
    e instanceof MyError, e instanceof Error, e.name, e.message,
    s instanceof Stack, Array.isArray(s), s.peek(), s.length,
    c instanceof Counter, c instanceof Map, c.get('a'), c.size,
    l instanceof Legacy, l.double(),
  ];
  console.log(JSON.stringify(checks));
  s.push(4);
  c.inc('b');
  runtime.checkpoint();
  console.log('stack', s.peek(), s.length, 'map', JSON.stringify([...c]));
  const mapped = s.map(x => x * 2);
  console.log('species', mapped instanceof Stack, mapped.join(','));
  return checks;
}

module.exports = main;
