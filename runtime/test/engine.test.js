// node:test tests of the local engine's durability pieces: the effect log
// (record before resume, look up on resume, compaction), idempotency keys,
// the effects API of the no-op runtime (http, parallel.map, error shapes)
// and the runner's store commands (--ls, --rm, --resume, --instances).
// End-to-end tests with compiled programs and kill -9 are in test/engine/.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { Program, Instance, DirStore, MemoryStore, ActionError } = require('../src/api.js');
const effects = require('../src/effects.js');

const FIX = path.join(__dirname, 'fixtures');
const RUNNER = path.join(__dirname, '..', 'bin', 'distribufy-run.js');
const load = (name) => Program.load(path.join(FIX, `${name}.linked`), { source: path.join(FIX, `${name}.prog`) });
const tmpdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'distribufy-engine-test-'));
const run = (args, opts = {}) => spawnSync(process.execPath, [RUNNER, ...args], { encoding: 'utf8', ...opts });

// Actions that count their calls in a file (the count survives the module
// cache and processes) and report the idempotency record they were given.
const ACTIONS = tmpdir();
const CALLS = path.join(ACTIONS, 'calls.log');
fs.writeFileSync(path.join(ACTIONS, 'keyed.js'), `
const fs = require('fs');
exports.main = (params) => {
  fs.appendFileSync(${JSON.stringify(CALLS)}, JSON.stringify(params.__distribufy) + '\\n');
  return { key: params.__distribufy, keys: Object.keys(params), v: params.v };
};\n`);
fs.writeFileSync(path.join(ACTIONS, 'echo.js'), 'exports.main = (params) => ({ echo: params });\n');
fs.writeFileSync(path.join(ACTIONS, 'slow.js'),
  'exports.main = (p) => new Promise((r) => setTimeout(() => r({ n: p.n * 10 }), 30 - p.n * 10));\n');
fs.writeFileSync(path.join(ACTIONS, 'http.js'),
  "exports.main = (p) => (p.uri === 'bad' ? { error: { message: 'nope', status: 404 } } : { method: p.method, uri: p.uri, body: p.body });\n");
