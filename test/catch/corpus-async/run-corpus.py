#!/usr/bin/env python3
"""Runs the generator/async corpus and compares every program's stdout with
its golden file expected/NAME.out (the output under plain node with
runtime.checkpoint() a no-op).

  run-corpus.py --node NODE [--runtime DIR] [--dist-opt DIST_OPT]
                [--mode plain|compiled|rebuild]
                [--passes desugar,anf,generators,modularize,closure] [--extra-flag FLAG]...
                [--known KNOWN-DIFFERENCES.txt] [--rebuild-runtime CLOSURES_JS]
                [--jobs N] [--timeout S] [-v] [PROGRAM_OR_DIR...]

Every program runs under the project's reference runner (the reference mode
of test/catch/checkpoint-differential.py, without --result):

  RUN = node RUNTIME/bin/distribufy-run.js --plain PROG.js --virtual-time

which makes `require('distribufy')` the no-op runtime (runtime.checkpoint()
does nothing) and lets node run until its event loop is empty, so output
printed after the last await is captured. --result is not passed: for these
programs (module-level code, no exported main) it would only append '{}'
after everything else. --runtime defaults to the runtime/ folder of the
source tree holding this script.

Modes:
  plain     RUN PROG.js                               (the golden files themselves)
  compiled  dist-opt --passes=P PROG.js -o T.js; RUN T.js
  rebuild   as compiled, with DISTRIBUFY_REBUILD_TEST naming the runtime's
            closures.js (every closure is rebuilt from code id and
            environment after a round trip through bytes), as
            test/Exec/closure-rebuild-corpus.test does

A program passes when its stdout equals the golden file byte for byte, its
exit status is 0 and its stderr is empty.

--known names a list of programs whose compiled output is known to differ
(compiler bugs), one per line: `NAME.js [MODE,MODE]  # first differing
line`; without modes the entry covers the modes compiled and rebuild. A
listed program must still differ (XFAIL); one that now passes is reported
as XPASS and counts as a failure, so that a fix shows up and the list stays
exact.

Prints one block per unexpected result naming the program and the first
differing lines, then 'N passed, X expected failures, F failed (MODE)';
exits 1 if anything was unexpected.
"""
import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def read_known(path):
    """NAME.js -> (modes, rejected)."""
    known = {}
    if not path:
        return known
    with open(path) as f:
        for line in f:
            entry = line.split('#', 1)[0].split()
            if not entry:
                continue
            rejected = 'rejected' in entry[1:]
            words = [w for w in entry[1:] if w != 'rejected']
            modes = set(words[0].split(',')) if words else {'compiled', 'rebuild'}
            known[entry[0]] = (modes, rejected)
    return known


