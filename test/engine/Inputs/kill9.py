#!/usr/bin/env python3
"""kill -9 the local engine at random points, resume, compare.

Runs test/engine/Inputs/loop.js once uninterrupted (the reference), then
again as the same instance id in another store, killing the engine (node,
which `distribufyc run`/`resume` exec) with SIGKILL after a random delay,
KILLS times (seeded), resuming with `distribufyc resume ID` after each kill,
and once more to completion. Asserts:
  * the final --result equals the reference;
  * the action-call log, with repeated calls removed, equals the reference
    log (same keys, same params, same order);
  * a call is repeated only if the engine that made the first call was
    killed (so it never recorded the outcome), and the repeat carries the
    same idempotency key and params;
  * the instance's effect log is empty once it is done (compaction).
Prints one summary line (FileCheck'd) and details on failure.
"""
import argparse, json, os, random, shutil, signal, subprocess, sys, time

p = argparse.ArgumentParser()
p.add_argument('--distribufyc', required=True)
p.add_argument('--node', required=True)
p.add_argument('--work', required=True)
p.add_argument('--kills', type=int, default=30)
p.add_argument('--seed', type=int, default=6)
p.add_argument('--steps', type=int, default=40)
a = p.parse_args()

here = os.path.dirname(os.path.abspath(__file__))
prog = os.path.join(here, 'loop.js')
actions = os.path.join(here, 'actions')
env = dict(os.environ, DISTRIBUFY_NODE=a.node)
os.makedirs(a.work, exist_ok=True)
for old in ('ref-store', 'store', 'ref.log', 'killed.log'):  # a previous run's
    shutil.rmtree(os.path.join(a.work, old), ignore_errors=True)
    if os.path.isfile(os.path.join(a.work, old)):
        os.unlink(os.path.join(a.work, old))
ID = 'kill9'


def fail(msg):
    print('FAIL: ' + msg)
    sys.exit(1)


def read_log(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        # a kill can cut the last line short; a partial line is no call record
        return [json.loads(l) for l in f.read().split('\n') if l.strip().endswith('}')]


def command(sub, store):
    if sub == 'run':
        return [a.distribufyc, 'run', prog, '--instance', ID, '-p', 'n', str(a.steps), '--store', store,
                '--actions', actions, '--virtual-time', '--result']
    return [a.distribufyc, 'resume', ID, '--store', store, '--result']


def start(sub, store, log):
    e = dict(env, DISTRIBUFY_CALL_LOG=log)
    return subprocess.Popen(command(sub, store), env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# The reference run.
ref_store, ref_log = os.path.join(a.work, 'ref-store'), os.path.join(a.work, 'ref.log')
t0 = time.time()
pr = start('run', ref_store, ref_log)
out, err = pr.communicate()
ref_time = time.time() - t0
if pr.returncode != 0:
    fail(f'reference run exited {pr.returncode}: {err}')
ref_result = out.strip().split('\n')[-1]
ref_calls = read_log(ref_log)
# The engine's start-up (tool, node, runtime): a resume of the finished
# reference instance does nothing else. The delays before a kill are drawn
# from [0, start-up + a bit more than 1/KILLS of the work], so that kills land
# during start-up, in actions, in store writes, ... and KILLS kills happen
# before the instance can finish.
t0 = time.time()
pr = start('resume', ref_store, ref_log)
pr.communicate()
startup = time.time() - t0
work = max(ref_time - startup, 0.05)
max_delay = startup + 1.2 * work / a.kills

# The killed runs.
rng = random.Random(a.seed)
store, log = os.path.join(a.work, 'store'), os.path.join(a.work, 'killed.log')
killed_pids = set()
kills = 0
attempts = 0
sub = 'run'
final = None
while final is None:
    attempts += 1
    if attempts > a.kills * 10:
        fail(f'no completion after {attempts} attempts')
    pr = start(sub, store, log)
    if kills < a.kills:
        time.sleep(rng.uniform(0.0, max_delay))
        if pr.poll() is None:
            os.kill(pr.pid, signal.SIGKILL)
            killed_pids.add(pr.pid)
            kills += 1
            pr.communicate()
            # killed before the instance was stored at all: run it again
            sub = 'resume' if os.path.exists(os.path.join(store, 'instances', ID, 'meta.json')) else 'run'
            continue
    out, err = pr.communicate()
    if pr.returncode != 0:
        fail(f'{sub} exited {pr.returncode}: {err}')
    final = out.strip().split('\n')[-1]

if kills < a.kills:
    fail(f'only {kills} kills landed (the program finished too early: raise --steps)')
if final != ref_result:
    fail(f'result differs:\n  killed:    {final}\n  reference: {ref_result}')

calls = read_log(log)
seen = {}
first = []
repeats = 0
for c in calls:
    if c['key'] is None:
        fail(f'a call without an idempotency key: {c}')
    if c['key'] in seen:
        prev = seen[c['key']]
        if prev['pid'] not in killed_pids:
            fail(f'call {c} repeats {prev}, whose engine was not killed')
        if (prev['i'], prev['total']) != (c['i'], c['total']):
            fail(f'call {c} reuses the key of a different call {prev}')
        repeats += 1
        seen[c['key']] = c
        continue
    seen[c['key']] = c
    first.append(c)
strip = lambda cs: [(c['key'], c['i'], c['total']) for c in cs]
if strip(first) != strip(ref_calls):
    for n, (x, y) in enumerate(zip(strip(first), strip(ref_calls))):
        if x != y:
            fail(f'call {n} differs: killed run {x}, reference {y}')
    fail(f'{len(first)} distinct calls, reference {len(ref_calls)}')

eff = os.path.join(store, 'instances', ID, 'effects')
left = [n for n in os.listdir(eff)] if os.path.isdir(eff) else []
if left:
    fail(f'effect log not compacted after the end: {left}')
with open(os.path.join(store, 'instances', ID, 'meta.json')) as f:
    if json.load(f)['status'] != 'done':
        fail('the instance is not done')
print(f'kill9: OK: {kills} kills, {len(ref_calls)} calls, {repeats} repeated with the same key, result identical')
print(f'details: reference {ref_time:.2f}s, start-up {startup:.2f}s, attempts {attempts}, result {final}', file=sys.stderr)
