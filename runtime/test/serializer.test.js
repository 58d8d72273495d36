'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {
  encodeCheckpoint, decodeCheckpoint, SerializationError, CheckpointFormatError,
  intrinsicNameOf, intrinsicByName,
} = require('../src/serializer.js');
const integrity = require('../src/integrity.js');

// ------------------------------------------------------------------ fake ctx
// A hand-made "compiled program": factories closing over nothing but env.
const tags = new WeakMap();     // fn -> { code, env }
const members = new WeakMap();  // fn -> { cls, isStatic, key, kind }

function tagMembers(cls, list) {
  for (const [isStatic, key, kind] of list) {
    const target = isStatic ? cls : cls.prototype;
    const d = Object.getOwnPropertyDescriptor(target, key);
    const fn = kind === 'method' ? d.value : kind === 'get' ? d.get : d.set;
    members.set(fn, { cls, isStatic, key, kind });
  }
}

const F = [
  /* 0 */ (env) => function f() { return env.x; },
  /* 1 */ (env) => (a) => a + env.y,
  /* 2 */ (env) => {
    const C = class Point {
      constructor(x, y) { this.x = x; this.y = y; }
      norm() { return Math.hypot(this.x, this.y); }
      get sum() { return this.x + this.y; }
      set sum(v) { this.x = v - this.y; }
      [Symbol.iterator]() { return [this.x, this.y][Symbol.iterator](); }
      static origin() { return new C(0, 0); }
      static count = 0;
    };
    tagMembers(C, [[false, 'norm', 'method'], [false, 'sum', 'get'], [false, 'sum', 'set'],
      [false, Symbol.iterator, 'method'], [true, 'origin', 'method']]);
    return C;
  },
  /* 3 */ (env) => {
    const C = class Point3 extends env.Point {
      constructor(x, y, z) { super(x, y); this.z = z; }
      norm() { return Math.hypot(this.x, this.y, this.z); }
    };
    tagMembers(C, [[false, 'norm', 'method']]);
    return C;
  },
  /* 4 */ (env) => function Ctor(v) { this.v = v; },
  /* 5 */ (env) => function counter() { return ++env.n; },
  /* 6 */ (env) => function getX() { return this._x; },
  /* 7 */ (env) => {
    const C = class MyErr extends Error {
      constructor(m) { super(m); this.name = 'MyErr'; }
    };
    return C;
  },
  /* 8 */ (env) => {
    const C = class Bag extends Map {
      total() { let t = 0; for (const v of this.values()) t += v; return t; }
    };
    tagMembers(C, [[false, 'total', 'method']]);
    return C;
  },
];

function make(code, env) {
  const fn = F[code](env);
  tags.set(fn, { code, env });
  return fn;
}

const hostObjects = new Map([['runtime', { isRuntime: true }], ['fs', require('fs')]]);
const hostNames = new Map([...hostObjects].map(([k, v]) => [v, k]));

const ctx = {
  codeOf: (fn) => tags.get(fn),
  memberOf: (fn) => members.get(fn),
  rebuild: (code, env) => make(code, env),
  hostName: (v) => hostNames.get(v),
  hostValue: (name) => {
    if (!hostObjects.has(name)) throw new Error(`unknown host ${name}`);
    return hostObjects.get(name);
  },
};

const HDR = { build: 'abc123', runId: 'run-1', checkpointId: 'c1', created: 1700000000000 };
const EXPECT = { build: 'abc123' };

function rt(root, header = HDR) {
  const bytes = encodeCheckpoint(header, root, ctx);
  assert.ok(bytes instanceof Uint8Array);
  const out = decodeCheckpoint(bytes, ctx, EXPECT);
  return out.root;
}

function descs(o) {
  return Reflect.ownKeys(o).map((k) => {
    const d = Object.getOwnPropertyDescriptor(o, k);
    return [k, 'value' in d ? ['data', d.writable, d.enumerable, d.configurable] : ['acc', d.enumerable, d.configurable]];
  });
}

