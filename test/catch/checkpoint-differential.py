#!/usr/bin/env python3
"""Checkpoint differential: every corpus program must print and return exactly
the same with real checkpoints as with checkpoint() a no-op.

  checkpoint-differential.py [--distribufyc PATH] [--runtime DIR] [--node PATH]
                             [--mode fresh|inline|stress] [--jobs N]
                             [--timeout S] [--unsupported LIST]...
                             [--reference auto|runner|shim] [--reference-only]
                             [-v] [PROGRAM_OR_DIR...]

For each program (default: the corpus/ folder next to this script):

  reference  node RUNTIME/bin/distribufy-run.js --plain PROG.js --result --virtual-time
             (the uncompiled program under plain node, checkpoint() a no-op).
             Until that runner exists (or with --reference shim) the harness
             uses its own equivalent: a temporary NODE_PATH folder holding a
             no-op `distribufy` module (checkpoint does nothing, persist runs
             each id's thunk once, `distribufy/dist/src/utils/utils` gives
             sleep/invoke) and a driver that calls main(params) when
             module.exports is a function and prints JSON.stringify(result)
             last with --result (`{}` when undefined, and for scripts), as
             the runner does.
  actual     DISTRIBUFYC run PROG.js --result --virtual-time --store TMP
             plus --fresh-process (mode fresh, the default), nothing (mode
             inline) or --stress (mode stress: a capture at every function
             entry and loop iteration, resumed in the same process).

Both run with the program's folder as working directory. stdout must be
identical byte for byte and the exit status equal. When both exit non-zero
(an uncaught error escaping main), the first error line of stderr must match
too: the reference's (`Error: msg`, `TypeError: msg`, ...) must appear as
a line of the actual stderr, possibly prefixed (`Uncaught `, the tool's
name); node's leading `file:line`, source excerpt and caret, and any stack,
are not compared since they name the compiled file. Otherwise stderr is not
compared.

A program may ask for parameters with a line `// PARAMS: KEY VALUE` (any
number; VALUE is JSON if it parses, else a string), passed as `-p KEY VALUE`.
A line `// STRESS-EVERY: N` makes --mode stress capture at every Nth stress
point only (`distribufyc run --stress-every N`), for long programs.
A line `// STRESS: skip (reason)` leaves a program out of --mode stress
(e.g. 10,000 nested frames: a capture at each of 10,000 entries, each
serializing the whole stack, is quadratic).

--unsupported names a file listing programs (`name.js  # reason`, one per
line) that are expected to fail cleanly: the actual run exits non-zero with a
message on stderr. A listed program that now runs identically is reported
as "now passes, remove it"; one that exits 0 with a different output (a wrong
result) is a failure. Both are unexpected results.

--reference-only runs the reference twice per program and checks that it is
deterministic and clean (exit 0 unless the program is named uncaught-*, no
stderr otherwise, some output): the corpus's own sanity check.

Prints a unified diff and the command lines for each mismatch, then one
summary line `N/M identical`; exits 1 on any unexpected result.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

SHIM_INDEX = r"""'use strict';
// No-op stand-in for the Distribufy runtime (reference side of
// checkpoint-differential.py): checkpoint() does nothing, persist runs each
// id's thunk once per process (= once per workflow instance).
const persisted = new Map();
exports.checkpoint = function checkpoint() {};
exports.persist = function persist(id, thunk) {
  if (!persisted.has(id)) persisted.set(id, thunk());
  return persisted.get(id);
};
exports.require = function runtimeRequire(name) { return require(name); };
"""

SHIM_UTILS = r"""'use strict';
// Virtual time: sleep returns at once. invoke has no actions here.
exports.register = function register(runtime, url) {
  return {
    sleep(ms) { return undefined; },
    invoke(name, params) {
      throw new Error('invoke(' + JSON.stringify(name) + ') is not available in the reference runner');
    },
  };
};
"""

SHIM_DRIVER = r"""'use strict';
// distribufy-run --plain, as the harness's fallback: run PROG uncompiled.
const path = require('path');
const argv = process.argv.slice(2);
let prog, result = false;
const params = {};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--result') result = true;
  else if (a === '--plain' || a === '--virtual-time') {}
  else if (a === '-p' || a === '--param') {
    const k = argv[++i], v = argv[++i];
    try { params[k] = JSON.parse(v); } catch (e) { params[k] = v; }
  } else if (prog === undefined) prog = a;
  else { console.error('shim runner: unexpected argument ' + a); process.exit(2); }
}
let value;
try {
  const exported = require(path.resolve(prog));
  if (typeof exported === 'function') value = exported(params);
} catch (e) {
  // Like the runner: the error's stack (its first line `Name: message`), exit 1.
  process.stderr.write((e instanceof Error ? e.stack : 'Uncaught ' + require('util').inspect(e)) + '\n');
  process.exit(1);
}
// Like `wsk action invoke --result`: an undefined result (or a script's) is {}.
if (result) {
  const s = JSON.stringify(value);
  console.log(s === undefined ? '{}' : s);
}
"""

ERROR_LINE = re.compile(r'^(?:Uncaught )?(?:[A-Za-z_$][\w$]*)?(?:Error|Exception)(?: \[[A-Z_0-9]+\])?(?::|$)')


def first_error_line(err):
    """The line of an uncaught-error report that names the error."""
    lines = err.decode(errors='replace').splitlines()
    for line in lines:
        if ERROR_LINE.match(line.strip()):
            s = line.strip()
            return s[len('Uncaught '):] if s.startswith('Uncaught ') else s
    return lines[0] if lines else ''


def read_params(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'\s*//\s*PARAMS:\s*(\S+)\s+(.*\S)\s*$', line)
            if m:
                out += ['-p', m.group(1), m.group(2)]
    return out


def read_stress_every(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'\s*//\s*STRESS-EVERY:\s*([1-9][0-9]*)\b', line)
            if m:
                return m.group(1)
    return None


def run(cmd, cwd, env, timeout):
    # Own process group: a timeout kills the runner and the node processes
    # it spawned (--fresh-process resumes in child processes).
    try:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             stdin=subprocess.DEVNULL, start_new_session=True)
    except OSError as e:
        return 'cannot start', b'', f'{cmd[0]}: {e}'.encode()
    try:
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out, err
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        return 'timeout', out or b'', err or b''


class Harness:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.mkdtemp(prefix='ckpt-diff-')
        runner = os.path.join(args.runtime, 'bin', 'distribufy-run.js')
        use_runner = args.reference == 'runner' or (args.reference == 'auto' and os.path.exists(runner))
        env = dict(os.environ)
        env.pop('NODE_PATH', None)
        self.actual_env = env
        if use_runner:
            self.reference_prefix = [args.node, runner, '--plain']
            self.reference_env = env
            self.reference_kind = 'runner'
        else:
            shim = os.path.join(self.tmp, 'shim')
            pkg = os.path.join(shim, 'distribufy')
            os.makedirs(os.path.join(pkg, 'dist', 'src', 'utils'))
            with open(os.path.join(pkg, 'index.js'), 'w') as f:
                f.write(SHIM_INDEX)
            with open(os.path.join(pkg, 'dist', 'src', 'utils', 'utils.js'), 'w') as f:
                f.write(SHIM_UTILS)
            driver = os.path.join(self.tmp, 'plain-run.js')
            with open(driver, 'w') as f:
                f.write(SHIM_DRIVER)
            self.reference_prefix = [args.node, driver, '--plain']
            self.reference_env = dict(env, NODE_PATH=shim)
            self.reference_kind = 'shim'

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def reference(self, prog, params):
        cmd = self.reference_prefix + [prog, '--result', '--virtual-time'] + params
        return cmd, run(cmd, os.path.dirname(prog), self.reference_env, self.args.timeout)

    def actual(self, prog, params, store):
        cmd = [self.args.distribufyc, 'run', prog, '--result', '--virtual-time', '--store', store]
        if self.args.mode == 'fresh':
            cmd.append('--fresh-process')
        elif self.args.mode == 'stress':
            every = read_stress_every(prog)
            cmd += ['--stress-every', every] if every else ['--stress']
        cmd += params
        return cmd, run(cmd, os.path.dirname(prog), self.actual_env, self.args.timeout)


def describe(cmd_label, cmd, res):
    code, out, err = res
    text = f'  {cmd_label}: {shlex.join(cmd)}\n    exit status {code}'
    if err:
        tail = err.decode(errors='replace').rstrip().splitlines()
        text += '\n    stderr: ' + '\n            '.join(tail[:12])
        if len(tail) > 12:
            text += f'\n            ... ({len(tail) - 12} more lines)'
    return text


def compare(ref, act):
    """None if identical, else a list of differences."""
    problems = []
    if ref[0] == 'timeout':
        problems.append('the reference run timed out')
    if act[0] == 'timeout':
        problems.append('the actual run timed out')
    if ref[0] != act[0]:
        problems.append(f'exit status {ref[0]} (reference) vs {act[0]} (actual)')
    if ref[1] != act[1]:
        diff = difflib.unified_diff(ref[1].decode(errors='replace').splitlines(),
                                    act[1].decode(errors='replace').splitlines(),
                                    'reference', 'actual', lineterm='', n=2)
        lines = list(diff)
        if len(lines) > 60:
            lines = lines[:60] + [f'... ({len(lines) - 60} more diff lines)']
        problems.append('stdout differs:\n' + '\n'.join(lines))
    if ref[0] == act[0] and isinstance(ref[0], int) and ref[0] != 0:
        # The actual side may prefix the line (`Uncaught `, the tool's name).
        a = first_error_line(ref[2])
        lines = [l.strip() for l in act[2].decode(errors='replace').splitlines()]
        if not any(l == a or l.endswith(' ' + a) for l in lines):
            problems.append(f'uncaught error differs:\n-{a}\n+{first_error_line(act[2])}')
    return problems or None


def check(h, prog):
    name = os.path.basename(prog)
    params = read_params(prog)
    listed = name in h.args.unsupported_map
    rcmd, ref = h.reference(prog, params)
    if h.args.reference_only:
        rcmd2, ref2 = h.reference(prog, params)
        problems = []
        if ref != ref2:
            problems.append('not deterministic: ' + '\n'.join(compare(ref, ref2) or ['stderr differs']))
        expect_fail = name.startswith('uncaught-')
        if expect_fail and ref[0] == 0:
            problems.append('uncaught-* program exited 0')
        if not expect_fail and ref[0] != 0:
            problems.append(f'exit status {ref[0]}')
        if not expect_fail and ref[2]:
            problems.append('wrote to stderr')
        if not ref[1].strip():
            problems.append('printed nothing')
        if problems:
            return name, 'fail', '\n'.join(problems) + '\n' + describe('reference', rcmd, ref)
        return name, 'pass', None
    store = tempfile.mkdtemp(prefix=name + '-', dir=h.tmp)
    try:
        acmd, act = h.actual(prog, params, store)
    finally:
        shutil.rmtree(store, ignore_errors=True)
    problems = compare(ref, act)
    details = '\n'.join(problems or []) + '\n' + describe('reference', rcmd, ref) + '\n' + describe('actual', acmd, act)
    if listed:
        if problems is None:
            return name, 'fail', 'now passes, remove it from the unsupported list (' + h.args.unsupported_map[name] + ')'
        if isinstance(act[0], int) and act[0] != 0 and act[2].strip() and (ref[0] == 0 or act[0] != ref[0]):
            return name, 'xfail', None
        return name, 'fail', ('listed as unsupported (' + h.args.unsupported_map[name] +
                              ') but did not fail cleanly (wrong result or no error message):\n' + details)
    if problems is None:
        return name, 'pass', None
    return name, 'fail', details


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument('--distribufyc', help='the distribufyc executable')
    ap.add_argument('--runtime', default=os.path.normpath(os.path.join(HERE, '..', '..', 'runtime')),
                    help='the runtime package folder (default: the source tree\'s runtime/)')
    ap.add_argument('--node', default=shutil.which('node') or 'node')
    ap.add_argument('--mode', choices=['fresh', 'inline', 'stress'], default='fresh')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=300)
    ap.add_argument('--unsupported', action='append', default=[],
                    help='file listing the programs expected to fail, with reasons (repeatable)')
    ap.add_argument('--reference', choices=['auto', 'runner', 'shim'], default='auto',
                    help='reference runner: RUNTIME/bin/distribufy-run.js --plain, or the built-in shim '
                         '(auto: the runner when it exists)')
    ap.add_argument('--reference-only', action='store_true',
                    help='only check that each program is deterministic under the reference runner')
    ap.add_argument('-v', '--verbose', action='store_true', help='one line per program')
    ap.add_argument('inputs', nargs='*')
    args = ap.parse_args()
    if not args.reference_only and not args.distribufyc:
        ap.error('--distribufyc is required (or use --reference-only)')
    if args.distribufyc:
        args.distribufyc = os.path.abspath(args.distribufyc)
    args.runtime = os.path.abspath(args.runtime)
    args.unsupported_map = {}
    for listing in args.unsupported:
        with open(listing) as f:
            for line in f:
                entry, _, reason = line.partition('#')
                if entry.strip():
                    args.unsupported_map[entry.strip()] = reason.strip() or 'no reason given'
    inputs = args.inputs or [os.path.join(HERE, 'corpus')]
    programs = []
    for item in inputs:
        if os.path.isdir(item):
            programs += sorted(os.path.join(item, f) for f in os.listdir(item)
                               if f.endswith('.js') and not f.startswith('.'))
        else:
            programs.append(item)
    programs = [os.path.abspath(p) for p in programs]
    if args.mode == 'stress':
        def stress_skipped(p):
            with open(p, encoding='utf-8') as f:
                return any(re.match(r'\s*//\s*STRESS:\s*skip', line) for line in f)
        programs = [p for p in programs if not stress_skipped(p)]
    names = {os.path.basename(p) for p in programs}
    h = Harness(args)
    counts = {'pass': 0, 'xfail': 0, 'fail': 0}
    try:
        if args.verbose:
            print(f'reference: {h.reference_kind}; mode: {args.mode}', flush=True)
        with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
            for name, status, detail in pool.map(lambda p: check(h, p), programs):
                counts[status] += 1
                if status == 'fail':
                    print(f'FAIL {name}\n{detail}\n', flush=True)
                elif args.verbose:
                    print(f'{"PASS" if status == "pass" else "XFAIL"} {name}', flush=True)
    finally:
        h.close()
    # Listed programs that are not in the corpus (only when whole folders ran).
    missing = sorted(set(args.unsupported_map) - names) if any(os.path.isdir(i) for i in inputs) else []
    for name in missing:
        print(f'FAIL {name}: listed as unsupported but not in the corpus')
    if args.unsupported:
        print(f'{counts["xfail"]} expected failures (listed as unsupported)')
    print(f'{counts["pass"]}/{len(programs)} identical')
    return 1 if counts['fail'] or missing else 0


if __name__ == '__main__':
    sys.exit(main())
