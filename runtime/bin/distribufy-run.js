#!/usr/bin/env node
// distribufy-run.js - runs a compiled program (a linked module) as one
// workflow instance; the runner `distribufyc run` execs. See
// runtime/README.md "The runner" for the command line and exit codes.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { spawnSync } = require('node:child_process');

const EXIT_OK = 0, EXIT_PROGRAM = 1, EXIT_USAGE = 2, EXIT_RUNTIME = 3, EXIT_SUSPENDED = 75;

const USAGE = `usage:
  distribufy-run.js --compiled OUT.js --source PROG.js [--store DIR] [-p KEY VALUE]... [--result]
                    [--fresh-process] [--stress] [--stress-every N] [--actions DIR] [--virtual-time] [--instance ID]
                    [--instances N]
  distribufy-run.js --resume ID --store DIR [--result] [--fresh-process] [--actions DIR] [--virtual-time]
  distribufy-run.js --ls --store DIR
  distribufy-run.js --rm ID --store DIR
  distribufy-run.js --plain PROG.js [-p KEY VALUE]... [--result] [--actions DIR] [--virtual-time]
  (--tool NAME: report usage errors as 'NAME: error: ...', as the distribufyc subcommands do)
`;

class UsageError extends Error {}

let toolName; // --tool: the distribufyc subcommands' error style
function usageMessage(message) {
  return toolName !== undefined ? `${toolName}: error: ${message}\n` : `distribufy-run: ${message}\n`;
}

function parseArgs(argv) {
  const o = { params: {}, result: false, freshProcess: false, stress: false, virtualTime: undefined, segment: false };
  const value = (i, flag) => {
    if (i >= argv.length) throw new UsageError(`${flag} needs a value`);
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--compiled': o.compiled = value(++i, a); break;
      case '--source': o.source = value(++i, a); break;
      case '--store': o.store = value(++i, a); break;
      case '--instance': o.instance = value(++i, a); break;
      case '--resume': o.resume = value(++i, a); break;
      case '--plain': o.plain = value(++i, a); break;
      case '--ls': o.ls = true; break;
      case '--rm': o.rm = value(++i, a); break;
      case '--tool': o.tool = value(++i, a); break;
      case '--instances': {
        const v = value(++i, a);
        if (!/^[1-9][0-9]*$/.test(v) || Number(v) > 1000000) throw new UsageError(`--instances: '${v}' is not a count from 1 to 1000000`);
        o.instances = Number(v);
        break;
      }
      case '--actions': o.actions = value(++i, a); break;
      case '--result': o.result = true; break;
      case '--fresh-process': o.freshProcess = true; break;
      case '--stress': o.stress = true; break;
      case '--stress-every': {
        const v = value(++i, a);
        if (!/^[1-9][0-9]{0,8}$/.test(v)) throw new UsageError(`--stress-every needs a positive integer, got '${v}'`);
        o.stress = true;
        o.stressEvery = Number(v);
        break;
      }
      case '--virtual-time': o.virtualTime = true; break;
      case '--segment': o.segment = true; break;
      case '-p': case '--param': {
        const k = value(++i, a), v = value(++i, a);
        let parsed;
        try { parsed = JSON.parse(v); } catch { parsed = v; }
        o.params[k] = parsed;
        break;
      }
      case '-h': case '--help': o.help = true; break;
      default: throw new UsageError(`unknown argument '${a}'`);
    }
  }
  const modes = [o.compiled !== undefined, o.resume !== undefined, o.plain !== undefined, !!o.ls, o.rm !== undefined]
    .filter(Boolean).length;
  if (!o.help && modes !== 1) throw new UsageError('give exactly one of --compiled, --resume, --ls, --rm, --plain');
  if (o.resume !== undefined && o.store === undefined) throw new UsageError('--resume needs --store');
  if ((o.ls || o.rm !== undefined) && o.store === undefined) throw new UsageError(`${o.ls ? '--ls' : '--rm'} needs --store`);
  if (o.instances !== undefined && o.compiled === undefined) throw new UsageError('--instances needs --compiled');
  if (o.instances !== undefined && o.freshProcess) throw new UsageError('--instances and --fresh-process do not combine');
  if (o.segment && o.resume === undefined) throw new UsageError('--segment needs --resume');
  return o;
}

/**
 * Prints the final result as JSON on the last line: taken now, written when
 * node's event loop is empty, after whatever the program still runs (timers,
 * promise callbacks), in both runners alike.
 */
function printResult(value) {
  let s;
  try { s = JSON.stringify(value); } catch (e) { s = undefined; }
  process.once('beforeExit', () => process.stdout.write((s === undefined ? '{}' : s) + '\n'));
}

