#!/usr/bin/env node
// instances.js - many instances in flight at once on the local engine.
//
//   node bench/engine/instances.js [--build DIR] [--n 1000] [--ms 1000] [--store memory|dir]
//
// Starts N instances of bench/engine/sleeper.js in this one node process
// (the API `distribufyc run --instances N` uses: one Program, N Instances,
// Promise.all of their run()), each sleeping --ms with a REAL timer (not
// virtual time): every instance checkpoints, is suspended while its timer
// runs, and resumes from its stored bytes. Reports wall time, throughput
// (instances completed per second), the ideal (the sleep alone), and peak
// RSS (process.resourceUsage().maxRSS) against the RSS before the run.
// --store dir uses a DirStore (fsync'd writes, which node does on the
// event loop thread: they serialize), memory (default) a MemoryStore.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { root, api, compileAndLoad, now } = require('./common.js');

function parseArgs(argv) {
  const o = { build: path.join(root, 'build'), n: 1000, ms: 1000, store: 'memory' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = argv[i + 1];
    if (a === '--build') { o.build = v; i++; }
    else if (a === '--n') { o.n = Number(v); i++; }
    else if (a === '--ms') { o.ms = Number(v); i++; }
    else if (a === '--store' && (v === 'memory' || v === 'dir')) { o.store = v; i++; }
    else { console.error('usage: node bench/engine/instances.js [--build DIR] [--n 1000] [--ms 1000] [--store memory|dir]'); process.exit(2); }
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'distribufy-bench-instances-'));
  try {
    const program = compileAndLoad(o.build, path.join(__dirname, 'sleeper.js'), tmp);
    const store = o.store === 'dir' ? new api.DirStore(path.join(tmp, 'store')) : new api.MemoryStore();
    const rssBefore = process.memoryUsage().rss;
    const t0 = now();
    const insts = [];
    for (let i = 0; i < o.n; i++) insts.push(new api.Instance(program, { id: `s${i}`, params: { ms: o.ms }, store }));
    const results = await Promise.all(insts.map((inst) => inst.run()));
    const wall = now() - t0;
    const peak = process.resourceUsage().maxRSS * 1024;
    const short = results.filter((r) => !(r && r.away >= o.ms)).length;
    if (short) throw new Error(`${short} instances woke up early`);
    const mb = (b) => (b / 1048576).toFixed(1);
    console.log(`${o.n} instances, each sleeping ${o.ms} ms (real timers), ${o.store} store, one process:`);
    console.log(`  wall time      ${wall.toFixed(0)} ms (the sleep alone: ${o.ms} ms; overhead ${(wall - o.ms).toFixed(0)} ms, ${((wall - o.ms) / o.n).toFixed(2)} ms/instance)`);
    console.log(`  throughput     ${(o.n / wall * 1000).toFixed(0)} instances/s completed`);
    console.log(`  peak RSS       ${mb(peak)} MB (${mb(rssBefore)} MB before the instances; ${((peak - rssBefore) / o.n / 1024).toFixed(1)} KB/instance at most)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
