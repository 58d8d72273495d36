#!/usr/bin/env python3
"""Differential execution: compile each program of a corpus through a pass
pipeline with dist-opt, run the original and the compiled program under
node, and require identical stdout, stderr and exit status.

  differential.py --dist-opt PATH --node PATH [--passes a,b] [--jobs N]
                  [--extra-flag FLAG]... [--unsupported LIST]
                  CORPUS_DIR_OR_FILE...

--unsupported names a file listing programs (`name.js  # reason`, one per
line) that the pipeline must reject with an "unsupported construct"
diagnostic: never a wrong program. A listed program that compiles, or fails
any other way, is a failure (so the list stays exact).

Prints one line per failing program with the first differing lines, then a
closing 'N passed, M failed' line; exits 1 if anything failed.
"""
import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys
import tempfile


def run_node(node, path, timeout):
    try:
        p = subprocess.run([node, path], capture_output=True, timeout=timeout,
                           cwd=os.path.dirname(path))
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 'timeout', b'', b''


def normalize_stderr(err, path):
    # Uncaught-error traces name the file; compare them without the path.
    return err.replace(os.fsencode(path), b'<program>')


def check(args, src, workdir):
    name = os.path.basename(src)
    out = os.path.join(workdir, name)
    cmd = [args.dist_opt, src, '-o', out]
    if args.passes:
        cmd.insert(1, '--passes=' + args.passes)
    cmd[1:1] = args.extra_flag
    comp = subprocess.run(cmd, capture_output=True)
    stderr = comp.stderr.decode(errors='replace')
    if name in args.unsupported_set:
        if comp.returncode != 0 and 'error: unsupported construct' in stderr:
            return name, 'unsupported'
        return name, ('listed as unsupported but compiled' if comp.returncode == 0 else
                      'listed as unsupported but failed otherwise:\n' + stderr[:2000])
    if comp.returncode != 0:
        return name, 'compile failed:\n' + stderr[:2000]
    # Run the compiled copy next to the original so relative requires work;
    # the process id keeps concurrent runs (other pipelines) apart.
    placed = os.path.join(os.path.dirname(src), f'.differential-{os.getpid()}-{name}')
    os.replace(out, placed)
    try:
        expected = run_node(args.node, src, args.timeout)
        actual = run_node(args.node, placed, args.timeout)
    finally:
        os.unlink(placed)
    expected = (expected[0], expected[1], normalize_stderr(expected[2], src))
    actual = (actual[0], actual[1], normalize_stderr(actual[2], placed))
    if expected == actual:
        return name, None
    report = []
    if expected[0] != actual[0]:
        report.append(f'exit status {expected[0]} vs {actual[0]}')
    for label, a, b in (('stdout', expected[1], actual[1]), ('stderr', expected[2], actual[2])):
        if a != b:
            diff = difflib.unified_diff(a.decode(errors='replace').splitlines(),
                                        b.decode(errors='replace').splitlines(),
                                        'original', 'compiled', lineterm='', n=1)
            report.append(label + ':\n' + '\n'.join(list(diff)[:20]))
    return name, '\n'.join(report)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--dist-opt', required=True)
    ap.add_argument('--node', default='node')
    ap.add_argument('--passes', default='')
    ap.add_argument('--extra-flag', action='append', default=[])
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('--unsupported', help='file listing programs the pipeline must reject')
    ap.add_argument('inputs', nargs='+')
    args = ap.parse_args()
    args.unsupported_set = set()
    if args.unsupported:
        with open(args.unsupported) as f:
            for line in f:
                entry = line.split('#', 1)[0].strip()
                if entry:
                    args.unsupported_set.add(entry)
    programs = []
    for item in args.inputs:
        if os.path.isdir(item):
            programs += sorted(os.path.join(item, f) for f in os.listdir(item)
                               if f.endswith('.js') and not f.startswith('.'))
        else:
            programs.append(item)
    failed = unsupported = 0
    with tempfile.TemporaryDirectory() as workdir, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for name, problem in pool.map(lambda p: check(args, os.path.abspath(p), workdir), programs):
            if problem == 'unsupported':
                unsupported += 1
            elif problem:
                failed += 1
                print(f'FAIL {name}\n{problem}\n', flush=True)
    if args.unsupported:
        print(f'{unsupported} rejected as unsupported, as listed')
    print(f'{len(programs) - failed - unsupported} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
