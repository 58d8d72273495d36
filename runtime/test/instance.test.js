// node:test tests of the capture/restore engine, instances and stores, on
// hand-written linked modules (test/fixtures/*.linked) in the format of
// runtime/PROTOCOL.md.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const {
  Program, Instance, DirStore, MemoryStore, NonCapturableFrame, RestoreError, CheckpointError, SwallowedCapture, ActionError,
  atomicWrite,
} = require('../src/api.js');
const { CheckpointFormatError, decodeCheckpoint } = require('../src/serializer.js');
const { validateFrames } = require('../src/link.js');
const { validateRoot } = require('../src/instance.js');

const FIX = path.join(__dirname, 'fixtures');
const RUNNER = path.join(__dirname, '..', 'bin', 'distribufy-run.js');
const load = (name) => Program.load(path.join(FIX, `${name}.linked`), { source: path.join(FIX, `${name}.prog`) });
const tmpdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'distribufy-test-'));

// Stand-in actions (written here: every .js file under test/ would be run as a test file).
const ACTIONS = tmpdir();
fs.writeFileSync(path.join(ACTIONS, 'echo.js'),
  'exports.main = (params) => new Promise((resolve) => setTimeout(() => resolve({ echo: params }), 5));\n');
fs.writeFileSync(path.join(ACTIONS, 'fail.js'), 'exports.main = (params) => ({ error: `no such thing: ${params.what}` });\n');
fs.writeFileSync(path.join(ACTIONS, 'throws.js'), "exports.main = () => { throw new Error('action crashed'); };\n");

/** A store that records every checkpoint it was given. */
class RecordingStore extends MemoryStore {
  constructor() { super(); this.saved = []; }
  saveCheckpoint(id, bytes, meta) { this.saved.push({ bytes: Uint8Array.from(bytes), meta }); super.saveCheckpoint(id, bytes, meta); }
}

test('checkpoints resume from the stored bytes: nested frames, a loop, a try/catch across the resume', async () => {
  const store = new RecordingStore();
  const inst = new Instance(load('basic'), { params: { n: 4 }, store });
  const r = await inst.run();
  // 4 checkpoints in the loop (add), 1 in add(0, 0) inside the try, 1 in the catch handler
  assert.deepStrictEqual(r, { total: 6, count: 5, caught: 'boom' });
  assert.strictEqual(store.saved.length, 6);
  assert.strictEqual(inst.seq, 6);
  // the frames of a checkpoint taken in add() called from main's loop: main (outermost) then add
  const { root } = decodeCheckpoint(store.saved[1].bytes, dummyCtx(), { build: 'b45c0001' });
  assert.deepStrictEqual(root.frames.map((f) => [f.code, f.cs]), [[2, 1], [1, 1]]);
  assert.deepStrictEqual(root.frames[0].slots[1], 1); // i
  assert.deepStrictEqual(root.frames[1].slots, [0, 1]); // a, b
  assert.deepStrictEqual(root.request, { kind: 'checkpoint' });
  // the catch-handler checkpoint holds the caught exception as a live slot
  const last = decodeCheckpoint(store.saved[5].bytes, dummyCtx(), { build: 'b45c0001' }).root;
  assert.deepStrictEqual(last.frames.map((f) => [f.code, f.cs]), [[2, 3]]);
  assert.strictEqual(last.frames[0].slots[1].message, 'boom');
});

function dummyCtx() {
  const { Segment } = require('../src/instance.js');
  const seg = new Segment(new Instance(load('basic')));
  return seg.ctx;
}

test('a capture inside [..].map(cb) and a sort comparator via $d.hof', async () => {
  const store = new RecordingStore();
  const r = await new Instance(load('hof'), { store }).run();
  assert.deepStrictEqual(r, { ys: [10, 20, 30], zs: [1, 2, 3] });
  const { root } = decodeCheckpoint(store.saved[1].bytes, dummyCtx2('hof'), { build: 'b45c0002' });
  assert.deepStrictEqual(root.frames.map((f) => f.code), [1, 'hof:map', 2]);
  assert.strictEqual(root.frames[1].slots[0].k, 1);
  assert.ok(store.saved.length >= 6);
});

