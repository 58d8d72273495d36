// node:test tests of runtime/src/hof.js: the instrumented HOFs behave like
// the natives (holes, thisArg, species, errors, sort results), and resume
// from their frames.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { hof, AP, hofRestores, describeValue } = require('../src/hof.js');
const { Capture, CAPTURE_POINTS } = require('../src/capture.js');
const { runFrames } = require('../src/link.js');

const NAMES = ['map', 'forEach', 'filter', 'some', 'every', 'find', 'findIndex', 'flatMap'];

function both(name, make, cbBody, thisArg) {
  const out = [];
  for (const impl of [(a, f, t) => AP[name].call(a, f, t), (a, f, t) => hof[name](a, f, t)]) {
    const arr = make();
    const calls = [];
    const cb = function (v, i, o) { calls.push([v, i, o === arr, this === undefined ? 'undef' : this]); return cbBody(v, i, o); };
    let result, error;
    try { result = impl(arr, cb, thisArg); } catch (e) { error = `${e.constructor.name}: ${e.message}`; }
    out.push({ result, error, calls, arr: Object.entries(arr), len: arr.length });
  }
  return out;
}

const ARRAYS = [
  () => [],
  () => [1, 2, 3, 4],
  // eslint-disable-next-line no-sparse-arrays
  () => [1, , 3, , 5],
  () => [undefined, null, 0, NaN, '', 'x'],
  () => { const a = [5, 6, 7]; a.length = 6; return a; },
  () => [[1, 2], 3, [[4]], [], [, 6]],
];
const BODIES = [
  (v) => v,
  (v, i) => i % 2 === 0,
  (v) => (typeof v === 'number' ? v * 2 : [v, v]),
  (v, i, o) => { if (i === 0) o.push(99); return !!v; },
  (v, i, o) => { if (i === 1) o.pop(); return i; },
];

test('HOFs match the natives on arrays, holes, mutation during iteration and thisArg', () => {
  for (const name of NAMES) {
    for (const make of ARRAYS) {
      for (const body of BODIES) {
        for (const thisArg of [undefined, { t: 1 }]) {
          const [n, h] = both(name, make, body, thisArg);
          assert.deepStrictEqual(h, n, `${name} on ${JSON.stringify(Object.entries(make()))} with ${body}`);
        }
      }
    }
  }
});

test('reduce matches the native, with and without an initial value', () => {
  for (const make of ARRAYS) {
    const f = (acc, v, i) => `${acc}|${v}@${i}`;
    for (const args of [[f], [f, 'init']]) {
      let n, h;
      try { n = AP.reduce.call(make(), ...args); } catch (e) { n = e.message; }
      try { h = hof.reduce(make(), ...args); } catch (e) { h = e.message; }
      assert.deepStrictEqual(h, n);
    }
  }
  assert.throws(() => hof.reduce([], (a) => a), { name: 'TypeError', message: 'Reduce of empty array with no initial value' });
});

test('non-callable callbacks throw the natives\' exact TypeErrors', () => {
  class Foo {}
  const values = [5, undefined, null, {}, 'abc', [1, 2], Symbol('s'), 10n, true, new Date(0), /x/,
    Object.create(null), new Foo(), new Error('x'), new Map(), -0, { [Symbol.toStringTag]: 'Zed' }];
  for (const name of [...NAMES, 'reduce', 'sort']) {
    for (const v of values) {
      let want, got;
      try { AP[name].call([1], v); } catch (e) { want = `${e.constructor.name}: ${e.message}`; }
      try { hof[name]([1], v); } catch (e) { got = `${e.constructor.name}: ${e.message}`; }
      if (name === 'sort' && v === undefined) continue;
      assert.strictEqual(got, want, `${name}(${describeValue(v)})`);
    }
  }
  let want, got;
  try { Array.from([1], 5); } catch (e) { want = e.message; }
  try { hof.from([1], 5); } catch (e) { got = e.message; }
  assert.strictEqual(got, want);
});

test('species: subclasses of Array get instances of the subclass', () => {
  class MyArr extends Array {}
  const a = MyArr.from([1, 2, 3]);
  for (const name of ['map', 'filter', 'flatMap']) {
    const r = hof[name](a, (x) => x);
    assert.ok(r instanceof MyArr, name);
    assert.deepStrictEqual([...r], [...AP[name].call(a, (x) => x)]);
  }
});

