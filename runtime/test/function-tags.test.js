// Closure tags (capture.js): (code, env) kept as private fields stamped on
// the function, invisible to the program.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');
const { tag, retag, TAGS } = require('../src/capture.js');

test('a tagged function shows no trace of its tag', () => {
  const env = { $parent: null, x: 1 };
  const f = tag(function f(a) { return a; }, 3, env);
  assert.strictEqual(util.inspect(f), '[Function: f]');
  assert.deepStrictEqual(Reflect.ownKeys(f).sort(), ['length', 'name', 'prototype']);
  assert.deepStrictEqual(Object.getOwnPropertySymbols(f), []);
  const g = () => 1;
  tag(g, 4, undefined);
  assert.strictEqual(util.inspect([g]), '[ [Function: g] ]');
});

test('TAGS reads the code and environment back', () => {
  const env = { $parent: null };
  const f = tag(function () {}, 7, env);
  const t = TAGS.get(f);
  assert.strictEqual(t.code, 7);
  assert.strictEqual(t.env, env);
  assert.ok(TAGS.has(f));
  assert.ok(!TAGS.has(function () {}));
  assert.ok(!TAGS.has({}));
  assert.strictEqual(TAGS.get(() => 1), undefined);
});

test('retag replaces the tag, tag refuses a tagged function; proxies and frozen functions', () => {
  const f = tag(function () {}, 1, null);
  assert.throws(() => tag(f, 2, 'e'), TypeError);
  assert.strictEqual(TAGS.get(f).code, 1);
  assert.strictEqual(retag(f, 2, 'e'), f);
  assert.strictEqual(TAGS.get(f).code, 2);
  assert.strictEqual(TAGS.get(f).env, 'e');
  const g = retag(() => 1, 6, null); // an untagged function: tagged
  assert.strictEqual(TAGS.get(g).code, 6);
  assert.deepStrictEqual(Reflect.ownKeys(g).sort(), ['length', 'name']);
  const frozen = Object.freeze(function () {});
  tag(frozen, 5, null); // private fields need no extensibility
  assert.strictEqual(TAGS.get(frozen).code, 5);
  assert.ok(!TAGS.has(new Proxy(f, {})));
});
