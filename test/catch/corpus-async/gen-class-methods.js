// Generator methods in classes: *[Symbol.iterator], named, static, private-field access, inheritance and super.
const runtime = require('distribufy');
class Matrix {
  #rows;
  constructor(rows) { this.#rows = rows; }
  *[Symbol.iterator]() {
    for (const row of this.#rows) {
      for (const v of row) {
        runtime.checkpoint();
        yield v;
      }
    }
  }
  *rows() { yield* this.#rows.map((r) => r.slice()); }
  *column(j) { for (const r of this.#rows) yield r[j]; }
  *cells() {
    for (let i = 0; i < this.#rows.length; i++)
      for (let j = 0; j < this.#rows[i].length; j++) yield { i, j, v: this.#rows[i][j] };
  }
  static *identity(n) {
    for (let i = 0; i < n; i++) yield Array.from({ length: n }, (_, j) => (i === j ? 1 : 0));
  }
}

class LabeledMatrix extends Matrix {
  constructor(rows, labels) { super(rows); this.labels = labels; }
  *rows() {
    let i = 0;
    for (const r of super.rows()) {
      runtime.checkpoint();
      yield `${this.labels[i++]}: ${r.join(' ')}`;
    }
  }
}

const m = new Matrix([[1, 2, 3], [4, 5, 6]]);
console.log('all', [...m].join(','));
console.log('col 1', [...m.column(1)]);
console.log('cells', JSON.stringify([...m.cells()].filter((c) => c.v % 2 === 0)));
console.log('identity', JSON.stringify([...Matrix.identity(3)]));

const lm = new LabeledMatrix([[7, 8], [9, 10], [11, 12]], ['x', 'y', 'z']);
for (const line of lm.rows()) console.log(line);
console.log('sum', [...lm].reduce((a, b) => a + b, 0));

class Range {
  constructor(lo, hi) { this.lo = lo; this.hi = hi; }
  *[Symbol.iterator]() {
    for (let i = this.lo; i < this.hi; i++) yield i;
  }
  *evens() {
    for (const x of this) if (x % 2 === 0) yield x;
  }
  get size() { return this.hi - this.lo; }
}
const r = new Range(3, 12);
const evens = r.evens();
console.log(evens.next().value);
r.hi = 8; // the suspended generator reads this.hi on each step
runtime.checkpoint();
console.log([...evens], 'size', r.size);

// Generator method borrowed and called with another this.
const borrowed = Range.prototype.evens;
console.log([...borrowed.call({ *[Symbol.iterator]() { yield 1; yield 2; yield 4; } })]);
console.log(typeof Matrix.prototype.rows, Object.getPrototypeOf(m.rows()) === Matrix.prototype.rows.prototype);
