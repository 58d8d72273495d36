// Map and Set contents, insertion order, object and special keys (NaN, -0,
// undefined, functions) and extra own properties survive checkpoints.
const runtime = require('distribufy');

function main() {
  const fnKey = function named() {};
  const m = new Map([[1, 'one'], ['1', 'string one'], [NaN, 'nan'], [-0, 'zero'], [undefined, 'undef'], [fnKey, 'fn']]);
  m.delete(1);
  m.set(1, 'one again');
  m.custom = 'own property';
  const s = new Set(['b', 'a', 'c', 'a', NaN, NaN]);
  s.delete('b');
  s.add('b');
  const nested = new Map([['set', s], ['map', new Map([['inner', [1, 2]]])]]);
  runtime.checkpoint();
  console.log('keys', [...m.keys()].map(k => typeof k === 'function' ? 'fn:' + k.name : String(k)).join(','));
  console.log('get', m.get(NaN), m.get(0), m.get(undefined), m.get(fnKey), m.get(1), m.custom);
  console.log('set', [...s].map(String).join(','), s.size, s.has(NaN));
  console.log('nested', nested.get('set') === s, JSON.stringify(nested.get('map').get('inner')));
  runtime.checkpoint();
  m.clear();
  console.log('cleared', m.size, 'set untouched', s.size);
  return { set: [...s].map(String), inner: nested.get('map').get('inner') };
}

module.exports = main;