/** Errors of the runtime itself (capture, checkpoint, restore), not of the program. */
function isRuntimeError(e) {
  if (e === null || typeof e !== 'object') return false;
  const api = require('../src/api.js');
  const ser = require('../src/serializer.js');
  return [api.NonCapturableFrame, api.RestoreError, api.CheckpointError, api.SwallowedCapture,
    ser.CheckpointFormatError, ser.SerializationError].some((C) => e instanceof C);
}

/** Prints an uncaught error like node (its stack) and returns the exit code. */
function reportError(e) {
  let text;
  // (a program that can never finish: its message says why, a stack would not)
  const stalled = e instanceof require('../src/api.js').NeverSettledError;
  if (isRuntimeError(e) || stalled) {
    text = `${e.name}: ${e.message}`;
    if (e.cause && e.cause.message && !e.message.includes(e.cause.message)) text += `\nCaused by: ${e.cause.name}: ${e.cause.message}`;
  } else if (e instanceof Error || (e && typeof e.stack === 'string')) {
    text = e.stack || String(e);
  } else {
    text = `Uncaught ${util.inspect(e)}`;
  }
  process.stderr.write(text + '\n');
  if (isRuntimeError(e)) {
    return EXIT_RUNTIME;
  }
  return EXIT_PROGRAM;
}

async function runPlain(o) {
  const plain = require('../src/plain.js');
  const prog = path.resolve(o.plain);
  plain.configure({ actionsDir: o.actions, virtualTime: o.virtualTime, sourcePath: prog });
  plain.installResolver();
  let value;
  try {
    const main = require(prog);
    if (typeof main === 'function') value = await main(o.params);
  } catch (e) {
    return reportError(e);
  }
  if (o.result) printResult(value);
  return EXIT_OK;
}

function childArgs(o, id, storeDir) {
  const args = [...process.execArgv, __filename, '--resume', id, '--store', storeDir, '--segment'];
  if (o.result) args.push('--result');
  if (o.actions) args.push('--actions', path.resolve(o.actions));
  if (o.virtualTime) args.push('--virtual-time');
  return args;
}

async function runCompiled(o) {
  const { Program, Instance, DirStore, MemoryStore } = require('../src/api.js');
  let tmpStore;
  let storeDir = o.store !== undefined ? path.resolve(o.store) : undefined;
  if (storeDir === undefined && o.freshProcess) storeDir = tmpStore = fs.mkdtempSync(path.join(os.tmpdir(), 'distribufy-store-'));
  const store = storeDir !== undefined ? new DirStore(storeDir) : new MemoryStore();
  try {
    let inst;
    if (o.instances !== undefined) return await runMany(o, store);
    if (o.resume !== undefined) {
      checkInstanceId(o.resume);
      const meta = store.readMeta(o.resume);
      if (!meta) throw new UsageError(`no instance '${o.resume}' in the store ${storeDir}`);
      if (meta.status === 'done') {
        // Finished (perhaps the engine died after recording the result and
        // before printing it): nothing runs again; --result prints the
        // recorded result.
        if (o.segment) return EXIT_OK;
        if (o.result) printResult(meta.result);
        return EXIT_OK;
      }
      if (!meta.compiled || !fs.existsSync(meta.compiled))
        throw new UsageError(`instance '${o.resume}': its compiled program ${meta.compiled || '(unknown)'} is gone ` +
          '(the store\'s cache was cleared?): it cannot be resumed');
      const program = Program.load(o.compiled || meta.compiled, { source: o.source || meta.source });
      inst = Instance.fromStore(program, store, o.resume, { actionsDir: o.actions, virtualTime: o.virtualTime });
    } else {
      if (o.instance !== undefined) {
        checkInstanceId(o.instance);
        if (store.readMeta(o.instance))
          throw new UsageError(`instance '${o.instance}' already exists in the store ${storeDir} ` +
            `(resume it, or remove it first)`);
      }
      const program = Program.load(o.compiled, { source: o.source });
      inst = new Instance(program, {
        id: o.instance, params: o.params, store, actionsDir: o.actions, virtualTime: o.virtualTime, stress: o.stress,
        stressEvery: o.stressEvery,
      });
    }
    let r;
    try {
      // An instance killed before its first checkpoint has only its meta:
      // it starts over (nothing durable had happened).
      r = o.resume !== undefined && store.hasCheckpoint(inst.id) ? await inst.resumeStored() : await inst.start();
      if (o.segment) {
        if (!r.done) return EXIT_SUSPENDED;
      } else if (o.freshProcess) {
        while (!r.done) {
          const c = spawnSync(process.execPath, childArgs(o, inst.id, storeDir), { stdio: 'inherit' });
          if (c.error) throw c.error;
          if (c.status === EXIT_SUSPENDED) continue;
          return c.status === null ? EXIT_RUNTIME : c.status; // the last child printed the result
        }
      } else {
        while (!r.done) r = await inst.resumeStored();
      }
    } catch (e) {
      return reportError(e);
    }
    if (o.result) printResult(r.value);
    return EXIT_OK;
  } finally {
    if (tmpStore !== undefined) fs.rmSync(tmpStore, { recursive: true, force: true });
  }
}

