'use strict';
// Hostile checkpoints: truncated, bit-flipped, zero-length, oversized,
// wrong-magic, foreign-build, crafted-prototype, deeply nested and
// cyclic-in-the-wrong-place. Each must be rejected with a clear error
// before anything of the program runs, leave the last good checkpoint in
// the store byte-identical, and never pollute Object.prototype. Crafted
// payloads carry a correct checksum (re-sealed), so they reach the
// decoder's own defenses rather than stopping at the integrity check.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { Encoder, ExtData } = require('@msgpack/msgpack');

const { Program, Instance, DirStore, MemoryStore } = require('../src/api.js');
const {
  encodeCheckpoint, decodeCheckpoint, CheckpointFormatError, CheckpointVersionError, DEFAULT_LIMITS, FORMAT_VERSION, ABI,
} = require('../src/serializer.js');
const integrity = require('../src/integrity.js');

const FIX = path.join(__dirname, 'fixtures');
const RUNNER = path.join(__dirname, '..', 'bin', 'distribufy-run.js');
const load = (name) => Program.load(path.join(FIX, `${name}.linked`), { source: path.join(FIX, `${name}.prog`) });
const tmpdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'distribufy-hostile-'));

function assertClean() {
  assert.deepEqual(Object.keys(Object.prototype), []);
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).filter((k) => /polluted|evil/.test(k)), []);
  assert.equal(({}).polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
  assert.equal(Array.prototype.polluted, undefined);
  assert.equal(Function.prototype.polluted, undefined);
}

// ------------------------------------------------------------ crafting
const REF = (i) => new ExtData(0, i < 256 ? Uint8Array.of(i) : Uint8Array.of(0, 0, i >> 8, i & 0xff).slice(i < 65536 ? 2 : 0));
const UNDEF = new ExtData(1, new Uint8Array(0));
const enc = new Encoder({ maxDepth: 1 << 20 });

/** A payload [envelope][body] encoded from plain values, sealed with a correct tag. */
function craft(build, root, heap, header = {}, key = null) {
  const env = enc.encode(['DSCK', FORMAT_VERSION, ABI, build, { build, ...header }]);
  const body = enc.encode([root, heap]);
  return integrity.seal(Buffer.concat([env, body]), key);
}
const payloadOf = (bytes) => Buffer.from(bytes.subarray(integrity.PREFIX_LEN));
const reseal = (payload) => integrity.seal(payload, null);

// A good checkpoint of the fixture, suspended at its first checkpoint.
async function goodInstance(store, id) {
  const inst = new Instance(load('hostile'), { store, id });
  const out = captureStdout(() => inst.start());
  const r = await out.result;
  assert.equal(r.done, false);
  return inst;
}

function captureStdout(fn) {
  const write = process.stdout.write;
  const lines = [];
  process.stdout.write = (s, ...rest) => { lines.push(String(s)); return true; };
  let result;
  try { result = fn(); } finally { process.stdout.write = write; }
  return { lines, result: Promise.resolve(result).finally(() => { process.stdout.write = write; }) };
}

// Runs resumeStored on a store holding `bytes` for instance `id`, with
// console.log trapped: returns {error, printed}.
async function resumeWith(bytes, options = {}) {
  const store = new MemoryStore();
  const program = load('hostile');
  const good = await goodInstance(store, 'g');
  const goodBytes = Buffer.from(store.loadCheckpoint('g'));
  store.saveCheckpoint('h', bytes, { status: 'suspended', seq: 1 });
  const inst = Instance.fromStore(program, store, 'h', options);
  const printed = [];
  const log = console.log;
  console.log = (...a) => { printed.push(a.join(' ')); };
  let error;
  try {
    await inst.resumeStored();
  } catch (e) {
    error = e;
  } finally {
    console.log = log;
  }
  assert.ok(Buffer.from(store.loadCheckpoint('g')).equals(goodBytes), 'the good checkpoint stays intact');
  assert.ok(good);
  assertClean();
  return { error, printed };
}

