// --stress skips the capture points inside functions the engine calls
// implicitly, where a real checkpoint would be refused, by a dynamic fact:
// a compiled function entered other than through an instrumented call site
// (or the runtime's main, top level and array callbacks) pauses the stress
// points for its dynamic extent. The accessors below are anonymous
// functions installed at run time (no name tells them apart); the valueOf,
// toString and Proxy trap call compiled functions with loops of their own.
// Each run prints what plain node prints, capturing and resuming from bytes
// at every other point elsewhere, also in fresh processes.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %node %src/runtime/bin/distribufy-run.js --plain %s --result > %t/expected.txt
// RUN: FileCheck %s --input-file %t/expected.txt
// RUN: %distribufyc run %s --store %t/inline --stress --result > %t/inline.txt
// RUN: diff %t/expected.txt %t/inline.txt
// RUN: %distribufyc ls --store %t/inline | FileCheck %s --check-prefix=CAPTURED
// RUN: %distribufyc run %s --store %t/fresh --stress-every 17 --fresh-process --result > %t/fresh.txt
// RUN: diff %t/expected.txt %t/fresh.txt
// CHECK: 1620 12 no bad for 12 $250 12 no bad for 13 $250 6 no bad for 8 $250 260 140
// CHECK-NEXT: 1760
// More than a hundred checkpoints: the points outside the implicit calls.
// CAPTURED: {{^[0-9a-f]+ done [1-9][0-9][0-9]+ }}
'use strict';
const runtime = require('distribufy');

function Point(x, y) { this.x = x; this.y = y; }
function sq(v) { let s = 0; for (let i = 0; i < v; i++) s += v; return s; }
function helper(a, b) { return a + b; }

// acorn's pattern: descriptors filled with anonymous functions, installed
// by Object.defineProperties.
const accessors = { len: { configurable: true }, area: { configurable: true } };
accessors.len.get = function () { return sq(this.x) + sq(this.y); };
accessors.area.get = function () { return helper(this.x, 0) * [this.y].map((v) => sq(1) * v)[0]; };
accessors.area.set = function (v) { for (let i = 0; i < 2; i++) this.y = helper(v, 0) / (this.x || 1); };
Object.defineProperties(Point.prototype, accessors);
Object.defineProperty(Point.prototype, 'sum', { get: function () { return helper(this.x, this.y); } });
Object.defineProperty(Point.prototype, 'bad', {
  get: function () { sq(2); throw new RangeError('no bad for ' + helper(this.x, this.y)); },
});

const money = {
  cents: 250,
  valueOf: function () { return sq(3) + this.cents; },
  toString: function () { let s = ''; for (const c of ['$', String(this.cents)]) s += c; return s; },
};
const handler = {
  get: function (target, key) { return typeof key === 'string' ? helper(key.length, sq(2)) : undefined; },
  has: function (target, key) { return sq(1) === 1 && key !== 'nothing'; },
};
function viaProxy(key) {
  const p = new Proxy({}, handler);
  return p[key] + (key in p ? 1 : 0);
}

function main() {
  const out = [];
  let total = 0;
  for (let i = 0; i < 3; i++) {
    const p = new Point(i, i + 1);
    total += p.len + p.sum + p.area;
    p.area = 12;
    out.push(p.y);
    try {
      total += p.bad;
    } catch (e) {
      out.push(e.message);
    }
    total += money * 2;
    out.push(`${money}`);
    total += viaProxy('hello');
    runtime.checkpoint();
  }
  // The pauses were balanced: the stress points here capture again.
  let after = 0;
  for (let i = 0; i < 40; i++) after = helper(after, sq(i % 4));
  console.log(total, out.join(' '), String(money + 1), after);
  return total + after;
}
module.exports = main;
