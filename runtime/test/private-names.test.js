'use strict';
// Private names (#x) (src/private-names.js, passes/Desugar/LowerPrivate.cpp):
// brands are registered symbol keys, stored by identity within a checkpoint
// (ext 9 SYMPRIV, "ID:description") and restored fresh and registered;
// other unregistered symbols are still refused; crafted SYMPRIV payloads
// are format errors. An object's private records form a chain whose head
// the private state keeps in a true private field: invisible, unaffected by
// freeze, stored and checked by the serializer; detached private methods
// are found again by key.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Encoder, ExtData } = require('@msgpack/msgpack');

require('../src/capture.js');
const {
  REGISTRY_KEY, STATE_KEY, isPrivateKey, makePrivateKey, privateStateOf, setPrivateState, detachedMember,
} = require('../src/private-names.js');
const util = require('node:util');
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

test('private-name keys round-trip by identity, with their description', () => {
  const kx = makePrivateKey('#x'), kx2 = makePrivateKey('#x'), km = makePrivateKey('#m');
  const root = { keys: [kx, kx2, km, kx] };
  const { root: r } = decodeCheckpoint(encodeCheckpoint({ build: 'b' }, root, {}), {});
  const [rx, rx2, rm, rx3] = r.keys;
  assert.equal(typeof rx, 'symbol');
  assert.notEqual(rx, kx);          // fresh keys
  assert.notEqual(rx, rx2);         // two keys with one description stay two
  assert.equal(rx3, rx);            // one key stays one
  assert.equal(rx.description, '#x');
  assert.equal(rm.description, '#m');
  assert.ok(isPrivateKey(rx) && isPrivateKey(rx2) && isPrivateKey(rm));
  // a second decode of the same bytes makes other keys again
  const { root: r2 } = decodeCheckpoint(encodeCheckpoint({ build: 'b' }, root, {}), {});
  assert.notEqual(r2.keys[0], rx);
  // a brand is never a property key
  const o = { [kx]: 1 };
  assert.throws(() => encodeCheckpoint({ build: 'b' }, o, {}), SerializationError);
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
});

// what the desugar helpers make: a chain {$o, $b, $n, "#x"...} per object
function addRecord(o, b, fields) {
  const r = { $o: o, $b: b, $n: privateStateOf(o), ...fields };
  setPrivateState(o, r);
  return r;
}
function recordOf(o, b) {
  for (let r = privateStateOf(o); r !== undefined; r = r.$n) if (r.$b === b) return r;
  return undefined;
}

test('the private state is invisible and works on frozen objects, functions and arrays', () => {
  const state = globalThis[STATE_KEY];
  assert.equal(Object.getOwnPropertyDescriptor(globalThis, STATE_KEY).enumerable, false);
  assert.ok(Object.isFrozen(state));
  assert.equal(state.get, privateStateOf);
  const o = Object.freeze({ a: 1 }), f = function f() {}, arr = [1];
  const b = makePrivateKey('#C');
  addRecord(o, b, { '#x': 2 });
  addRecord(f, b, {});
  addRecord(arr, b, {});
  assert.equal(recordOf(o, b)['#x'], 2);
  assert.equal(recordOf(f, b).$o, f);
  assert.deepEqual(Reflect.ownKeys(o), ['a']);
  assert.deepEqual(Reflect.ownKeys(arr), ['0', 'length']);
  assert.equal(util.inspect(o), '{ a: 1 }');
  assert.equal(privateStateOf(Object.create(o)), undefined); // not inherited
  assert.equal(privateStateOf(new Proxy(o, {})), undefined);  // not through a Proxy
  for (const p of [null, undefined, 1, 'x', Symbol('s'), 1n]) assert.equal(privateStateOf(p), undefined);
  // the state object is stored by its intrinsic name
  const { root } = decodeCheckpoint(encodeCheckpoint({ build: 'b' }, { state }, {}), {});
  assert.equal(root.state, state);
});

