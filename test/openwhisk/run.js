// run.js - runs programs as OpenWhisk conductor actions through the
// clean-room controller (controller.js) and compares them with their plain
// run, the reference:
//
//   node run.js --distribufyc PATH [--runtime DIR] [--actions DIR]
//               [--yield always|deadline] [--mask KEY]... [--expect-compositions N] [-v] PROG.js|DIR...
//
// For each program: `distribufyc package PROG.js -o TMP/action.zip
// [--actions DIR]`, then the deployment the README documents (NAME with
// annotations conductor and provide-api-key, NAME-sleep --main sleep,
// NAME-fork --main fork, one action per --actions file with --main NAME),
// then one invocation with the program's `// PARAMS: KEY VALUE` lines,
// following hand-overs to new compositions. Expected: `node
// RUNTIME/bin/distribufy-run.js --plain PROG.js --result --virtual-time
// [--actions DIR]` in the program's folder. The logs of every activation
// (conductor and components, in order) must equal the reference's stdout
// without its last line, and JSON of the composition's result must equal
// that line; a program whose reference fails (exit 1) must end with an
// {error: {name, message}} matching the reference's `Name: message` line.
// Sleeps are virtual (the sleep component has DISTRIBUFY_OW_VIRTUAL_TIME).
// A program with a line `// OPENWHISK-ERROR: TEXT` (any number) must instead end with an
// {error} whose message contains TEXT (a platform limit the local run has not).
// `// OPENWHISK-CONDUCTOR-TIMEOUT: MS` and `// OPENWHISK-YIELD: MODE` set the
// conductor's time limit and DISTRIBUFY_OW_YIELD for one program.
// Prints one line per mismatch and `N/M identical (C compositions)`.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { Controller } = require('./controller.js');

function parse(argv) {
  const o = { programs: [], yieldMode: 'always', verbose: false, runtime: path.resolve(__dirname, '../../runtime') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--distribufyc') o.distribufyc = argv[++i];
    else if (a === '--runtime') o.runtime = path.resolve(argv[++i]);
    else if (a === '--actions') o.actions = path.resolve(argv[++i]);
    else if (a === '--yield') o.yieldMode = argv[++i];
    else if (a === '--unsupported') (o.unsupported = o.unsupported || []).push(path.resolve(argv[++i]));
    else if (a === '--expect-compositions') o.expectCompositions = Number(argv[++i]);
    else if (a === '--mask') (o.mask = o.mask || []).push(argv[++i]);
    else if (a === '-v') o.verbose = true;
    else o.programs.push(path.resolve(a));
  }
  if (!o.distribufyc) throw new Error('--distribufyc is required');
  return o;
}

function programsOf(list) {
  const out = [];
  for (const p of list) {
    if (fs.statSync(p).isDirectory()) out.push(...fs.readdirSync(p).filter((f) => f.endsWith('.js')).sort().map((f) => path.join(p, f)));
    else out.push(p);
  }
  return out;
}

function paramsOf(file) {
  const params = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*\/\/\s*PARAMS:\s*(\S+)\s+(.*\S)\s*$/.exec(line);
    if (!m) continue;
    try { params[m[1]] = JSON.parse(m[2]); } catch { params[m[1]] = m[2]; }
  }
  return params;
}

