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

const { Capture, TAGS, MEMBERS } = require('./capture.js');
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
const SetValues = Set.prototype.values, MapEntries = Map.prototype.entries;
const SetIteratorProto = Object.getPrototypeOf(new Set().values());
const MapIteratorProto = Object.getPrototypeOf(new Map().entries());
const nativeSetNext = SetIteratorProto.next, nativeMapNext = MapIteratorProto.next;
const MAX_LENGTH = Number.MAX_SAFE_INTEGER;
const IteratorProtoIterator = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))[Symbol.iterator];
const programFunction = (fn) => TAGS.has(fn) || MEMBERS.has(fn);

// `$d.stressCell` (link.js): the call-site flag of stress builds. A HOF of
// the stress variant ($d.hofStress, which the catch pass calls in --stress
// builds) sets `site` just before each callback call (a real continuation
// point) and clears it on entry (its own call site set it for it: a getter
// it runs before the first callback must not take it). The normal variant
// ($d.hof) never touches it.
const stressCell = { site: 0, paused: 0 };

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

/** Calls fn with thisArg (a plain call when thisArg is undefined, as the natives do). */
function callbackPlain(fn, thisArg, a, b, c) {
  return thisArg === undefined ? fn(a, b, c) : ReflectApply(fn, thisArg, [a, b, c]);
}
/** callbackPlain as a continuation point of stress builds. */
function callbackStress(fn, thisArg, a, b, c) {
  stressCell.site = 1;
  return thisArg === undefined ? fn(a, b, c) : ReflectApply(fn, thisArg, [a, b, c]);
}
/** reduce's callback call (four arguments, no thisArg). */
function reducerPlain(fn, acc, v, k, O) { return fn(acc, v, k, O); }
function reducerStress(fn, acc, v, k, O) {
  stressCell.site = 1;
  return fn(acc, v, k, O);
}

