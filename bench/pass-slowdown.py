#!/usr/bin/env python3
"""Normal-execution slowdown of compiled programs against the originals.

For every program in bench/cpu/, compiles it with `dist-opt --passes=PIPE`,
checks that the compiled program prints the same as the original, then times
both under node, alternating runs, and reports the best wall time of each,
their ratio per program and the median ratio. Ratios come from one run on
one machine, as the figures the issues ask for.

  bench/pass-slowdown.py [--build DIR] [--passes desugar,anf] [--runs 5]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def best_time(cmd, runs):
    best = float('inf')
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--build', default=os.path.join(root, 'build'))
    ap.add_argument('--passes', default='desugar,anf')
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--node', default='node')
    ap.add_argument('programs', nargs='*')
    args = ap.parse_args()
    dist_opt = os.path.join(args.build, 'tools', 'dist-opt', 'dist-opt')
    cpu = os.path.join(root, 'bench', 'cpu')
    programs = args.programs or sorted(os.path.join(cpu, f) for f in os.listdir(cpu) if f.endswith('.js'))
    ratios = []
    print(f'pipeline: {args.passes or "(none)"}; best of {args.runs} runs each')
    print(f'{"program":<14} {"original":>9} {"compiled":>9} {"ratio":>7}')
    with tempfile.TemporaryDirectory() as tmp:
        for prog in programs:
            out = os.path.join(tmp, os.path.basename(prog))
            cmd = [dist_opt, prog, '-o', out]
            if args.passes:
                cmd.insert(1, '--passes=' + args.passes)
            subprocess.run(cmd, check=True)
            expect = subprocess.run([args.node, prog], capture_output=True, check=True).stdout
            got = subprocess.run([args.node, out], capture_output=True, check=True).stdout
            if expect != got:
                print(f'{os.path.basename(prog)}: compiled output differs', file=sys.stderr)
                return 1
            t_orig = t_comp = float('inf')
            for _ in range(args.runs):  # alternate so drift hits both alike
                t_orig = min(t_orig, best_time([args.node, prog], 1))
                t_comp = min(t_comp, best_time([args.node, out], 1))
            ratios.append(t_comp / t_orig)
            print(f'{os.path.basename(prog):<14} {t_orig * 1000:8.0f}ms {t_comp * 1000:8.0f}ms {t_comp / t_orig:6.2f}x')
    print(f'median ratio: {statistics.median(ratios):.2f}x   max: {max(ratios):.2f}x')
    return 0


if __name__ == '__main__':
    sys.exit(main())