test('private states (chains of records of several brands) round-trip with fresh brands', () => {
  const bi = makePrivateKey('#C'), bd = makePrivateKey('#D'), bs = makePrivateKey('#C static');
  const o = {}, C = {}, frozen = {}, arr = [1, 2];
  addRecord(o, bi, { '#x': 1, '#y': [2] });
  addRecord(o, bd, { '#z': 'derived' });
  addRecord(C, bs, { '#n': 3 });
  addRecord(frozen, bi, { '#x': 4 });
  Object.freeze(frozen);
  addRecord(arr, bd, { '#z': 'arr' });
  const other = Object.create(o);
  const { root: r } = decodeCheckpoint(encodeCheckpoint({ build: 'b' }, { o, C: { C }, frozen, arr, other, brands: [bi, bd, bs] }, {}), {});
  const [ri, rd, rs] = r.brands;
  assert.ok(isPrivateKey(ri) && isPrivateKey(rd) && isPrivateKey(rs));
  assert.notEqual(ri, bi);
  assert.equal(ri.description, '#C');
  assert.equal(rs.description, '#C static');
  const rec = recordOf(r.o, ri);
  assert.equal(rec.$o, r.o);            // the back-pointer is the restored owner
  assert.deepEqual([rec['#x'], rec['#y']], [1, [2]]);
  assert.equal(recordOf(r.o, rd)['#z'], 'derived');
  assert.equal(recordOf(r.frozen, ri)['#x'], 4);
  assert.ok(Object.isFrozen(r.frozen));
  assert.equal(recordOf(r.arr, rd)['#z'], 'arr');
  assert.deepEqual(r.arr, [1, 2]);
  assert.equal(privateStateOf(r.other), undefined);
  assert.deepEqual(Reflect.ownKeys(r.o), []);
  assert.deepEqual(Object.getOwnPropertySymbols(r.frozen), []);
});

test('crafted private states are format errors', () => {
  const REF = (i) => new ExtData(0, Uint8Array.of(i));
  const rec = (owner, brand, next) => [2, null, 0, ['$o', owner, '$b', brand, '$n', next], null];
  const UNDEF = new ExtData(1, new Uint8Array(0));
  const ok = craft(REF0, [[2, null, 0, [SYMPRIV('0:#a'), REF(1)], null], rec(REF0, SYMPRIV('0:#a'), UNDEF)]);
  const { root } = decodeCheckpoint(ok, {});
  assert.equal(privateStateOf(root).$o, root);
  const bad = [
    // another object's record
    [[2, null, 0, [SYMPRIV('0:#a'), REF(1)], null], rec(REF(1), SYMPRIV('0:#a'), UNDEF)],
    // stored under another brand than its own
    [[2, null, 0, [SYMPRIV('0:#a'), REF(1)], null], rec(REF0, SYMPRIV('1:#b'), UNDEF)],
    // a cycle
    [[2, null, 0, [SYMPRIV('0:#a'), REF(1)], null], rec(REF0, SYMPRIV('0:#a'), REF(1))],
    // two states
    [[2, null, 0, [SYMPRIV('0:#a'), REF(1), SYMPRIV('1:#b'), REF(1)], null], rec(REF0, SYMPRIV('0:#a'), UNDEF)],
    // not a reference
    [[2, null, 0, [SYMPRIV('0:#a'), 5], null]],
    // a brand that is not a private key
    [[2, null, 0, [SYMPRIV('0:#a'), REF(1)], null], rec(REF0, 'x', UNDEF)],
  ];
  for (const heap of bad) assert.throws(() => decodeCheckpoint(craft(REF0, heap), {}), CheckpointFormatError);
});

test('a detached private member is found by key', () => {
  const proto = { '#m'() { return 1; } };
  const state = globalThis[STATE_KEY];
  const d = state.detach(proto, '#m');
  assert.equal(d.value(), 1);
  assert.equal(Object.getOwnPropertyNames(proto).length, 0);
  assert.equal(state.detach(proto, '#m'), d);      // a getter and a setter detach once
  assert.equal(detachedMember(proto, '#m'), d);
  assert.equal(detachedMember(proto, '#n'), undefined);
});