async function rejects(bytes, re, options) {
  const { error, printed } = await resumeWith(bytes, options);
  assert.ok(error, 'the hostile checkpoint was accepted');
  assert.match(`${error.name}: ${error.message}`, re);
  assert.deepEqual(printed, [], 'nothing of the program ran');
  return error;
}

async function goodBytes() {
  const store = new MemoryStore();
  await goodInstance(store, 'x');
  return store.loadCheckpoint('x');
}

// ------------------------------------------------------------ container

test('container: zero-length, truncated, bit-flipped, wrong magic, unknown version are rejected before decoding', async () => {
  const good = await goodBytes();
  await rejects(new Uint8Array(0), /CheckpointFormatError: not a checkpoint: the input is empty/);
  await rejects(good.slice(0, 20), /truncated: 20 bytes, shorter than its 38-byte container header/);
  for (const cut of [38, 39, good.length >> 1, good.length - 1])
    await rejects(good.slice(0, cut), /checkpoint is corrupted: checksum mismatch/);
  // one flipped bit anywhere after the prefix's fixed fields
  for (const at of [6, 20, 37, 38, 45, good.length >> 1, good.length - 1]) {
    const b = good.slice();
    b[at] ^= 0x10;
    await rejects(b, /checkpoint is corrupted: checksum mismatch/);
  }
  const magic = good.slice();
  magic[1] ^= 1;
  await rejects(magic, /not a checkpoint: bad magic/);
  const version = good.slice();
  version[4] = 3;
  await rejects(version, /unsupported checkpoint container version 3 \(this runtime reads version 2\)/);
  const kind = good.slice();
  kind[5] = 7;
  await rejects(kind, /unknown tag kind 7/);
  // a checkpoint of the previous format (bare msgpack, no container)
  await rejects(payloadOf(good), /no container/);
});

test('authentication: HMAC-SHA256 with a key; refused with another key, without a key, or unauthenticated under a key', async () => {
  const store = new MemoryStore();
  const program = load('hostile');
  const inst = new Instance(program, { store, id: 'k', checkpointKey: 'secret one' });
  await captureStdout(() => inst.start()).result;
  const signed = store.loadCheckpoint('k');
  assert.equal(signed[5], integrity.TAG_HMAC_SHA256);
  // the right key resumes
  const ok = Instance.fromStore(program, store, 'k', { checkpointKey: 'secret one' });
  const r = await captureStdout(() => ok.resumeStored()).result;
  assert.equal(r.done, false);
  await rejects(signed, /authentication failed: its HMAC-SHA256 tag does not verify/, { checkpointKey: 'secret two' });
  await rejects(signed, /authenticated \(HMAC-SHA256\) but no key is configured/, { checkpointKey: null });
  const plain = await goodBytes();
  assert.equal(plain[5], integrity.TAG_SHA256);
  await rejects(plain, /not authenticated \(SHA-256 checksum only\) but a checkpoint key is configured/, { checkpointKey: 'secret one' });
  // a tampered payload re-checksummed with SHA-256 does not pass for an authenticated one
  const forged = signed.slice();
  forged[5] = integrity.TAG_SHA256;
  await rejects(forged, /not authenticated/, { checkpointKey: 'secret one' });
  // keys from "hex:" / "base64:" and the environment variable
  assert.deepEqual(integrity.resolveKey('hex:00ff'), Buffer.from([0, 255]));
  assert.deepEqual(integrity.resolveKey('base64:AP8='), Buffer.from([0, 255]));
  assert.deepEqual(integrity.resolveKey(undefined, { DISTRIBUFY_CHECKPOINT_KEY: 'k' }), Buffer.from('k'));
  assert.equal(integrity.resolveKey(undefined, {}), null);
  assert.equal(integrity.resolveKey(null, { DISTRIBUFY_CHECKPOINT_KEY: 'k' }), null);
  assert.throws(() => integrity.resolveKey('hex:abc'), /even/);
});

