'use strict';
// Transient values in the serializer (runtime.transient: instance.js): the
// encoder writes a value the host table names "transient:ID" by name; the
// decoder builds everything else first, then asks ctx.transientValues for
// the referenced ones and patches every place that refers to them (object
// properties, array elements, Map keys and values, Set elements), before
// integrity levels are applied. The end-to-end behaviour (thunks re-run in
// a fresh process, lazily for values nothing refers to) is in
// test/persist/transient.js.
const test = require('node:test');
const assert = require('node:assert/strict');
const {
  encodeCheckpoint, decodeCheckpoint, CheckpointFormatError, TRANSIENT_PREFIX,
} = require('../src/serializer.js');

const HEADER = { build: 'b1', runId: 'r', instance: 'i', seq: 1 };

/** A ctx whose host table names `client` as transient "db". */
function encodingCtx(client) {
  return { hostName: (v) => (v === client ? TRANSIENT_PREFIX + 'db' : undefined) };
}

function socketLike(name) {
  return { name, handle: new WeakMap() }; // a WeakMap cannot be stored
}

test('every reference to a transient value is patched with the re-created one', () => {
  const client = socketLike('old');
  const holder = { before: 1, client, after: 2 };
  const root = {
    holder,
    list: [0, client, 2],
    map: new Map([[client, 'key'], ['value', client]]),
    set: new Set(['a', client, 'b']),
    frozen: Object.freeze({ client }),
    sealed: Object.seal({ client }),
  };
  const bytes = encodeCheckpoint(HEADER, root, encodingCtx(client));
  const fresh = socketLike('new');
  const calls = [];
  const { root: r } = decodeCheckpoint(bytes, {
    transientValues(decodedRoot, ids) {
      calls.push(ids);
      // the rest of the heap is already built
      assert.equal(decodedRoot.holder.before, 1);
      assert.equal(decodedRoot.list[2], 2);
      return ids.map(() => fresh);
    },
  });
  assert.deepEqual(calls, [['db']]);
  assert.equal(r.holder.client, fresh);
  assert.deepEqual(Object.keys(r.holder), ['before', 'client', 'after']); // property order kept
  assert.equal(r.list[1], fresh);
  assert.equal(r.map.get(fresh), 'key');
  assert.equal(r.map.get('value'), fresh);
  assert.deepEqual([...r.map.keys()], [fresh, 'value']);
  assert.deepEqual([...r.set], ['a', fresh, 'b']); // insertion order kept
  assert.equal(r.frozen.client, fresh);
  assert.ok(Object.isFrozen(r.frozen));
  assert.equal(r.sealed.client, fresh);
  assert.ok(Object.isSealed(r.sealed));
});

test('a transient value is never stored', () => {
  const client = { secret: 'never-in-the-bytes' };
  const bytes = encodeCheckpoint(HEADER, { client }, encodingCtx(client));
  assert.equal(Buffer.from(bytes).includes('never-in-the-bytes'), false);
});

test('a reader that cannot re-create transients refuses the checkpoint before building anything', () => {
  const client = socketLike('old');
  const bytes = encodeCheckpoint(HEADER, { client }, encodingCtx(client));
  assert.throws(() => decodeCheckpoint(bytes, {}), (e) => e instanceof CheckpointFormatError &&
    /transient value "db" but this reader cannot re-create transients/.test(e.message));
});

test('the error of a thunk reaches the caller unchanged', () => {
  const client = socketLike('old');
  const bytes = encodeCheckpoint(HEADER, { client }, encodingCtx(client));
  const boom = new Error('connection refused');
  assert.throws(() => decodeCheckpoint(bytes, { transientValues() { throw boom; } }), (e) => e === boom);
});

test('a transient value as a prototype is refused', () => {
  const client = socketLike('old');
  const child = Object.create(client);
  child.own = 1;
  const bytes = encodeCheckpoint(HEADER, { child }, encodingCtx(client));
  assert.throws(() => decodeCheckpoint(bytes, { transientValues: (root, ids) => ids.map(() => ({})) }),
    (e) => e instanceof CheckpointFormatError && /transient value as its prototype/.test(e.message));
});

test('transientValues must give one value per id', () => {
  const client = socketLike('old');
  const bytes = encodeCheckpoint(HEADER, { client }, encodingCtx(client));
  assert.throws(() => decodeCheckpoint(bytes, { transientValues: () => [] }),
    (e) => e instanceof CheckpointFormatError && /no value per transient/.test(e.message));
});