function dummyCtx2(name) {
  const { Segment } = require('../src/instance.js');
  return new Segment(new Instance(load(name))).ctx;
}

test('a native frame in between (native map without the guard) fails with NonCapturableFrame naming the site', async () => {
  const inst = new Instance(load('hof'), { params: { native: true } });
  await assert.rejects(inst.run(), (e) => {
    assert.ok(e instanceof NonCapturableFrame);
    assert.match(e.message, /hof\.prog:9:5 \(xs\.map\)/);
    assert.match(e.message, /Array\.prototype\.map/);
    assert.strictEqual(e.site, 'hof.prog:9:5 (xs.map)');
    assert.strictEqual(e.via, 'Array.prototype.map');
    return true;
  });
});

test('two instances in one process never share state', async () => {
  const p = load('basic');
  const [a, b] = await Promise.all([
    new Instance(p, { params: { n: 3 } }).run(),
    new Instance(p, { params: { n: 5 } }).run(),
  ]);
  assert.deepStrictEqual(a, { total: 3, count: 4, caught: 'boom' });
  assert.deepStrictEqual(b, { total: 10, count: 6, caught: 'boom' });
});

test('script mode, persist, sleep and invoke', async () => {
  const sink = require('./fixtures/sink.fixture');
  Object.assign(sink, { lines: [], n: 0, invoke: 'echo', bad: false });
  const store = new RecordingStore();
  const t0 = Date.now();
  const r = await new Instance(load('script'), { store, actionsDir: ACTIONS }).run();
  assert.strictEqual(r, undefined);
  assert.ok(Date.now() - t0 >= 30, 'sleep(30) waited');
  // persist('a') ran its thunk once: the second call (after a resume) returned the stored value
  assert.deepStrictEqual(sink.lines, [[1, 1, { echo: { v: 1 } }]]);
  assert.strictEqual(sink.n, 1);
  assert.deepStrictEqual(store.saved.map((s) => s.meta.request.kind), ['checkpoint', 'sleep', 'invoke']);
  const { root } = decodeCheckpoint(store.saved[0].bytes, dummyCtx2('script'), { build: 'b45c0003' });
  assert.deepStrictEqual(root.persist, [['a', 1]]);
  assert.strictEqual(root.phase, 'module');
});

test('virtual time skips the sleep; action errors are thrown at the call site', async () => {
  const sink = require('./fixtures/sink.fixture');
  Object.assign(sink, { lines: [], n: 0, invoke: false, bad: false });
  const t0 = Date.now();
  await new Instance(load('script'), { virtualTime: true }).run();
  assert.ok(Date.now() - t0 < 1000);
  Object.assign(sink, { lines: [], n: 0, invoke: 'fail' });
  await assert.rejects(new Instance(load('script'), { actionsDir: ACTIONS, virtualTime: true }).run(),
    (e) => e instanceof ActionError && /action 'fail' failed: no such thing/.test(e.message));
  Object.assign(sink, { lines: [], n: 0, invoke: 'throws' });
  await assert.rejects(new Instance(load('script'), { actionsDir: ACTIONS, virtualTime: true }).run(),
    { name: 'ActionError', message: "action 'throws' failed: action crashed" });
  Object.assign(sink, { lines: [], n: 0, invoke: 'echo' });
  await assert.rejects(new Instance(load('script'), { virtualTime: true }).run(), /no actions directory/);
});

test('a failed checkpoint (SerializationError) keeps the last good one and names the path with the schema', async () => {
  const sink = require('./fixtures/sink.fixture');
  Object.assign(sink, { lines: [], n: 0, invoke: false, bad: true });
  const dir = tmpdir();
  const store = new DirStore(dir);
  const inst = new Instance(load('script'), { store, id: 'bad1', virtualTime: true });
  await assert.rejects(inst.run(), (e) => {
    assert.ok(e instanceof CheckpointError);
    assert.match(e.message, /cannot serialize a Promise at \$module › local bad/);
    assert.match(e.message, /last good checkpoint \(2\) is kept/);
    return true;
  });
  const meta = store.readMeta('bad1');
  assert.strictEqual(meta.status, 'failed');
  assert.strictEqual(meta.seq, 2);
  // the stored checkpoint is still the sleep one, and resumable
  const { root } = decodeCheckpoint(store.loadCheckpoint('bad1'), dummyCtx2('script'), { build: 'b45c0003' });
  assert.strictEqual(root.request.kind, 'sleep');
  assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'instances', 'bad1')).sort(), ['checkpoint.bin', 'meta.json']);
  sink.bad = false;
  const again = Instance.fromStore(load('script'), store, 'bad1');
  await again.run();
  assert.deepStrictEqual(sink.lines, [[1, 1, null]]);
  assert.strictEqual(store.readMeta('bad1').status, 'done');
});

