// hof.js - Instrumented array higher-order functions ($d.hof).
//
// Hand-written JavaScript with the same semantics as the natives
// (Array.prototype.map ... and Array.from) for arrays, holes, thisArg,
// species and the exact TypeErrors, that follows the frame protocol of
// PROTOCOL.md §3: when a Capture unwinds through a callback call, the HOF
// pushes a frame with code "hof:NAME", cs 1 and one slot, its loop state (a
// plain object). `restores[code](frame, k)` continues the loop with the
// callback's result taken from `k.next()`.
'use strict';

const { Capture } = require('./capture.js');
const utilTypes = require('node:util').types;

const AP = Object.freeze({
  map: Array.prototype.map, forEach: Array.prototype.forEach, filter: Array.prototype.filter,
  reduce: Array.prototype.reduce, some: Array.prototype.some, every: Array.prototype.every,
  find: Array.prototype.find, findIndex: Array.prototype.findIndex, sort: Array.prototype.sort,
  flatMap: Array.prototype.flatMap,
});
const arrayFrom = Array.from;
const ReflectApply = Reflect.apply;
const isArray = Array.isArray;
const ArrayValues = Array.prototype.values;
const ArrayIteratorNext = Object.getPrototypeOf([][Symbol.iterator]()).next;
const MAX_LENGTH = Number.MAX_SAFE_INTEGER;

// --- V8's side-effect-free value rendering, for "X is not a function" ---

/** [[Get]] of a data property along the prototype chain, running no getters or traps. */
function getDataProperty(obj, key) {
  let o = obj;
  if (o === null || o === undefined) return { value: undefined };
  if (typeof o !== 'object' && typeof o !== 'function') o = Object(o);
  while (o !== null) {
    if (utilTypes.isProxy(o)) return { proxy: true };
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d !== undefined) return 'value' in d ? { value: d.value } : { accessor: true };
    o = Object.getPrototypeOf(o);
  }
  return { value: undefined };
}

function builtinTag(v) {
  const t = utilTypes;
  if (isArray(v)) return 'Array';
  if (typeof v === 'function') return 'Function';
  if (t.isDate(v)) return 'Date';
  if (t.isRegExp(v)) return 'RegExp';
  if (t.isNumberObject(v)) return 'Number';
  if (t.isStringObject(v)) return 'String';
  if (t.isBooleanObject(v)) return 'Boolean';
  if (t.isTypedArray(v)) return Object.getPrototypeOf(Object.getPrototypeOf(v)) !== null &&
      getDataProperty(v, 'constructor').value ? String(getDataProperty(v, 'constructor').value.name) : 'Object';
  if (t.isArgumentsObject(v)) return 'Arguments';
  return 'Object';
}

/** How V8 prints a value in "X is not a function" (NoSideEffectsToString). */
function describeValue(v) {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'undefined': return 'undefined';
    case 'string': return v;
    case 'number': return Object.is(v, -0) ? '0' : String(v);
    case 'boolean': case 'bigint': case 'symbol': return String(v);
  }
  try {
    const toStr = getDataProperty(v, 'toString').value;
    if (utilTypes.isNativeError(v) || toStr === Error.prototype.toString) {
      const name = getDataProperty(v, 'name').value, msg = getDataProperty(v, 'message').value;
      const n = name === undefined ? 'Error' : String(name), m = msg === undefined ? '' : String(msg);
      return n === '' ? m : m === '' ? n : `${n}: ${m}`;
    }
    if (toStr === Object.prototype.toString) {
      const ctor = getDataProperty(v, 'constructor').value;
      if (typeof ctor === 'function') {
        const nd = Object.getOwnPropertyDescriptor(ctor, 'name');
        const name = nd && typeof nd.value === 'string' ? nd.value : '';
        if (name !== '') return `#<${name}>`;
      }
    }
    const tag = getDataProperty(v, Symbol.toStringTag).value;
    return `[object ${typeof tag === 'string' ? tag : builtinTag(v)}]`;
  } catch {
    return '[object Object]';
  }
}