function pushFrame(e, code, state) {
  if (e instanceof Capture)
    e.frame(code, 1, undefined, undefined, undefined, undefined, undefined, undefined, [state], state.fn, undefined);
}
/** A plain array whose index stores need no defineProperty. */
function plainArray(A) {
  return isArray(A) && Object.getPrototypeOf(A) === Array.prototype;
}
const returnTrue = () => true;
const returnValue = (v) => v;
const returnIndex = (v, k) => k;
function defaultCompare(x, y) {
  const a = String(x), b = String(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The HOFs and their loops, one definition for both variants: `stress`
 * false gives $d.hof (no work for the call-site flag), true gives
 * $d.hofStress (the flag's protocol above). The per-callback difference is
 * the callback caller chosen once here; the entries test the constant.
 */
function makeHof(stress) {
  // --- the callback call: the only place a HOF can be captured ---

  /**
   * Calls the callback (or, when restoring, takes its result from `kont`),
   * pushing the HOF's frame when a Capture unwinds through it.
   */
  function step(code, s, kont, args) {
    try {
      if (kont !== null) return kont.next();
      if (stress) stressCell.site = 1;
      return ReflectApply(s.fn, s.thisArg, args);
    } catch (e) {
      if (e instanceof Capture) e.frame(code, 1, undefined, undefined, undefined, undefined, undefined, undefined, [s], s.fn, undefined);
      throw e;
    }
  }

  // Each HOF = an entry that checks its arguments and builds the state, plus
  // a loop `(s, kont)` that the entry calls with kont = null and the restore
  // calls with the continuation. The loops keep their state in locals and call
  // the callback directly (the common undefined thisArg) so the normal path
  // is close to the natives; the state object is rebuilt only when a Capture
  // unwinds through the loop.

  const callback = stress ? callbackStress : callbackPlain;
  const reducer = stress ? reducerStress : reducerPlain;

  function mapLoop(s, kont) {
    const { O, fn, thisArg, len, A } = s;
    const plain = plainArray(A);
    let k = s.k;
    try {
      for (; k < len; k++) {
        let v;
        if (kont !== null) { const next = kont; kont = null; v = next.next(); } else {
          if (!(k in O)) continue;
          v = callback(fn, thisArg, O[k], k, O);
        }
        if (plain) A[k] = v; else createDataProperty(A, k, v);
      }
    } catch (e) {
      pushFrame(e, 'hof:map', { O, fn, thisArg, len, A, k });
      throw e;
    }
    return A;
  }
  function map(arr, fn, thisArg) {
    if (stress) stressCell.site = 0;
    const O = toObject(arr, 'map');
    const len = toLength(O.length);
    if (typeof fn !== 'function') throw notAFunction(fn);
    const A = speciesCreate(O, len);
    return mapLoop({ O, fn, thisArg, len, A, k: 0 }, null);
  }

  function forEachLoop(s, kont) {
    const { O, fn, thisArg, len } = s;
    let k = s.k;
    try {
      for (; k < len; k++) {
        if (kont !== null) { const next = kont; kont = null; next.next(); continue; }
        if (!(k in O)) continue;
        callback(fn, thisArg, O[k], k, O);
      }
    } catch (e) {
      pushFrame(e, 'hof:forEach', { O, fn, thisArg, len, k });
      throw e;
    }
    return undefined;
  }
  function forEach(arr, fn, thisArg) {
    if (stress) stressCell.site = 0;
    const O = toObject(arr, 'forEach');
    const len = toLength(O.length);
    if (typeof fn !== 'function') throw notAFunction(fn);
    return forEachLoop({ O, fn, thisArg, len, k: 0 }, null);
  }

  function filterLoop(s, kont) {
    const { O, fn, thisArg, len, A } = s;
    const plain = plainArray(A);
    let k = s.k, to = s.to, v = s.v;
    try {
      for (; k < len; k++) {
        let sel;
        if (kont !== null) { const next = kont; kont = null; sel = next.next(); } else {
          if (!(k in O)) continue;
          v = O[k];
          sel = callback(fn, thisArg, v, k, O);
        }
        if (sel) { if (plain) A[to++] = v; else createDataProperty(A, to++, v); }
        v = undefined;
      }
    } catch (e) {
      pushFrame(e, 'hof:filter', { O, fn, thisArg, len, A, k, to, v });
      throw e;
    }
    return A;
  }
  function filter(arr, fn, thisArg) {
    if (stress) stressCell.site = 0;
    const O = toObject(arr, 'filter');
    const len = toLength(O.length);
    if (typeof fn !== 'function') throw notAFunction(fn);
    const A = speciesCreate(O, 0);
    return filterLoop({ O, fn, thisArg, len, A, k: 0, to: 0, v: undefined }, null);
  }

  function reduceLoop(s, kont) {
    const { O, fn, len } = s;
    let k = s.k, acc = s.acc;
    try {
      for (; k < len; k++) {
        if (kont !== null) { const next = kont; kont = null; acc = next.next(); continue; }
        if (!(k in O)) continue;
        const v = O[k];
        acc = reducer(fn, acc, v, k, O);
      }
    } catch (e) {
      pushFrame(e, 'hof:reduce', { O, fn, thisArg: undefined, len, k, acc });
      throw e;
    }
    return acc;
  }
  function reduce(arr, fn, ...rest) {
    if (stress) stressCell.site = 0;
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

  /** some / every / find / findIndex: a predicate loop that stops early. */
  function predicateLoop(code, s, kont, holes, onTrue, onFalse, whenDone) {
    const { O, fn, thisArg, len } = s;
    let k = s.k, v = s.v;
    try {
      for (; k < len; k++) {
        let r;
        if (kont !== null) { const next = kont; kont = null; r = next.next(); } else {
          if (holes && !(k in O)) continue;
          v = O[k];
          r = callback(fn, thisArg, v, k, O);
        }
        if (r) { if (onTrue !== undefined) return onTrue(v, k); }
        else if (onFalse !== undefined) return onFalse;
      }
    } catch (e) {
      pushFrame(e, code, { O, fn, thisArg, len, k, v });
      throw e;
    }
    return whenDone;
  }
  function someLoop(s, kont) { return predicateLoop('hof:some', s, kont, true, returnTrue, undefined, false); }
  function everyLoop(s, kont) { return predicateLoop('hof:every', s, kont, true, undefined, false, true); }
  function findLoop(s, kont) { return predicateLoop('hof:find', s, kont, false, returnValue, undefined, undefined); }
  function findIndexLoop(s, kont) { return predicateLoop('hof:findIndex', s, kont, false, returnIndex, undefined, -1); }
  function some(arr, fn, thisArg) {
    if (stress) stressCell.site = 0;
    const O = toObject(arr, 'some');
    const len = toLength(O.length);
    if (typeof fn !== 'function') throw notAFunction(fn);
    return someLoop({ O, fn, thisArg, len, k: 0, v: undefined }, null);
  }
  function every(arr, fn, thisArg) {
    if (stress) stressCell.site = 0;
    const O = toObject(arr, 'every');
    const len = toLength(O.length);
    if (typeof fn !== 'function') throw notAFunction(fn);
    return everyLoop({ O, fn, thisArg, len, k: 0, v: undefined }, null);
  }
  function find(arr, fn, thisArg) {
    if (stress) stressCell.site = 0;
    const O = toObject(arr, 'find');
    const len = toLength(O.length);
    if (typeof fn !== 'function') throw notAFunction(fn);
    return findLoop({ O, fn, thisArg, len, k: 0, v: undefined }, null);
  }
  function findIndex(arr, fn, thisArg) {
    if (stress) stressCell.site = 0;
    const O = toObject(arr, 'findIndex');
    const len = toLength(O.length);
    if (typeof fn !== 'function') throw notAFunction(fn);
    return findIndexLoop({ O, fn, thisArg, len, k: 0, v: undefined }, null);
  }

  function flatMapLoop(s, kont) {
    const { O, fn, thisArg, len, A } = s;
    let k = s.k, to = s.to;
    try {
      for (; k < len; k++) {
        let r;
        if (kont !== null) { const next = kont; kont = null; r = next.next(); } else {
          if (!(k in O)) continue;
          r = callback(fn, thisArg, O[k], k, O);
        }
        if (isArray(r)) {
          const n = toLength(r.length);
          for (let i = 0; i < n; i++) {
            if (!(i in r)) continue;
            if (to >= MAX_LENGTH) throw new TypeError('Invalid array length');
            createDataProperty(A, to++, r[i]);
          }
        } else {
          if (to >= MAX_LENGTH) throw new TypeError('Invalid array length');
          createDataProperty(A, to++, r);
        }
      }
    } catch (e) {
      pushFrame(e, 'hof:flatMap', { O, fn, thisArg, len, A, k, to });
      throw e;
    }
    return A;
  }
  function flatMap(arr, fn, thisArg) {
    if (stress) stressCell.site = 0;
    const O = toObject(arr, 'flatMap');
    const len = toLength(O.length);
    if (typeof fn !== 'function') throw new TypeError('flatMap mapper function is not callable');
    const A = speciesCreate(O, 0);
    return flatMapLoop({ O, fn, thisArg, len, A, k: 0, to: 0 }, null);
  }

  // sort: collect, stable bottom-up merge sort (undefined last, never
  // compared), write back, delete the holes' tail. For a consistent comparator
  // every stable sort gives V8's (TimSort's) result.

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
    if (stress) stressCell.site = 0;
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
  // the serializer, naming the iterator). Without mapFn only an iterable of
  // the program's own (a generator, an object with a compiled
  // [Symbol.iterator]) is walked here, so a checkpoint inside its next() is
  // captured (the frame's state then has `inNext`: the restore takes next()'s
  // result from the continuation); the natives copy everything else.

  /**
   * Is `items` (with `usingIterator`, its [Symbol.iterator]) iterated by code
   * of the program: a compiled [Symbol.iterator], or %IteratorPrototype%'s
   * (`return this`, a generator's) with a compiled `next`? (no getter runs)
   */
  function programIterable(items, usingIterator) {
    if (typeof usingIterator !== 'function') return false;
    if (programFunction(usingIterator)) return true;
    if (usingIterator !== IteratorProtoIterator) return false;
    const next = getDataProperty(items, 'next');
    return typeof next.value === 'function' && programFunction(next.value);
  }

  /**
   * s.it.next() of an 'iter' loop (or, when restoring, its result from
   * `kont`), pushing the loop's frame when a Capture unwinds through it.
   */
  function iterNext(s, kont) {
    s.inNext = false;
    try {
      if (kont !== null) return kont.next();
      if (stress) stressCell.site = 1;
      return s.it.next();
    } catch (e) {
      if (e instanceof Capture) {
        s.inNext = true;
        e.frame('hof:from', 1, undefined, undefined, undefined, undefined, undefined, undefined, [s], s.it, 'next');
      }
      throw e;
    }
  }

  function fromLoop(s, kont) {
    for (;;) {
      let v;
      if (kont === null || s.inNext) {
        if (s.mode === 'array') {
          if (s.k >= toLength(s.src.length)) break;
          v = s.src[s.k];
        } else if (s.mode === 'string') {
          if (s.k >= s.src.length) break;
          v = s.src[s.k];
        } else if (s.mode === 'iter') {
          const k = kont;
          kont = null;
          const r = iterNext(s, k);
          if (r === null || (typeof r !== 'object' && typeof r !== 'function'))
            throw new TypeError(`Iterator result ${describeValue(r)} is not an object`);
          if (r.done) break;
          v = r.value;
        } else {
          if (s.k >= s.len) break;
          v = s.src[s.k];
        }
      }
      let m = v;
      try {
        if (s.fn !== undefined) m = kont !== null ? step('hof:from', s, kont) : step('hof:from', s, null, [v, s.k]);
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
    if (stress) stressCell.site = 0;
    if (mapFn !== undefined && typeof mapFn !== 'function') throw notAFunction(mapFn);
    if (items === null || items === undefined) return arrayFrom(items, mapFn, thisArg); // native TypeError
    // (decided on the data property: a getter runs once, in the native)
    if (mapFn === undefined && !programIterable(items, getDataProperty(items, Symbol.iterator).value)) return arrayFrom(items);
    const usingIterator = items[Symbol.iterator];
    if (usingIterator !== undefined && usingIterator !== null) {
      if (typeof usingIterator !== 'function') return arrayFrom(items, mapFn, thisArg); // native TypeError
      if (isArray(items) && usingIterator === ArrayValues && ArrayIteratorNext === Object.getPrototypeOf([][Symbol.iterator]()).next)
        return fromLoop({ mode: 'array', src: items, fn: mapFn, thisArg, A: [], k: 0 }, null);
      if (typeof items === 'string' && usingIterator === String.prototype[Symbol.iterator])
        return fromLoop({ mode: 'string', src: arrayFrom(items), fn: mapFn, thisArg, A: [], k: 0 }, null);
      // A Map or Set with its original iterator: its entries are taken first
      // (a mapper adding entries to the collection it maps is not seen: the
      // one difference from the native, documented in runtime/README.md), so
      // the loop state is an array.
      if ((utilTypes.isSet(items) && usingIterator === SetValues && SetIteratorProto.next === nativeSetNext) ||
          (utilTypes.isMap(items) && usingIterator === MapEntries && MapIteratorProto.next === nativeMapNext))
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


  return {
    hof: Object.freeze({ map, forEach, filter, reduce, some, every, find, findIndex, sort, flatMap, from }),
    loops: { map: mapLoop, forEach: forEachLoop, filter: filterLoop, reduce: reduceLoop, some: someLoop,
      every: everyLoop, find: findLoop, findIndex: findIndexLoop, sort: sortLoop, flatMap: flatMapLoop, from: fromLoop },
  };
}

const plainVariant = makeHof(false), stressVariant = makeHof(true);
const hof = plainVariant.hof, hofStress = stressVariant.hof;
// A restored loop continues in the stress variant: it runs once per resume,
// and a stress build's callbacks need the flag (in a normal build nobody
// reads it).
const loops = stressVariant.loops;

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
  hofCodeOf.set(hofStress[name], 'hof:' + name);
}
hofCodeOf.set(arrayFrom, 'hof:from');
hofCodeOf.set(hof.from, 'hof:from');
hofCodeOf.set(hofStress.from, 'hof:from');

module.exports = { hof, hofStress, AP, arrayFrom, hofRestores, hofCodeOf, stressCell, describeValue, getDataProperty, notAFunction };
