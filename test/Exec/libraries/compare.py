#!/usr/bin/env python3
"""Compiles a real library with dist-opt (optionally through passes), runs an
exercise script against the original and against the compiled copy, and
requires identical output. Prints the exercise output followed by a closing
'identical' line, or the first differences and exits 1.

  compare.py --dist-opt PATH --node PATH [--passes P] LIBRARY EXERCISE [ARG]...
"""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--dist-opt', required=True)
    ap.add_argument('--node', default='node')
    ap.add_argument('--passes', default='')
    ap.add_argument('library')
    ap.add_argument('exercise')
    ap.add_argument('args', nargs='*')
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        compiled = os.path.join(tmp, os.path.basename(a.library))
        cmd = [a.dist_opt, a.library, '-o', compiled]
        if a.passes:
            cmd[1:1] = ['--passes=' + a.passes, '--verify-each']
        subprocess.run(cmd, check=True)
        runs = [subprocess.run([a.node, a.exercise, lib] + a.args, capture_output=True, text=True)
                for lib in (a.library, compiled)]
    for r in runs:
        if r.returncode != 0:
            sys.stdout.write(r.stdout + r.stderr)
            print(f'exercise failed with status {r.returncode}')
            return 1
    if runs[0].stdout != runs[1].stdout:
        diff = difflib.unified_diff(runs[0].stdout.splitlines(), runs[1].stdout.splitlines(),
                                    'original', 'compiled', lineterm='', n=1)
        print('\n'.join(list(diff)[:40]))
        return 1
    sys.stdout.write(runs[0].stdout)
    print('identical')
    return 0


if __name__ == '__main__':
    sys.exit(main())
