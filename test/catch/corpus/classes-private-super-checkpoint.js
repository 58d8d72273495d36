// `super` in private methods and accessors (instance and static, derived
// classes), with checkpoints taken inside them: the private methods are
// class members (keyed "#m"), stored as members of their class, and the
// private records (instance and static) come back with their owners.
const runtime = require('distribufy');

class Shape {
  constructor(n) { this.n = n; }
  area() { return 0; }
  describe(tag) { return `${tag}:${this.n}`; }
  get kind() { return 'shape'; }
  static registry = [];
  static register(s) { this.registry.push(s.n); return this.registry.length; }
}

class Square extends Shape {
  #side;
  static #count = 0;
  constructor(n, side) { super(n); this.#side = side; Square.#count = Square.#register(this); }
  area() { return this.#side * this.#side; }
  #describe(tag) {
    runtime.checkpoint();
    return super.describe(tag) + '/' + super.area() + '/' + this.area();
  }
  get #kind() { return 'square<' + super.kind + '>'; }
  set #grow(d) { runtime.checkpoint(); this.#side += d; }
  #arrows() { return [1, 2].map((i) => super.describe('a' + i)).join(','); }
  static #register(s) { return super.register(s); }
  static get #total() { return super.registry.join('+'); }
  report() { return [this.#describe('sq'), this.#kind, this.#arrows()].join(' '); }
  grow(d) { this.#grow = d; return this.#side; }
  static summary() { return `${Square.#count} ${Square.#total} ${#side in Square.last}`; }
  static last = null;
}

class Cube extends Square {
  #depth = 3;
  #volume() { runtime.checkpoint(); return super.area() * this.#depth; }
  area() { return this.#volume(); }
}

function main() {
  const s = new Square('s', 2);
  Square.last = s;
  runtime.checkpoint();
  const c = new Cube('c', 4);
  console.log(s.report());
  console.log(c.report());
  console.log(s.grow(3), c.grow(1), s.area(), c.area());
  runtime.checkpoint();
  console.log(Square.summary());
  return { s: s.report(), c: c.area(), summary: Square.summary() };
}

module.exports = main;
