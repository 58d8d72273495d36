// Frozen, sealed and non-extensible objects keep their integrity level, and
// property attributes (non-writable, non-enumerable, non-configurable) are
// kept across checkpoints.
const runtime = require('distribufy');

function main() {
  'use strict';
  const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
  const sealed = Object.seal({ c: 3 });
  const closed = Object.preventExtensions({ d: 4 });
  const attrs = {};
  Object.defineProperty(attrs, 'ro', { value: 'read-only', enumerable: true, writable: false, configurable: true });
  Object.defineProperty(attrs, 'hidden', { value: 'hidden', enumerable: false, writable: true, configurable: false });
  const frozenArr = Object.freeze([1, 2]);
  runtime.checkpoint();
  console.log('levels', Object.isFrozen(frozen), Object.isSealed(sealed), Object.isFrozen(sealed), Object.isExtensible(closed), Object.isFrozen(frozenArr));
  const tries = [];
  for (const [label, fn] of [
    ['frozen write', () => { frozen.a = 2; }],
    ['frozen nested write', () => { frozen.nested.b = 20; }],
    ['sealed add', () => { sealed.x = 1; }],
    ['sealed write', () => { sealed.c = 30; }],
    ['closed add', () => { closed.y = 1; }],
    ['ro write', () => { attrs.ro = 'w'; }],
    ['frozen array push', () => { frozenArr.push(3); }],
  ]) {
    try { fn(); tries.push(label + ': ok'); } catch (e) { tries.push(label + ': ' + e.name); }
    runtime.checkpoint();
  }
  for (const t of tries) console.log(t);
  console.log('values', frozen.a, frozen.nested.b, sealed.c, attrs.ro, Object.keys(attrs).join(','), attrs.hidden);
  console.log('descriptor', JSON.stringify(Object.getOwnPropertyDescriptor(attrs, 'hidden')));
  return tries;
}

module.exports = main;