test('the directory store writes atomically', () => {
  const dir = tmpdir();
  const store = new DirStore(dir);
  store.saveCheckpoint('x1', new Uint8Array([1, 2, 3]), { status: 'suspended', seq: 1 });
  const d = path.join(dir, 'instances', 'x1');
  assert.deepStrictEqual(fs.readdirSync(d).sort(), ['checkpoint.bin', 'meta.json']);
  assert.deepStrictEqual([...store.loadCheckpoint('x1')], [1, 2, 3]);
  assert.strictEqual(store.readMeta('x1').seq, 1);
  // a write that fails before the rename leaves the old file and no temp files
  const orig = fs.renameSync;
  fs.renameSync = () => { throw Object.assign(new Error('disk full'), { code: 'ENOSPC' }); };
  try {
    assert.throws(() => store.saveCheckpoint('x1', new Uint8Array([9, 9]), { seq: 2 }), /disk full/);
  } finally {
    fs.renameSync = orig;
  }
  assert.deepStrictEqual([...store.loadCheckpoint('x1')], [1, 2, 3]);
  assert.deepStrictEqual(fs.readdirSync(d).sort(), ['checkpoint.bin', 'meta.json']);
  atomicWrite(path.join(d, 'other'), 'text');
  assert.strictEqual(fs.readFileSync(path.join(d, 'other'), 'utf8'), 'text');
  assert.deepStrictEqual(store.list(), ['x1']);
  assert.throws(() => store.dir('../etc'), /invalid instance id/);
});

test('a corrupted, truncated or foreign checkpoint is rejected before any user code runs', async () => {
  const dir = tmpdir();
  const store = new DirStore(dir);
  const p = load('basic');
  // stop after the first checkpoint: run the first segment only
  const inst = new Instance(p, { store, id: 'c1', params: { n: 2 } });
  const r = await inst.start();
  assert.strictEqual(r.done, false);
  const file = path.join(dir, 'instances', 'c1', 'checkpoint.bin');
  const good = fs.readFileSync(file);
  const tries = [
    good.subarray(0, good.length - 7), // truncated
    Buffer.concat([good, Buffer.from([0xc1])]), // trailing garbage
    Buffer.from(good).fill(0x5a, 20, 40), // corrupted
    Buffer.from('not a checkpoint'),
  ];
  for (const bytes of tries) {
    fs.writeFileSync(file, bytes);
    await assert.rejects(Instance.fromStore(p, store, 'c1').resumeStored(),
      (e) => e instanceof CheckpointFormatError || e instanceof RestoreError, `bytes ${bytes.length}`);
  }
  // another build of the program
  fs.writeFileSync(file, good);
  const other = Object.create(p);
  other.build = 'ffff';
  await assert.rejects(Instance.fromStore(other, store, 'c1').resumeStored(), (e) => {
    assert.ok(e instanceof CheckpointFormatError);
    assert.match(e.message, /b45c0001/);
    return true;
  });
  // and the good bytes still resume
  assert.deepStrictEqual(await Instance.fromStore(p, store, 'c1').run(), { total: 1, count: 3, caught: 'boom' });
});

