'use strict';
// Private names (#x) as registered symbol keys (src/private-names.js,
// passes/Desugar/LowerPrivate.cpp): the registry is installed when the
// runtime loads; the serializer stores registered keys by identity within
// a checkpoint (ext 9 SYMPRIV, "ID:description") and restores fresh,
// registered keys; other unregistered symbols are still refused; crafted
// SYMPRIV payloads are rejected as format errors.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Encoder, ExtData } = require('@msgpack/msgpack');

require('../src/capture.js');
const { REGISTRY_KEY, isPrivateKey, makePrivateKey } = require('../src/private-names.js');
const {
  encodeCheckpoint, decodeCheckpoint, SerializationError, CheckpointFormatError, FORMAT_VERSION, ABI,
} = require('../src/serializer.js');
const integrity = require('../src/integrity.js');

const enc = new Encoder();
function craft(root, heap) {
  const env = enc.encode(['DSCK', FORMAT_VERSION, ABI, 'b', { build: 'b' }]);
  const body = enc.encode([root, heap]);
  return integrity.seal(Buffer.concat([env, body]), null);
}
const SYMPRIV = (s) => new ExtData(9, new TextEncoder().encode(s));
const REF0 = new ExtData(0, Uint8Array.of(0));
// a plain object {a, b, c} holding the given values
const holder = (...vals) => craft(REF0, [[2, null, 0, vals.flatMap((v, i) => ['abc'[i], v]), null]]);

test('the runtime installs the registry the compiled helper looks up', () => {
  const r = globalThis[REGISTRY_KEY];
  assert.ok(r instanceof WeakSet);
  assert.equal(Object.getOwnPropertyDescriptor(globalThis, REGISTRY_KEY).enumerable, false);
  // what the desugar helper does
  const s = Symbol('#x');
  r.add(s);
  assert.equal(isPrivateKey(s), true);
  assert.equal(isPrivateKey(Symbol('#x')), false);
  assert.equal(isPrivateKey('#x'), false);
});

test('private-name keys round-trip by identity, with their description and property attributes', () => {
  const kx = makePrivateKey('#x'), kx2 = makePrivateKey('#x'), km = makePrivateKey('#m');
  const a = {}, b = {};
  Object.defineProperty(a, kx, { value: 1, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(b, kx, { value: 2, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(b, kx2, { value: 3, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(a, km, { value: 'm', writable: false, enumerable: false, configurable: true });
  const root = { a, b, keys: [kx, kx2, km] };
  const { root: r } = decodeCheckpoint(encodeCheckpoint({ build: 'b' }, root, {}), {});
  const [rx, rx2, rm] = r.keys;
  assert.equal(typeof rx, 'symbol');
  assert.notEqual(rx, kx);          // fresh keys
  assert.notEqual(rx, rx2);         // two keys with one description stay two
  assert.equal(rx.description, '#x');
  assert.equal(rm.description, '#m');
  assert.ok(isPrivateKey(rx) && isPrivateKey(rx2) && isPrivateKey(rm));
  assert.equal(r.a[rx], 1);
  assert.equal(r.b[rx], 2);
  assert.equal(r.b[rx2], 3);
  assert.deepEqual(Object.getOwnPropertyDescriptor(r.a, rm), { value: 'm', writable: false, enumerable: false, configurable: true });
  assert.deepEqual(Object.keys(r.a), []);
  // a second decode of the same bytes makes other keys again
  const { root: r2 } = decodeCheckpoint(encodeCheckpoint({ build: 'b' }, root, {}), {});
  assert.notEqual(r2.keys[0], rx);
  assert.equal(r2.keys[0], Object.getOwnPropertySymbols(r2.a)[0]);
});

test('other unregistered symbols are still refused', () => {
  assert.throws(() => encodeCheckpoint({ build: 'b' }, { s: Symbol('#x') }, {}), SerializationError);
});

test('crafted private-name keys are format errors', () => {
  for (const bad of ['', 'x:#a', '01:#a', '1:', '1:a', '1234567890:#a', ':#a']) {
    assert.throws(() => decodeCheckpoint(holder(SYMPRIV(bad)), {}), CheckpointFormatError, JSON.stringify(bad));
  }
  assert.throws(() => decodeCheckpoint(holder(SYMPRIV('0:#a'), SYMPRIV('0:#b')), {}), CheckpointFormatError);
  const { root } = decodeCheckpoint(holder(SYMPRIV('0:#a'), SYMPRIV('0:#a'), SYMPRIV('1:#a')), {});
  assert.equal(root.a, root.b);
  assert.notEqual(root.a, root.c);
  assert.ok(isPrivateKey(root.c) && root.c.description === '#a');
  // as a property key
  const { root: o } = decodeCheckpoint(craft(REF0, [[2, null, 0, [SYMPRIV('0:#k'), 5, 'k', SYMPRIV('0:#k')], null]]), {});
  assert.equal(o[o.k], 5);
});

test('private records (one brand per class evaluation) round-trip with their owner and attributes', () => {
  // what the desugar helpers make: o[brand] = {$o: o, "#x": ...}, the
  // instance brand non-writable/non-configurable, the static one writable
  const bi = makePrivateKey('#C'), bs = makePrivateKey('#C static');
  const o = {}, C = {};
  Object.defineProperty(o, bi, { value: { $o: o, '#x': 1, '#y': [2] } });
  Object.defineProperty(C, bs, { value: { $o: C, '#n': 3 }, writable: true });
  const other = Object.create(o);
  const { root: r } = decodeCheckpoint(encodeCheckpoint({ build: 'b' }, { o, C, other, brands: [bi, bs] }, {}), {});
  const [ri, rs] = r.brands;
  assert.ok(isPrivateKey(ri) && isPrivateKey(rs));
  assert.equal(ri.description, '#C');
  assert.equal(rs.description, '#C static');
  const rec = r.o[ri];
  assert.equal(rec.$o, r.o);            // the back-pointer is the restored owner
  assert.deepEqual([rec['#x'], rec['#y']], [1, [2]]);
  assert.equal(r.other[ri], rec);       // inherited: the owner check tells it apart
  assert.notEqual(r.other[ri].$o, r.other);
  assert.deepEqual(Object.getOwnPropertyDescriptor(r.o, ri), { value: rec, writable: false, enumerable: false, configurable: false });
  assert.equal(r.C[rs].$o, r.C);
  assert.equal(Object.getOwnPropertyDescriptor(r.C, rs).writable, true);
  assert.deepEqual(Object.keys(r.o), []);
});