// ------------------------------------------------------------------ values
test('primitives round-trip', () => {
  const vals = [undefined, null, true, false, 0, -0, 1, -1, 127, 128, 255, 256, 65535, 65536,
    2 ** 31, 2 ** 32, 2 ** 53 - 1, -(2 ** 53), 1.5, -1e-300, NaN, Infinity, -Infinity, Number.MIN_VALUE,
    '', 'a', 'héllo ☃ 𝄞', 'x'.repeat(70000),
    0n, 1n, -1n, 2n ** 200n, -(2n ** 64n) + 3n,
    Symbol.for('app.key'), Symbol.for(''), Symbol.iterator, Symbol.asyncIterator, Symbol.toPrimitive];
  for (const v of vals) assert.ok(Object.is(rt(v), v), `root ${String(v)}`);
  const back = rt(vals);
  assert.equal(back.length, vals.length);
  for (let i = 0; i < vals.length; i++) assert.ok(Object.is(back[i], vals[i]), `element ${i}`);
});

test('header round-trips and is returned', () => {
  const bytes = encodeCheckpoint({ ...HDR, extra: { n: 1, s: 'x' } }, 1, ctx);
  const { header, root } = decodeCheckpoint(bytes, ctx, EXPECT);
  assert.equal(root, 1);
  assert.deepEqual(header, { ...HDR, extra: { n: 1, s: 'x' } });
});

test('plain objects: order, symbols, attributes, null proto, __proto__ key', () => {
  const sym = Symbol.for('s');
  const o = { b: 1, a: 2, 10: 'ten', 2: 'two', [sym]: 3, nested: { deep: [1, { x: -0 }] } };
  Object.defineProperty(o, 'hidden', { value: 'h', enumerable: false, writable: false, configurable: true });
  Object.defineProperty(o, 'ro', { value: 5, enumerable: true, writable: false, configurable: false });
  const back = rt(o);
  assert.deepEqual(Reflect.ownKeys(back), Reflect.ownKeys(o));
  assert.deepEqual(descs(back), descs(o));
  assert.equal(back.hidden, 'h');
  assert.ok(Object.is(back.nested.deep[1].x, -0));
  assert.equal(Object.getPrototypeOf(back), Object.prototype);

  const n = Object.create(null);
  n.k = 1;
  const nb = rt(n);
  assert.equal(Object.getPrototypeOf(nb), null);
  assert.equal(nb.k, 1);

  const evil = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}');
  const eb = rt(evil);
  assert.ok(Object.prototype.hasOwnProperty.call(eb, '__proto__'));
  assert.deepEqual(Reflect.ownKeys(eb), ['__proto__', 'a']);
  assert.equal(Object.getPrototypeOf(eb), Object.prototype);
  assert.equal(eb.__proto__.polluted, 1); // own data property
  assert.equal(({}).polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
});

test('integrity levels', () => {
  const fr = Object.freeze({ a: 1, inner: { b: 2 } });
  const se = Object.seal({ a: 1 });
  const ne = Object.preventExtensions({ a: 1 });
  const fa = Object.freeze([1, 2, 3]);
  const [a, b, c, d] = rt([fr, se, ne, fa]);
  assert.ok(Object.isFrozen(a));
  assert.ok(!Object.isFrozen(a.inner));
  assert.ok(Object.isSealed(b) && !Object.isFrozen(b));
  assert.ok(!Object.isExtensible(c) && !Object.isSealed(c));
  assert.ok(Object.isFrozen(d));
  assert.deepEqual(d, [1, 2, 3]);
});

test('identity, sharing and cycles', () => {
  const shared = { s: 1 };
  const o = { a: shared, b: shared, list: [shared, shared] };
  o.self = o;
  o.list.push(o.list);
  const back = rt(o);
  assert.equal(back.a, back.b);
  assert.equal(back.list[0], back.a);
  assert.equal(back.self, back);
  assert.equal(back.list[2], back.list);
  const m = new Map();
  m.set(m, m);
  const mb = rt(m);
  assert.equal(mb.get(mb), mb);
});

