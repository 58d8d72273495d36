// node:test tests of the link API ($d) and the callee-identity check.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { $d, Capture, CAPTURE_POINTS, runFrames, captureFailure } = require('../src/link.js');
const { describeValue } = require('../src/hof.js');

const cp = function checkpoint() { throw new Capture({ kind: 'checkpoint' }, null); };
CAPTURE_POINTS.add(cp);

/** frame() as a handler at a site would call it; returns the capture. */
function push(cap, code, callee, key) {
  cap.frame(code, 1, undefined, undefined, undefined, [], undefined, undefined, [], callee, key);
  return cap;
}

test('$d has the members of PROTOCOL.md §2', () => {
  for (const k of ['Capture', 'tag', 'tagMembers', 'hof', 'hofStress', 'AP', 'arrayFrom', 'stress', 'thisOf', 'ctorResult', 'superAgain'])
    assert.ok(k in $d, k);
  for (const k of ['map', 'forEach', 'filter', 'reduce', 'some', 'every', 'find', 'findIndex', 'sort', 'flatMap', 'from']) {
    assert.strictEqual(typeof $d.hof[k], 'function', k);
    assert.strictEqual(typeof $d.hofStress[k], 'function', k);
    assert.notStrictEqual($d.hof[k], $d.hofStress[k], k);
  }
  assert.strictEqual($d.AP.map, Array.prototype.map);
  assert.strictEqual($d.arrayFrom, Array.from);
  assert.strictEqual($d.stress(), undefined); // not a capture outside a stressed instance
  assert.ok(Object.isFrozen($d));
});

test('callee identity: capture points, tagged functions, method calls, call/apply', () => {
  const f = $d.tag(function f() {}, 3, undefined);
  const o = { cp, f };
  // innermost: the callee must be a capture point (direct or as a method)
  assert.strictEqual(push(new Capture(), 3, cp).failure, null);
  assert.strictEqual(push(new Capture(), 3, o, 'cp').failure, null);
  assert.strictEqual(push(new Capture(), 3, cp, 'call').failure, null); // cp.call(...)
  assert.notStrictEqual(push(new Capture(), 3, f).failure, null);
  // outer frames: the callee's code must be the inner frame's
  let c = push(new Capture(), 3, cp);
  push(c, 5, f);
  assert.strictEqual(c.failure, null);
  assert.strictEqual(c.frames.length, 2);
  const g = $d.tag(function g() {}, 5, undefined);
  c = push(new Capture(), 3, cp);
  push(c, 5, o, 'f'); // o.f() where o.f is f (code 3)
  push(c, 6, g, 'apply'); // g.apply(...): the callee is g (code 5)
  push(c, 7, Function.prototype.call, 'call'); // call.call(g2...) is not unwrapped twice
  assert.strictEqual(c.failure.kind, 'callee');
  assert.strictEqual(c.frames.length, 3);
  c = push(new Capture(), 4, cp);
  push(c, 5, f);
  assert.strictEqual(c.failure.kind, 'callee');
  assert.match(c.failure.callee.text, /instrumented function `f`/);
  assert.strictEqual(c.frames.length, 1); // the failing frame is not pushed; later frames are ignored
  push(c, 7, f);
  assert.strictEqual(c.frames.length, 1);
});

test('callee identity: getters are never run; uninstrumented and native callees are named', () => {
  let ran = 0;
  const o = { get m() { ran++; return cp; } };
  const c = push(new Capture(), 1, o, 'm');
  assert.strictEqual(ran, 0);
  assert.match(c.failure.callee.text, /getter `m`/);
  const native = push(push(new Capture(), 1, cp), 2, [1], 'map');
  assert.strictEqual(native.failure.callee.text, 'Array.prototype.map');
  const un = push(push(new Capture(), 1, cp), 2, function helper() {});
  assert.strictEqual(un.failure.callee.text, 'an uninstrumented function `helper`');
  const bound = push(push(new Capture(), 1, cp), 2, function g() {}.bind(null));
  assert.match(bound.failure.callee.text, /bound function `bound g`/);
  const prox = push(new Capture(), 1, new Proxy({}, { get() { ran++; } }), 'x');
  assert.match(prox.failure.callee.text, /Proxy/);
  assert.strictEqual(ran, 0);
  // a primitive receiver: String.prototype lookup
  const s = push(push(new Capture(), 1, cp), 2, 'abc', 'replace');
  assert.match(s.failure.callee.text, /String\.prototype\.replace/);
});

