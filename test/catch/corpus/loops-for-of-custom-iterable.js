// for-of over a user-defined iterable (a class with [Symbol.iterator] and an
// iterator object holding state): the iterator's state survives checkpoints
// in the loop body, and return() is called exactly once on break.
const runtime = require('distribufy');

class Range {
  constructor(from, to, step) { this.from = from; this.to = to; this.step = step; this.log = []; }
  [Symbol.iterator]() {
    let cur = this.from;
    const self = this;
    self.log.push('open');
    return {
      next() {
        if (cur >= self.to) { self.log.push('done'); return { done: true, value: undefined }; }
        const value = cur;
        cur += self.step;
        return { done: false, value };
      },
      return() { self.log.push('return at ' + cur); return { done: true }; },
    };
  }
}

function main() {
  const r = new Range(0, 10, 3);
  const got = [];
  for (const v of r) { runtime.checkpoint(); got.push(v); }
  console.log('got', got.join(','), 'log', r.log.join(';'));
  const r2 = new Range(100, 200, 25);
  for (const v of r2) {
    runtime.checkpoint();
    console.log('v', v);
    if (v === 150) break;
  }
  console.log('log2', r2.log.join(';'));
  const plain = { [Symbol.iterator]: () => { let i = 0; return { next: () => ({ value: i * i, done: i++ >= 4 }) }; } };
  const squares = [];
  for (const q of plain) { squares.push(q); runtime.checkpoint(); }
  console.log('squares', squares.join(','));
  try {
    for (const v of new Range(0, 5, 1)) {
      runtime.checkpoint();
      if (v === 2) throw new Error('stop at ' + v);
    }
  } catch (e) {
    console.log('caught', e.message);
  }
  return { got, log: r.log, log2: r2.log, squares };
}

module.exports = main;