fs.writeFileSync(path.join(ACTIONS, 'date.js'), 'exports.main = () => ({ when: new Date(0), f: () => 1 });\n');
const calls = () => (fs.existsSync(CALLS) ? fs.readFileSync(CALLS, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);

test('the effect log of both stores: record, look up, compaction below a sequence number', () => {
  for (const store of [new DirStore(tmpdir()), new MemoryStore()]) {
    assert.strictEqual(store.loadEffect('i1', '3'), undefined);
    store.recordEffect('i1', '3', { kind: 'invoke', value: { a: 1 } });
    store.recordEffect('i1', '4.0', { kind: 'parallel', value: 2 });
    store.recordEffect('i1', '4.1', { kind: 'parallel', threw: true, action: 'x', error: 'bad' });
    assert.deepStrictEqual(store.loadEffect('i1', '3'), { kind: 'invoke', value: { a: 1 } });
    assert.strictEqual(store.effectCount('i1'), 3);
    store.dropEffects('i1', 4);
    assert.strictEqual(store.loadEffect('i1', '3'), undefined);
    assert.strictEqual(store.effectCount('i1'), 2);
    store.dropEffects('i1', Infinity);
    assert.strictEqual(store.effectCount('i1'), 0);
    assert.throws(() => store.recordEffect('i1', '../x', {}), /invalid effect key/);
  }
});

test('compaction also deletes the temporary files of an engine killed in the middle of a write', () => {
  const store = new DirStore(tmpdir());
  store.recordEffect('i1', '5', { kind: 'invoke', value: 1 });
  const d = path.join(store.dir('i1'), 'effects');
  fs.writeFileSync(path.join(d, '.3.1.json.5158.dca4c12f.tmp'), '{"kind":');
  fs.writeFileSync(path.join(d, '.7.json.5158.0badf00d.tmp'), '{');
  store.dropEffects('i1', 5);
  assert.deepStrictEqual(fs.readdirSync(d).sort(), ['.7.json.5158.0badf00d.tmp', '5.json']);
  store.dropEffects('i1', Infinity);
  assert.deepStrictEqual(fs.readdirSync(d), []);
});

test('records of outcomes: values and action failures round-trip; other errors are not recorded', () => {
  const r = effects.outcomeRecord({ threw: true, value: new ActionError('a', { message: 'm', code: 7 }) });
  assert.deepStrictEqual(r, { threw: true, action: 'a', error: { message: 'm', code: 7 } });
  const back = effects.recordOutcome(JSON.parse(JSON.stringify(r)));
  assert.ok(back.threw && back.value instanceof ActionError);
  assert.strictEqual(back.value.message, "action 'a' failed: m");
  assert.deepStrictEqual(effects.recordOutcome(effects.outcomeRecord({ value: undefined })), { value: undefined });
  assert.strictEqual(effects.outcomeRecord({ threw: true, value: new Error('config') }), undefined);
});

test('actions run as OpenWhisk runs them: JSON results, a non-enumerable idempotency key, clear errors', async () => {
  const key = effects.idempotency('inst', 4);
  const r = await effects.runAction(ACTIONS, 'echo', { q: 1 }, key);
  assert.deepStrictEqual(r, { value: { echo: { q: 1 } } }); // the key is not enumerable: not echoed
  const d = await effects.runAction(ACTIONS, 'date', {}, key);
  assert.deepStrictEqual(d, { value: { when: '1970-01-01T00:00:00.000Z' } });
  const missing = await effects.runAction(ACTIONS, 'nosuch', {}, key);
  assert.ok(missing.threw && /action 'nosuch' failed: no such action: .*nosuch\.js does not exist/.test(missing.value.message));
  assert.deepStrictEqual(effects.idempotency('inst', 4, 2), { instance: 'inst', seq: 4, index: 2, key: 'inst:4:2' });
});

/** A DirStore that "dies" (throws) once: right after recording an effect, or right before. */
class CrashStore extends DirStore {
  constructor(dir, when) { super(dir); this.when = when; }
  recordEffect(id, key, record) {
    if (this.when === 'before') { this.when = null; throw new Error('engine died before recording'); }
    super.recordEffect(id, key, record);
    if (this.when === 'after') { this.when = null; throw new Error('engine died after recording'); }
  }
}

async function crashRun(when) {
  const sink = require('./fixtures/sink.fixture');
  Object.assign(sink, { lines: [], n: 0, invoke: 'keyed', bad: false });
  fs.rmSync(CALLS, { force: true });
  const dir = tmpdir();
  const inst = new Instance(load('script'), { store: new CrashStore(dir, when), id: `crash-${when}`, actionsDir: ACTIONS, virtualTime: true });
  let r = await inst.start(); // checkpoint
  assert.strictEqual(r.request.kind, 'checkpoint');
  r = await inst.resumeStored(); // sleep
  assert.strictEqual(r.request.kind, 'sleep');
  r = await inst.resumeStored(); // invoke: the capture of the invoke request
  assert.strictEqual(r.request.kind, 'invoke');
  await assert.rejects(inst.resumeStored(), /engine died/); // performs the invoke, then "dies"
  // A new engine (a new process in real life) resumes the instance from the store.
  const again = Instance.fromStore(load('script'), new DirStore(dir), `crash-${when}`);
  const end = await again.resumeStored();
  assert.strictEqual(end.done, true);
  assert.strictEqual(new DirStore(dir).effectCount(`crash-${when}`), 0, 'the log is compacted when the instance finishes');
  return { calls: calls(), lines: sink.lines, seq: r.seq };
}

test('an effect recorded before the engine died is not performed again on resume', async () => {
  const { calls: c, lines, seq } = await crashRun('after');
  assert.strictEqual(c.length, 1, 'the action ran once');
  assert.deepStrictEqual(c[0], { instance: 'crash-after', seq, key: `crash-after:${seq}` });
  assert.deepStrictEqual(lines[0][2].key, c[0]);
  assert.deepStrictEqual(lines[0][2].keys, ['v'], '__distribufy is not enumerable');
});

test('an action whose outcome was not recorded runs again, with the same idempotency key', async () => {
  const { calls: c, lines } = await crashRun('before');
  assert.strictEqual(c.length, 2, 'at-least-once: the interrupted call is repeated');
  assert.deepStrictEqual(c[0], c[1]);
  assert.deepStrictEqual(lines[0][2].key, c[0]);
});

test('a resume after a crash between checkpoint.bin and meta.json counts from the checkpoint bytes', async () => {
  const sink = require('./fixtures/sink.fixture');
  Object.assign(sink, { lines: [], n: 0, invoke: 'keyed', bad: false });
  const dir = tmpdir();
  const store = new DirStore(dir);
  const inst = new Instance(load('script'), { store, id: 'm1', actionsDir: ACTIONS, virtualTime: true });
  await inst.start();
  const meta1 = store.readMeta('m1');
  await inst.resumeStored(); // checkpoint 2 stored
  store.writeMeta('m1', meta1); // as if the engine died before meta.json of checkpoint 2
  const again = Instance.fromStore(load('script'), store, 'm1');
  assert.strictEqual(again.seq, 1);
  const r = await again.resumeStored();
  assert.strictEqual(r.seq, 3, 'the next checkpoint follows the one in the bytes');
});

test('the no-op runtime: http, parallel.map in order, the same error shape, keys per effect', () => {
  const dir = tmpdir();
  fs.writeFileSync(path.join(dir, 'p.js'), `
    const runtime = require('distribufy');
    const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'u');
    function main() {
      const got = utils.http.get('x/1', { headers: { a: 1 } });
      const posted = utils.http.post('x/2', { body: { b: 2 } });
      let err = null;
      try { utils.http.delete('bad'); } catch (e) { err = [e.name, e.message, e.action, e.error]; }
      const par = utils.parallel.map('slow', [{ n: 0 }, { n: 1 }, { n: 2 }]);
      const keys = utils.parallel.map('keyed', [{ v: 1 }, { v: 2 }]).map((r) => r.key.key);
      let perr = null;
      try { utils.parallel.map('http', [{ uri: 'ok' }, { uri: 'bad' }]); } catch (e) { perr = e.message; }
      let targ = null;
      try { utils.parallel.map('slow', 3); } catch (e) { targ = e.message; }
      return { got, posted, err, par, keys, perr, targ };
    }
    module.exports = main;`);
  const r = run(['--plain', path.join(dir, 'p.js'), '--actions', ACTIONS, '--result']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.deepStrictEqual(JSON.parse(r.stdout), {
    got: { method: 'GET', uri: 'x/1' },
    posted: { method: 'POST', uri: 'x/2', body: { b: 2 } },
    err: ['ActionError', "action 'http' failed: nope", 'http', { message: 'nope', status: 404 }],
    par: [{ n: 0 }, { n: 10 }, { n: 20 }],
    keys: ['plain:5:0', 'plain:5:1'],
    perr: "action 'http' failed: nope",
    targ: 'parallel.map(action, values): values must be an array',
  });
});

test('runner store commands: --ls lists every instance, --rm removes one, clear errors with --tool', () => {
  const dir = tmpdir();
  const base = ['--source', path.join(FIX, 'basic.prog'), '-p', 'n', '2', '--store', dir];
  assert.strictEqual(run(['--compiled', path.join(FIX, 'basic.linked'), ...base, '--instance', 'a1']).status, 0);
  const dup = run(['--tool', 'distribufyc', '--compiled', path.join(FIX, 'basic.linked'), ...base, '--instance', 'a1']);
  assert.strictEqual(dup.status, 2);
  assert.match(dup.stderr, /^distribufyc: error: instance 'a1' already exists in the store .* \(resume it, or remove it first\)\n$/);
  const ls = run(['--ls', '--store', dir]);
  assert.strictEqual(ls.status, 0, ls.stderr);
  assert.match(ls.stdout, /^a1 done 4 \S+basic\.prog \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
  // resuming a finished instance prints its recorded result and runs nothing
  const res = run(['--resume', 'a1', '--store', dir, '--result']);
  assert.strictEqual(res.stdout, '{"total":1,"count":3,"caught":"boom"}\n');
  const unknown = run(['--tool', 'distribufyc', '--resume', 'zz', '--store', dir]);
  assert.strictEqual(unknown.status, 2);
  assert.strictEqual(unknown.stderr, `distribufyc: error: no instance 'zz' in the store ${dir}\n`);
  const rmBad = run(['--tool', 'distribufyc', '--rm', 'zz', '--store', dir]);
  assert.strictEqual(rmBad.stderr, `distribufyc: error: no instance 'zz' in the store ${dir}\n`);
  const badId = run(['--tool', 'distribufyc', '--rm', '../x', '--store', dir]);
  assert.match(badId.stderr, /^distribufyc: error: invalid instance id '\.\.\/x'/);
  assert.strictEqual(run(['--rm', 'a1', '--store', dir]).status, 0);
  assert.strictEqual(run(['--ls', '--store', dir]).stdout, '');
});

test('runner --instances N: N instances at once, own state, results in order', () => {
  const dir = tmpdir();
  const r = run(['--compiled', path.join(FIX, 'basic.linked'), '--source', path.join(FIX, 'basic.prog'), '-p', 'n', '3',
    '--instances', '3', '--instance', 'm', '--store', dir, '--result']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout, ['m-1', 'm-2', 'm-3'].map((id) => `${id} {"total":3,"count":4,"caught":"boom"}\n`).join(''));
  assert.deepStrictEqual(new DirStore(dir).list(), ['m-1', 'm-2', 'm-3']);
  const bad = run(['--tool', 'distribufyc', '--compiled', 'x', '--instances', '0']);
  assert.strictEqual(bad.stderr, "distribufyc: error: --instances: '0' is not a count from 1 to 1000000\n");
});