function notAFunction(v) {
  return new TypeError(`${describeValue(v)} is not a function`);
}

// --- spec helpers ---

function toLength(v) {
  const n = Number(v); // ToNumber (may run valueOf, as the natives do)
  if (!(n > 0)) return 0;
  return Math.min(Math.floor(n), MAX_LENGTH);
}

function isConstructor(C) {
  if (typeof C !== 'function') return false;
  try { Reflect.construct(String, [], C); return true; } catch { return false; }
}

/** ArraySpeciesCreate(O, n). */
function speciesCreate(O, n) {
  if (!isArray(O)) return new Array(n);
  let C = O.constructor;
  if (C !== null && (typeof C === 'object' || typeof C === 'function')) {
    C = C[Symbol.species];
    if (C === null) C = undefined;
  }
  if (C === undefined || C === Array) return new Array(n);
  if (!isConstructor(C)) throw new TypeError('object.constructor[Symbol.species] is not a constructor');
  return new C(n);
}

function createDataProperty(A, k, v) {
  if (isArray(A) && Object.getPrototypeOf(A) === Array.prototype) {
    A[k] = v;
    return;
  }
  Object.defineProperty(A, k, { value: v, writable: true, enumerable: true, configurable: true });
}

function toObject(O, name) {
  if (O === null || O === undefined) throw new TypeError(`Array.prototype.${name} called on null or undefined`);
  return Object(O);
}

// --- the callback call: the only place a HOF can be captured ---

/**
 * Calls the callback (or, when restoring, takes its result from `kont`),
 * pushing the HOF's frame when a Capture unwinds through it.
 */
function step(code, s, kont, args) {
  try {
    if (kont !== null) return kont.next();
    return ReflectApply(s.fn, s.thisArg, args);
  } catch (e) {
    if (e instanceof Capture) e.frame(code, 1, undefined, undefined, undefined, undefined, undefined, undefined, [s], s.fn, undefined);
    throw e;
  }
}

// Each HOF = an entry that checks its arguments and builds the state, plus
// a loop `(s, kont)` that the entry calls with kont = null and the restore
// calls with the continuation.

function mapLoop(s, kont) {
  for (; s.k < s.len; s.k++) {
    let v;
    if (kont !== null) { v = step('hof:map', s, kont); kont = null; } else {
      if (!(s.k in s.O)) continue;
      v = step('hof:map', s, null, [s.O[s.k], s.k, s.O]);
    }
    createDataProperty(s.A, s.k, v);
  }
  return s.A;
}
function map(arr, fn, thisArg) {
  const O = toObject(arr, 'map');
  const len = toLength(O.length);
  if (typeof fn !== 'function') throw notAFunction(fn);
  const A = speciesCreate(O, len);
  return mapLoop({ O, fn, thisArg, len, A, k: 0 }, null);
}

function forEachLoop(s, kont) {
  for (; s.k < s.len; s.k++) {
    if (kont !== null) { step('hof:forEach', s, kont); kont = null; continue; }
    if (!(s.k in s.O)) continue;
    step('hof:forEach', s, null, [s.O[s.k], s.k, s.O]);
  }
  return undefined;
}
function forEach(arr, fn, thisArg) {
  const O = toObject(arr, 'forEach');
  const len = toLength(O.length);
  if (typeof fn !== 'function') throw notAFunction(fn);
  return forEachLoop({ O, fn, thisArg, len, k: 0 }, null);
}

function filterLoop(s, kont) {
  for (; s.k < s.len; s.k++) {
    let sel;
    if (kont !== null) { sel = step('hof:filter', s, kont); kont = null; } else {
      if (!(s.k in s.O)) continue;
      s.v = s.O[s.k];
      sel = step('hof:filter', s, null, [s.v, s.k, s.O]);
    }
    if (sel) createDataProperty(s.A, s.to++, s.v);
    s.v = undefined;
  }
  return s.A;
}
function filter(arr, fn, thisArg) {
  const O = toObject(arr, 'filter');
  const len = toLength(O.length);
  if (typeof fn !== 'function') throw notAFunction(fn);
  const A = speciesCreate(O, 0);
  return filterLoop({ O, fn, thisArg, len, A, k: 0, to: 0, v: undefined }, null);
}

