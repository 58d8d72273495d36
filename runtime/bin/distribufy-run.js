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
                    [--fresh-process] [--stress] [--actions DIR] [--virtual-time] [--instance ID]
  distribufy-run.js --resume ID --store DIR [--result] [--fresh-process] [--actions DIR] [--virtual-time]
  distribufy-run.js --plain PROG.js [-p KEY VALUE]... [--result] [--actions DIR] [--virtual-time]
`;

class UsageError extends Error {}

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
      case '--actions': o.actions = value(++i, a); break;
      case '--result': o.result = true; break;
      case '--fresh-process': o.freshProcess = true; break;
      case '--stress': o.stress = true; break;
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
  const modes = [o.compiled !== undefined, o.resume !== undefined, o.plain !== undefined].filter(Boolean).length;
  if (!o.help && modes !== 1) throw new UsageError('give exactly one of --compiled, --resume, --plain');
  if (o.resume !== undefined && o.store === undefined) throw new UsageError('--resume needs --store');
  if (o.segment && o.resume === undefined) throw new UsageError('--segment needs --resume');
  return o;
}

function printResult(value) {
  let s;
  try { s = JSON.stringify(value); } catch (e) { s = undefined; }
  process.stdout.write((s === undefined ? '{}' : s) + '\n');
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
  if (isRuntimeError(e)) {
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
    if (o.resume !== undefined) {
      const meta = store.readMeta(o.resume);
      if (!meta) throw new UsageError(`no instance '${o.resume}' in ${storeDir}`);
      if (meta.status === 'done') throw new UsageError(`instance '${o.resume}' has finished`);
      const program = Program.load(o.compiled || meta.compiled, { source: o.source || meta.source });
      inst = Instance.fromStore(program, store, o.resume, { actionsDir: o.actions, virtualTime: o.virtualTime });
    } else {
      const program = Program.load(o.compiled, { source: o.source });
      inst = new Instance(program, {
        id: o.instance, params: o.params, store, actionsDir: o.actions, virtualTime: o.virtualTime, stress: o.stress,
      });
    }
    let r;
    try {
      r = o.resume !== undefined ? await inst.resumeStored() : await inst.start();
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

async function main(argv) {
  let o;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`distribufy-run: ${e.message}\n${USAGE}`); return EXIT_USAGE; }
    throw e;
  }
  if (o.help) { process.stdout.write(USAGE); return EXIT_OK; }
  try {
    return o.plain !== undefined ? await runPlain(o) : await runCompiled(o);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`distribufy-run: ${e.message}\n`); return EXIT_USAGE; }
    return reportError(e);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`distribufy-run: internal error: ${e && e.stack || e}\n`); process.exitCode = EXIT_RUNTIME; });
}

module.exports = { main, parseArgs, EXIT_OK, EXIT_PROGRAM, EXIT_USAGE, EXIT_RUNTIME, EXIT_SUSPENDED };
