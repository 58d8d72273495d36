// Getters and setters on classes and object literals; the state behind them
// survives checkpoints, and accessors keep working on restored instances.
const runtime = require('distribufy');

class Temperature {
  constructor(c) { this._c = c; this.reads = 0; }
  get fahrenheit() { this.reads++; return this._c * 9 / 5 + 32; }
  set fahrenheit(f) { this._c = (f - 32) * 5 / 9; }
  get celsius() { this.reads++; return this._c; }
}

function main() {
  const t = new Temperature(100);
  console.log('F', t.fahrenheit);
  runtime.checkpoint();
  t.fahrenheit = 32;
  console.log('C', t.celsius, 'reads', t.reads);
  runtime.checkpoint();
  let backing = 'init';
  const sets = [];
  const o = {
    get v() { return backing.toUpperCase(); },
    set v(x) { sets.push(x); backing = x; },
  };
  o.v = 'first';
  runtime.checkpoint();
  o.v = 'second';
  console.log('o.v', o.v, 'sets', sets.join(','));
  const desc = Object.getOwnPropertyDescriptor(Temperature.prototype, 'fahrenheit');
  console.log('descriptor', typeof desc.get, typeof desc.set, desc.enumerable);
  runtime.checkpoint();
  console.log('after resume F', t.fahrenheit, 'reads', t.reads);
  return { c: t.celsius, reads: t.reads, v: o.v };
}

module.exports = main;
