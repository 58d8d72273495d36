#!/usr/bin/env python3
"""Normal-execution slowdown of fully instrumented programs (no checkpoint taken).

For every program in bench/cpu/ (or the ones given), compiles it with
`dist-opt --passes=desugar,anf,generators,modularize,closure,catch`, checks that
`node runtime/bin/distribufy-run.js --compiled OUT --source PROG` prints
exactly what `node PROG` prints, and compiles the same source with the
published Stopify 0.7.7 (bench/node_modules/@stopify/stopify: npm ci --prefix bench --ignore-scripts; the `catch`
capture strategy, i.e. `-t catch`), checking its output the same way.

Timing: bench/catch-harness.js runs one form of a program in a fresh node
process and reports the time of the program's own run only (node startup,
loading the Distribufy runtime and Stopify's compilation are excluded): the
original is timed around require(PROG), the compiled program around
Instance.run() after Program.load (what distribufy-run.js does), the Stopify
program around run() until its onDone (no time-slicing: a yield interval of
1e9 ms, so it never suspends, like the Distribufy run never checkpoints).
The forms alternate, N runs each; the table shows the best of each and the
ratios to the original, all from this one run.

Stopify 0.7.7 parses with Babel 6 and rejects or miscompiles many ES2015+
forms, so it is also given each program lowered to ES5 by TypeScript
(`catch-harness.js es5`); the "tsc ES5" column is that ES5 program under
plain node, the "stopify(ES5)" column Stopify's output of it. All ratios are
to the original program under plain node.

  bench/catch-slowdown.py [--build DIR] [--runs 7] [--stopify-runs 3]
                          [--no-stopify] [--stopify-yield MS] [PROG.js ...]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
harness = os.path.join(root, 'bench', 'catch-harness.js')
runner = os.path.join(root, 'runtime', 'bin', 'distribufy-run.js')
PASSES = 'desugar,anf,generators,modularize,closure,catch'


def first_error_line(stderr):
    for line in stderr.splitlines():
        s = line.strip()
        if s and not s.startswith('at ') and not s.startswith('bench-ms'):
            return s[:110]
    return '(no message)'


def timed(node, args):
    """Runs the harness once: (ms, stdout) or raises RuntimeError(message)."""
    p = subprocess.run([node, harness] + args, capture_output=True, text=True)
    lines = p.stderr.strip().splitlines()
    if p.returncode != 0 or not lines or not lines[-1].startswith('bench-ms '):
        raise RuntimeError(first_error_line(p.stderr))
    return float(lines[-1].split()[1]), p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--build', default=os.path.join(root, 'build'))
    ap.add_argument('--runs', type=int, default=7)
    ap.add_argument('--node', default='node')
    ap.add_argument('--no-stopify', action='store_true', help='skip the Stopify column')
    ap.add_argument('--stopify-yield', default='1e9',
                    help="Stopify's yieldInterval in ms (default 1e9: never suspends; 100 is its default)")
    ap.add_argument('--stopify-runs', type=int, default=3, help='runs of each Stopify form (slow)')
    ap.add_argument('programs', nargs='*')
    args = ap.parse_args()
    dist_opt = os.path.join(args.build, 'tools', 'dist-opt', 'dist-opt')
    if not os.access(dist_opt, os.X_OK):
        print(f'build dist-opt first: {dist_opt} not found', file=sys.stderr)
        return 2
    stopify_dir = os.path.join(root, 'bench', 'node_modules', '@stopify', 'stopify')
    use_stopify = not args.no_stopify
    if use_stopify and not os.path.isdir(stopify_dir):
        print(f'note: {stopify_dir} missing (npm ci --prefix bench --ignore-scripts); no Stopify column', file=sys.stderr)
        use_stopify = False
    cpu = os.path.join(root, 'bench', 'cpu')
    programs = args.programs or sorted(os.path.join(cpu, f) for f in os.listdir(cpu) if f.endswith('.js'))

    cols = ['ours'] + (['stopify', 'es5', 'stopify-es5'] if use_stopify else [])
    ratios = {k: {} for k in cols}
    failures = []
    print(f'pipeline: {PASSES}; time of the program run only; best of {args.runs} runs '
          f'(Stopify forms: best of {args.stopify_runs}), forms alternating')
    hdr = f'{"program":<10} {"original":>9} {"distribufy":>15}'
    if use_stopify:
        hdr += f' {"stopify":>15} {"tsc ES5":>15} {"stopify(ES5)":>15}'
        print(f'Stopify 0.7.7, captureMethod catch, yieldInterval {args.stopify_yield} ms; "tsc ES5" is the program '
              'lowered to ES5 by TypeScript, the input Stopify was also given; every ratio is to the original')
    print(hdr)
    with tempfile.TemporaryDirectory() as tmp:
        for prog in programs:
            name = os.path.basename(prog)
            out = os.path.join(tmp, name)
            c = subprocess.run([dist_opt, '--passes=' + PASSES, prog, '-o', out], capture_output=True, text=True)
            if c.returncode != 0:
                failures.append(f'{name}: dist-opt failed: {first_error_line(c.stderr)}')
                continue
            # (the harness's plain form: a program exporting main runs it, as distribufy-run does)
            expect = timed(args.node, ['plain', prog])[1]
            got = subprocess.run([args.node, runner, '--compiled', out, '--source', prog], capture_output=True, text=True)
            if got.returncode != 0 or got.stdout != expect:
                failures.append(f'{name}: compiled run {"failed: " + first_error_line(got.stderr) if got.returncode else "printed different output"}')
                continue
            forms = {'orig': ['plain', prog], 'ours': ['compiled', out, prog]}
            notes = {}
            if use_stopify:
                es5 = os.path.join(tmp, 'es5-' + name)
                subprocess.run([args.node, harness, 'es5', prog, es5], check=True)
                candidates = {'stopify': ['stopify', prog, args.stopify_yield], 'es5': ['plain', es5],
                              'stopify-es5': ['stopify', es5, args.stopify_yield]}
                for k, a in candidates.items():
                    try:
                        _, o = timed(args.node, a)
                        if o != expect:
                            notes[k] = 'wrong output'
                        else:
                            forms[k] = a
                    except RuntimeError as e:
                        notes[k] = str(e)
            best = {k: float('inf') for k in forms}
            try:
                for i in range(max(args.runs, args.stopify_runs)):  # alternate so drift hits every form alike
                    for k, a in forms.items():
                        if i < (args.stopify_runs if k.startswith('stopify') else args.runs):
                            best[k] = min(best[k], timed(args.node, a)[0])
            except RuntimeError as e:
                failures.append(f'{name}: a timed run failed: {e}')
                continue
            line = f'{name[:-3]:<10} {best["orig"]:7.0f}ms'
            for k in cols:
                if k in best:
                    r = best[k] / best['orig']
                    ratios[k][name] = r
                    line += f' {best[k]:6.0f}ms {r:5.2f}x'
                else:
                    line += f' {"(" + ("fails" if notes[k] != "wrong output" else "wrong") + ")":>15}'
            print(line, flush=True)
            for k in cols:
                if k in notes:
                    print(f'    {k}: {notes[k]}')
    labels = {'ours': 'distribufy', 'stopify': 'stopify', 'es5': 'tsc ES5', 'stopify-es5': 'stopify(ES5)'}
    for k in cols:
        rs = ratios[k]
        if not rs:
            print(f'{labels[k]:<13} no program ran')
            continue
        line = f'{labels[k]:<13} median {statistics.median(rs.values()):.2f}x, max {max(rs.values()):.2f}x over {len(rs)} programs'
        if k != 'ours' and len(rs) != len(ratios['ours']):
            same = [ratios['ours'][n] for n in rs if n in ratios['ours']]
            if same:
                line += f' (distribufy on those: median {statistics.median(same):.2f}x)'
        print(line)
    for f in failures:
        print('FAILED ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