test('arrays: dense, holes, sparse, extra properties, length', () => {
  const holes = [1, , 3, , , 6]; // eslint-disable-line no-sparse-arrays
  holes.length = 9;
  const sparse = [];
  sparse[5] = 'five';
  sparse[100000] = 'big';
  sparse.named = 'n';
  const extra = [1, 2];
  extra.tag = 'x';
  extra[Symbol.for('t')] = 'y';
  Object.defineProperty(extra, 'hid', { value: 1, enumerable: false });
  const [h, s, e, empty, longer] = rt([holes, sparse, extra, [], new Array(50)]);
  assert.equal(h.length, 9);
  assert.deepEqual(Object.keys(h), ['0', '2', '5']);
  assert.equal(h[5], 6);
  assert.ok(!(1 in h));
  assert.equal(s.length, 100001);
  assert.deepEqual(Object.keys(s), ['5', '100000', 'named']);
  assert.deepEqual(Reflect.ownKeys(e), Reflect.ownKeys(extra));
  assert.deepEqual(descs(e), descs(extra));
  assert.equal(empty.length, 0);
  assert.equal(longer.length, 50);
  assert.equal(Object.keys(longer).length, 0);
  assert.ok(Array.isArray(s));
});

test('Map and Set keep insertion order and object keys', () => {
  const k1 = { k: 1 }, k2 = [2];
  const m = new Map([[k1, 'one'], ['s', k2], [k2, k1], [NaN, -0], [undefined, null]]);
  const s = new Set([k2, 'x', k1, 3n]);
  const back = rt({ m, s, k1, k2 });
  assert.deepEqual([...back.m.keys()].map((k) => typeof k), ['object', 'string', 'object', 'number', 'undefined']);
  assert.equal(back.m.get(back.k1), 'one');
  assert.equal(back.m.get('s'), back.k2);
  assert.equal(back.m.get(back.k2), back.k1);
  assert.ok(Object.is(back.m.get(NaN), -0));
  assert.ok(back.m.has(undefined));
  assert.deepEqual([...back.s], [back.k2, 'x', back.k1, 3n]);
  m.extra = 1;
  assert.equal(rt(m).extra, 1);
});

test('Date, RegExp, boxed primitives', () => {
  const re = /ab+c/giu;
  re.lastIndex = 3;
  const y = /x/y;
  y.extra = 'e';
  const [d, bad, r, ry, bn, bs, bb] = rt([new Date(1700000000123), new Date(NaN), re, y,
    new Number(-0), new String('hi'), new Boolean(false)]);
  assert.ok(d instanceof Date);
  assert.equal(d.getTime(), 1700000000123);
  assert.ok(Number.isNaN(bad.getTime()));
  assert.ok(r instanceof RegExp);
  assert.equal(r.source, 'ab+c');
  assert.equal(r.flags, 'giu');
  assert.equal(r.lastIndex, 3);
  assert.equal(ry.sticky, true);
  assert.equal(ry.extra, 'e');
  assert.ok(Object.is(bn.valueOf(), -0) && typeof bn === 'object');
  assert.equal(bs.valueOf(), 'hi');
  assert.equal(bs.length, 2);
  assert.equal(bb.valueOf(), false);
});

test('Error objects', () => {
  const e = new TypeError('bad thing', { cause: { code: 42 } });
  e.extra = [1];
  const agg = new AggregateError([new Error('a')], 'many');
  const [b, ab] = rt([e, agg]);
  assert.ok(b instanceof TypeError);
  assert.ok(require('util').types.isNativeError(b));
  assert.equal(b.message, 'bad thing');
  assert.equal(b.name, 'TypeError');
  assert.equal(b.stack, e.stack);
  assert.deepEqual(b.cause, { code: 42 });
  assert.deepEqual(b.extra, [1]);
  assert.deepEqual(Reflect.ownKeys(b), Reflect.ownKeys(e));
  assert.ok(ab instanceof AggregateError);
  assert.equal(ab.errors[0].message, 'a');
});

