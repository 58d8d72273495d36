#!/usr/bin/env node
// catch-harness.js - runs one benchmark program once, in one of three forms
// and reports how long the program itself ran, excluding node startup, the
// Distribufy runtime's loading and Stopify's compilation:
//
//   node bench/catch-harness.js plain PROG.js
//       require()s the original program (what `node PROG.js` does) and, if
//       it exports a function, awaits main({}) (what distribufy-run does);
//   node bench/catch-harness.js compiled OUT.js PROG.js
//       Program.load(OUT.js) + new Instance(...).run(), what
//       `node runtime/bin/distribufy-run.js --compiled OUT.js --source PROG.js`
//       does, timed around inst.run();
//   node bench/catch-harness.js stopify PROG.js [yieldInterval]
//       compiles PROG.js with the published Stopify (bench/node_modules,
//       @stopify/stopify 0.7.7), `captureMethod: 'catch'` (the `-t catch`
//       strategy), then times run() until onDone. The yield interval (ms)
//       defaults to 1e9: no suspension happens during the run, as no
//       checkpoint happens in the compiled Distribufy run; give 100 for
//       Stopify's default time-slicing.
//   node bench/catch-harness.js es5 PROG.js OUT.js
//       writes PROG.js lowered to ES5 by TypeScript's transpileModule
//       (Stopify's Babel 6 front end rejects or miscompiles many ES2015+
//       forms; it is meant for ES5 output of other compilers). Not timed.
//
// The program's own output goes to stdout; the last line of stderr is
// `bench-ms <milliseconds>`. Exit status 1 with the error on stderr when the
// program (or Stopify's compiler) fails.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const root = path.dirname(__dirname);
const [mode, a, b] = process.argv.slice(2);

function report(ms) { process.stderr.write(`bench-ms ${ms.toFixed(3)}\n`); }
function fail(e) { process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`); process.exit(1); }

async function main() {
  if (mode === 'plain') {
    const file = path.resolve(a);
    const t0 = process.hrtime.bigint();
    const main = require(file);
    // (a program exporting main: the run includes main and every job it queues)
    if (typeof main === 'function') await main({});
    report(Number(process.hrtime.bigint() - t0) / 1e6);
  } else if (mode === 'compiled') {
    const { Program, Instance } = require(path.join(root, 'runtime', 'src', 'api.js'));
    const program = Program.load(path.resolve(a), { source: path.resolve(b) });
    const inst = new Instance(program, { params: {} });
    const t0 = process.hrtime.bigint();
    await inst.run();
    report(Number(process.hrtime.bigint() - t0) / 1e6);
  } else if (mode === 'stopify') {
    const stopify = require(path.join(root, 'bench', 'node_modules', '@stopify', 'stopify'));
    global.stopify = stopify; // the compiled code reaches its runtime through this global, as in a browser page
    const src = fs.readFileSync(a, 'utf8');
    const yieldInterval = b === undefined ? 1e9 : Number(b);
    const log = console.log;
    console.log = () => {}; // Stopify's compiler prints progress notes on stdout
    let runner;
    try {
      runner = stopify.stopifyLocally(src, { captureMethod: 'catch' }, { yieldInterval, estimator: 'velocity' });
    } finally {
      console.log = log;
    }
    if (runner.kind === 'error') throw runner.exception;
    // Free variables of the compiled program are read from runner.g, which
    // starts empty: give it node's globals (console, Math, Array, ...).
    for (const k of Object.getOwnPropertyNames(globalThis)) runner.g[k] = globalThis[k];
    await new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      runner.run((result) => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (result.type === 'exception') reject(result.value);
        else { report(ms); resolve(); }
      });
    });
  } else if (mode === 'es5') {
    // Lowers PROG.js to ES5 with TypeScript (deps/node_modules/typescript):
    // Stopify 0.7.7 (Babel 6) compiles ES5 but fails on many ES2015+ forms.
    const ts = require(path.join(root, 'deps', 'node_modules', 'typescript'));
    const out = ts.transpileModule(fs.readFileSync(a, 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES5, downlevelIteration: true, module: ts.ModuleKind.None, removeComments: true },
    });
    fs.writeFileSync(b, out.outputText);
  } else {
    throw new Error('usage: catch-harness.js plain PROG.js | compiled OUT.js PROG.js | stopify PROG.js [yieldInterval] | es5 PROG.js OUT.js');
  }
}

main().catch(fail);