function checkInstanceId(id) {
  const { checkId } = require('../src/store.js');
  try { checkId(id); } catch (e) { throw new UsageError(e.message); }
}

/**
 * --instances N: N instances of the program in this process at once, each
 * with its own id (ID-1..ID-N with --instance ID, else random), params and
 * runtime state; their segments interleave on the event loop (a sleeping
 * instance is a timer, an action a promise). With --result, one line per
 * instance in order: `ID RESULT` (or `ID error: MESSAGE`). Exit status 1 if
 * any instance failed.
 */
async function runMany(o, store) {
  const { Program, Instance } = require('../src/api.js');
  const program = Program.load(o.compiled, { source: o.source });
  const insts = [];
  for (let i = 1; i <= o.instances; i++) {
    const id = o.instance !== undefined ? `${o.instance}-${i}` : undefined;
    if (id !== undefined) checkInstanceId(id);
    insts.push(new Instance(program, {
      id, params: JSON.parse(JSON.stringify(o.params)), store, actionsDir: o.actions, virtualTime: o.virtualTime, stress: o.stress,
        stressEvery: o.stressEvery,
    }));
  }
  const settled = await Promise.allSettled(insts.map((inst) => inst.run()));
  let failed = false;
  settled.forEach((s, i) => {
    if (s.status === 'rejected') {
      failed = true;
      const e = s.reason;
      process.stderr.write(`instance ${insts[i].id}: ${e && e.name ? `${e.name}: ` : ''}${e && e.message !== undefined ? e.message : util.inspect(e)}\n`);
      if (o.result) process.stdout.write(`${insts[i].id} error: ${e && e.message !== undefined ? e.message : String(e)}\n`);
    } else if (o.result) {
      let txt;
      try { txt = JSON.stringify(s.value); } catch { txt = undefined; }
      process.stdout.write(`${insts[i].id} ${txt === undefined ? '{}' : txt}\n`);
    }
  });
  return failed ? EXIT_PROGRAM : EXIT_OK;
}

function fmtTime(ms) {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z') : '-';
}

/**
 * --ls: one line per instance of the store, sorted by id:
 *   ID STATUS SEQ SOURCE UPDATED
 * every status is shown (running = started or killed before a checkpoint or
 * while a segment ran, suspended, failed, done), so that finished instances
 * can be found and removed; a directory without a readable meta.json shows
 * as 'corrupt'.
 */
function listInstances(o) {
  const { DirStore } = require('../src/api.js');
  const store = new DirStore(o.store);
  for (const id of store.list()) {
    let meta;
    try { meta = store.readMeta(id); } catch { meta = { status: 'corrupt' }; }
    if (!meta) meta = { status: 'corrupt' };
    process.stdout.write(`${id} ${meta.status || '-'} ${meta.seq !== undefined ? meta.seq : '-'} ${meta.source || '-'} ${fmtTime(meta.updated)}\n`);
  }
  return EXIT_OK;
}

function removeInstance(o) {
  const { DirStore } = require('../src/api.js');
  checkInstanceId(o.rm);
  const store = new DirStore(o.store);
  if (!store.list().includes(o.rm)) throw new UsageError(`no instance '${o.rm}' in the store ${path.resolve(o.store)}`);
  store.remove(o.rm);
  return EXIT_OK;
}

async function main(argv) {
  let o;
  const ti = argv.indexOf('--tool');
  if (ti >= 0 && ti + 1 < argv.length) toolName = argv[ti + 1];
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(usageMessage(e.message) + (toolName !== undefined ? '' : USAGE));
      return EXIT_USAGE;
    }
    throw e;
  }
  if (o.help) { process.stdout.write(USAGE); return EXIT_OK; }
  try {
    if (o.ls) return listInstances(o);
    if (o.rm !== undefined) return removeInstance(o);
    return o.plain !== undefined ? await runPlain(o) : await runCompiled(o);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(usageMessage(e.message)); return EXIT_USAGE; }
    return reportError(e);
  }
}

if (require.main === module) {
  // A promise the program left rejected (for example by a checkpoint() from
  // a promise callback, which cannot capture) ends the run as node would,
  // but a runtime error is reported without node's stack dump. The Capture
  // an async function swallowed is reported by the instance already.
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof require('../src/capture.js').Capture) return;
    process.exit(reportError(reason));
  });
  // An error thrown by a callback of the host (a timer's) after the run,
  // such as a checkpoint() there: reported the same way.
  process.on('uncaughtException', (error) => { process.exit(reportError(error)); });
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`distribufy-run: internal error: ${e && e.stack || e}\n`); process.exitCode = EXIT_RUNTIME; });
}

module.exports = { main, parseArgs, EXIT_OK, EXIT_PROGRAM, EXIT_USAGE, EXIT_RUNTIME, EXIT_SUSPENDED };