test('frame validation against the schema', () => {
  const p = load('basic');
  const f = (o) => ({ code: 2, cs: 1, env: {}, thisValue: undefined, newTarget: undefined, args: [], self: undefined,
    home: undefined, slots: [{}, 0], ...o });
  validateFrames(p, [f({}), f({ code: 1, slots: [0, 1] })]);
  assert.throws(() => validateFrames(p, []), RestoreError);
  assert.throws(() => validateFrames(p, [f({ code: 9 })]), /unknown code id 9/);
  assert.throws(() => validateFrames(p, [f({ cs: 4 })]), /call site 4 out of range 1\.\.3/);
  assert.throws(() => validateFrames(p, [f({ slots: [1] })]), /2 live slots, the frame holds 1/);
  assert.throws(() => validateFrames(p, [f({ code: 'hof:nope', cs: 1, slots: [{}] })]), /unknown runtime code/);
  assert.throws(() => validateFrames(p, [f({ args: 5 })]), /args is not an array/);
  const q = Object.create(p);
  q.schema = { ...p.schema, codes: p.schema.codes.map((c, i) => (i === 2 ? { ...c, instrumented: false } : c)) };
  assert.throws(() => validateFrames(q, [f({})]), /not instrumented/);
});

test('a checkpoint of a batch of effects is validated before anything runs', () => {
  const p = load('basic');
  const fn = () => {};
  const state = { jobs: [], head: 0, draining: false, drain: fn, inspect: fn };
  const invoke = { kind: 'invoke', action: 'echo', params: {} };
  const pending = (request) => ({ request, resolve: fn, reject: fn });
  const root = (o) => ({ format: 1, phase: 'drain', frames: [], request: { kind: 'batch', effects: [invoke] }, persist: [],
    params: {}, module: {}, async: { state, main: undefined, effects: [pending(invoke)] }, ...o });
  validateRoot(p, root({}));
  validateRoot(p, root({ request: { kind: 'batch', effects: [{ kind: 'sleep', ms: 1, until: 5 }] },
    async: { state, effects: [pending({ kind: 'sleep', ms: 1, until: 5 })] } }));
  const malformed = /batch of effects is malformed/;
  assert.throws(() => validateRoot(p, root({ phase: 'main' })), malformed);
  assert.throws(() => validateRoot(p, root({ frames: [{}] })), malformed);
  assert.throws(() => validateRoot(p, root({ request: { kind: 'batch', effects: [invoke, invoke] } })), malformed);
  assert.throws(() => validateRoot(p, root({ request: { kind: 'batch' } })), malformed);
  assert.throws(() => validateRoot(p, root({ request: { kind: 'batch', effects: [{ kind: 'eval', code: '1' }] } })), malformed);
  assert.throws(() => validateRoot(p, root({ async: { state } })), malformed);
  const effects = /pending effects are malformed/;
  assert.throws(() => validateRoot(p, root({ async: { state, effects: [{ request: invoke, resolve: fn }] } })), effects);
  assert.throws(() => validateRoot(p, root({ async: { state, effects: [pending({ kind: 'invoke', action: '../x' })] } })), effects);
  assert.throws(() => validateRoot(p, root({ async: { state, effects: {} } })), effects);
  // other requests still need frames
  assert.throws(() => validateRoot(p, root({ request: { kind: 'checkpoint' } })), RestoreError);
});

test('a capture swallowed by an uninstrumented catch is reported', async () => {
  const dir = tmpdir();
  const file = path.join(dir, 'swallow.linked.js');
  fs.writeFileSync(file, `module.exports = function ($d) {
    const $F = [function ($env) { return $d.tag(function $module(exports, require, module) {
      const rt = require('distribufy');
      module.exports = $d.tag(function main() { try { rt.checkpoint(); } catch (e) { /* swallowed */ } return 1; }, 1, undefined);
    }, 0, $env); }];
    return { abi: 1, factories: $F, restores: [], moduleCode: 0, schema: { format: 1, abi: 1, build: 'sw', source: 'swallow.js',
      moduleCode: 0, codes: [{ name: '$module', kind: 'module', line: 1, col: 1, params: [], slots: [], instrumented: true, sites: [] }], envs: [] } };
  };`);
  await assert.rejects(new Instance(Program.load(file)).run(), (e) => e instanceof SwallowedCapture && /caught the Capture exception/.test(e.message));
});

function run(args, opts = {}) {
  return spawnSync(process.execPath, ['--stack-size=4000', RUNNER, ...args], { encoding: 'utf8', ...opts });
}