test('ArrayBuffer, typed arrays, DataView share buffers', () => {
  const buf = new ArrayBuffer(32);
  const u8 = new Uint8Array(buf);
  for (let i = 0; i < 32; i++) u8[i] = i;
  const f64 = new Float64Array(buf, 8, 2);
  const dv = new DataView(buf, 4, 8);
  const all = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
    Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array].map((C) => {
    const a = new C(3);
    a[1] = C.name.startsWith('Big') ? 7n : 7;
    return a;
  });
  const back = rt({ buf, u8, f64, dv, all, sub: u8.subarray(30) });
  assert.equal(back.u8.buffer, back.buf);
  assert.equal(back.f64.buffer, back.buf);
  assert.equal(back.dv.buffer, back.buf);
  assert.equal(back.sub.buffer, back.buf);
  assert.equal(back.f64.byteOffset, 8);
  assert.equal(back.f64.length, 2);
  assert.equal(back.dv.byteOffset, 4);
  assert.equal(back.dv.byteLength, 8);
  assert.deepEqual([...back.sub], [30, 31]);
  back.u8[8] = 99;
  assert.equal(new Uint8Array(back.f64.buffer)[8], 99);
  for (let i = 0; i < all.length; i++) {
    assert.equal(back.all[i].constructor, all[i].constructor);
    assert.deepEqual(back.all[i], all[i]);
  }
  const b = rt(Buffer.from('hello'));
  assert.ok(Buffer.isBuffer(b));
  assert.equal(b.toString(), 'hello');
});

test('intrinsics are stored by name', () => {
  assert.equal(intrinsicNameOf(Math.max), 'Math.max');
  assert.equal(intrinsicNameOf(Array.prototype), 'Array.prototype');
  assert.equal(intrinsicNameOf(Array.prototype.push), 'Array.prototype.push');
  assert.equal(intrinsicByName('JSON.stringify'), JSON.stringify);
  const aip = Object.getPrototypeOf([][Symbol.iterator]());
  assert.equal(intrinsicByName(intrinsicNameOf(aip)), aip);
  const o = { max: Math.max, push: Array.prototype.push, proto: Object.create(Array.prototype), aip, obj: Object, json: JSON };
  const b = rt(o);
  assert.equal(b.max, Math.max);
  assert.equal(b.push, Array.prototype.push);
  assert.equal(Object.getPrototypeOf(b.proto), Array.prototype);
  assert.equal(b.aip, aip);
  assert.equal(b.obj, Object);
  assert.equal(b.json, JSON);
});

test('host objects are stored by name', () => {
  const rtObj = hostObjects.get('runtime');
  const b = rt({ r: rtObj, fs: require('fs'), again: rtObj });
  assert.equal(b.r, rtObj);
  assert.equal(b.again, rtObj);
  assert.equal(b.fs, require('fs'));
  const bytes = encodeCheckpoint(HDR, { r: rtObj }, ctx);
  assert.throws(() => decodeCheckpoint(bytes, { ...ctx, hostValue: () => { throw new Error('nope'); } }, EXPECT),
    (e) => e instanceof CheckpointFormatError && /host object "runtime"/.test(e.message));
});

// ------------------------------------------------------------------ closures
test('closures: rebuilt from (code, env), env cycles, own properties', () => {
  const env = { $parent: undefined, x: 41, y: 1, n: 0 };
  const f = make(0, env);
  const g = make(1, env);
  const c = make(5, env);
  env.f = f; // env holds a closure over itself
  f.meta = { tag: 'm' };
  Object.defineProperty(f, 'hid', { value: 1, enumerable: false });
  c(); c();
  const back = rt({ env, f, g, c });
  assert.notEqual(back.f, f);
  assert.equal(back.f(), 41);
  assert.equal(back.g(1), 2);
  assert.equal(back.env.f, back.f);
  assert.equal(tags.get(back.f).env, back.env);
  assert.deepEqual(back.f.meta, { tag: 'm' });
  assert.equal(back.f.hid, 1);
  assert.equal(back.c(), 3);
  assert.equal(back.env.n, 3);
  back.env.x = 7;
  assert.equal(back.f(), 7);
});