def run(cmd, env, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 'timeout', b'', b''


def first_difference(expected, actual):
    e = expected.decode(errors='replace').splitlines()
    a = actual.decode(errors='replace').splitlines()
    for i in range(max(len(e), len(a))):
        le = e[i] if i < len(e) else '<end of output>'
        la = a[i] if i < len(a) else '<end of output>'
        if le != la:
            return f'line {i + 1}: expected {le!r}, got {la!r}'
    return 'outputs equal'


def check(args, src, workdir):
    """Returns (name, problem or None, kind): kind is ok, differs, compile
    (dist-opt failed) or rejected (dist-opt reported an unsupported
    construct)."""
    name = os.path.basename(src)
    golden = os.path.join(args.expected, name[:-3] + '.out')
    if not os.path.isfile(golden):
        return name, f'no golden file {golden}', 'differs'
    with open(golden, 'rb') as f:
        expected = f.read()
    env = dict(os.environ)
    env.pop('DISTRIBUFY_REBUILD_TEST', None)
    prog = src
    if args.mode != 'plain':
        prog = os.path.join(workdir, name)
        cmd = [args.dist_opt] + args.extra_flag + ['--passes=' + args.passes, src, '-o', prog]
        comp = subprocess.run(cmd, capture_output=True)
        if comp.returncode != 0:
            stderr = comp.stderr.decode(errors='replace')
            kind = 'rejected' if 'error: unsupported construct' in stderr else 'compile'
            return name, 'compile failed: ' + stderr[:2000], kind
        if args.mode == 'rebuild':
            env['DISTRIBUFY_REBUILD_TEST'] = os.path.abspath(args.rebuild_runtime)
    runner = os.path.join(args.runtime, 'bin', 'distribufy-run.js')
    status, out, err = run([args.node, runner, '--plain', prog, '--virtual-time'], env, args.timeout)
    problems = []
    if status != 0:
        problems.append(f'exit status {status}')
    if err:
        problems.append('stderr:\n' + '\n'.join(err.decode(errors='replace').splitlines()[:12]))
    if out != expected:
        problems.append('first difference: ' + first_difference(expected, out))
        diff = difflib.unified_diff(expected.decode(errors='replace').splitlines(),
                                    out.decode(errors='replace').splitlines(),
                                    'expected/' + name[:-3] + '.out', args.mode, lineterm='', n=1)
        problems.append('\n'.join(list(diff)[:24]))
    return name, '\n'.join(problems) or None, 'differs' if problems else 'ok'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument('--node', default='node')
    ap.add_argument('--dist-opt')
    ap.add_argument('--mode', choices=['plain', 'compiled', 'rebuild'], default='plain')
    ap.add_argument('--passes', default='desugar,anf,generators,modularize,closure')
    ap.add_argument('--extra-flag', action='append', default=[])
    ap.add_argument('--known', help='programs whose compiled output is known to differ')
    ap.add_argument('--rebuild-runtime', help="the runtime's closures.js (mode rebuild)")
    ap.add_argument('--runtime', default=os.path.join(HERE, '..', '..', '..', 'runtime'),
                    help='the runtime folder (its bin/distribufy-run.js is the runner)')
    ap.add_argument('--expected', default=os.path.join(HERE, 'expected'))
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('-v', '--verbose', action='store_true')
    ap.add_argument('inputs', nargs='*')
    args = ap.parse_args()
    if args.mode != 'plain' and not args.dist_opt:
        ap.error('--dist-opt is required in mode ' + args.mode)
    if args.mode == 'rebuild' and not args.rebuild_runtime:
        ap.error('--rebuild-runtime is required in mode rebuild')
    args.runtime = os.path.abspath(args.runtime)
    if not os.path.isfile(os.path.join(args.runtime, 'bin', 'distribufy-run.js')):
        ap.error(f'--runtime {args.runtime}: no bin/distribufy-run.js there')
    known = read_known(args.known)
    programs = []
    for item in args.inputs or [HERE]:
        if os.path.isdir(item):
            programs += sorted(os.path.join(item, f) for f in os.listdir(item)
                               if f.endswith('.js') and not f.startswith('.'))
        else:
            programs.append(item)
    passed = xfail = failed = 0
    names = {os.path.basename(p) for p in programs}
    with tempfile.TemporaryDirectory() as workdir, \
            concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for name, problem, kind in pool.map(lambda p: check(args, os.path.abspath(p), workdir), programs):
            modes, rejected = known.get(name, ((), False))
            listed = args.mode in modes
            if listed and rejected and kind != 'rejected':
                failed += 1
                print(f'FAIL {name} ({args.mode}): listed as rejected (unsupported construct) '
                      f'in KNOWN-DIFFERENCES.txt, but ' +
                      ('it now compiles and behaves like node; remove it from the list' if kind == 'ok'
                       else 'the result is different:\n' + problem) + '\n', flush=True)
            elif listed and problem:
                xfail += 1
                if args.verbose:
                    print(f'XFAIL {name} ({args.mode})\n{problem}\n', flush=True)
            elif listed:
                failed += 1
                print(f'XPASS {name} ({args.mode}): listed in KNOWN-DIFFERENCES.txt but now '
                      'identical to node, remove it from the list\n', flush=True)
            elif problem:
                failed += 1
                print(f'FAIL {name} ({args.mode})\n{problem}\n', flush=True)
            else:
                passed += 1
                if args.verbose:
                    print(f'PASS {name} ({args.mode})', flush=True)
    whole_dirs = all(os.path.isdir(i) for i in args.inputs or [HERE])
    for name in sorted(known):
        if whole_dirs and name not in names:
            failed += 1
            print(f'FAIL {name}: listed in KNOWN-DIFFERENCES.txt but not in the corpus\n')
    print(f'{passed} passed, {xfail} expected failures, {failed} failed ({args.mode})')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