test('limits: oversized input, too many heap entries and deep nesting are refused with the limit named', () => {
  const bytes = encodeCheckpoint({ build: 'b' }, { list: Array.from({ length: 50 }, (_, i) => ({ i })) }, {});
  assert.ok(decodeCheckpoint(bytes, {}, { build: 'b' }).root.list[49].i === 49);
  assert.throws(() => decodeCheckpoint(bytes, {}, { build: 'b', limits: { maxBytes: 100 } }),
    (e) => e instanceof CheckpointFormatError && /checkpoint too large: \d+ bytes, the limit is 100 \(maxBytes\)/.test(e.message));
  assert.throws(() => decodeCheckpoint(bytes, {}, { build: 'b', limits: { maxHeapEntries: 10 } }),
    (e) => e instanceof CheckpointFormatError && /\d+ heap entries, the limit is 10 \(maxHeapEntries\)/.test(e.message));
  assert.throws(() => decodeCheckpoint(bytes, { limits: { maxDepth: 3 } }, { build: 'b' }), /deeper than 3 levels \(maxDepth\)/);
  assert.throws(() => decodeCheckpoint(bytes, {}, { build: 'b', limits: { maxDepth: 0 } }), TypeError);
  assert.deepEqual(Object.keys(DEFAULT_LIMITS).sort(), ['maxBytes', 'maxDepth', 'maxHeapEntries']);
});

// ------------------------------------------------------------ crafted payloads

test('deeply nested values (in the root, a property, the header) are refused before the msgpack decoder recurses', async () => {
  const build = load('hostile').build;
  // (written as raw bytes: 100000 nested one-element arrays)
  const nested = (n) => Buffer.concat([Buffer.alloc(n, 0x91), Buffer.from([1])]);
  const envelope = enc.encode(['DSCK', FORMAT_VERSION, ABI, build, { build }]);
  await rejects(reseal(Buffer.concat([envelope, Buffer.from([0x92]), nested(100000), Buffer.from([0x90])])),
    /values nest deeper than 16 levels \(maxDepth\)/);
  const entry = Buffer.concat([Buffer.from([0x95, 2, 0xc0, 0]), Buffer.from([0x92]), enc.encode('x'), nested(100000), Buffer.from([0xc0])]);
  await rejects(reseal(Buffer.concat([envelope, Buffer.from([0x92]), enc.encode(REF(0)), Buffer.from([0x91]), entry])),
    /nest deeper than 16 levels/);
  let deepMap = {};
  for (let i = 0; i < 50; i++) deepMap = { a: deepMap };
  await rejects(craft(build, REF(0), [[2, null, 0, [], null]], { extra: deepMap }), /nest deeper than 16 levels/);
  // shallow but structurally wrong nesting (an inline array where a value goes)
  await rejects(craft(build, REF(0), [[2, null, 0, ['x', [1, 2]], null]]), /unexpected structure in heap entry 0/);
});

test('crafted prototype: __proto__ keys stay own data properties, constructor.prototype paths reach no builtin', async () => {
  const build = load('hostile').build;
  const ctx = {};
  const evil = [2, null, 0, ['polluted', true, 'evil', true], null];
  // {__proto__: {polluted: true}, constructor: {prototype: {polluted: true}}} with Object.prototype as prototype
  const heap = [
    [2, REF(1), 0, ['__proto__', REF(2), 'constructor', REF(3)], null],
    [0, 'Object.prototype'],
    evil,
    [2, REF(1), 0, ['prototype', REF(2)], null],
  ];
  const { root } = decodeCheckpoint(craft(build, REF(0), heap), ctx, { build });
  assert.equal(Object.getPrototypeOf(root), Object.prototype);
  assert.ok(Object.prototype.hasOwnProperty.call(root, '__proto__'));
  assert.equal(Object.getOwnPropertyDescriptor(root, '__proto__').value.polluted, true);
  assert.equal(root.constructor.prototype.polluted, true); // its own fresh object, not Object.prototype
  assertClean();
  // the same shape under a null prototype and inside an array
  const heap2 = [[3, REF(1), 0, ['__proto__', REF(2)], null, 1, [REF(2)]], [0, 'Array.prototype'], evil];
  const r2 = decodeCheckpoint(craft(build, REF(0), heap2), ctx, { build }).root;
  assert.ok(Array.isArray(r2) && Object.getPrototypeOf(r2) === Array.prototype);
  assertClean();
  // intrinsic and host entries cannot carry properties: the decoder never writes to them
  await rejects(craft(build, REF(0), [[0, 'Object.prototype', 0, ['polluted', true], null]]), /heap entry 0 has a wrong shape/);
  await rejects(craft(build, REF(0), [[1, 'distribufy', 0, ['polluted', true], null]]), /heap entry 0 has a wrong shape/);
  // a prototype-of entry must name a rebuilt function, not a builtin
  await rejects(craft(build, REF(1), [[0, 'Object'], [5, null, 0, ['polluted', true], null, REF(0)]]), /prototype of a non-function/);
  // a __proto__ key in the header map
  const env = Buffer.from([0x95, 0xa4, 0x44, 0x53, 0x43, 0x4b, FORMAT_VERSION, ABI]);
  const payload = Buffer.concat([env, enc.encode(build), Buffer.from([0x82]), enc.encode('build'), enc.encode(build),
    enc.encode('__proto__'), enc.encode(1), enc.encode([REF(0), [[2, null, 0, [], null]]])]);
  await rejects(reseal(payload), /__proto__ is not allowed/);
  assertClean();
});

