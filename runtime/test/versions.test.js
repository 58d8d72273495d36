'use strict';
// Checkpoint versions with real edits: compile a program, suspend it in a
// DirStore, edit it, recompile, resume with the new build. An edit to a
// function the checkpoint does not reference resumes (code ids shifted by a
// function added before them are remapped); an edit to a function on the
// suspended stack fails with a clear error naming it. Needs the compiler:
// DISTRIBUFYC, else the newest build*/tools/distribufyc/distribufyc of the
// source tree that writes code hashes; skipped without one.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { Program, Instance, DirStore } = require('../src/api.js');

const ROOT = path.join(__dirname, '..', '..');
const RUNNER = path.join(__dirname, '..', 'bin', 'distribufy-run.js');

function compile(compiler, src, out) {
  const r = spawnSync(compiler, [src, '-o', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${compiler} ${src}: ${r.stderr}`);
}

function findCompiler() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'distribufy-versions-probe-'));
  const probe = path.join(tmp, 'probe.js');
  fs.writeFileSync(probe, 'function main() { return 1; }\nmodule.exports = main;\n');
  const candidates = [];
  if (process.env.DISTRIBUFYC) candidates.push(process.env.DISTRIBUFYC);
  else {
    for (const d of fs.readdirSync(ROOT)) {
      const c = path.join(ROOT, d, 'tools', 'distribufyc', 'distribufyc');
      if (/^build/.test(d) && fs.existsSync(c)) candidates.push(c);
    }
    candidates.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  }
  for (const c of candidates) {
    try {
      compile(c, probe, path.join(tmp, 'probe.out.js'));
      if (/\\"hash\\":\\"[0-9a-f]{16}\\"/.test(fs.readFileSync(path.join(tmp, 'probe.out.js'), 'utf8'))) return c;
    } catch { /* try the next one */ }
  }
  return undefined;
}
const COMPILER = findCompiler();
// named explicitly (the lit test does): it must work, never skip
if (process.env.DISTRIBUFYC && !COMPILER) throw new Error(`DISTRIBUFYC=${process.env.DISTRIBUFYC} does not write code hashes`);
const skip = COMPILER ? false : 'no distribufyc that writes code hashes (set DISTRIBUFYC)';

const V1 = `const runtime = require('distribufy');
function banner() { return 'v1'; }
const title = banner();
function work(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += i;
    runtime.checkpoint();
  }
  return acc;
}
function main(params) {
  const label = (x) => title + ' ' + x;
  const r = work(3);
  console.log(label(r));
  return r;
}
module.exports = main;
`;

// an unrelated edit: banner (only the top level calls it) changes, and a
// function is added before work and main, shifting their code ids
const V2 = V1.replace("return 'v1';", "return 'v2: ' + 'edited';")
  .replace('function work(n) {', 'function extra(a, b) {\n  return [a, b].map((x) => x * 2);\n}\nfunction work(n) {');
// an edit to a function on the suspended stack
const V3 = V1.replace('acc += i;', 'acc += 2 * i;');
// an edit to a closure stored in the checkpoint (label, live across work(3))
const V4 = V1.replace("title + ' ' + x", "title + ': ' + x");

function setup(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'distribufy-versions-'));
  const builds = {};
  for (const [name, text] of Object.entries({ V1, V2, V3, V4 })) {
    const d = path.join(dir, name);
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'prog.js'), text);
    compile(COMPILER, path.join(d, 'prog.js'), path.join(d, 'prog.out.js'));
    builds[name] = { src: path.join(d, 'prog.js'), out: path.join(d, 'prog.out.js') };
  }
  return { dir, builds };
}

// Suspends an instance `id` of V1 compiled to DIR/id/prog.out.js (the
// path its meta.json records, so a resume loads whatever is there then).
async function suspend(dir, store, id) {
  const d = path.join(dir, id);
  fs.mkdirSync(d);
  fs.writeFileSync(path.join(d, 'prog.js'), V1);
  compile(COMPILER, path.join(d, 'prog.js'), path.join(d, 'prog.out.js'));
  const program = Program.load(path.join(d, 'prog.out.js'), { source: path.join(d, 'prog.js') });
  const inst = new Instance(program, { store, id });
  const r = await inst.start();
  assert.equal(r.done, false);
}

// Edits the program of instance `id` and recompiles it in place, then
// resumes it in a fresh process with the runner (`distribufyc resume`).
function editAndResume(dir, id, text) {
  const d = path.join(dir, id);
  fs.writeFileSync(path.join(d, 'prog.js'), text);
  compile(COMPILER, path.join(d, 'prog.js'), path.join(d, 'prog.out.js'));
  return spawnSync(process.execPath, [RUNNER, '--resume', id, '--store', path.join(dir, 'store'), '--result'], { encoding: 'utf8' });
}

test('code hashes: stable under unrelated edits, changed by edits to the function itself', { skip }, () => {
  const { builds } = setup();
  const schema = (b) => Program.load(b.out, { source: b.src }).schema;
  const s1 = schema(builds.V1), s2 = schema(builds.V2), s3 = schema(builds.V3), s4 = schema(builds.V4);
  const byName = (s, n) => s.codes.filter((c) => c && c.name === n);
  for (const s of [s1, s2, s3, s4]) for (const c of s.codes) if (c) assert.match(c.hash, /^[0-9a-f]{16}$/);
  assert.notEqual(s1.build, s2.build);
  // V2 adds `extra` (and its arrow) before work and main: their ids shift, their hashes stay
  assert.notEqual(s1.codes.indexOf(byName(s1, 'work')[0]), s2.codes.indexOf(byName(s2, 'work')[0]));
  assert.equal(byName(s1, 'work')[0].hash, byName(s2, 'work')[0].hash);
  assert.equal(byName(s1, 'main')[0].hash, byName(s2, 'main')[0].hash);
  assert.equal(byName(s1, 'label')[0].hash, byName(s2, 'label')[0].hash);
  assert.notEqual(byName(s1, 'banner')[0].hash, byName(s2, 'banner')[0].hash);
  // V3 edits work only
  assert.notEqual(byName(s1, 'work')[0].hash, byName(s3, 'work')[0].hash);
  assert.equal(byName(s1, 'main')[0].hash, byName(s3, 'main')[0].hash);
  // V4 edits the arrow nested in main: main's own hash does not change
  assert.notEqual(byName(s1, 'label')[0].hash, byName(s4, 'label')[0].hash);
  assert.equal(byName(s1, 'main')[0].hash, byName(s4, 'main')[0].hash);
  assert.equal(byName(s1, 'work')[0].hash, byName(s4, 'work')[0].hash);
});

test('resume under another build: an unrelated edit resumes (ids remapped); edits to referenced functions are listed', { skip }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'distribufy-versions-'));
  const store = new DirStore(path.join(dir, 'store'));
  const log = console.log;
  console.log = () => {};
  try {
    for (const id of ['a', 'b', 'c']) await suspend(dir, store, id);
  } finally {
    console.log = log;
  }
  const file = (id) => path.join(dir, 'store', 'instances', id, 'checkpoint.bin');
  const before = { b: fs.readFileSync(file('b')), c: fs.readFileSync(file('c')) };

  // unrelated edit: resumes and finishes with the checkpoint's module state
  const a = editAndResume(dir, 'a', V2);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, 'v1 3\n3\n');

  // work is on the stack: refused, naming it (and nothing else)
  const b = editAndResume(dir, 'b', V3);
  assert.equal(b.status, 3, b.stderr);
  assert.equal(b.stdout, '');
  assert.match(b.stderr, /^CheckpointVersionError: checkpoint of build [0-9a-f]+ cannot resume under build [0-9a-f]+: 1 function it references has changed or disappeared/);
  assert.match(b.stderr, /\n {2}changed: work \(\S*prog\.js:4:1, on the suspended stack( and a stored closure)?\)\n/);
  assert.doesNotMatch(b.stderr, /main \(|label \(|banner \(/);
  assert.ok(fs.readFileSync(file('b')).equals(before.b), 'the checkpoint stays intact');

  // the stored closure `label` changed: refused, naming it
  const c = editAndResume(dir, 'c', V4);
  assert.equal(c.status, 3, c.stderr);
  assert.equal(c.stdout, '');
  assert.match(c.stderr, /changed: label \(\S*prog\.js:13:\d+, a stored closure\)/);
  assert.ok(fs.readFileSync(file('c')).equals(before.c));

  // back to its own program, it still resumes
  const b1 = editAndResume(dir, 'b', V1);
  assert.equal(b1.status, 0, b1.stderr);
  assert.equal(b1.stdout, 'v1 3\n3\n');
});
