// closures.js - Rebuilding closures from (code id, environment).
//
// A module compiled by the `closure` pass creates every function value with
// `$F[codeId](env)`: `$F` is the module's factory table, and a factory closes
// over nothing but its `env` argument (an environment object
// `{ $parent, slot... }` shared by reference with the frames and sibling
// closures of its scope instance). So a closure is fully described by its
// code id and its environment, and rebuilding it never evaluates source
// text: `rebuild(table, codeId, env)` calls the factory of the currently
// loaded module. The environment objects themselves stay shared: a rebuilt
// twin and the original see and update the same variables.
//
// Rebuild test mode: when a compiled program runs with
// DISTRIBUFY_REBUILD_TEST=<path of this file>, its prologue calls
// installRebuildTest($F): every factory is replaced by one that builds the
// closure's pair (code id, environment reference) into bytes, decodes them
// and returns the function rebuilt from the decoded pair: the program never
// sees a closure made at its creation site. (Rebuilding a class evaluates
// its definition again, like any restore would: heritage, computed keys and
// static elements run once per rebuild.)
'use strict';

/** Builds the function of `codeId` over `env` from a factory table. */
function rebuild(table, codeId, env) {
  if (!Array.isArray(table))
    throw new TypeError('rebuild: the factory table must be an array');
  if (!Number.isInteger(codeId) || codeId < 0 || codeId >= table.length)
    throw new RangeError(`rebuild: code id ${codeId} is not in the factory table`);
  const factory = table[codeId];
  if (typeof factory !== 'function')
    throw new RangeError(`rebuild: code id ${codeId} has no factory (a class member?)`);
  return factory(env);
}

/**
 * Environment references for the byte encoding: environments are not
 * copied (they are shared state); an encoded pair names its environment by
 * a number valid in this process.
 */
class EnvRegistry {
  constructor() {
    this.next = 1;
    this.byRef = new Map();
  }
  put(env) {
    if (env === undefined || env === null) return 0;
    const ref = this.next++;
    this.byRef.set(ref, env);
    return ref;
  }
  take(ref) {
    if (ref === 0) return undefined;
    const env = this.byRef.get(ref);
    if (env === undefined) throw new RangeError(`unknown environment reference ${ref}`);
    this.byRef.delete(ref);
    return env;
  }
}

/** (code id, env ref) -> 8 bytes, little endian. */
function encodePair(codeId, envRef) {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(codeId, 0);
  b.writeUInt32LE(envRef, 4);
  return b;
}
function decodePair(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 8)
    throw new TypeError('decodePair: expected 8 bytes');
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return { codeId: b.readUInt32LE(0), envRef: b.readUInt32LE(4) };
}

/**
 * Replaces every factory of `table` by one that returns a twin rebuilt from
 * (code id, env) after a round trip through bytes. Returns the original
 * table (a copy) for tests.
 */
function installRebuildTest(table) {
  const original = table.slice();
  const registry = new EnvRegistry();
  for (let id = 0; id < table.length; id++) {
    if (typeof original[id] !== 'function') continue;
    const codeId = id;
    table[id] = function rebuildTwin(env) {
      const bytes = Uint8Array.from(encodePair(codeId, registry.put(env)));
      const pair = decodePair(bytes);
      return rebuild(original, pair.codeId, registry.take(pair.envRef));
    };
  }
  return original;
}

module.exports = { rebuild, installRebuildTest, encodePair, decodePair, EnvRegistry };