test('cyclic in the wrong place: self prototype, a class extending its own method, frames holding themselves', async () => {
  const build = load('hostile').build;
  // an object that is its own prototype
  await rejects(craft(build, REF(0), [[2, REF(0), 0, [], null]]), /cannot set the prototype of heap entry 0/);
  // prototype chain cycle through two objects
  await rejects(craft(build, REF(0), [[2, REF(1), 0, [], null], [2, REF(0), 0, [], null]]), /cannot set the prototype/);
  // a compiled function whose prototype is its own class member (a derived class of itself)
  await rejects(craft(build, REF(0), [[4, REF(1), 0, [], null, 1, UNDEF, null], [6, REF(0), false, 'm', 'method']]),
    /cyclic definition/);
  // root frames whose only frame is the frames array itself
  const root = [2, REF(1), 0, ['format', 1, 'phase', 'main', 'frames', REF(2), 'request', REF(3)], null];
  const heap = [root, [0, 'Object.prototype'], [3, REF(4), 0, [], null, 1, [REF(2)]], [2, REF(1), 0, ['kind', 'checkpoint'], null],
    [0, 'Array.prototype']];
  await rejects(craft(build, REF(0), heap), /RestoreError: frame 0 .*slots is not an array/);
  // references out of range, a body that is not [root, heap]
  await rejects(craft(build, REF(9), [[2, null, 0, [], null]]), /reference 9 out of range/);
  await rejects(reseal(Buffer.concat([enc.encode(['DSCK', FORMAT_VERSION, ABI, build, { build }]), enc.encode([1, 2, 3])])), /bad body/);
});