test('sort gives V8\'s results (stable, undefined last, holes removed) for consistent comparators', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let round = 0; round < 200; round++) {
    const n = Math.floor(rnd() * 40);
    const make = () => {
      const a = [];
      for (let i = 0; i < n; i++) {
        const r = rnd();
        if (r < 0.1) continue; // hole
        a[i] = r < 0.2 ? undefined : { k: Math.floor(r * 8), id: i };
      }
      a.length = n;
      return a;
    };
    seed += 1;
    const s0 = seed;
    const a1 = make(); seed = s0; const a2 = make();
    const cmp = (x, y) => x.k - y.k;
    AP.sort.call(a1, cmp);
    hof.sort(a2, cmp);
    assert.deepStrictEqual(Object.entries(a2), Object.entries(a1));
    assert.strictEqual(a2.length, a1.length);
  }
  const words = ['b', 'a', 10, 9, 1, undefined, 'B', null, true];
  assert.deepStrictEqual(hof.sort(words.slice()), words.slice().sort());
  assert.throws(() => hof.sort([1], 5), { message: 'The comparison function must be either a function or undefined' });
});

test('Array.from with a map function matches the native on arrays, strings, iterables and array-likes', () => {
  const cases = [[1, 2, 3], 'a😀b', new Set([1, 2]), new Map([[1, 2]]), { length: 3, 0: 'x', 2: 'z' }, { length: 0 }];
  for (const items of cases) {
    const f = function (v, i) { return [v, i, this && this.t]; };
    assert.deepStrictEqual(hof.from(items, f, { t: 1 }), Array.from(items, f, { t: 1 }));
  }
  assert.deepStrictEqual(hof.from([1, 2]), [1, 2]);
  assert.throws(() => hof.from(null, (x) => x), TypeError);
});

test('a capture inside a HOF callback resumes the loop from the frame\'s state', () => {
  // The callback captures once per element (on the first call for it), as an
  // instrumented callback would; the HOF frame is the only frame here.
  const seen = new Set();
  // The callbacks stand for capture points (so the HOF frame is innermost).
  const cp = (f) => { CAPTURE_POINTS.add(f); return f; };
  const makeCb = (body) => cp(function (v, i) {
    const key = `${i}`;
    if (!seen.has(key)) { seen.add(key); throw new Capture({ kind: 'test' }, null); }
    return body(v, i);
  });
  const run = (f) => {
    seen.clear();
    let value;
    let caps = 0;
    let out;
    try { out = { value: f() }; } catch (e) { out = { capture: e }; }
    while (out.capture) {
      if (!(out.capture instanceof Capture)) throw out.capture;
      assert.strictEqual(out.capture.failure, null);
      assert.strictEqual(out.capture.frames.length, 1);
      caps++;
      const frames = out.capture.frames.slice().reverse();
      // the innermost frame is the HOF's; resume it: the callback's result
      // is the callback run again (it no longer captures)
      const f0 = frames[0];
      const s = f0.slots[0];
      const cbResult = (() => { try { return s.fn.call(s.thisArg, ...argsOf(f0.code, s)); } catch (e) { return e; } })();
      try { out = { value: runFrames({ restores: [] }, frames, { value: cbResult }) }; } catch (e) { out = { capture: e }; }
    }
    value = out.value;
    return { value, caps };
  };
  function argsOf(code, s) {
    if (code === 'hof:reduce') return [s.acc, s.O[s.k], s.k, s.O];
    if (code === 'hof:sort') return [s.items[s.j], s.items[s.i]];
    if (code === 'hof:from') return [s.src ? s.src[s.k] : undefined, s.k];
    return [s.O[s.k], s.k, s.O];
  }
  const arr = [3, 1, 2];
  assert.deepStrictEqual(run(() => hof.map(arr, makeCb((v) => v * 2))), { value: [6, 2, 4], caps: 3 });
  assert.deepStrictEqual(run(() => hof.filter(arr, makeCb((v) => v > 1))), { value: [3, 2], caps: 3 });
  assert.deepStrictEqual(run(() => hof.reduce(arr, makeCb((a, v) => a + v), 10)).value, 16);
  assert.deepStrictEqual(run(() => hof.findIndex(arr, makeCb((v) => v === 1))), { value: 1, caps: 2 });
  assert.deepStrictEqual(run(() => hof.find(arr, makeCb((v) => v === 1))), { value: 1, caps: 2 });
  assert.deepStrictEqual(run(() => hof.flatMap(arr, makeCb((v) => [v, v]))).value, [3, 3, 1, 1, 2, 2]);
  assert.deepStrictEqual(run(() => hof.from(arr, makeCb((v, i) => v + i))).value, [3, 2, 4]);
  // sort: the comparator's calls are keyed by the pair compared
  seen.clear();
  const cmp = cp(function (a, b) {
    const key = `${a},${b}`;
    if (!seen.has(key)) { seen.add(key); throw new Capture({ kind: 'test' }, null); }
    return a - b;
  });
  const sorted = run(() => hof.sort([5, 3, 4, 1, 2], cmp));
  assert.deepStrictEqual(sorted.value, [1, 2, 3, 4, 5]);
  assert.ok(sorted.caps > 3);
  assert.strictEqual(typeof hofRestores['hof:sort'], 'function');
});
