// Own property order survives checkpoints: integer keys ascending first,
// then string keys in insertion order, then symbols; deletions and
// re-insertions move keys to the end.
const runtime = require('distribufy');

function main() {
  const o = { z: 1, 10: 'ten', a: 2, 2: 'two', m: 3 };
  o[Symbol.for('s')] = 'sym';
  delete o.a;
  o.a = 'again';
  o['-1'] = 'negative string key';
  o['01'] = 'not an index';
  const arr = ['x'];
  arr.prop = 'p';
  runtime.checkpoint();
  console.log(Reflect.ownKeys(o).map(String).join(','));
  console.log(JSON.stringify(o));
  console.log(Object.keys(arr).join(','));
  const nested = { second: { b: 1, a: 2 }, first: [3, { d: 4, c: 5 }] };
  runtime.checkpoint();
  console.log(JSON.stringify(nested));
  return o;
}

module.exports = main;