test('plain constructor functions: prototype with user properties, instances', () => {
  const env = {};
  const Ctor = make(4, env);
  Ctor.prototype.hello = make(6, env);
  Object.defineProperty(Ctor.prototype, 'x', { get: make(6, env), enumerable: false, configurable: true });
  const inst = new Ctor(5);
  inst._x = 'X';
  const back = rt({ inst, Ctor });
  assert.ok(back.inst instanceof back.Ctor);
  assert.equal(back.inst.v, 5);
  assert.equal(back.inst.hello(), 'X');
  assert.equal(back.inst.x, 'X');
  assert.equal(back.Ctor.prototype.constructor, back.Ctor);
  // only the instance: the prototype still comes back as the rebuilt one
  const b2 = rt(inst);
  assert.equal(b2.hello(), 'X');
  assert.equal(Object.getPrototypeOf(b2).constructor.prototype, Object.getPrototypeOf(b2));
  // a replaced prototype object
  const Ctor2 = make(4, env);
  Ctor2.prototype = { greet: 'hi' };
  const i2 = new Ctor2(1);
  const b3 = rt({ Ctor2, i2 });
  assert.equal(b3.Ctor2.prototype.greet, 'hi');
  assert.ok(b3.i2 instanceof b3.Ctor2);
});

test('classes: instances, members, statics, heritage from env', () => {
  const env = { $parent: undefined };
  const Point = make(2, env);
  env.Point = Point;
  const Point3 = make(3, env);
  env.Point3 = Point3;
  Point.count = 5;
  Point.prototype.extra = 'e';
  const p = new Point(3, 4);
  const q = new Point3(1, 2, 2);
  const norm = Point.prototype.norm;
  const sumGetter = Object.getOwnPropertyDescriptor(Point.prototype, 'sum').get;
  const back = rt({ p, q, norm, sumGetter, origin: Point.origin, env });
  const BP = back.env.Point, BP3 = back.env.Point3;
  assert.notEqual(BP, Point);
  assert.ok(back.p instanceof BP);
  assert.ok(back.q instanceof BP3);
  assert.ok(back.q instanceof BP);
  assert.equal(back.p.norm(), 5);
  assert.equal(back.q.norm(), 3);
  assert.equal(back.p.sum, 7);
  back.p.sum = 10;
  assert.equal(back.p.x, 6);
  assert.deepEqual([...back.q], [1, 2]);
  assert.equal(back.norm, BP.prototype.norm);
  assert.equal(back.sumGetter, Object.getOwnPropertyDescriptor(BP.prototype, 'sum').get);
  assert.equal(back.origin, BP.origin);
  assert.equal(BP.count, 5);
  assert.equal(BP.prototype.extra, 'e');
  assert.equal(Object.getPrototypeOf(BP3), BP);
  assert.ok(BP.origin() instanceof BP);
});

test('compiled classes extending builtins (Error, Map)', () => {
  const env = {};
  const MyErr = make(7, env);
  const Bag = make(8, env);
  const e = new MyErr('oops');
  const bag = new Bag([['a', 1], ['b', 2]]);
  const back = rt({ e, bag });
  assert.ok(back.e instanceof Error);
  assert.equal(back.e.name, 'MyErr');
  assert.equal(back.e.message, 'oops');
  assert.equal(Object.getPrototypeOf(back.e).constructor.name, 'MyErr');
  assert.equal(back.bag.total(), 3);
  assert.equal(back.bag.get('b'), 2);
});

test('accessors on plain objects: compiled ok, native rejected', () => {
  const env = {};
  const o = { _x: 9 };
  Object.defineProperty(o, 'x', { get: make(6, env), enumerable: true, configurable: true });
  const b = rt(o);
  assert.equal(b.x, 9);
  assert.deepEqual(descs(b), descs(o));
  const bad = {};
  Object.defineProperty(bad, 'y', { get: () => 1, enumerable: true });
  assert.throws(() => encodeCheckpoint(HDR, { bad }, ctx),
    (e) => e instanceof SerializationError && e.segments.join('/') === 'bad/y');
});

