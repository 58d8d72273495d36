// node:test tests of the call-site flag of stress builds ($d.stressCell,
// PROTOCOL.md §2): the runtime's side. The compiled side (call sites set it,
// function entries take it, paused functions) is tested by
// test/catch/stress-implicit-calls.js and test/Exec/acorn-stress.test.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { $d, stressCell, setCurrent } = require('../src/link.js');

test('$d.stressCell is one mutable cell, shared by every linked program', () => {
  assert.strictEqual($d.stressCell, stressCell);
  assert.deepStrictEqual(Object.keys(stressCell).sort(), ['paused', 'site']);
  assert.ok(!Object.isFrozen(stressCell));
});

test('$d.hofStress: each callback is entered as through a call site; the HOF takes its own flag', () => {
  const seen = [];
  const arr = [1, 2, 3];
  // an element read by a getter: run by the HOF, not a continuation point
  Object.defineProperty(arr, 1, { get() { seen.push(['getter', stressCell.site]); return 2; } });
  stressCell.site = 1; // what the compiled call site of $d.hofStress.map did
  const out = $d.hofStress.map(arr, (v) => {
    seen.push(['callback', stressCell.site]);
    stressCell.site = 0; // what a compiled function's entry does
    return v * 2;
  });
  assert.deepStrictEqual(out, [2, 4, 6]);
  assert.deepStrictEqual(seen, [['callback', 1], ['getter', 0], ['callback', 1], ['callback', 1]]);
  for (const [name, run] of [
    ['forEach', (f) => $d.hofStress.forEach([1, 2], f)],
    ['filter', (f) => $d.hofStress.filter([1, 2], f)],
    ['reduce', (f) => $d.hofStress.reduce([1, 2], f, 0)],
    ['some', (f) => $d.hofStress.some([1, 2], f)],
    ['every', (f) => $d.hofStress.every([1, 2], () => { f(); return true; })],
    ['find', (f) => $d.hofStress.find([1, 2], f)],
    ['findIndex', (f) => $d.hofStress.findIndex([1, 2], f)],
    ['flatMap', (f) => $d.hofStress.flatMap([1, 2], f)],
    ['sort', (f) => $d.hofStress.sort([2, 1], (a, b) => { f(); return a - b; })],
    ['from', (f) => $d.hofStress.from([1, 2], f)],
  ]) {
    const sites = [];
    run(() => { sites.push(stressCell.site); stressCell.site = 0; });
    assert.ok(sites.length > 0 && sites.every((s) => s === 1), `${name}: ${sites}`);
  }
  stressCell.site = 0;
});

test('$d.hof (normal builds) never touches the flag', () => {
  const runs = [
    (f) => $d.hof.map([1, 2], f), (f) => $d.hof.forEach([1, 2], f), (f) => $d.hof.filter([1, 2], f),
    (f) => $d.hof.reduce([1, 2], f, 0), (f) => $d.hof.some([1, 2], f),
    (f) => $d.hof.every([1, 2], () => { f(); return true; }), (f) => $d.hof.find([1, 2], f),
    (f) => $d.hof.findIndex([1, 2], f), (f) => $d.hof.flatMap([1, 2], f),
    (f) => $d.hof.sort([2, 1], (a, b) => { f(); return a - b; }), (f) => $d.hof.from([1, 2], f),
  ];
  for (const start of [0, 1]) {
    for (const run of runs) {
      stressCell.site = start;
      const sites = [];
      run(() => { sites.push(stressCell.site); });
      assert.ok(sites.length > 0 && sites.every((s) => s === start), `${run}: ${sites}`);
      assert.strictEqual(stressCell.site, start);
    }
  }
  stressCell.site = 0;
});

test('$d.stress does nothing while paused', () => {
  let points = 0;
  const prev = setCurrent({ stressPoint() { points++; } });
  try {
    $d.stress();
    stressCell.paused = 1;
    $d.stress();
    stressCell.paused = 0;
    $d.stress();
  } finally {
    stressCell.paused = 0;
    setCurrent(prev);
  }
  assert.strictEqual(points, 2);
});