function reduceLoop(s, kont) {
  for (; s.k < s.len; s.k++) {
    if (kont !== null) { s.acc = step('hof:reduce', s, kont); kont = null; continue; }
    if (!(s.k in s.O)) continue;
    s.acc = step('hof:reduce', s, null, [s.acc, s.O[s.k], s.k, s.O]);
  }
  return s.acc;
}
function reduce(arr, fn, ...rest) {
  const O = toObject(arr, 'reduce');
  const len = toLength(O.length);
  if (typeof fn !== 'function') throw notAFunction(fn);
  let k = 0, acc;
  if (rest.length >= 1) acc = rest[0];
  else {
    let found = false;
    for (; !found && k < len; k++) if (k in O) { found = true; acc = O[k]; }
    if (!found) throw new TypeError('Reduce of empty array with no initial value');
  }
  return reduceLoop({ O, fn, thisArg: undefined, len, k, acc }, null);
}

function someLoop(s, kont) {
  for (; s.k < s.len; s.k++) {
    let r;
    if (kont !== null) { r = step('hof:some', s, kont); kont = null; } else {
      if (!(s.k in s.O)) continue;
      r = step('hof:some', s, null, [s.O[s.k], s.k, s.O]);
    }
    if (r) return true;
  }
  return false;
}
function some(arr, fn, thisArg) {
  const O = toObject(arr, 'some');
  const len = toLength(O.length);
  if (typeof fn !== 'function') throw notAFunction(fn);
  return someLoop({ O, fn, thisArg, len, k: 0 }, null);
}

function everyLoop(s, kont) {
  for (; s.k < s.len; s.k++) {
    let r;
    if (kont !== null) { r = step('hof:every', s, kont); kont = null; } else {
      if (!(s.k in s.O)) continue;
      r = step('hof:every', s, null, [s.O[s.k], s.k, s.O]);
    }
    if (!r) return false;
  }
  return true;
}
function every(arr, fn, thisArg) {
  const O = toObject(arr, 'every');
  const len = toLength(O.length);
  if (typeof fn !== 'function') throw notAFunction(fn);
  return everyLoop({ O, fn, thisArg, len, k: 0 }, null);
}

function findLoop(s, kont) {
  for (; s.k < s.len; s.k++) {
    let r;
    if (kont !== null) { r = step('hof:find', s, kont); kont = null; } else {
      s.v = s.O[s.k];
      r = step('hof:find', s, null, [s.v, s.k, s.O]);
    }
    if (r) return s.v;
  }
  return undefined;
}
function find(arr, fn, thisArg) {
  const O = toObject(arr, 'find');
  const len = toLength(O.length);
  if (typeof fn !== 'function') throw notAFunction(fn);
  return findLoop({ O, fn, thisArg, len, k: 0, v: undefined }, null);
}

function findIndexLoop(s, kont) {
  for (; s.k < s.len; s.k++) {
    let r;
    if (kont !== null) { r = step('hof:findIndex', s, kont); kont = null; } else {
      r = step('hof:findIndex', s, null, [s.O[s.k], s.k, s.O]);
    }
    if (r) return s.k;
  }
  return -1;
}
function findIndex(arr, fn, thisArg) {
  const O = toObject(arr, 'findIndex');
  const len = toLength(O.length);
  if (typeof fn !== 'function') throw notAFunction(fn);
  return findIndexLoop({ O, fn, thisArg, len, k: 0 }, null);
}