// ------------------------------------------------------------------ errors
test('unserializable values name their path', () => {
  const p = Promise.resolve(1);
  const root = { frames: [{ slots: [1, 2, 3, { _socket: p }] }] };
  assert.throws(() => encodeCheckpoint(HDR, root, ctx), (e) => {
    assert.ok(e instanceof SerializationError);
    assert.deepEqual(e.segments, ['frames', 0, 'slots', 3, '_socket']);
    assert.match(e.message, /cannot serialize a Promise at frames › 0 › slots › 3 › _socket/);
    return true;
  });
  const cases = [
    [new WeakMap(), /a WeakMap/],
    [new WeakSet(), /a WeakSet/],
    [new WeakRef({}), /a WeakRef/],
    [(function* () {})(), /generator/],
    [new Map().keys(), /Map iterator/],
    [[].values(), /Array iterator/],
    [function uninstrumented() {}, /uninstrumented function \(uninstrumented\)/],
    [Symbol('local'), /unregistered symbol/],
    [new Proxy({}, {}), /a Proxy/],
    [new (require('events').EventEmitter)(), /uninstrumented class EventEmitter/],
    [new SharedArrayBuffer(8), /SharedArrayBuffer/],
  ];
  for (const [v, re] of cases) {
    assert.throws(() => encodeCheckpoint(HDR, { a: new Map([['k', [v]]]) }, ctx), (e) => {
      assert.ok(e instanceof SerializationError, String(e));
      assert.match(e.message, re);
      assert.deepEqual(e.segments, ['a', '[[Map value 0]]', 0]);
      return true;
    });
  }
  assert.throws(() => encodeCheckpoint(HDR, { [Symbol('k')]: 1 }, ctx), SerializationError);
  // a bound function is stored as its parts: the path goes on to its target
  assert.throws(() => encodeCheckpoint(HDR, { a: [function native() {}.bind(null)] }, ctx), (e) => {
    assert.match(e.message, /uninstrumented function \(native\)/);
    assert.deepEqual(e.segments, ['a', 0, '[[target]]']);
    return true;
  });
});

test('encoding never mutates the heap', () => {
  const o = { a: 1, b: [1, 2], m: new Map([[1, 2]]) };
  o.self = o;
  const before = JSON.stringify(Reflect.ownKeys(o)) + JSON.stringify(Reflect.ownKeys(o.b));
  encodeCheckpoint(HDR, o, ctx);
  encodeCheckpoint(HDR, o, ctx);
  assert.equal(JSON.stringify(Reflect.ownKeys(o)) + JSON.stringify(Reflect.ownKeys(o.b)), before);
  assert.ok(Object.isExtensible(o));
});

test('deep structures do not overflow the stack', () => {
  let list = null;
  for (let i = 0; i < 100000; i++) list = { i, next: list };
  let b = rt(list);
  let n = 0;
  while (b) { n++; b = b.next; }
  assert.equal(n, 100000);
  let arr = [];
  const top = arr;
  for (let i = 0; i < 50000; i++) { const nx = []; arr.push(nx); arr = nx; }
  assert.ok(Array.isArray(rt(top)));
});

// ------------------------------------------------------------------ rejection
function sample() {
  const env = { x: 1 };
  const Point = make(2, env);
  env.Point = Point;
  const shared = { s: 'shared' };
  const buf = new ArrayBuffer(8);
  const root = {
    frames: [{ code: 3, slots: [1, 'two', shared, [shared, , 3], new Point(1, 2)] }], // eslint-disable-line no-sparse-arrays
    persist: { m: new Map([[shared, 1n]]), s: new Set([Symbol.for('q')]), d: new Date(5), re: /a/g },
    f: make(0, env), env, u8: new Uint8Array(buf), dv: new DataView(buf), err: new RangeError('r'),
    max: Math.max, neg: -0, nan: NaN, undef: undefined,
  };
  return encodeCheckpoint(HDR, root, ctx);
}

function decodesOrFormatError(bytes) {
  try {
    decodeCheckpoint(bytes, ctx, EXPECT);
    return 'ok';
  } catch (e) {
    if (!(e instanceof CheckpointFormatError)) {
      throw new assert.AssertionError({ message: `expected CheckpointFormatError, got ${e && e.name}: ${e && e.message}` });
    }
    return 'error';
  }
}

test('every truncated prefix is rejected', () => {
  const bytes = sample();
  assert.equal(decodesOrFormatError(bytes), 'ok');
  for (let n = 0; n < bytes.length; n++) {
    assert.throws(() => decodeCheckpoint(bytes.subarray(0, n), ctx, EXPECT), CheckpointFormatError, `prefix ${n}`);
  }
  // trailing garbage too
  const longer = new Uint8Array(bytes.length + 1);
  longer.set(bytes);
  assert.throws(() => decodeCheckpoint(longer, ctx, EXPECT), CheckpointFormatError);
});

