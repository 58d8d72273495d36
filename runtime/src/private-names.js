// private-names.js - The registry of the keys that stand for private names.
//
// The desugar pass (passes/Desugar/LowerPrivate.cpp) makes, for each
// evaluation of a class declaring private names (#x), a fresh unregistered
// Symbol (the class's brand, description "#C" / "#C static") and keeps the
// private fields of an object in a plain record {$o: owner, "#x": ...}
// held by a non-enumerable own property under it (private methods and
// accessors are members "#m" of the class). The helper that makes the key
// adds it to a WeakSet found at globalThis[Symbol.for(
// "distribufy.privateNames")], installed here when the runtime loads (before
// any program code runs; a program run without the runtime just keeps its
// keys unregistered). The serializer stores registered keys with their
// identity within a checkpoint and their description; restoring makes fresh
// keys, registered again. Other unregistered symbols are not storable.
'use strict';

const REGISTRY_KEY = Symbol.for('distribufy.privateNames');

function install() {
  const cur = globalThis[REGISTRY_KEY];
  if (cur instanceof WeakSet) return cur;
  const r = new WeakSet();
  Object.defineProperty(globalThis, REGISTRY_KEY, { value: r, writable: false, enumerable: false, configurable: false });
  return r;
}

const REGISTRY = install();
const wsHas = WeakSet.prototype.has;
const wsAdd = WeakSet.prototype.add;
const SymbolCtor = Symbol;

/** Whether \p s is a key made for a private name (registered). */
function isPrivateKey(s) { return typeof s === 'symbol' && wsHas.call(REGISTRY, s); }

/** A fresh registered private-name key with description \p description. */
function makePrivateKey(description) {
  const s = SymbolCtor(description);
  wsAdd.call(REGISTRY, s);
  return s;
}

module.exports = { REGISTRY_KEY, isPrivateKey, makePrivateKey };
