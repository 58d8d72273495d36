// Private fields, methods, accessors and statics (#x) live across
// checkpoints: instances keep their private state, private methods still
// work, brand checks (`#x in o`) still tell instances from other objects,
// and class expressions evaluated in a loop keep distinct private names.
const runtime = require('distribufy');

class Counter {
  static #made = 0;
  #count = 0;
  label = 'c';
  #log = [];
  constructor(start) { this.#count = start; Counter.#made++; }
  #bump(n) { this.#count += n; this.#log.push(n); return this; }
  get #double() { return this.#count * 2; }
  set #double(v) { this.#count = v / 2; }
  static #describe(c) { return `${c.label}:${c.#count}`; }
  inc(n = 1) { return this.#bump(n); }
  halve() { this.#double = this.#count; return this; }
  report() { return `${Counter.#describe(this)} x2=${this.#double} log=${this.#log.join(',')}`; }
  static made() { return Counter.#made; }
  static is(o) { return #count in o; }
  static read(o) { try { return o.#count; } catch (e) { return e.constructor.name + ': ' + e.message; } }
}

class Named extends Counter {
  #name;
  constructor(name, start) { super(start); this.#name = name; }
  get name() { return this.#name; }
  rename = (n) => { this.#name = n; return this; };
}

function makeBox(v) {
  return class Box {
    #v = v;
    get() { return this.#v; }
    static has(o) { return #v in o; }
  };
}

function main() {
  const a = new Counter(1);
  const b = new Named('bee', 10);
  a.inc(2);
  runtime.checkpoint();
  a.inc(3).halve();
  b.inc();
  console.log(a.report(), '|', b.report(), b.name);
  const boxes = [];
  for (let i = 0; i < 3; i++) boxes.push(makeBox(i * 10));
  const items = boxes.map((B) => new B());
  runtime.checkpoint();
  b.rename('bea');
  console.log(b.name, Counter.made(), Counter.is(a), Counter.is(b), Counter.is({}));
  console.log(Counter.read({}));
  console.log(items.map((x) => x.get()).join(' '), boxes[0].has(items[0]), boxes[0].has(items[1]));
  console.log(Object.keys(a).join(','), JSON.stringify(b.report()));
  runtime.checkpoint();
  return { a: a.report(), b: b.report(), made: Counter.made(), brand: [Counter.is(a), boxes[2].has(items[2])] };
}

module.exports = main;