test('random bytes are rejected', () => {
  let seed = 12345;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; };
  for (let t = 0; t < 3000; t++) {
    const n = rnd() % 300;
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = rnd() & 0xff;
    assert.throws(() => decodeCheckpoint(b, ctx, EXPECT), CheckpointFormatError);
  }
  assert.throws(() => decodeCheckpoint('not bytes', ctx, EXPECT), CheckpointFormatError);
});

test('flipped bytes decode to a valid graph or throw CheckpointFormatError', () => {
  const bytes = sample();
  let seed = 777;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; };
  const counts = { ok: 0, error: 0 };
  for (let i = 0; i < bytes.length; i++) {
    for (const v of [bytes[i] ^ 0xff, bytes[i] ^ 1, rnd() & 0xff]) {
      const b = bytes.slice();
      b[i] = v;
      counts[decodesOrFormatError(b)]++;
    }
  }
  for (let t = 0; t < 2000; t++) {
    const b = bytes.slice();
    for (let k = 0; k < 3; k++) b[rnd() % b.length] = rnd() & 0xff;
    counts[decodesOrFormatError(b)]++;
  }
  assert.ok(counts.error > 0);
  assert.equal(Object.prototype.polluted, undefined);
  assert.deepEqual(Object.keys(Object.prototype), []);
  assert.deepEqual(Object.keys(Array.prototype), []);
});

test('another build, wrong magic, wrong version are rejected clearly', () => {
  const bytes = encodeCheckpoint(HDR, { a: 1 }, ctx);
  assert.throws(() => decodeCheckpoint(bytes, ctx, { build: 'def456' }), (e) => {
    assert.ok(e instanceof CheckpointFormatError);
    assert.match(e.message, /abc123/);
    assert.match(e.message, /def456/);
    return true;
  });
  const wrongMagic = bytes.slice();
  wrongMagic[0] = 'X'.charCodeAt(0);
  assert.throws(() => decodeCheckpoint(wrongMagic, ctx, EXPECT), /not a checkpoint: bad magic/);
  // the payload's own format version, behind a valid checksum
  const payload = Buffer.from(bytes.subarray(integrity.PREFIX_LEN));
  const at = payload.indexOf('DSCK');
  assert.strictEqual(at, 2); // after the array and string headers
  payload[at + 4] = 9; // the fixint after the magic
  assert.throws(() => decodeCheckpoint(integrity.seal(payload, null), ctx, EXPECT), /unsupported checkpoint format v9/);
  assert.throws(() => decodeCheckpoint(require('v8').serialize({ a: 1 }), ctx, EXPECT), CheckpointFormatError);
  assert.throws(() => decodeCheckpoint(new Uint8Array(0), ctx, EXPECT), CheckpointFormatError);
});

test('unknown builtin name is rejected', () => {
  const bytes = encodeCheckpoint(HDR, { m: Math.max }, ctx);
  const payload = Buffer.from(bytes.subarray(integrity.PREFIX_LEN));
  const at = payload.indexOf('Math.max');
  payload[at] = 'Q'.charCodeAt(0);
  assert.throws(() => decodeCheckpoint(integrity.seal(payload, null), ctx, EXPECT),
    /unknown builtin "Qath.max"/);
  // without a recomputed checksum, the same edit is caught as corruption
  const b = bytes.slice();
  b[integrity.PREFIX_LEN + at] = 'Q'.charCodeAt(0);
  assert.throws(() => decodeCheckpoint(b, ctx, EXPECT), /checkpoint is corrupted: checksum mismatch/);
});

test('accessor whose compiled getter closes over its own object', () => {
  const env = {};
  const o = { _x: 'own' };
  Object.defineProperty(o, 'x', { get: make(6, env), set: make(6, env), enumerable: false, configurable: true });
  env.o = o;
  const b = rt({ env });
  assert.equal(b.env.o.x, 'own');
  assert.deepEqual(descs(b.env.o), descs(o));
  assert.equal(tags.get(Object.getOwnPropertyDescriptor(b.env.o, 'x').get).env, b.env);
});