function reference(o, prog, params) {
  const args = [path.join(o.runtime, 'bin/distribufy-run.js'), '--plain', prog, '--result', '--virtual-time'];
  for (const [k, v] of Object.entries(params)) args.push('-p', k, JSON.stringify(v));
  if (o.actions) args.push('--actions', o.actions);
  const r = spawnSync(process.execPath, args, { cwd: path.dirname(prog), encoding: 'utf8', timeout: 600000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function errorLine(stderr) {
  for (const line of stderr.split('\n')) {
    const s = line.trim().replace(/^Uncaught /, '');
    if (/^[A-Za-z_$][\w$]*(Error|Exception)?(: |$)/.test(s) && /(Error|Exception)/.test(s.split(':')[0])) return s;
  }
  return '';
}

/** Deploys the zip as the README says and runs the program: {result, logs, compositions}. */
async function runOnOpenWhisk(o, zip, actionNames, params, name) {
  const ctl = await new Controller().start();
  try {
    // The yield mode as a default parameter, as the README documents it
    // (the conductor removes it before the program sees its params).
    ctl.createAction(name, {
      zip, annotations: { conductor: true, 'provide-api-key': true }, params: { distribufyYield: o.programYield || o.yieldMode },
      timeout: o.conductorTimeout || 60000,
    });
    // Virtual time, unless the program asks for real sleep and fork
    // components with a short time limit (`// OPENWHISK-SLEEP-TIMEOUT: MS`):
    // a sleep longer than that (alone or in a batch of utils.promises) is
    // then a chain of sleep activations.
    const realSleep = o.sleepTimeout !== undefined;
    const timing = { timeout: realSleep ? o.sleepTimeout : 300000, env: realSleep ? {} : { DISTRIBUFY_OW_VIRTUAL_TIME: '1' } };
    ctl.createAction(`${name}-sleep`, { zip, main: 'sleep', ...timing });
    ctl.createAction(`${name}-fork`, { zip, main: 'fork', ...timing, annotations: { 'provide-api-key': true } });
    for (const a of actionNames) ctl.createAction(a, { zip, main: a });
    const r = await ctl.runToEnd(name, params);
    r.activations = ctl.activations.size;
    r.sleeps = [...ctl.activations.values()].filter((a) => a.rec.name.endsWith('-sleep')).length;
    return r;
  } finally {
    await ctl.stop();
  }
}

async function main() {
  const o = parse(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-run-'));
  const programs = programsOf(o.programs);
  let same = 0, compositions = 0, expectedFailures = 0;
  // Programs the compiled runtime refuses (test/catch/unsupported.txt):
  // their composition must end with an {error} result naming the reason.
  const unsupported = new Set();
  for (const list of o.unsupported || [])
    for (const line of fs.readFileSync(list, 'utf8').split('\n')) {
      const m = /^\s*([^#\s]+)/.exec(line);
      if (m) unsupported.add(m[1]);
    }
  const failures = [];
  try {
    for (const prog of programs) {
      const label = path.basename(prog);
      const zipPath = path.join(tmp, 'action.zip');
      const pk = spawnSync(o.distribufyc, ['package', prog, '-o', zipPath, ...(o.actions ? ['--actions', o.actions] : [])], { encoding: 'utf8' });
      if (pk.status !== 0) {
        // A program the compiler refuses cleanly is an expected failure when listed.
        if (unsupported.has(label) && pk.status === 1 && /error: /.test(pk.stderr)) {
          expectedFailures++;
          same++;
        } else failures.push(`${label}: package failed: ${pk.stderr.trim()}`);
        continue;
      }
      const actionNames = (/actions: (.*)\)$/m.exec(pk.stdout) || [])[1];
      const names = actionNames && actionNames !== 'none' ? actionNames.split(', ') : [];
      const params = paramsOf(prog);
      const st = /^\s*\/\/\s*OPENWHISK-SLEEP-TIMEOUT:\s*(\d+)/m.exec(fs.readFileSync(prog, 'utf8'));
      o.sleepTimeout = st ? Number(st[1]) : undefined;
      // Per program: the conductor's time limit and yield mode.
      const ct = /^\s*\/\/\s*OPENWHISK-CONDUCTOR-TIMEOUT:\s*(\d+)/m.exec(fs.readFileSync(prog, 'utf8'));
      o.conductorTimeout = ct ? Number(ct[1]) : undefined;
      const y = /^\s*\/\/\s*OPENWHISK-YIELD:\s*(\w+)/m.exec(fs.readFileSync(prog, 'utf8'));
      o.programYield = y ? y[1] : undefined;
      const ref = reference(o, prog, params);
      let got;
      try {
        got = await runOnOpenWhisk(o, fs.readFileSync(zipPath), names, params, 'prog');
      } catch (e) {
        failures.push(`${label}: the controller failed: ${e.stack}`);
        continue;
      }
      compositions += got.compositions;
      const lines = ref.stdout.split('\n');
      let ok;
      const owErrors = [...fs.readFileSync(prog, 'utf8').matchAll(/^\s*\/\/\s*OPENWHISK-ERROR:\s*(.*\S)\s*$/gm)].map((m) => m[1]);
      if (owErrors.length) {
        // A program that must fail on OpenWhisk only (a platform limit).
        const e = got.result && got.result.error;
        ok = e !== undefined && typeof e.message === 'string' && owErrors.every((t) => e.message.includes(t));
        if (!ok) failures.push(`${label}: expected an error containing ${JSON.stringify(owErrors)}, got ${JSON.stringify(got.result)}`);
        else if (o.verbose) process.stdout.write(`${label}: ${e.name}: ${e.message}\n`);
      } else if (unsupported.has(label)) {
        const e = got.result && got.result.error;
        ok = e !== undefined && typeof e.message === 'string' && e.message.length > 0;
        if (ok) expectedFailures++;
        else failures.push(`${label}: listed as unsupported, but the composition ended with ${JSON.stringify(got.result)}`);
      } else if (ref.status === 0) {
        let expectedResult = lines[lines.length - 2];
        // The controller boxes a result that is not a JSON object (an array,
        // a string, a number) as {value: v}: the composition's result.
        const parsed = JSON.parse(expectedResult);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) expectedResult = JSON.stringify({ value: parsed });
        const expectedLogs = lines.slice(0, -2).map((l) => l + '\n').join('');
        // --mask KEY: a number under KEY (a duration the program measures)
        // differs between runs and is compared as "<n>".
        const mask = (json) => (o.mask || []).reduce((t, k) => t.replace(new RegExp(`"${k}":\\d+`, 'g'), `"${k}":"<n>"`), json);
        ok = got.logs === expectedLogs && mask(JSON.stringify(got.result)) === mask(expectedResult);
        if (!ok) failures.push(`${label}: differs\n--- expected logs\n${expectedLogs}--- got logs\n${got.logs}--- expected result ${expectedResult}\n--- got result ${JSON.stringify(got.result)}`);
      } else {
        const want = errorLine(ref.stderr);
        const e = got.result && got.result.error;
        const gotLine = e && typeof e === 'object' ? `${e.name}: ${e.message}` : String(e);
        const expectedLogs = ref.stdout;
        ok = e !== undefined && (want === gotLine || want === e.name) && got.logs === expectedLogs;
        if (!ok) failures.push(`${label}: expected the error '${want}' and logs\n${expectedLogs}got ${JSON.stringify(got.result)} and logs\n${got.logs}`);
      }
      if (ok) same++;
      if (o.verbose) process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${label} (${got.compositions} composition(s), ${got.activations} activations, ${got.sleeps} sleep)\n`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const f of failures) process.stdout.write(`MISMATCH ${f}\n`);
  if (o.unsupported) process.stdout.write(`${expectedFailures} expected failures (listed as unsupported)\n`);
  process.stdout.write(`${same - expectedFailures}/${programs.filter((p) => !unsupported.has(path.basename(p))).length} identical (${compositions} compositions)\n`);
  if (o.expectCompositions !== undefined && compositions !== o.expectCompositions) {
    process.stdout.write(`expected ${o.expectCompositions} compositions, got ${compositions}\n`);
    process.exitCode = 1;
  }
  if (failures.length) process.exitCode = 1;
}

main().catch((e) => { process.stderr.write(e.stack + '\n'); process.exitCode = 2; });
