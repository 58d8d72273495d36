// Generators interoperating with hand-written iterators and iterables; the protocol observed step by step.
const runtime = require('distribufy');
const calls = [];
function countdown(n) {
  return {
    [Symbol.iterator]() {
      calls.push('iterator()');
      let k = n;
      return {
        next() { calls.push(`next ${k}`); return k > 0 ? { value: k--, done: false } : { value: 'liftoff', done: true }; },
        return(v) { calls.push('return'); return { done: true, value: v }; },
      };
    },
  };
}

function* doubled(iterable) {
  for (const x of iterable) {
    runtime.checkpoint();
    yield x * 2;
  }
}

console.log([...doubled(countdown(3))]);
console.log(calls.splice(0).join('; '));

for (const x of doubled(countdown(5))) if (x < 8) break;
console.log(calls.splice(0).join('; '));

function* delegating() {
  const r = yield* countdown(2);
  yield 'delegate returned ' + r;
}
console.log([...delegating()]);
console.log(calls.splice(0).join('; '));

// A generator object is its own iterator.
function* g() { yield 1; yield 2; }
const it = g();
console.log(it[Symbol.iterator]() === it, typeof it.next, typeof it.return, typeof it.throw);
console.log(Object.prototype.toString.call(it), String(it[Symbol.toStringTag]));

// A class wrapping a generator with peek().
class Peekable {
  constructor(iterable) { this.it = iterable[Symbol.iterator](); this.buf = []; }
  peek() { if (!this.buf.length) this.buf.push(this.it.next()); return this.buf[0]; }
  next() { return this.buf.length ? this.buf.shift() : this.it.next(); }
  [Symbol.iterator]() { return this; }
}
function* letters() { yield* 'abcde'; }
const pk = new Peekable(letters());
const out = [];
while (!pk.peek().done) {
  const cur = pk.next().value;
  runtime.checkpoint();
  const nxt = pk.peek();
  out.push(cur + (nxt.done ? '$' : nxt.value));
}
console.log(out.join(' '));

// Manual step results: value and done for each call.
function* short() { const x = yield 'first'; return 'ret:' + x; }
const sh = short();
console.log(JSON.stringify([sh.next('lost'), sh.next('kept'), sh.next('again')]));

// Iterating an array iterator and an entries iterator through a generator.
function* enumerateAll(...iterables) {
  for (const itb of iterables) for (const v of itb) yield v;
}
console.log(JSON.stringify([...enumerateAll(['x', 'y'].entries(), new Map([[1, 'one']]).keys(), 'hi')]));
