// intrinsics.js - A process-wide table of the builtins, by name.
//
// Checkpoints store builtin objects and functions ("Math.max",
// "Array.prototype", "Array.prototype.push", "%ArrayIteratorPrototype%")
// by name, and look them up again when decoding. The table is built once per
// process, lazily, by a breadth-first walk of well-known globals and a few
// hidden intrinsics reached through the objects that expose them, down to a
// small depth. Only data properties are followed: the walk never runs a
// getter. The first (shortest) path to a value names it, so names are stable
// for a given Node version.
'use strict';

const MAX_DEPTH = 3;

// Globals walked (missing ones are skipped).
const ROOTS = [
  'Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt',
  'Math', 'JSON', 'Reflect', 'Atomics', 'Intl', 'Promise', 'Proxy',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry',
  'Date', 'RegExp',
  'Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError',
  'URIError', 'AggregateError',
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURI', 'encodeURIComponent',
  'decodeURI', 'decodeURIComponent', 'escape', 'unescape',
  'console', 'queueMicrotask', 'structuredClone', 'setTimeout', 'clearTimeout',
  'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
  'Buffer', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder',
  'AbortController', 'AbortSignal', 'EventTarget', 'Event', 'atob', 'btoa',
];

// Objects named but not walked (their properties are instance state).
const OPAQUE_ROOTS = ['globalThis', 'process'];

function hiddenRoots() {
  const out = [];
  const gp = Object.getPrototypeOf;
  const add = (name, v) => { if (v !== undefined && v !== null) out.push([name, v]); };
  try {
    const arrayIter = gp([][Symbol.iterator]());
    add('%ArrayIteratorPrototype%', arrayIter);
    add('%IteratorPrototype%', gp(arrayIter));
    add('%MapIteratorPrototype%', gp(new Map()[Symbol.iterator]()));
    add('%SetIteratorPrototype%', gp(new Set()[Symbol.iterator]()));
    add('%StringIteratorPrototype%', gp(''[Symbol.iterator]()));
    add('%RegExpStringIteratorPrototype%', gp(/a/[Symbol.matchAll]('')));
    add('%TypedArray%', gp(Uint8Array));
    const genFn = function* () {};
    add('%GeneratorFunction%', gp(genFn).constructor);
    add('%GeneratorFunction.prototype%', gp(genFn));
    add('%GeneratorPrototype%', gp(gp(genFn())));
    const asyncFn = async function () {};
    add('%AsyncFunction%', gp(asyncFn).constructor);
    add('%AsyncFunction.prototype%', gp(asyncFn));
    const asyncGen = async function* () {};
    add('%AsyncGeneratorFunction%', gp(asyncGen).constructor);
    add('%AsyncGeneratorFunction.prototype%', gp(asyncGen));
    add('%AsyncGeneratorPrototype%', gp(gp(asyncGen())));
    add('%AsyncIteratorPrototype%', gp(gp(gp(asyncGen()))));
    // the runtime's private state (private-names.js), held by compiled helpers
    add('%DistribufyPrivateState%', globalThis[Symbol.for('distribufy.privateState')]);
    add('%ThrowTypeError%', Object.getOwnPropertyDescriptor(
      (function () { 'use strict'; return arguments; })(), 'callee').get);
  } catch (_) { /* an engine without one of them */ }
  return out;
}

function keyName(key) {
  if (typeof key === 'symbol') {
    const d = key.description;
    if (d && d.startsWith('Symbol.')) return `[${d}]`;
    return undefined; // do not name through other symbol keys
  }
  return key;
}

let byValue = null; // Map value -> name
let byName = null;  // Map name -> value

function build() {
  const vals = new Map();
  const names = new Map();
  const queue = []; // [value, name, depth]
  const put = (v, name, depth, walk) => {
    if (vals.has(v) || names.has(name)) return;
    vals.set(v, name);
    names.set(name, v);
    if (walk) queue.push([v, name, depth]);
  };
  for (const r of ROOTS) {
    let v;
    try { v = globalThis[r]; } catch (_) { continue; } // node defines some globals as lazy getters
    if (v !== null && (typeof v === 'object' || typeof v === 'function')) put(v, r, 0, true);
  }
  for (const [name, v] of hiddenRoots()) put(v, name, 0, true);
  for (const r of OPAQUE_ROOTS) {
    const d = Object.getOwnPropertyDescriptor(globalThis, r);
    if (d && 'value' in d && d.value !== null && typeof d.value === 'object') put(d.value, r, 0, false);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const [obj, name, depth] = queue[qi];
    if (depth >= MAX_DEPTH) continue;
    let keys;
    try { keys = Reflect.ownKeys(obj); } catch (_) { continue; }
    for (const key of keys) {
      const kn = keyName(key);
      if (kn === undefined) continue;
      let d;
      try { d = Reflect.getOwnPropertyDescriptor(obj, key); } catch (_) { continue; }
      if (!d) continue;
      const sub = typeof key === 'symbol' ? `${name}${kn}` : `${name}.${kn}`;
      if ('value' in d) {
        const v = d.value;
        if (v !== null && (typeof v === 'object' || typeof v === 'function')) put(v, sub, depth + 1, true);
      } else {
        if (typeof d.get === 'function') put(d.get, `${sub}[get]`, depth + 1, false);
        if (typeof d.set === 'function') put(d.set, `${sub}[set]`, depth + 1, false);
      }
    }
  }
  byValue = vals;
  byName = names;
}

/** The intrinsic name of `value` ("Array.prototype.push"), or undefined. */
function intrinsicNameOf(value) {
  if (byValue === null) build();
  return byValue.get(value);
}

/** The intrinsic value named `name`, or undefined for an unknown name. */
function intrinsicByName(name) {
  if (byName === null) build();
  return byName.get(name);
}

/** The name -> value map (built on first use). */
function intrinsicTable() {
  if (byName === null) build();
  return byName;
}

module.exports = { intrinsicNameOf, intrinsicByName, intrinsicTable };
