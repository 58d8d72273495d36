#!/usr/bin/env node
// steps.js - the local engine's step rate and resume cost.
//
//   node bench/engine/steps.js [--build DIR] [--steps 1000] [--loop-runs 1] [--runs 7]
//
// (1) Steps per second of a 1,000-step invoke loop (bench/engine/loop.js,
//     action bench/engine/actions/inc.js) run to completion by Instance.run()
//     (what `distribufyc run` does), with durable writes (DirStore: every
//     checkpoint and effect outcome written atomically and fsync'd) and, as
//     the baseline, with the in-memory store (no I/O). One step = one
//     checkpoint + one action + one effect-log record. Best of --loop-runs.
// (2) Resume cost at step 10 versus step 1,000: the instance is run to its
//     10th (1,000th) invoke and stored; then, from copies of that store,
//     (a) in-process, CPU: Instance.fromStore + resumeStored() (load,
//         decode, look the effect log up, perform the invoke, record it,
//         restore, run to the next checkpoint, encode and store it) with the
//         stored records copied into a MemoryStore, so that fsync latency
//         (noisy on a shared disk) does not hide the CPU cost;
//     (b) in-process, durable: the same on a copy of the DirStore (two
//         atomic fsync'd writes and one effect record);
//     (c) fresh process: `node distribufy-run.js --resume ID --segment` (what
//         `distribufyc resume` does for one segment), best of --runs;
//     best of --runs each, and the instance's bytes in the store. The checkpoint holds the state
//     (nothing is replayed) and the effect log is truncated by each
//     checkpoint, so the ratios stay near 1.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { root, api, compileAndLoad, now, dirBytes } = require('./common.js');

function parseArgs(argv) {
  const o = { build: path.join(root, 'build'), steps: 1000, runs: 7, loopRuns: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = argv[i + 1];
    if (a === '--build') { o.build = v; i++; }
    else if (a === '--steps') { o.steps = Number(v); i++; }
    else if (a === '--runs') { o.runs = Number(v); i++; }
    else if (a === '--loop-runs') { o.loopRuns = Number(v); i++; }
    else { console.error('usage: node bench/engine/steps.js [--build DIR] [--steps 1000] [--loop-runs 1] [--runs 7]'); process.exit(2); }
  }
  return o;
}

const ACTIONS = path.join(__dirname, 'actions');

async function loopRate(program, store, steps) {
  const inst = new api.Instance(program, { params: { n: steps }, store, actionsDir: ACTIONS, virtualTime: true });
  const t0 = now();
  const r = await inst.run();
  const ms = now() - t0;
  const expect = (steps * (steps + 1)) / 2;
  if (!r || r.total !== expect) throw new Error(`wrong result ${JSON.stringify(r)} (expected total ${expect})`);
  return ms;
}

/** Runs an instance to its k-th invoke (suspended there) in a DirStore under dir. */
async function suspendAt(program, dir, k, steps) {
  const store = new api.DirStore(dir);
  const inst = new api.Instance(program, { id: 'b', params: { n: steps }, store, actionsDir: ACTIONS, virtualTime: true });
  let r = await inst.start();
  while (r.seq < k) r = await inst.resumeStored();
  return r.seq;
}

async function resumeInProcess(program, snapshot, tmp, durable) {
  const dir = path.join(tmp, `r${Math.random().toString(36).slice(2)}`);
  fs.cpSync(snapshot, dir, { recursive: true });
  let store = new api.DirStore(dir);
  if (!durable) {
    const mem = new api.MemoryStore();
    mem.saveCheckpoint('b', store.loadCheckpoint('b'), store.readMeta('b'));
    store = mem;
  }
  const t0 = now();
  const inst = api.Instance.fromStore(program, store, 'b', { actionsDir: ACTIONS });
  const r = await inst.resumeStored();
  const ms = now() - t0;
  if (r.done) throw new Error('the resumed instance finished: expected another checkpoint');
  fs.rmSync(dir, { recursive: true, force: true });
  return ms;
}