function flatMapLoop(s, kont) {
  for (; s.k < s.len; s.k++) {
    let r;
    if (kont !== null) { r = step('hof:flatMap', s, kont); kont = null; } else {
      if (!(s.k in s.O)) continue;
      r = step('hof:flatMap', s, null, [s.O[s.k], s.k, s.O]);
    }
    if (isArray(r)) {
      const n = toLength(r.length);
      for (let i = 0; i < n; i++) {
        if (!(i in r)) continue;
        if (s.to >= MAX_LENGTH) throw new TypeError('Invalid array length');
        createDataProperty(s.A, s.to++, r[i]);
      }
    } else {
      if (s.to >= MAX_LENGTH) throw new TypeError('Invalid array length');
      createDataProperty(s.A, s.to++, r);
    }
  }
  return s.A;
}
function flatMap(arr, fn, thisArg) {
  const O = toObject(arr, 'flatMap');
  const len = toLength(O.length);
  if (typeof fn !== 'function') throw new TypeError('flatMap mapper function is not callable');
  const A = speciesCreate(O, 0);
  return flatMapLoop({ O, fn, thisArg, len, A, k: 0, to: 0 }, null);
}

// sort: collect, stable bottom-up merge sort (undefined last, never
// compared), write back, delete the holes' tail. For a consistent comparator
// every stable sort gives V8's (TimSort's) result.

