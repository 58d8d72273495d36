// Custom Symbol.iterator implementations: class-based, generator method, reusable vs one-shot.
class Range {
  constructor(a, b) { this.a = a; this.b = b; }
  *[Symbol.iterator]() { for (let i = this.a; i < this.b; i++) yield i; }
}
const r = new Range(2, 5);
console.log([...r].join(), [...r].join(), Array.from(r, x => x * x).join());
const oneShot = { i: 0, [Symbol.iterator]() { return this; }, next() { return this.i < 2 ? { value: this.i++, done: false } : { value: "end", done: true }; } };
console.log([...oneShot].join(), [...oneShot].length);
const linked = { value: 1, next: { value: 2, next: { value: 3, next: null } } };
linked[Symbol.iterator] = function () { let n = this; return { next() { if (!n) return { done: true }; const v = n.value; n = n.next; return { value: v, done: false }; } }; };
const [x, ...ys] = linked;
console.log(x, ys.join());
const arrIt = [1, 2][Symbol.iterator]();
console.log(arrIt.next().value, Object.prototype.toString.call(arrIt), typeof arrIt[Symbol.iterator]);
try { for (const v of { [Symbol.iterator]: () => 5 }); } catch (e) { console.log(e.name); }
try { for (const v of { [Symbol.iterator]() { return { next: () => 5 }; } }); } catch (e) { console.log(e.name); }
