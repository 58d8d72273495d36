// resume-latency: a small script-mode program with a checkpoint in the
// middle of a few nested calls, some closures and a little state. Under bare
// node, require('distribufy') is not found and checkpoint() is a no-op, so
// the same file is the uninstrumented baseline.
'use strict';
let runtime;
try { runtime = require('distribufy'); } catch (e) { runtime = { checkpoint() {} }; }

function makeCounter(start) { let n = start; return { inc: () => ++n, get: () => n }; }
const counter = makeCounter(10);
const state = { items: [], byKey: new Map() };
for (let i = 0; i < 100; i++) { state.items.push({ i, s: 'item' + i }); state.byKey.set('k' + i, i * i); }

function step(depth) {
  if (depth === 0) {
    counter.inc();
    runtime.checkpoint();
    return counter.inc();
  }
  return step(depth - 1) + depth;
}
const r = step(10);
console.log(r, counter.get(), state.items.length, state.byKey.get('k9'));
