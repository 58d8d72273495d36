// node:test tests of runtime/src/closures.js: rebuilding closures from
// (code id, environment), the byte encoding, and the rebuild test mode on a
// factory table shaped like the closure pass's output.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { rebuild, installRebuildTest, encodePair, decodePair, EnvRegistry } = require('../src/closures.js');

// What `closure` emits for:
//   function counter() { let n = 0; return { inc: () => ++n, get: () => n }; }
//   class A { constructor(v) { this.v = v; } get twice() { return this.v * 2; } }
//   class B extends A { get twice() { return super.twice + 1; } }
function makeTable() {
  const $F = [
    function $fac0() {
      return function counter() {
        const $env_1 = { $parent: null, n: 0 };
        return { inc: $F[1]($env_1), get: $F[2]($env_1) };
      };
    },
    function $fac1($env_1) { return { inc: () => ++$env_1.n }.inc; },
    function $fac2($env_1) { return { get: () => $env_1.n }.get; },
    function $fac3($env) {
      return class A { constructor(v) { this.v = v; } get twice() { return this.v * 2; } };
    },
    function $fac4($env) {
      return class B extends $env.A { get twice() { return super.twice + 1; } };
    },
  ];
  return $F;
}

test('a rebuilt closure shares its environment with the original', () => {
  const $F = makeTable();
  const env = { $parent: null, n: 0 };
  const inc = $F[1](env);
  const twin = rebuild($F, 1, env);
  assert.notStrictEqual(twin, inc);
  inc();
  twin();
  assert.strictEqual(rebuild($F, 2, env)(), 2);
  assert.strictEqual(env.n, 2);
});

test('rebuilt functions keep their inferred names', () => {
  const $F = makeTable();
  assert.strictEqual(rebuild($F, 1, {}).name, 'inc');
  assert.strictEqual(rebuild($F, 0).name, 'counter');
});

test('instances keep working with a rebuilt class and super', () => {
  const $F = makeTable();
  const env = { A: rebuild($F, 3, {}) };
  const B = rebuild($F, 4, env);
  const b = new B(5);
  assert.strictEqual(b.twice, 11);
  // An instance made before the rebuild keeps its own prototype chain.
  const B2 = rebuild($F, 4, env);
  Object.setPrototypeOf(b, B2.prototype);
  assert.strictEqual(b.twice, 11);
  assert.ok(b instanceof env.A);
});

test('rebuild rejects unknown code ids and member slots', () => {
  const $F = makeTable();
  assert.throws(() => rebuild($F, 99, {}), RangeError);
  assert.throws(() => rebuild([undefined], 0, {}), /no factory/);
  assert.throws(() => rebuild({}, 0, {}), TypeError);
});

test('the byte encoding round-trips (code id, env reference)', () => {
  const bytes = encodePair(123456, 42);
  assert.strictEqual(bytes.length, 8);
  assert.deepStrictEqual(decodePair(Uint8Array.from(bytes)), { codeId: 123456, envRef: 42 });
  const reg = new EnvRegistry();
  const env = {};
  const ref = reg.put(env);
  assert.strictEqual(reg.take(ref), env);
  assert.throws(() => reg.take(ref), RangeError);
  assert.strictEqual(reg.put(null), 0);
});

test('rebuild test mode replaces every closure by a rebuilt twin', () => {
  const $F = makeTable();
  const original = installRebuildTest($F);
  assert.notStrictEqual($F[1], original[1]);
  const counter = $F[0]();
  const c = counter();
  c.inc();
  c.inc();
  assert.strictEqual(c.get(), 2); // siblings still share `n`
  assert.strictEqual(c.inc.name, 'inc');
});