function resumeFresh(snapshot, tmp) {
  const dir = path.join(tmp, `f${Math.random().toString(36).slice(2)}`);
  fs.cpSync(snapshot, dir, { recursive: true });
  const runner = path.join(root, 'runtime', 'bin', 'distribufy-run.js');
  const t0 = now();
  const c = spawnSync(process.execPath, [runner, '--resume', 'b', '--store', dir, '--segment', '--actions', ACTIONS], { encoding: 'utf8' });
  const ms = now() - t0;
  if (c.status !== 75) throw new Error(`fresh resume exited ${c.status}: ${c.stderr}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'distribufy-bench-engine-'));
  try {
    const program = compileAndLoad(o.build, path.join(__dirname, 'loop.js'), tmp);
    // (1) step rate, durable and in memory, alternating, best of runs
    let durable = Infinity, memory = Infinity;
    await loopRate(program, new api.MemoryStore(), 50); // warm the JIT
    for (let i = 0; i < o.loopRuns; i++) {
      const d = path.join(tmp, `loop${i}`);
      durable = Math.min(durable, await loopRate(program, new api.DirStore(d), o.steps));
      fs.rmSync(d, { recursive: true, force: true });
      memory = Math.min(memory, await loopRate(program, new api.MemoryStore(), o.steps));
    }
    console.log(`invoke loop, ${o.steps} steps (best of ${o.loopRuns}):`);
    console.log(`  durable (DirStore, fsync)   ${durable.toFixed(0).padStart(7)} ms   ${(o.steps / durable * 1000).toFixed(0).padStart(6)} steps/s   ${(durable / o.steps).toFixed(2)} ms/step`);
    console.log(`  in memory (MemoryStore)     ${memory.toFixed(0).padStart(7)} ms   ${(o.steps / memory * 1000).toFixed(0).padStart(6)} steps/s   ${(memory / o.steps).toFixed(2)} ms/step`);
    console.log(`  durable / in memory: ${(durable / memory).toFixed(2)}x`);

    // (2) resume cost at step 10 and at step o.steps
    const early = 10, late = o.steps;
    const snaps = {};
    for (const k of [early, late]) {
      snaps[k] = path.join(tmp, `snap${k}`);
      await suspendAt(program, snaps[k], k, o.steps + 10);
    }
    const best = { cpu: {}, durable: {}, fresh: {} };
    const keep = (m, k, v) => { m[k] = Math.min(m[k] ?? Infinity, v); };
    for (const k of [early, late]) await resumeInProcess(program, snaps[k], tmp, false); // warm up
    for (let i = 0; i < o.runs; i++) {
      for (const k of [early, late]) {
        keep(best.cpu, k, await resumeInProcess(program, snaps[k], tmp, false));
        keep(best.durable, k, await resumeInProcess(program, snaps[k], tmp, true));
        keep(best.fresh, k, resumeFresh(snaps[k], tmp));
      }
    }
    const bytes = (k) => dirBytes(path.join(snaps[k], 'instances', 'b'));
    const effects = (k) => new api.DirStore(snaps[k]).effectCount('b');
    console.log(`\nresume cost (best of ${o.runs}): step ${early} vs step ${late}`);
    const row = (name, a, b, unit, digits = 2) =>
      console.log(`  ${name.padEnd(34)} ${a.toFixed(digits).padStart(9)} ${unit}  ${b.toFixed(digits).padStart(9)} ${unit}   ratio ${(b / a).toFixed(2)}`);
    row('in-process resume, CPU (memory)', best.cpu[early], best.cpu[late], 'ms');
    row('in-process resume, durable writes', best.durable[early], best.durable[late], 'ms');
    row('fresh-process resume (node start)', best.fresh[early], best.fresh[late], 'ms', 1);
    row('instance bytes in the store', bytes(early), bytes(late), 'B ', 0);
    console.log(`  effect log entries: ${effects(early)} at step ${early}, ${effects(late)} at step ${late}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
