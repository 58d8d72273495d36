// for-of over a Map (entries, keys, values) with checkpoints: insertion
// order, entries set during iteration visited, deleted ones skipped.
const runtime = require('distribufy');

function main() {
  const m = new Map([['a', 1], ['b', 2], ['c', 3]]);
  const objKey = { id: 'obj' };
  m.set(objKey, 4);
  for (const [k, v] of m) {
    runtime.checkpoint();
    console.log('entry', typeof k === 'string' ? k : k.id, v);
    if (k === 'a') { m.delete('c'); m.set('d', 5); }
  }
  let total = 0;
  for (const v of m.values()) { total += v; runtime.checkpoint(); }
  const keys = [];
  for (const k of m.keys()) { runtime.checkpoint(); keys.push(typeof k === 'string' ? k : 'obj'); }
  console.log('total', total, 'keys', keys.join(','));
  console.log('object key still works:', m.get(objKey));
  return { total, keys, size: m.size };
}

module.exports = main;
