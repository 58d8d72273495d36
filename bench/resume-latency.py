#!/usr/bin/env python3
"""Resume latency in a fresh process against a bare node start of the same module.

bench/checkpoint/resume.js is a small script-mode program (nested calls,
closures, a Map, a checkpoint at depth 10). It is compiled with
`dist-opt --passes=desugar,anf,generators,modularize,closure,catch`; its first segment
is run once through the runtime API into a DirStore, which then holds a
suspended instance. Each timed resume runs, in a new process,

  node runtime/bin/distribufy-run.js --resume bench --store COPY

on a fresh copy of that store (copying is not timed): node startup, loading
the runtime and the compiled module, reading and decoding the checkpoint,
restoring the frames, finishing the program and writing meta.json (with
fsync) -- what a worker does to continue an instance. It is compared with
`node bench/checkpoint/resume.js` (the same module uninstrumented; its
checkpoint() is a no-op there), and `node -e 0` is shown for scale. Whole
process wall times, best of N, the commands alternating; ratios and
differences are against the bare node run of the module. A last line
splits the same resume, done through the runtime API in a fresh process, at
public calls (require the runtime's api.js and serializer.js, Program.load, read the checkpoint,
resumeStored).

  bench/resume-latency.py [--build DIR] [--runs 20]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSES = 'desugar,anf,generators,modularize,closure,catch'


def wall(cmd, **kw):
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    t = time.perf_counter() - start
    if p.returncode != 0:
        raise RuntimeError(f'{" ".join(cmd)} exited {p.returncode}: {p.stderr.strip()[:300]}')
    return t, p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--build', default=os.path.join(root, 'build'))
    ap.add_argument('--runs', type=int, default=20)
    ap.add_argument('--node', default='node')
    args = ap.parse_args()
    dist_opt = os.path.join(args.build, 'tools', 'dist-opt', 'dist-opt')
    if not os.access(dist_opt, os.X_OK):
        print(f'build dist-opt first: {dist_opt} not found', file=sys.stderr)
        return 2
    prog = os.path.join(root, 'bench', 'checkpoint', 'resume.js')
    run = os.path.join(root, 'runtime', 'bin', 'distribufy-run.js')
    api = os.path.join(root, 'runtime', 'src', 'api.js')
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'resume.js')
        subprocess.run([dist_opt, '--passes=' + PASSES, prog, '-o', out], check=True)
        pristine = os.path.join(tmp, 'store')
        first = ("const { Program, Instance } = require(process.argv[1]);"
                 "const p = Program.load(process.argv[2], { source: process.argv[3] });"
                 "new Instance(p, { id: 'bench', store: process.argv[4] }).start().then((r) => {"
                 " if (r.done) { console.error('no checkpoint'); process.exit(1); } });")
        subprocess.run([args.node, '-e', first, api, out, prog, pristine], check=True)
        expect = subprocess.run([args.node, prog], capture_output=True, text=True, check=True).stdout

        counter = [0]

        def resume():
            counter[0] += 1
            store = os.path.join(tmp, f'copy{counter[0]}')
            shutil.copytree(pristine, store)
            t, o = wall([args.node, run, '--resume', 'bench', '--store', store])
            shutil.rmtree(store)
            if o != expect:
                raise RuntimeError(f'resumed run printed {o!r}, expected {expect!r}')
            return t

        def bare():
            t, o = wall([args.node, prog])
            return t

        def fresh():  # the compiled program from its start, checkpoint and in-process resume (MemoryStore)
            t, o = wall([args.node, run, '--compiled', out, '--source', prog])
            if o != expect:
                raise RuntimeError(f'compiled run printed {o!r}, expected {expect!r}')
            return t

        def empty():
            return wall([args.node, '-e', '0'])[0]

        split = ("const t0 = process.hrtime.bigint(); const ms = (a, b) => Number(b - a) / 1e6;"
                 "const { Program, Instance, DirStore } = require(process.argv[1]);"
                 "require(require('node:path').join(process.argv[1], '..', 'serializer.js')); const t1 = process.hrtime.bigint();"
                 "const p = Program.load(process.argv[2], { source: process.argv[3] }); const t2 = process.hrtime.bigint();"
                 "const st = new DirStore(process.argv[4]); const inst = Instance.fromStore(p, st, 'bench');"
                 "const bytes = st.loadCheckpoint('bench'); const t3 = process.hrtime.bigint();"
                 "inst.resumeStored().then((r) => { const t4 = process.hrtime.bigint();"
                 " if (!r.done) process.exit(1);"
                 " console.error([ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), bytes.length].join(' ')); });")
        parts_best = [float('inf')] * 4
        ckpt_bytes = 0

        def in_process():  # the same resume through the API, split at public calls (not in the table's ratios)
            nonlocal ckpt_bytes
            counter[0] += 1
            store = os.path.join(tmp, f'copy{counter[0]}')
            shutil.copytree(pristine, store)
            p = subprocess.run([args.node, '-e', split, api, out, prog, store], capture_output=True, text=True)
            shutil.rmtree(store)
            if p.returncode != 0 or p.stdout != expect:
                raise RuntimeError(f'API resume failed: {p.stderr.strip()[:300]}')
            vals = [float(x) for x in p.stderr.split()]
            for i in range(4):
                parts_best[i] = min(parts_best[i], vals[i])
            ckpt_bytes = int(vals[4])
            return float('inf')

        rows = [('node -e 0', empty), ('node resume.js (bare module)', bare),
                ('distribufy-run --compiled (start+checkpoint+resume)', fresh),
                ('distribufy-run --resume (fresh process)', resume)]
        best = {name: float('inf') for name, _ in rows}
        for _ in range(args.runs):
            for name, fn in rows:
                best[name] = min(best[name], fn())
            in_process()
    base = best['node resume.js (bare module)']
    print(f'whole-process wall time, best of {args.runs} (alternating); ratio and difference to the bare module')
    print(f'{"command":<52} {"time":>9} {"ratio":>7} {"diff":>9}')
    for name, _ in rows:
        t = best[name]
        print(f'{name:<52} {t * 1000:7.1f}ms {t / base:6.2f}x {(t - base) * 1000:+8.1f}ms')
    print(f'where the resume goes (the same resume through the API in a fresh process, best of {args.runs} per part):')
    print(f'  require api.js + serializer.js {parts_best[0]:6.1f}ms   Program.load (compiled module) {parts_best[1]:6.1f}ms   '
          f'read checkpoint ({ckpt_bytes} bytes) {parts_best[2]:5.1f}ms')
    print(f'  resumeStored (decode, restore, rest of the program, meta.json written with fsync) {parts_best[3]:6.1f}ms')
    return 0


if __name__ == '__main__':
    sys.exit(main())
