#!/usr/bin/env node
// checkpoint-cost.js - time and size of one checkpoint, taken and restored
// through the runtime's API, for
//   (a) stack: a 1,000-frame stack (bench/checkpoint/stack.js: main + a
//       recursion, checkpoint at the leaf);
//   (b) heap:  ~1 MB of mixed heap live across one checkpoint
//       (bench/checkpoint/heap.js: objects, arrays, strings, numbers, Maps,
//       nesting, shared references);
// and, for (b), the same heap value encoded/decoded by the runtime's
// serializer alone against v8.serialize/v8.deserialize (size and time
// ratios).
//
//   node bench/checkpoint-cost.js [--build DIR] [--runs N] [--depth 1000] [--n 5000]
//
// Each program is compiled with `dist-opt --passes=desugar,anf,modularize,
// closure,catch`, loaded with Program.load and run as Instances (MemoryStore:
// no disk I/O is timed) in this process, best of N runs (the first runs warm
// the JIT). Times are split at public calls and hooks the programs call:
//   capture  = checkpoint() at the leaf -> encodeCheckpoint called
//              (the Capture unwinding, one frame() per handler);
//   encode   = encodeCheckpoint(header, root, ctx) (serializer.js);
//   decode   = decodeCheckpoint(bytes, ctx) (serializer.js);
//   restore  = decodeCheckpoint returned -> the statement after checkpoint()
//              runs again (frame validation, request, runFrames);
// The serializer is wrapped through the Instance's `serializer` option, so
// the runtime is measured unmodified.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
const { execFileSync } = require('node:child_process');

const root = path.dirname(__dirname);
const { Program, Instance, MemoryStore } = require(path.join(root, 'runtime', 'src', 'api.js'));
const { Segment } = require(path.join(root, 'runtime', 'src', 'instance.js'));
const serializer = require(path.join(root, 'runtime', 'src', 'serializer.js'));

function parseArgs(argv) {
  const o = { build: path.join(root, 'build'), runs: 15, depth: 1000, n: 5000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = argv[i + 1];
    if (a === '--build') { o.build = v; i++; }
    else if (a === '--runs') { o.runs = Number(v); i++; }
    else if (a === '--depth') { o.depth = Number(v); i++; }
    else if (a === '--n') { o.n = Number(v); i++; }
    else { console.error('usage: node bench/checkpoint-cost.js [--build DIR] [--runs N] [--depth 1000] [--n 5000]'); process.exit(2); }
  }
  return o;
}

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms
let marks = {};
globalThis.__benchMark = (name) => { marks[name] = now(); };

// The serializer, with the moments around its two public calls recorded.
const timedSerializer = {
  ...serializer,
  encodeCheckpoint(header, rootValue, ctx) {
    marks.encStart = now();
    const bytes = serializer.encodeCheckpoint(header, rootValue, ctx);
    marks.encEnd = now();
    marks.bytes = bytes.length;
    marks.frames = rootValue.frames.length;
    return bytes;
  },
  decodeCheckpoint(bytes, ctx, expect) {
    marks.decStart = now();
    const r = serializer.decodeCheckpoint(bytes, ctx, expect);
    marks.decEnd = now();
    return r;
  },
};

function compile(build, src, outDir) {
  const distOpt = path.join(build, 'tools', 'dist-opt', 'dist-opt');
  if (!fs.existsSync(distOpt)) throw new Error(`build dist-opt first: ${distOpt} not found`);
  const out = path.join(outDir, path.basename(src));
  execFileSync(distOpt, ['--passes=desugar,anf,generators,modularize,closure,catch', src, '-o', out], { stdio: 'inherit' });
  return out;
}

/** One checkpoint round trip: the split times (ms), bytes, frames and the result. */
async function roundTrip(program, params) {
  marks = {};
  const inst = new Instance(program, { params, store: new MemoryStore(), serializer: timedSerializer });
  const first = await inst.start();
  if (first.done) throw new Error('the program finished without a checkpoint');
  const m1 = marks;
  marks = {};
  const second = await inst.resumeStored();
  if (!second.done) throw new Error('the program checkpointed twice');
  const m2 = marks;
  return {
    capture: m1.encStart - m1.leaf, encode: m1.encEnd - m1.encStart,
    decode: m2.decEnd - m2.decStart, restore: m2.resumed - m2.decEnd,
    bytes: m1.bytes, frames: m1.frames, value: second.value,
  };
}

function bestOf(runs, fn) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    fn();
    best = Math.min(best, now() - t0);
  }
  return best;
}