test('runner: in-process, --fresh-process and --plain agree; --result prints JSON on the last line', () => {
  const base = ['--source', path.join(FIX, 'basic.prog'), '-p', 'n', '3', '--result'];
  const a = run(['--compiled', path.join(FIX, 'basic.linked'), ...base]);
  assert.strictEqual(a.status, 0, a.stderr);
  assert.strictEqual(a.stdout, '{"total":3,"count":4,"caught":"boom"}\n');
  const dir = tmpdir();
  const b = run(['--compiled', path.join(FIX, 'basic.linked'), ...base, '--fresh-process', '--store', dir, '--instance', 'fp']);
  assert.strictEqual(b.status, 0, b.stderr);
  assert.strictEqual(b.stdout, a.stdout);
  assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'instances', 'fp', 'meta.json'))).status, 'done');
  const c = run(['--plain', path.join(FIX, 'basic.prog'), '-p', 'n', '3', '--result']);
  assert.strictEqual(c.status, 0, c.stderr);
  assert.strictEqual(c.stdout, a.stdout);
});

test('runner: deep stacks (10,000 frames) capture and resume', () => {
  const r = run(['--compiled', path.join(FIX, 'deep.linked'), '--source', path.join(FIX, 'deep.prog'), '-p', 'depth', '10000', '--result']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout, '10000\n');
});

test('runner: exit codes and error output', () => {
  const hof = ['--compiled', path.join(FIX, 'hof.linked'), '--source', path.join(FIX, 'hof.prog')];
  const nc = run([...hof, '-p', 'native', 'true']);
  assert.strictEqual(nc.status, 3);
  assert.match(nc.stderr, /^NonCapturableFrame: cannot capture the continuation at hof\.prog:9:5 \(xs\.map\)/);
  const usage = run(['--bogus']);
  assert.strictEqual(usage.status, 2);
  const dir = tmpdir();
  fs.writeFileSync(path.join(dir, 'boom.js'), "function main(p) { throw new TypeError('bad ' + p.x); }\nmodule.exports = main;\n");
  const plain = run(['--plain', path.join(dir, 'boom.js'), '-p', 'x', '{"a":1}']);
  assert.strictEqual(plain.status, 1);
  assert.match(plain.stderr, /^TypeError: bad \[object Object\]\n    at main/);
  const undef = run(['--plain', path.join(dir, 'boom.js'), '--result', '-p', 'x', 'str']);
  assert.match(undef.stderr, /bad str/);
  fs.writeFileSync(path.join(dir, 'none.js'), "module.exports = () => undefined;\n");
  assert.strictEqual(run(['--plain', path.join(dir, 'none.js'), '--result']).stdout, '{}\n');
});

