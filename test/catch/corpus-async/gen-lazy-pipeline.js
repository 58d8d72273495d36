// A lazy iterator pipeline library built from generators (map/filter/chunk/window/dedupe/enumerate).
const runtime = require('distribufy');
const Lazy = {
  *range(start, end, step = 1) {
    for (let i = start; step > 0 ? i < end : i > end; i += step) yield i;
  },
  *map(it, f) { let i = 0; for (const x of it) yield f(x, i++); },
  *filter(it, p) { for (const x of it) if (p(x)) yield x; },
  *chunk(it, n) {
    let buf = [];
    for (const x of it) {
      buf.push(x);
      if (buf.length === n) { runtime.checkpoint(); yield buf; buf = []; }
    }
    if (buf.length) yield buf;
  },
  *window(it, n) {
    const w = [];
    for (const x of it) {
      w.push(x);
      if (w.length > n) w.shift();
      if (w.length === n) yield w.slice();
    }
  },
  *dedupe(it) {
    let prev = Symbol('none');
    for (const x of it) { if (x !== prev) yield x; prev = x; }
  },
  *enumerate(it) { let i = 0; for (const x of it) yield [i++, x]; },
  *takeWhile(it, p) { for (const x of it) { if (!p(x)) return; yield x; } },
  reduce(it, f, acc) { for (const x of it) { acc = f(acc, x); runtime.checkpoint(); } return acc; },
};

class Pipe {
  constructor(src) { this.src = src; }
  static of(src) { return new Pipe(src); }
  map(f) { return new Pipe(Lazy.map(this.src, f)); }
  filter(p) { return new Pipe(Lazy.filter(this.src, p)); }
  chunk(n) { return new Pipe(Lazy.chunk(this.src, n)); }
  window(n) { return new Pipe(Lazy.window(this.src, n)); }
  dedupe() { return new Pipe(Lazy.dedupe(this.src)); }
  takeWhile(p) { return new Pipe(Lazy.takeWhile(this.src, p)); }
  [Symbol.iterator]() { return this.src[Symbol.iterator](); }
  toArray() { return [...this.src]; }
}

const trace = [];
const traced = (label, f) => (x, i) => { trace.push(`${label}(${x})`); return f(x, i); };

const p1 = Pipe.of(Lazy.range(0, 20))
  .map(traced('sq', (x) => x * x))
  .filter((x) => x % 3 !== 0)
  .takeWhile((x) => x < 150)
  .chunk(3);
const first = p1[Symbol.iterator]().next().value;
console.log('first chunk', first, 'trace so far', trace.join(' '));
runtime.checkpoint();
console.log('remaining chunks', JSON.stringify([...p1]));

const text = 'the the quick brown brown brown fox jumps over the lazy lazy dog';
const words = Pipe.of(text.split(' ')).dedupe().toArray();
console.log('dedupe', words.join(' '));

const movingAvg = Pipe.of(Lazy.range(1, 11)).window(4).map((w) => w.reduce((a, b) => a + b) / w.length);
for (const avg of movingAvg) {
  runtime.checkpoint();
  console.log('avg', avg);
}

const total = Lazy.reduce(Lazy.map(Lazy.range(10, 0, -2), (x) => x * 3), (a, b) => a + b, 0);
console.log('reduce descending', total);

for (const [i, w] of Lazy.enumerate(Lazy.filter(words, (w) => w.length > 3))) {
  console.log(i, w);
}
