// bound.js - Bound functions a checkpoint can store.
//
// A bound function's target, bound `this` and bound arguments cannot be read
// from JavaScript, so the runtime replaces Function.prototype.bind (once per
// process, when the runtime loads and before any program code runs) with a
// function that calls the native bind and records those three in a WeakMap.
// The serializer stores a recorded bound function as its parts (kind BOUND)
// and decoding binds again through the same function, so the rebuilt
// function is recorded too. Apart from the record, the replacement behaves
// as the native bind (same name and length, same errors, and the result is
// the native bound function); only its source text differs.
'use strict';

const BOUND_KEY = Symbol.for('distribufy.boundFunctions');

function install() {
  const cur = globalThis[BOUND_KEY];
  if (cur !== undefined) return cur; // another copy of the runtime installed it
  const nativeBind = Function.prototype.bind;
  const apply = Reflect.apply;
  const records = new WeakMap();
  const wmSet = WeakMap.prototype.set, wmGet = WeakMap.prototype.get;
  const slice = Array.prototype.slice;
  // `bind` keeps the native name and length (1)
  const bind = {
    bind(thisArg) {
      const b = apply(nativeBind, this, arguments);
      apply(wmSet, records, [b, Object.freeze({ target: this, boundThis: thisArg, args: apply(slice, arguments, [1]) })]);
      return b;
    },
  }.bind;
  Object.defineProperty(Function.prototype, 'bind', { value: bind, writable: true, enumerable: false, configurable: true });
  const api = Object.freeze({
    /** {target, boundThis, args} of a bound function made since the runtime loaded. */
    boundParts(fn) { return apply(wmGet, records, [fn]); },
    /** A bound function of \p target, recorded. */
    bindAgain(target, boundThis, args) { return apply(bind, target, [boundThis, ...args]); },
  });
  Object.defineProperty(globalThis, BOUND_KEY, { value: api, writable: false, enumerable: false, configurable: false });
  return api;
}

module.exports = install();