test('arguments objects are refused with a clear error (their parameter link cannot be restored)', () => {
  const args = (function () { return arguments; })(1, 'a');
  assert.throws(() => encodeCheckpoint(HDR, { held: args }, ctx),
    (e) => e instanceof SerializationError && /an arguments object/.test(e.message) && e.segments.join('/') === 'held');
});

test('a checkpoint can be decoded twice into independent graphs', () => {
  const env = { x: 1 };
  const f = make(0, env);
  const bytes = encodeCheckpoint(HDR, { f, env }, ctx);
  const a = decodeCheckpoint(bytes, ctx, EXPECT).root;
  const b = decodeCheckpoint(bytes, ctx, EXPECT).root;
  a.env.x = 5;
  assert.equal(a.f(), 5);
  assert.equal(b.f(), 1);
});

test('host-named symbols (e.g. an uninitialized-binding sentinel)', () => {
  const U = Symbol('uninitialized');
  const c2 = {
    ...ctx,
    hostName: (v) => (v === U ? 'sentinel:U' : ctx.hostName(v)),
    hostValue: (n) => (n === 'sentinel:U' ? U : ctx.hostValue(n)),
  };
  const bytes = encodeCheckpoint(HDR, { x: U, [U]: 1 }, c2);
  const b = decodeCheckpoint(bytes, c2, EXPECT).root;
  assert.equal(b.x, U);
  assert.equal(b[U], 1);
  assert.throws(() => decodeCheckpoint(bytes, ctx, EXPECT), (e) => e instanceof CheckpointFormatError && /sentinel:U/.test(e.message));
  assert.throws(() => encodeCheckpoint(HDR, { x: U }, ctx), SerializationError);
});

test('decodes from a Buffer view with an offset', () => {
  const bytes = encodeCheckpoint(HDR, { a: [1, { b: 2 }] }, ctx);
  const big = Buffer.concat([Buffer.from('junkjunk'), Buffer.from(bytes)]);
  const view = big.subarray(8);
  assert.deepEqual(decodeCheckpoint(view, ctx, EXPECT).root, { a: [1, { b: 2 }] });
});

test('a valid envelope followed by random bytes is rejected', () => {
  const env = encodeCheckpoint(HDR, null, ctx);
  // the body of `null` is [nil, []]: 0x92 0xc0 + a 5-byte array32 header
  const envLen = env.length - 7;
  let seed = 99;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; };
  let ok = 0;
  for (let t = 0; t < 3000; t++) {
    const n = 1 + (rnd() % 200);
    const b = new Uint8Array(envLen + n);
    b.set(env.subarray(0, envLen));
    for (let i = 0; i < n; i++) b[envLen + i] = rnd() & 0xff;
    if (t % 3 === 0) b[envLen] = 0x92; // make it look like a body more often
    if (decodesOrFormatError(b) === 'ok') ok++;
  }
  assert.ok(ok < 3000);
});

test('rebuild failures are CheckpointFormatErrors', () => {
  const env = { x: 1 };
  const bytes = encodeCheckpoint(HDR, { f: make(0, env) }, ctx);
  const c2 = { ...ctx, rebuild: () => { throw new RangeError('no factory for code 0'); } };
  assert.throws(() => decodeCheckpoint(bytes, c2, EXPECT),
    (e) => e instanceof CheckpointFormatError && /no factory for code 0/.test(e.message));
  const c3 = { ...ctx, rebuild: () => 42 };
  assert.throws(() => decodeCheckpoint(bytes, c3, EXPECT), CheckpointFormatError);
});

test('class prototype whose constructor link was changed still comes back as the prototype', () => {
  const env = {};
  const Point = make(2, env);
  env.Point = Point;
  Point.prototype.constructor = Object; // user code did this
  const p = new Point(1, 2);
  const b = rt({ Point, p }); // Point seen before its prototype
  assert.ok(b.p instanceof b.Point);
  assert.equal(b.p.norm(), Math.hypot(1, 2));
  const b2 = rt({ p, Point }); // prototype seen first: still decodes, methods work
  assert.equal(b2.p.norm(), Math.hypot(1, 2));
});
