// private-names.js - Where compiled classes keep their private state.
//
// The desugar pass (passes/Desugar/LowerPrivate.cpp) gives each evaluation
// of a class declaring private names (#x) one brand for its instances'
// private state and one for its static private state: a fresh unregistered
// Symbol ("#C" / "#C static") that the compiled helper adds to the registry
// installed here at globalThis[Symbol.for("distribufy.privateNames")]. An
// object's private fields are in one plain record per brand, {$o: owner,
// $b: brand, $n: next record, "#x": ...}; the records of an object form a
// chain whose head the *private state* installed here at
// globalThis[Symbol.for("distribufy.privateState")] keeps (get / set;
// getExpected for objects that nearly always have state, init for objects
// just made):
//
//  * in a true private field of the object, stamped through a base-class
//    constructor that returns the object (the return override): invisible
//    to the program as the native #x is (no own key: Reflect.ownKeys,
//    console.log, JSON and Proxies see nothing; freeze does not stop it),
//    and a few nanoseconds, where Object.defineProperty costs about 60 times
//    that. The one field of one class keeps the compiled helper's lookup
//    monomorphic.
//  * A program run without the runtime uses a WeakMap of its own instead.
//
// The serializer stores an object's chain as one more property keyed by the
// head's brand (ext 9 SYMPRIV, "ID:description", by identity within a
// checkpoint) and restores fresh registered brands; decoding checks every
// chain (owners, brands, length). The state object itself is stored by its
// intrinsic name (intrinsics.js), since the compiled helpers hold it.
//
// Private methods and accessors are class members keyed "#m" (so that
// `super` and their names are native) that the class's first static block
// takes into bindings (the compiled helper $pmeth, through detach): the
// member is deleted from its home object, since the program must not see
// it, and its descriptor kept here, where tagMembers (capture.js) and the
// decoding of a stored member reference (a rebuilt class's member by key)
// find it.
'use strict';

const REGISTRY_KEY = Symbol.for('distribufy.privateNames');
const STATE_KEY = Symbol.for('distribufy.privateState');

/** A class whose constructor returns its argument: `new (class extends
 * ReturnsTarget { #f })(o)` adds the private field #f to o (extending null,
 * super() allocates no discarded base object). */
class ReturnsTarget extends null { constructor(target) { return target; } }

class PrivateState extends ReturnsTarget {
  #head;
  constructor(o, head) { super(o); this.#head = head; }
  static get(o) {
    return (typeof o === 'object' ? o !== null : typeof o === 'function') && #head in o ? o.#head : undefined;
  }
  // get() in one lookup of the field (the test and the read above are two
  // lookups, megamorphic over generator objects of many prototypes), for
  // objects expected to have state: a generator's receiver. Slow on the
  // others (a caught TypeError), as a fresh instance is for $$PINIT.
  static getExpected(o) {
    try {
      return o.#head;
    } catch {
      return undefined;
    }
  }
  static set(o, head) {
    if (#head in o) o.#head = head;
    else new PrivateState(o, head);
  }
  // set() for an object just made, which has no state yet (a generator
  // object, one per call: without set's test).
  static init(o, head) {
    new PrivateState(o, head);
  }
}

const DETACHED = new WeakMap(); // home object -> Map(key -> descriptor)

/** The descriptor of member \p key of \p home, detached at the first call. */
function detachMember(home, key) {
  let m = DETACHED.get(home);
  if (m === undefined) DETACHED.set(home, m = new Map());
  let d = m.get(key);
  if (d === undefined) {
    d = Object.getOwnPropertyDescriptor(home, key);
    if (d === undefined) return undefined;
    m.set(key, d);
    delete home[key];
  }
  return d;
}

/** The descriptor of detached member \p key of \p home, if any. */
function detachedMember(home, key) {
  const m = DETACHED.get(home);
  return m === undefined ? undefined : m.get(key);
}

// A second copy of this file in the process (another installed runtime)
// uses the first one's registry and state, so that one serializer sees all.
function install() {
  const cur = globalThis[STATE_KEY];
  if (cur !== undefined && cur.api !== undefined) return cur.api;
  const registry = new WeakSet();
  const wsHas = WeakSet.prototype.has, wsAdd = WeakSet.prototype.add, SymbolCtor = Symbol;
  const api = Object.freeze({
    /** Whether \p s is a brand (a registered private-name key). */
    isPrivateKey(s) { return typeof s === 'symbol' && wsHas.call(registry, s); },
    /** A fresh registered brand with description \p description. */
    makePrivateKey(description) {
      const s = SymbolCtor(description);
      wsAdd.call(registry, s);
      return s;
    },
    privateStateOf: PrivateState.get,
    setPrivateState: PrivateState.set,
    detachedMember,
  });
  const state = { get: PrivateState.get, getExpected: PrivateState.getExpected, set: PrivateState.set, init: PrivateState.init, detach: detachMember };
  Object.defineProperty(state, 'api', { value: api });
  Object.freeze(state);
  const fixed = { writable: false, enumerable: false, configurable: false };
  Object.defineProperty(globalThis, REGISTRY_KEY, { value: registry, ...fixed });
  Object.defineProperty(globalThis, STATE_KEY, { value: state, ...fixed });
  return api;
}

module.exports = { REGISTRY_KEY, STATE_KEY, ReturnsTarget, ...install() };
