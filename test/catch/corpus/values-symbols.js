// Symbols from Symbol.for and well-known symbols, as property keys and as
// values, survive checkpoints; Symbol.toPrimitive and Symbol.iterator
// methods keep working.
const runtime = require('distribufy');

function main() {
  const key = Symbol.for('app.key');
  const o = { [key]: 'registered', plain: 1 };
  const money = {
    amount: 5,
    [Symbol.toPrimitive](hint) { return hint === 'number' ? this.amount : `$${this.amount}`; },
  };
  const seq = { [Symbol.iterator]() { let i = 0; return { next: () => (i < 2 ? { value: ++i, done: false } : { value: undefined, done: true }) }; } };
  const tagged = { [Symbol.toStringTag]: 'Tagged' };
  const symbols = [key, Symbol.iterator, Symbol.asyncIterator, Symbol.hasInstance];
  runtime.checkpoint();
  console.log('registry', Symbol.keyFor(symbols[0]), symbols[0] === Symbol.for('app.key'), o[Symbol.for('app.key')]);
  console.log('well-known', symbols[1] === Symbol.iterator, symbols[2] === Symbol.asyncIterator, symbols[3] === Symbol.hasInstance);
  console.log('toPrimitive', `${money}`, +money, money + 1);
  console.log('iterator', [...seq].join(','), Object.prototype.toString.call(tagged));
  console.log('own symbols', Object.getOwnPropertySymbols(o).map(s => s.description).join(','));
  return { keyFor: Symbol.keyFor(key), n: +money };
}

module.exports = main;
