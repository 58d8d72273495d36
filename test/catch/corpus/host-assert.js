// The host module `assert` required at the top level and inside main, used
// before and after checkpoints (it must be looked up again by name, not
// serialized); an AssertionError thrown after resume is caught.
const runtime = require('distribufy');
const assert = require('assert');

function main() {
  const strict = require('assert').strict;
  assert.equal(1, 1);
  runtime.checkpoint();
  assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 2] });
  strict.equal('x', 'x');
  console.log('same module', strict === assert.strict, typeof assert.ok);
  runtime.checkpoint();
  try {
    assert.strictEqual(1, 2, 'one is not two');
  } catch (e) {
    console.log('caught', e.name, e.message, e instanceof assert.AssertionError, e.code);
  }
  return { ok: true };
}

module.exports = main;
