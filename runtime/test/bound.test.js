'use strict';
// Bound functions (src/bound.js): the runtime's Function.prototype.bind
// records (target, this, args) and behaves as the native one; the
// serializer stores a recorded bound function as its parts (kind 16 BOUND)
// and binds again when decoding; crafted BOUND entries are format errors.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Encoder, ExtData } = require('@msgpack/msgpack');

const { boundParts } = require('../src/bound.js');
const { encodeCheckpoint, decodeCheckpoint, SerializationError, CheckpointFormatError, FORMAT_VERSION, ABI } =
  require('../src/serializer.js');
const integrity = require('../src/integrity.js');

const enc = new Encoder();
function craft(root, heap) {
  const env = enc.encode(['DSCK', FORMAT_VERSION, ABI, 'b', { build: 'b' }]);
  const body = enc.encode([root, heap]);
  return integrity.seal(Buffer.concat([env, body]), null);
}
const REF = (i) => new ExtData(0, Uint8Array.of(i));

test('bind keeps the native behaviour and records the parts', () => {
  const bind = Function.prototype.bind;
  assert.equal(bind.name, 'bind');
  assert.equal(bind.length, 1);
  assert.equal(Object.getOwnPropertyDescriptor(Function.prototype, 'bind').enumerable, false);
  assert.throws(() => new bind(), TypeError);                       // not a constructor
  assert.throws(() => bind.call({}), TypeError);                    // not a function
  function f(a, b, c) { return [this && this.k, a, b, c]; }
  const g = f.bind({ k: 1 }, 2);
  assert.deepEqual(g(3, 4), [1, 2, 3, 4]);
  assert.equal(g.name, 'bound f');
  assert.equal(g.length, 2);
  assert.equal(Object.getPrototypeOf(g), Function.prototype);
  const parts = boundParts(g);
  assert.equal(parts.target, f);
  assert.deepEqual(parts.boundThis, { k: 1 });
  assert.deepEqual(parts.args, [2]);
  assert.ok(Object.isFrozen(parts));
  class C { constructor(x) { this.x = x; } }
  const B = C.bind(null, 5);
  assert.equal(new B().x, 5);
  assert.ok(new B() instanceof C);
  assert.equal(boundParts(f), undefined);
});

test('bound functions round-trip: builtins, chains, shared identity, own props', () => {
  const max = Math.max.bind(null, 10);
  const inner = Math.min.bind(null, 1);
  const outer = inner.bind(null, 2);
  outer.extra = 'kept';
  const root = { max, outer, again: max, arr: [max] };
  const { root: r } = decodeCheckpoint(encodeCheckpoint({ build: 'b' }, root, {}), {});
  assert.equal(r.max(3), 10);
  assert.equal(r.max(30), 30);
  assert.equal(r.outer(-5), -5);
  assert.equal(r.outer.extra, 'kept');
  assert.equal(r.outer.name, 'bound bound min');
  assert.equal(r.again, r.max);
  assert.equal(r.arr[0], r.max);
  assert.equal(boundParts(r.outer).target, boundParts(r.outer).target); // recorded again
  assert.equal(boundParts(boundParts(r.outer).target).target, Math.min);
});

test('a bound function whose target cannot be stored names the path', () => {
  const f = function plain() {}.bind(null);
  assert.throws(() => encodeCheckpoint({ build: 'b' }, { f }, {}),
    (e) => e instanceof SerializationError && /plain/.test(e.message) && /\[\[target\]\]/.test(e.message));
});

test('crafted bound entries are format errors', () => {
  const kinds = [
    [[16, null, 0, [], null, REF(1), null, []], [2, null, 0, [], null]],  // bound to an object
    [[16, null, 0, [], null, null, null, []]],                            // bound to nothing
    [[16, null, 0, [], null, REF(0), null, 5]],                           // bad arguments
    [[16, null, 0, [], null, REF(0), null, []]],                          // bound to itself
    [[17, null]],                                                         // unknown kind
  ];
  for (const heap of kinds) assert.throws(() => decodeCheckpoint(craft(REF(0), heap), {}), CheckpointFormatError);
});