test('foreign build: a checkpoint of another program is refused, naming the functions it needs', async () => {
  const store = new MemoryStore();
  const other = new Instance(load('basic'), { store, id: 'o', params: { n: 2 } });
  await other.start();
  const e = await rejects(store.loadCheckpoint('o'), /CheckpointVersionError: checkpoint of build \w+ cannot resume under build \w+/);
  assert.ok(e instanceof CheckpointVersionError);
  assert.match(e.message, /main \(basic\.prog:\d+:\d+, on the suspended stack/);
  assert.ok(e.disappeared.includes('add') || e.changed.includes('add'));
  // a checkpoint written without the code table (an older runtime) is refused as such
  const store2 = new MemoryStore();
  await new Instance(load('basic'), { store: store2, id: 'o', params: { n: 2 }, serializer: noTable() }).start();
  await rejects(store2.loadCheckpoint('o'), /records no code hashes/);
});

function noTable() {
  const s = require('../src/serializer.js');
  return { ...s, encodeCheckpoint: (h, r, ctx) => s.encodeCheckpoint(h, r, { ...ctx, schema: undefined }) };
}

// ------------------------------------------------------------ end to end

function run(args, env = {}) {
  return spawnSync(process.execPath, [RUNNER, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

test('end to end through the runner and a DirStore: each hostile checkpoint exits 3 with one clear line, prints nothing, keeps the good one', async () => {
  const dir = tmpdir();
  const store = new DirStore(dir);
  const program = load('hostile');
  const inst = new Instance(program, { store, id: 'good' });
  await captureStdout(() => inst.start()).result;
  const goodFile = path.join(dir, 'instances', 'good', 'checkpoint.bin');
  const good = fs.readFileSync(goodFile);
  const flipped = Buffer.from(good); flipped[good.length >> 1] ^= 4;
  const crafted = Buffer.from(craft(program.build, REF(0), [[2, REF(0), 0, [], null]]));
  const deep = Buffer.concat([enc.encode(['DSCK', FORMAT_VERSION, ABI, program.build, { build: program.build }]),
    Buffer.from([0x92]), Buffer.alloc(5000, 0x91), Buffer.from([1, 0x90])]);
  const cases = {
    truncated: [good.subarray(0, good.length - 9), /checksum mismatch/],
    flipped: [flipped, /checksum mismatch/],
    empty: [Buffer.alloc(0), /input is empty/],
    magic: [Buffer.concat([Buffer.from('XXXX'), good.subarray(4)]), /bad magic/],
    cyclic: [crafted, /cannot set the prototype/],
    deep: [Buffer.from(reseal(deep)), /nest deeper/],
  };
  for (const [name, [bytes]] of Object.entries(cases)) {
    fs.cpSync(path.join(dir, 'instances', 'good'), path.join(dir, 'instances', name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'instances', name, 'checkpoint.bin'), bytes);
  }
  for (const [name, [bytes, re]] of Object.entries(cases)) {
    const r = run(['--resume', name, '--store', dir, '--result']);
    assert.equal(r.status, 3, `${name}: ${r.stderr}`);
    assert.equal(r.stdout, '', `${name}: nothing of the program runs`);
    assert.match(r.stderr, re, name);
    assert.doesNotMatch(r.stderr, /\n\s+at /, `${name}: no stack trace`);
    assert.ok(fs.readFileSync(path.join(dir, 'instances', name, 'checkpoint.bin')).equals(bytes), `${name}: left as it was`);
    assert.ok(fs.readFileSync(goodFile).equals(good), 'the good checkpoint is byte-identical');
  }
  // authentication through the environment variable
  const signedDir = tmpdir();
  const s = run(['--compiled', path.join(FIX, 'hostile.linked'), '--source', path.join(FIX, 'hostile.prog'), '--store', signedDir,
    '--instance', 's', '--result'], { DISTRIBUFY_CHECKPOINT_KEY: 'k1' });
  assert.equal(s.status, 0, s.stderr);
  assert.equal(s.stdout.trim().split('\n').pop(), '3');
  // the good one still resumes and finishes
  const r = run(['--resume', 'good', '--store', dir, '--result']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'resumed 0\nstep 1\nresumed 1\nstep 2\nresumed 2\ndone 3\n3\n');
});

test('end to end: a key in the environment refuses an unauthenticated checkpoint and accepts its own', async () => {
  const dir = tmpdir();
  const store = new DirStore(dir);
  await captureStdout(() => new Instance(load('hostile'), { store, id: 'p', checkpointKey: null }).start()).result;
  const r = run(['--resume', 'p', '--store', dir], { DISTRIBUFY_CHECKPOINT_KEY: 'k1' });
  assert.equal(r.status, 3);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /not authenticated \(SHA-256 checksum only\) but a checkpoint key is configured/);
  await captureStdout(() => new Instance(load('hostile'), { store, id: 'q', checkpointKey: 'k1' }).start()).result;
  const bad = run(['--resume', 'q', '--store', dir, '--result'], { DISTRIBUFY_CHECKPOINT_KEY: 'k2' });
  assert.equal(bad.status, 3);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /authentication failed/);
  const ok = run(['--resume', 'q', '--store', dir, '--result'], { DISTRIBUFY_CHECKPOINT_KEY: 'k1' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout.trim().split('\n').pop(), '3');
});
