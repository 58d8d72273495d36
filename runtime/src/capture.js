// capture.js - The Capture exception and the process-wide function tags.
//
// A capture point throws a Capture; every instrumented function's handler
// calls `capture.frame(...)` (PROTOCOL.md §3), so the frames arrive
// innermost first. Each call checks the callee identity of its site against
// the frame pushed just before; a failure does not throw (the handlers must
// keep unwinding as a Capture so user `catch` clauses rethrow it): the
// capture is marked failed and the root reports a NonCapturableFrame.
'use strict';

// Function -> (code, env), for the serializer and the callee check
// (factories' `$d.tag`). Kept on the function itself, as two true private
// fields stamped by a class constructor that returns the function (the
// base-class return override): invisible to the program (no own key, so
// console.log, Object.getOwnPropertySymbols and Proxies see nothing), and
// possible on frozen functions. This is not cheaper than the two
// symbol-keyed stores it replaced (which util.inspect showed): the stores
// stay monomorphic (--log-ic); the cost is the stamping construct itself.
// On bench/cpu/closures.js compiled it takes about 1.08x the symbol stores'
// time warmed and 1.13x on a first run. tag() does not test `#code in fn`
// first (a factory tags only what it has just created; retag() tests), and
// ReturnsTarget extends null (super() allocates nothing): together 0.88x the
// previous form's time warmed. One field holding a {desc, env} record,
// try/catch instead of the test and batching were measured and not kept; a
// WeakMap entry per closure costs about 25x a tagged closure's creation.
// The code descriptor is shared by every closure of one code of one
// program, so tagging allocates no record.
// Installs the private-name registry and state, and the recording bind,
// before any program code runs.
const { detachedMember, ReturnsTarget } = require('./private-names.js');
const { boundParts } = require('./bound.js');
class FunctionTag extends ReturnsTarget {
  #code;
  #env;
  constructor(fn, desc, env) { super(fn); this.#code = desc; this.#env = env; }
  static has(fn) { return #code in fn; }
  static desc(fn) { return fn.#code; }
  static env(fn) { return fn.#env; }
  static retag(fn, desc, env) { fn.#code = desc; fn.#env = env; }
}
const TAGS = Object.freeze({
  has(fn) { return typeof fn === 'function' && FunctionTag.has(fn); },
  get(fn) {
    if (typeof fn !== 'function' || !FunctionTag.has(fn)) return undefined;
    const d = FunctionTag.desc(fn);
    return { code: d.code, env: FunctionTag.env(fn), program: d.program };
  },
});
/** The per-program table of code descriptors used by tag(). */
function codeDescriptors(program) {
  const descs = [];
  return (code) => descs[code] || (descs[code] = Object.freeze({ code, program }));
}
const defaultDescriptors = codeDescriptors(undefined);
/** class member function -> {cls, isStatic, key, kind, code}. */
const MEMBERS = new WeakMap();
/** class -> code of its constructor (tagMembers "constructor" entry). */
const CLASS_CTOR = new WeakMap();
/** classes seen by tagMembers. */
const CLASSES = new WeakSet();
/** the runtime's capture points (checkpoint, sleep, invoke, stress ...). */
const CAPTURE_POINTS = new WeakSet();

const FP_call = Function.prototype.call;
const FP_apply = Function.prototype.apply;
const FP_toString = Function.prototype.toString;
const slice = Array.prototype.slice;

let hofModule = null; // loaded lazily (hof.js requires this file)
function H() { return hofModule || (hofModule = require('./hof.js')); }

class NonCapturableFrame extends Error {
  constructor(message, details) {
    super(message);
    this.name = 'NonCapturableFrame';
    Object.assign(this, details);
  }
}

class Capture {
  /** `request`: what the capture point asks the root to do ({kind, ...}). */
  constructor(request, owner) {
    this.request = request;
    this.owner = owner; // the segment whose capture point threw
    this.frames = []; // innermost first
    this.failure = null;
    this.trustNext = false; // set by k.next(): the next frame is a restore body at its k.next() site
  }

  frame(code, cs, env, thisValue, newTarget, args, self, home, slots, callee, key, calleeThis) {
    if (this.failure !== null) return;
    if (newTarget !== undefined && thisValue === undefined) {
      // $d.thisOf gave undefined under `new`: a derived constructor before super().
      this.failure = { kind: 'unsupported', code, reason: 'a derived class constructor was captured before super() returned', depth: this.frames.length };
      return;
    }
    const frames = this.frames;
    if (this.trustNext) {
      this.trustNext = false;
    } else {
      const bad = checkCallee(frames.length ? frames[frames.length - 1] : null, callee, key, calleeThis);
      if (bad !== null) {
        this.failure = { kind: 'callee', code, cs, callee: bad, innermost: frames.length === 0, depth: frames.length };
        return;
      }
    }
    frames.push({
      code, cs, env, thisValue, newTarget,
      args: args === undefined || args === null ? undefined : slice.call(args),
      self, home, slots: slots === undefined ? [] : slots,
    });
  }

  unsupported(code, reason) {
    if (this.failure !== null) return;
    this.failure = { kind: 'unsupported', code, reason, depth: this.frames.length };
  }
}

function isClass(fn) {
  if (CLASSES.has(fn)) return true;
  try { return /^class\b/.test(FP_toString.call(fn)); } catch { return false; }
}

/** Does a call of `fn` push a frame of `code` first? */
function matchesCode(fn, code) {
  if (typeof fn !== 'function') return false;
  const m = MEMBERS.get(fn);
  if (m !== undefined && m.code === code) return true;
  const hc = H().hofCodeOf.get(fn);
  if (hc !== undefined) return hc === code;
  // A class stands for its constructor; one without a constructor runs its
  // parent's (the implicit `constructor(...a) { super(...a); }`).
  let c = fn;
  while (typeof c === 'function' && TAGS.has(c) && isClass(c)) {
    const ctor = CLASS_CTOR.get(c);
    if (ctor !== undefined) return ctor === code;
    c = Object.getPrototypeOf(c);
  }
  const t = TAGS.get(fn);
  return t !== undefined && !isClass(fn) && t.code === code;
}

/**
 * Null when the inner frame (or, innermost, the capture point) is the
 * callee's; else a description of the callee for the error. `calleeThis`:
 * the `this` a `Reflect.apply(callee, calleeThis, args)` site passes, the
 * real callee when `callee` is Function.prototype.call/apply.
 */
function checkCallee(inner, callee, key, calleeThis) {
  let fn = callee, recv;
  if (key !== undefined) {
    if (callee === null || callee === undefined) return { text: `a property \`${String(key)}\` of ${callee}` };
    const d = H().getDataProperty(callee, key);
    if (d.proxy) return { text: `a method \`${String(key)}\` of a Proxy` };
    if (d.accessor) return { text: `a function returned by the getter \`${String(key)}\`` };
    fn = d.value;
    recv = callee;
  }
  if (fn === FP_call || fn === FP_apply) {
    if (key === undefined && typeof calleeThis !== 'function')
      return { text: fn === FP_call ? 'Function.prototype.call' : 'Function.prototype.apply' };
    fn = key === undefined ? calleeThis : recv;
  }
  // a bound function calls its target (whose frame holds the bound this
  // and arguments)
  const outer = fn;
  for (let bp, n = 0; typeof fn === 'function' && n < 100 && (bp = boundParts(fn)) !== undefined; n++) fn = bp.target;
  if (inner === null ? CAPTURE_POINTS.has(fn) : matchesCode(fn, inner.code)) return null;
  const tagged = typeof fn === 'function' && (TAGS.has(fn) || MEMBERS.has(fn));
  const text = outer === fn ? describeCallee(fn) : `${describeCallee(outer)} of ${describeCallee(fn)}`;
  return { text, value: fn, tagged };
}

let serializerNames = null;
function intrinsicName(v) {
  if (serializerNames === null) {
    try { serializerNames = require('./serializer.js').intrinsicNameOf || false; } catch { serializerNames = false; }
  }
  if (serializerNames) {
    try { const n = serializerNames(v); if (typeof n === 'string') return n; } catch {}
  }
  const h = H();
  for (const name of Object.keys(h.AP)) if (h.AP[name] === v) return `Array.prototype.${name}`;
  if (v === h.arrayFrom) return 'Array.from';
  if (v === Reflect.apply) return 'Reflect.apply';
  if (v === FP_call) return 'Function.prototype.call';
  if (v === FP_apply) return 'Function.prototype.apply';
  return undefined;
}

function describeCallee(fn) {
  if (typeof fn !== 'function') return `a non-function value (${H().describeValue(fn)})`;
  const n = intrinsicName(fn);
  if (n !== undefined) return n;
  if (CAPTURE_POINTS.has(fn)) return `the capture point \`${fn.name}\``;
  let name = '';
  try { const d = Object.getOwnPropertyDescriptor(fn, 'name'); if (d && typeof d.value === 'string') name = d.value; } catch {}
  if (name.startsWith('bound ')) return `a bound function \`${name}\``;
  if (TAGS.has(fn) || MEMBERS.has(fn)) return `the instrumented function \`${name || '(anonymous)'}\``;
  return `an uninstrumented function \`${name || '(anonymous)'}\``;
}

/**
 * Tags a function not tagged yet: what every factory returns is a function
 * or class it has just created. A tagged `fn` throws a TypeError (a private
 * field cannot be added twice); retag() replaces a tag.
 */
function tag(fn, code, env, descriptorOf = defaultDescriptors) {
  new FunctionTag(fn, descriptorOf(code), env);
  return fn;
}

/** Tags `fn`, replacing its tag if it has one. */
function retag(fn, code, env, descriptorOf = defaultDescriptors) {
  if (FunctionTag.has(fn)) FunctionTag.retag(fn, descriptorOf(code), env);
  else new FunctionTag(fn, descriptorOf(code), env);
  return fn;
}

function tagMembers(cls, env, entries, program) {
  CLASSES.add(cls);
  if (!entries) return cls;
  for (const [code, isStatic, key, kind] of entries) {
    if (kind === 'constructor' || (!isStatic && key === 'constructor')) {
      CLASS_CTOR.set(cls, code);
      continue;
    }
    const home = isStatic ? cls : cls.prototype;
    const d = Object.getOwnPropertyDescriptor(home, key) || detachedMember(home, key);
    if (d === undefined) continue;
    const fn = kind === 'get' ? d.get : kind === 'set' ? d.set : d.value;
    if (typeof fn !== 'function') continue;
    MEMBERS.set(fn, { cls, isStatic: !!isStatic, key, kind, code, env, program });
  }
  return cls;
}

module.exports = {
  Capture, NonCapturableFrame, TAGS, codeDescriptors, MEMBERS, CLASS_CTOR, CLASSES, CAPTURE_POINTS,
  tag, retag, tagMembers, describeCallee, intrinsicName, checkCallee,
};