test('callee identity: HOF frames stand for the Array.prototype functions and $d.hof', () => {
  let c = push(new Capture(), 'hof:map', cp);
  push(c, 2, [1, 2], 'map');
  assert.strictEqual(c.failure, null);
  c = push(new Capture(), 'hof:map', cp);
  push(c, 2, $d.hof, 'map');
  assert.strictEqual(c.failure, null);
  c = push(new Capture(), 'hof:map', cp);
  push(c, 2, $d.hofStress, 'map');
  assert.strictEqual(c.failure, null);
  c = push(new Capture(), 'hof:from', cp);
  push(c, 2, $d.hofStress, 'from');
  assert.strictEqual(c.failure, null);
  c = push(new Capture(), 'hof:from', cp);
  push(c, 2, Array, 'from');
  assert.strictEqual(c.failure, null);
  c = push(new Capture(), 'hof:map', cp);
  push(c, 2, [1], 'filter');
  assert.strictEqual(c.failure.callee.text, 'Array.prototype.filter');
});

test('tagMembers: methods, accessors, static members and constructors', () => {
  class Base { constructor() {} m() {} get g() { return 1; } static s() {} }
  $d.tag(Base, 10, undefined);
  $d.tagMembers(Base, undefined, [[11, false, 'constructor', 'constructor'], [12, false, 'm', 'method'],
    [13, false, 'g', 'get'], [14, true, 's', 'method']]);
  class Derived extends Base {} // no constructor: `new Derived()` runs Base's
  $d.tag(Derived, 15, undefined);
  $d.tagMembers(Derived, undefined, []);
  const b = new Base();
  const ok = (inner, callee, key) => push(push(new Capture(), inner, cp), 99, callee, key).failure === null;
  assert.ok(ok(12, b, 'm'));
  assert.ok(ok(14, Base, 's'));
  assert.ok(ok(11, Base));
  assert.ok(ok(11, Derived));
  assert.ok(!ok(10, Base)); // the class stands for its constructor's code
  assert.ok(!ok(12, b, 'g')); // a getter-provided callee is unknown
});

test('unsupported frames fail the capture with the function and the reason', () => {
  const c = new Capture({ kind: 'checkpoint' }, null);
  push(c, 1, cp);
  c.unsupported(2, 'generator functions cannot be restored');
  const schema = { source: 'p.js', codes: [null, { name: 'a', sites: [] }, { name: 'gen', line: 3, col: 1, sites: [] }] };
  const e = captureFailure(schema, c);
  assert.strictEqual(e.name, 'NonCapturableFrame');
  assert.match(e.message, /`gen` \(p\.js:3:1\) cannot be restored: generator functions cannot be restored/);
});

test('k.next() re-enters the frames outermost first and delivers the value or the exception', () => {
  const order = [];
  const restores = [];
  restores[1] = () => function (frame, k) { order.push(['outer', this]); return k.next() + 1; };
  restores[2] = () => function (frame, k) { order.push(['inner', frame.slots[0]]); return k.next() * 10; };
  const frames = [{ code: 1, cs: 1, thisValue: 'T', slots: [] }, { code: 2, cs: 1, slots: ['s'] }];
  assert.strictEqual(runFrames({ restores }, frames, { value: 4 }), 41);
  assert.deepStrictEqual(order, [['outer', 'T'], ['inner', 's']]);
  assert.throws(() => runFrames({ restores }, frames, { threw: true, value: new RangeError('x') }), RangeError);
});

test('describeValue renders like V8', () => {
  assert.strictEqual(describeValue({}), '#<Object>');
  assert.strictEqual(describeValue([1]), '[object Array]');
  assert.strictEqual(describeValue('s'), 's');
  assert.strictEqual(describeValue(new Error('e')), 'Error: e');
  assert.strictEqual(describeValue(Object.create(null)), '[object Object]');
});

test('constructor helpers: thisOf, ctorResult, superAgain; a frame before super() fails the capture', () => {
  class A {}
  let seen;
  class B extends A {
    constructor() { seen = $d.thisOf(() => this); super(); seen = [seen, $d.thisOf(() => this) === this]; }
  }
  new B();
  assert.deepStrictEqual(seen, [undefined, true]);
  const o = {};
  assert.strictEqual($d.ctorResult(o, 1), o);
  assert.strictEqual($d.ctorResult(5, o), o);
  assert.strictEqual($d.ctorResult(undefined, o), o);
  assert.throws(() => $d.superAgain(), { name: 'ReferenceError', message: 'Super constructor may only be called once' });
  const c = push(new Capture(), 1, cp);
  c.frame(2, 1, undefined, undefined, B, [], undefined, undefined, [], cp, undefined);
  assert.strictEqual(c.failure.kind, 'unsupported');
  const e = captureFailure({ source: 'p.js', codes: [null, null, { name: 'constructor', line: 4, col: 5, sites: [] }] }, c);
  assert.match(e.message, /`constructor` \(p\.js:4:5\) cannot be restored: a derived class constructor was captured before super\(\) returned/);
});