test('runner --plain: the no-op runtime (persist once, virtual-time sleep, synchronous invoke)', () => {
  const dir = tmpdir();
  fs.writeFileSync(path.join(dir, 'p.js'), `
    const runtime = require('distribufy');
    const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'u');
    function main(params) {
      runtime.checkpoint();
      const a = runtime.persist('i', () => params.v);
      const b = runtime.persist('i', () => 'again');
      utils.sleep(100000);
      let err = null;
      try { utils.invoke('fail', { what: 'x' }); } catch (e) { err = e.message; }
      return { a, b, r: utils.invoke('echo', { q: 1 }), err };
    }
    module.exports = main;`);
  const r = run(['--plain', path.join(dir, 'p.js'), '-p', 'v', '7', '--virtual-time', '--actions', ACTIONS, '--result']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.deepStrictEqual(JSON.parse(r.stdout), { a: 7, b: 7, r: { echo: { q: 1 } }, err: "action 'fail' failed: no such thing: x" });
});

/** A linked module whose main(params) loops params.n times with a $d.stress() site per iteration. */
function stressModule(dir) {
  const file = path.join(dir, 'stress.linked');
  fs.writeFileSync(file, `module.exports = function $link($d) {
    const $F = [], $R = [];
    $F[0] = ($env) => $d.tag(function $module(exports, require, module) { module.exports = $F[1](undefined); }, 0, $env);
    // main(params): slots params i acc; site 1 $d.stress() live [params, i, acc]
    $F[1] = ($env) => $d.tag(function main(params) {
      var $cs = 0, i, acc;
      try {
        acc = [];
        for (i = 0; i < params.n; i++) { $cs = 1; $d.stress(); acc.push(i); }
        return acc;
      } catch ($x) {
        if ($x instanceof $d.Capture) switch ($cs) {
          case 1: $x.frame(1, 1, $env, this, new.target, arguments, undefined, undefined, [params, i, acc], $d, 'stress'); break;
        }
        throw $x;
      }
    }, 1, $env);
    $R[1] = ($env) => function main$R($frame, k) {
      var $cs = 1, $r = true, params, i, acc;
      [params, i, acc] = $frame.slots;
      try {
        for (;;) {
          if (!$r && !(i < params.n)) break;
          $cs = 1; if ($r) { $r = false; k.next(); } else $d.stress();
          acc.push(i);
          i++;
        }
        return acc;
      } catch ($x) {
        if ($x instanceof $d.Capture) switch ($cs) {
          case 1: $x.frame(1, 1, $env, this, undefined, $frame.args, undefined, undefined, [params, i, acc], $d, 'stress'); break;
        }
        throw $x;
      }
    };
    return { abi: 1, factories: $F, restores: $R, moduleCode: 0, schema: { format: 1, abi: 1, build: 'st1', source: 'stress.js',
      moduleCode: 0, codes: [
        { name: '$module', kind: 'module', line: 1, col: 1, params: [], slots: [], instrumented: true, sites: [] },
        { name: 'main', kind: 'function', line: 1, col: 1, params: ['params'], slots: ['params', 'i', 'acc'], instrumented: true,
          sites: [{ line: 2, col: 3, callee: '$d.stress', live: [0, 1, 2] }] }], envs: [] } };
  };`);
  return file;
}

test('--stress: $d.stress() captures at every site only in a stressed instance', async () => {
  const file = stressModule(tmpdir());
  const p = Program.load(file);
  const s1 = new RecordingStore();
  assert.deepStrictEqual(await new Instance(p, { params: { n: 4 }, store: s1 }).run(), [0, 1, 2, 3]);
  assert.strictEqual(s1.saved.length, 0);
  const s2 = new RecordingStore();
  assert.deepStrictEqual(await new Instance(p, { params: { n: 4 }, store: s2, stress: true }).run(), [0, 1, 2, 3]);
  assert.strictEqual(s2.saved.length, 4);
  const r = run(['--compiled', file, '--source', path.join(path.dirname(file), 'stress.js'), '-p', 'n', '3', '--stress', '--result']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout, '[0,1,2]\n');
});

test('a capture point reached outside the instance\'s synchronous run throws a clear error', async () => {
  const { Segment } = require('../src/instance.js');
  const seg = new Segment(new Instance(load('basic')));
  assert.throws(() => seg.runtime.checkpoint(), /outside the synchronous run of its workflow instance/);
  const utils = seg.require('distribufy/dist/src/utils/utils').register(seg.runtime, 'u');
  assert.throws(() => utils.sleep(1), /outside the synchronous run/);
});

test('runner --resume continues a stored instance (distribufyc resume)', async () => {
  const dir = tmpdir();
  const inst = new Instance(load('basic'), { store: new DirStore(dir), id: 'res1', params: { n: 2 } });
  assert.strictEqual((await inst.start()).done, false);
  assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'instances', 'res1', 'meta.json'))).status, 'suspended');
  const r = run(['--resume', 'res1', '--store', dir, '--result']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout, '{"total":1,"count":3,"caught":"boom"}\n');
  // A finished instance runs nothing again: --result prints its recorded result.
  const again = run(['--resume', 'res1', '--store', dir, '--result']);
  assert.strictEqual(again.status, 0, again.stderr);
  assert.strictEqual(again.stdout, '{"total":1,"count":3,"caught":"boom"}\n');
});

test('tags record their program: another program\'s functions are not this program\'s codes', () => {
  const { Segment } = require('../src/instance.js');
  const a = load('basic'), b = load('hof');
  const fa = a.factories[1]({ runtime: undefined });
  const fb = b.factories[1]({ runtime: undefined });
  const ctxA = new Segment(new Instance(a)).ctx;
  assert.deepStrictEqual(ctxA.codeOf(fa), { code: 1, env: { runtime: undefined } });
  assert.strictEqual(ctxA.codeOf(fb), undefined);
});