const ms = (x) => `${x.toFixed(2)} ms`.padStart(10);
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`.padStart(11);

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'distribufy-ckpt-'));
  try {
    const stackProg = Program.load(compile(o.build, path.join(root, 'bench', 'checkpoint', 'stack.js'), tmp),
      { source: path.join(root, 'bench', 'checkpoint', 'stack.js') });
    const heapProg = Program.load(compile(o.build, path.join(root, 'bench', 'checkpoint', 'heap.js'), tmp),
      { source: path.join(root, 'bench', 'checkpoint', 'heap.js') });

    const rows = [];
    for (const [name, program, params, check] of [
      [`stack (depth ${o.depth})`, stackProg, { depth: o.depth }, (v) => v === (o.depth - 2) * (o.depth - 1) / 2 + o.depth - 2],
      [`heap (n ${o.n})`, heapProg, { n: o.n }, (v) => v && v.same === true],
    ]) {
      const best = { capture: Infinity, encode: Infinity, decode: Infinity, restore: Infinity };
      let last;
      for (let i = 0; i < o.runs; i++) {
        last = await roundTrip(program, params);
        if (!check(last.value)) throw new Error(`${name}: wrong result after restore: ${JSON.stringify(last.value)}`);
        for (const k of Object.keys(best)) best[k] = Math.min(best[k], last[k]);
      }
      rows.push({ name, ...best, bytes: last.bytes, frames: last.frames });
    }

    console.log(`checkpoint round trip through the runtime API (MemoryStore), best of ${o.runs} per column`);
    console.log(`${'program'.padEnd(18)} ${'frames'.padStart(6)} ${'capture'.padStart(10)} ${'encode'.padStart(10)} ` +
      `${'cap+enc'.padStart(10)} ${'decode'.padStart(10)} ${'restore'.padStart(10)} ${'dec+rest'.padStart(10)} ${'bytes'.padStart(11)}`);
    for (const r of rows)
      console.log(`${r.name.padEnd(18)} ${String(r.frames).padStart(6)} ${ms(r.capture)} ${ms(r.encode)} ${ms(r.capture + r.encode)} ` +
        `${ms(r.decode)} ${ms(r.restore)} ${ms(r.decode + r.restore)} ${kb(r.bytes)}`);
    const st = rows[0];
    console.log(`stack: ${(st.bytes / st.frames).toFixed(0)} bytes/frame, ` +
      `${((st.capture + st.encode) / st.frames * 1000).toFixed(2)} µs/frame to capture+encode, ` +
      `${((st.decode + st.restore) / st.frames * 1000).toFixed(2)} µs/frame to decode+restore`);

    // The same heap value: the runtime's serializer alone against v8.serialize.
    await roundTrip(heapProg, { n: o.n }); // leaves the heap in globalThis.__benchHeap
    const heap = globalThis.__benchHeap;
    const ctx = new Segment(new Instance(heapProg, { store: new MemoryStore() })).ctx;
    const header = { build: heapProg.build };
    const ours = serializer.encodeCheckpoint(header, heap, ctx);
    const theirs = v8.serialize(heap);
    const back = serializer.decodeCheckpoint(ours, ctx, { build: heapProg.build }).root;
    if (back.byName.get('user-5') !== back.users[5] || back.users.length !== heap.users.length)
      throw new Error('decodeCheckpoint did not give the heap back');
    const tEnc = bestOf(o.runs, () => serializer.encodeCheckpoint(header, heap, ctx));
    const tV8s = bestOf(o.runs, () => v8.serialize(heap));
    const tDec = bestOf(o.runs, () => serializer.decodeCheckpoint(ours, ctx, { build: heapProg.build }));
    const tV8d = bestOf(o.runs, () => v8.deserialize(theirs));
    console.log('');
    console.log(`the heap of (b) alone: serializer.js against v8.serialize/deserialize, best of ${o.runs}`);
    console.log(`${''.padEnd(18)} ${'bytes'.padStart(11)} ${'encode'.padStart(10)} ${'decode'.padStart(10)}`);
    console.log(`${'serializer.js'.padEnd(18)} ${kb(ours.length)} ${ms(tEnc)} ${ms(tDec)}`);
    console.log(`${'v8.serialize'.padEnd(18)} ${kb(theirs.length)} ${ms(tV8s)} ${ms(tV8d)}`);
    console.log(`${'ratio'.padEnd(18)} ${(ours.length / theirs.length).toFixed(2).padStart(10)}x ` +
      `${(tEnc / tV8s).toFixed(2).padStart(9)}x ${(tDec / tV8d).toFixed(2).padStart(9)}x`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