function defaultCompare(x, y) {
  const a = String(x), b = String(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortLoop(s, kont) {
  while (s.width < s.n) {
    while (s.lo < s.n) {
      if (s.i < 0) {
        s.mid = Math.min(s.lo + s.width, s.n);
        s.hi = Math.min(s.lo + 2 * s.width, s.n);
        s.i = s.lo; s.j = s.mid; s.o = s.lo;
      }
      const a = s.items, t = s.tmp;
      while (s.i < s.mid && s.j < s.hi) {
        let c;
        if (kont !== null) { c = step('hof:sort', s, kont); kont = null; } else if (s.fn === undefined) {
          c = defaultCompare(a[s.j], a[s.i]);
        } else {
          c = step('hof:sort', s, null, [a[s.j], a[s.i]]);
        }
        c = Number(c);
        // Take the right element only when it is strictly smaller (stable).
        if (c < 0) t[s.o++] = a[s.j++]; else t[s.o++] = a[s.i++];
      }
      while (s.i < s.mid) t[s.o++] = a[s.i++];
      while (s.j < s.hi) t[s.o++] = a[s.j++];
      s.lo += 2 * s.width;
      s.i = -1;
    }
    const x = s.items; s.items = s.tmp; s.tmp = x;
    s.width *= 2;
    s.lo = 0;
  }
  // Write back: the sorted values, the undefineds, then delete the rest.
  const O = s.O;
  let k = 0;
  for (; k < s.n; k++) O[k] = s.items[k];
  for (let u = 0; u < s.undef; u++, k++) O[k] = undefined;
  for (; k < s.len; k++) {
    if (!delete O[k]) throw new TypeError(`Cannot delete property '${k}' of ${describeValue(O)}`);
  }
  return O;
}
function sort(arr, fn) {
  if (fn !== undefined && typeof fn !== 'function')
    throw new TypeError('The comparison function must be either a function or undefined');
  const O = toObject(arr, 'sort');
  const len = toLength(O.length);
  const items = [];
  let undef = 0;
  for (let k = 0; k < len; k++) {
    if (!(k in O)) continue;
    const v = O[k];
    if (v === undefined) undef++; else items.push(v);
  }
  const n = items.length;
  return sortLoop({ O, fn, thisArg: undefined, len, items, tmp: new Array(n), n, undef,
    width: 1, lo: 0, mid: 0, hi: 0, i: -1, j: 0, o: 0 }, null);
}

// Array.from(items, mapFn, thisArg) with C = Array (the call-site guard
// checks `Array.from === $d.arrayFrom`). Arrays with their original iterator
// are walked by index (what the array iterator does: the live length each
// step) and strings by code point, so the state is serializable; other
// iterables keep their native iterator in the state (a capture then fails in
// the serializer, naming the iterator).

function fromLoop(s, kont) {
  for (;;) {
    let v;
    if (kont === null) {
      if (s.mode === 'array') {
        if (s.k >= toLength(s.src.length)) break;
        v = s.src[s.k];
      } else if (s.mode === 'string') {
        if (s.k >= s.src.length) break;
        v = s.src[s.k];
      } else if (s.mode === 'iter') {
        const r = s.it.next();
        if (r === null || (typeof r !== 'object' && typeof r !== 'function'))
          throw new TypeError(`Iterator result ${describeValue(r)} is not an object`);
        if (r.done) break;
        v = r.value;
      } else {
        if (s.k >= s.len) break;
        v = s.src[s.k];
      }
    }
    let m;
    try {
      m = kont !== null ? step('hof:from', s, kont) : step('hof:from', s, null, [v, s.k]);
    } catch (e) {
      if (s.mode === 'iter' && !(e instanceof Capture)) {
        const ret = s.it.return;
        if (ret !== undefined && ret !== null) { try { ReflectApply(ret, s.it, []); } catch {} }
      }
      throw e;
    }
    kont = null;
    createDataProperty(s.A, s.k, m);
    s.k++;
  }
  s.A.length = s.k;
  return s.A;
}
function from(items, mapFn, thisArg) {
  if (mapFn === undefined) return arrayFrom(items);
  if (typeof mapFn !== 'function') throw notAFunction(mapFn);
  if (items === null || items === undefined) return arrayFrom(items, mapFn, thisArg); // native TypeError
  const usingIterator = items[Symbol.iterator];
  if (usingIterator !== undefined && usingIterator !== null) {
    if (typeof usingIterator !== 'function') return arrayFrom(items, mapFn, thisArg); // native TypeError
    if (isArray(items) && usingIterator === ArrayValues && ArrayIteratorNext === Object.getPrototypeOf([][Symbol.iterator]()).next)
      return fromLoop({ mode: 'array', src: items, fn: mapFn, thisArg, A: [], k: 0 }, null);
    if (typeof items === 'string' && usingIterator === String.prototype[Symbol.iterator])
      return fromLoop({ mode: 'string', src: arrayFrom(items), fn: mapFn, thisArg, A: [], k: 0 }, null);
    const it = ReflectApply(usingIterator, items, []);
    if (it === null || (typeof it !== 'object' && typeof it !== 'function'))
      throw new TypeError('Result of the Symbol.iterator method is not an object');
    return fromLoop({ mode: 'iter', it, fn: mapFn, thisArg, A: [], k: 0 }, null);
  }
  const src = Object(items);
  const len = toLength(src.length);
  return fromLoop({ mode: 'arraylike', src, len, fn: mapFn, thisArg, A: new Array(len), k: 0 }, null);
}

const hof = Object.freeze({ map, forEach, filter, reduce, some, every, find, findIndex, sort, flatMap, from });

const loops = { map: mapLoop, forEach: forEachLoop, filter: filterLoop, reduce: reduceLoop, some: someLoop,
  every: everyLoop, find: findLoop, findIndex: findIndexLoop, sort: sortLoop, flatMap: flatMapLoop, from: fromLoop };

/** code "hof:NAME" -> restore(frame, k): continues the loop with k.next(). */
const hofRestores = Object.create(null);
for (const name of Object.keys(loops)) {
  const loop = loops[name];
  hofRestores['hof:' + name] = function restoreHof(frame, k) {
    const s = frame.slots[0];
    if (s === null || typeof s !== 'object') throw new TypeError(`hof:${name}: bad loop state`);
    return loop(s, k);
  };
}

/** The functions a `hof:NAME` frame stands for (the natives and ours). */
const hofCodeOf = new Map();
for (const name of Object.keys(AP)) {
  hofCodeOf.set(AP[name], 'hof:' + name);
  hofCodeOf.set(hof[name], 'hof:' + name);
}
hofCodeOf.set(arrayFrom, 'hof:from');
hofCodeOf.set(hof.from, 'hof:from');

module.exports = { hof, AP, arrayFrom, hofRestores, hofCodeOf, describeValue, getDataProperty, notAFunction };
