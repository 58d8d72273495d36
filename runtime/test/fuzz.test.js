'use strict';
// A seeded random-bytes fuzz test of the checkpoint decoder: random inputs,
// and mutations of valid checkpoints both as they are (stopped by the
// checksum) and re-sealed with a correct checksum (so they reach the
// msgpack pre-scan, the structural validation and the builder). The only
// exception allowed out of decodeCheckpoint is CheckpointFormatError; every
// input must finish quickly (no hang); Object.prototype stays clean.
// FUZZ_SEED=n and FUZZ_ROUNDS=n run it with another seed / longer.
const test = require('node:test');
const assert = require('node:assert/strict');
const { encodeCheckpoint, decodeCheckpoint, CheckpointFormatError } = require('../src/serializer.js');
const integrity = require('../src/integrity.js');

const SEED = Number(process.env.FUZZ_SEED || 0x5eed);
const ROUNDS = Number(process.env.FUZZ_ROUNDS || 1000);

// mulberry32: small, seedable, good enough to pick bytes
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fake compiled functions: rebuild gives a fresh function per (code, env),
// like a program's factories (no code is taken from the bytes).
const tags = new WeakMap();
function make(code, env) {
  const f = function compiled() { return env; };
  tags.set(f, { code, env });
  return f;
}
const host = { name: 'host object' };
const ctx = {
  codeOf: (f) => tags.get(f),
  rebuild: (code, env) => {
    if (!Number.isInteger(code) || code < 0 || code > 3) throw new Error(`no code ${code}`);
    return make(code, env);
  },
  hostName: (v) => (v === host ? 'host' : undefined),
  hostValue: (name) => {
    if (name !== 'host') throw new Error(`no host value ${name}`);
    return host;
  },
};
const EXPECT = { build: 'fuzz' };
// The same codes in "another build": decoding goes through the code table
// (versions.js) and the code remapping, which the fuzzer then reaches too.
const SCHEMA = {
  build: 'fuzz',
  codes: [null, { name: 'get', hash: '00000000000000a1', line: 1, col: 1 }, { name: 'fn', hash: '00000000000000a2', line: 2, col: 1 },
    { name: 'fn', hash: '00000000000000a2', line: 9, col: 1 }],
};
const OTHER = { build: 'fuzz-rebuilt', schema: { ...SCHEMA, build: 'fuzz-rebuilt' } };

function samples() {
  const shared = { s: 'shared' };
  const cyc = { name: 'cycle' };
  cyc.self = cyc;
  const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
  sparse[100] = 'far';
  const buf = new ArrayBuffer(16);
  const env = { $parent: null, x: 1 };
  const fn = make(2, env);
  env.fn = fn;
  const withAccessor = {};
  Object.defineProperty(withAccessor, 'v', { get: make(1, env), enumerable: true, configurable: true });
  return [
    { a: 1, b: 'two', c: [true, false, null, undefined, -0, NaN, Infinity, 2n ** 70n, -5n] },
    { shared1: shared, shared2: shared, cyc, sparse },
    { m: new Map([[1, 'one'], [shared, [shared]]]), s: new Set([1, 'x', shared]), d: new Date(0), r: /a+b/gi },
    { u8: new Uint8Array(buf, 2, 4), f64: new Float64Array(buf, 8, 1), dv: new DataView(buf), buf },
    { e: new RangeError('bad'), sym: Symbol.for('k'), well: Symbol.iterator, boxed: Object(3), str: Object('abc') },
    { fn, env, withAccessor, host, frozen: Object.freeze({ z: 1 }), nullProto: Object.assign(Object.create(null), { q: 1 }) },
    Object.assign(Object.create({ inherited: true }), { own: 1 }),
    [[[[{ deep: [1, [2, [3]]] }]]]],
  ].map((root) => Buffer.from(encodeCheckpoint({ build: 'fuzz', runId: 'r' }, root, { ...ctx, schema: SCHEMA })));
}

function mutate(r, bytes) {
  const b = Buffer.from(bytes);
  const n = 1 + Math.floor(r() * 4);
  let out = b;
  for (let k = 0; k < n; k++) {
    const op = Math.floor(r() * 6);
    const at = Math.floor(r() * Math.max(1, out.length));
    if (op === 0 && out.length > 0) out[at] ^= 1 << Math.floor(r() * 8); // bit flip
    else if (op === 1 && out.length > 0) out[at] = Math.floor(r() * 256); // byte set
    else if (op === 2 && out.length > 0) out[at] = [0x00, 0x7f, 0x80, 0xc0, 0xc1, 0xdc, 0xdd, 0xde, 0xdf, 0xc9, 0xd6, 0xff][Math.floor(r() * 12)];
    else if (op === 3) out = out.subarray(0, at); // truncate
    else if (op === 4) out = Buffer.concat([out.subarray(0, at), Buffer.from([Math.floor(r() * 256)]), out.subarray(at)]); // insert
    else out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + Math.floor(r() * 8))]); // delete a run
  }
  return out;
}

function check(input, what) {
  const t0 = process.hrtime.bigint();
  for (const expect of [EXPECT, OTHER]) {
    try {
      decodeCheckpoint(new Uint8Array(input), ctx, expect);
    } catch (e) {
      if (!(e instanceof CheckpointFormatError)) {
        assert.fail(`${what} (build ${expect.build}): ${e && e.name}: ${e && e.message}\n` +
          `input (hex): ${Buffer.from(input).toString('hex').slice(0, 400)}`);
      }
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.ok(ms < 2000, `${what}: took ${ms} ms`);
}

test('the valid samples decode, under their build and through the code table of another', () => {
  for (const s of samples()) {
    assert.ok(decodeCheckpoint(new Uint8Array(s), ctx, EXPECT).root);
    const r = decodeCheckpoint(new Uint8Array(s), ctx, OTHER);
    assert.ok(r.root && r.codeMap instanceof Map);
  }
});

test(`fuzz: random bytes (seed ${SEED})`, () => {
  const r = rng(SEED);
  for (let i = 0; i < ROUNDS; i++) {
    const len = Math.floor(r() * 120);
    const raw = Buffer.alloc(len);
    for (let k = 0; k < len; k++) raw[k] = Math.floor(r() * 256);
    check(raw, `random #${i}`);
    // the same bytes as a payload behind a valid container (reaches the pre-scan)
    check(integrity.seal(raw, null), `sealed random #${i}`);
  }
  assert.deepEqual(Object.keys(Object.prototype), []);
});

test(`fuzz: mutated valid checkpoints, with and without a recomputed checksum (seed ${SEED})`, () => {
  const r = rng(SEED + 1);
  const base = samples();
  let reached = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const s = base[i % base.length];
    check(mutate(r, s), `mutated #${i}`);
    const payload = mutate(r, s.subarray(integrity.PREFIX_LEN));
    const sealed = integrity.seal(payload, null);
    try {
      decodeCheckpoint(new Uint8Array(sealed), ctx, EXPECT);
    } catch (e) {
      if (e instanceof CheckpointFormatError && !/checksum/.test(e.message)) reached++;
    }
    check(sealed, `mutated and re-sealed #${i}`);
  }
  // the re-sealed mutations really went past the integrity check
  assert.ok(reached > ROUNDS / 4, `only ${reached} mutations reached the decoder`);
  assert.deepEqual(Object.keys(Object.prototype), []);
  assert.equal(({}).polluted, undefined);
});
