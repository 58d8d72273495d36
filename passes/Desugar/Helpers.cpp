//===- Helpers.cpp - Runtime-free helper functions emitted by desugar ------===//
//
// Some lowerings need a few lines of plain JavaScript that would be bulky to
// build node by node (the for-in key list walks the prototype chain; the
// iterator protocol checks result types). They are written here as source
// text, parsed with the ordinary frontend into a scratch module and deep-
// copied into the module being compiled, so they are ordinary IR that the
// desugar walk then lowers like user code (their loops become labeled
// whiles, their vars are hoisted). No runtime library is involved.
//
// Each helper uses only `Object`, `Symbol`, `TypeError` and (destructuring
// and spread helpers) `Reflect` from the global object, looked up when the
// helper runs (ArrayFastInit, at program start, also `Array`, `String`, `Map`
// and `Set`; a program shadowing the last three at top level keeps the
// native iterators), and assumes the built-in methods it calls
// (Function.prototype.call, Array.prototype.map/forEach/indexOf,
// Object.prototype.hasOwnProperty, Object.defineProperty) are unmodified.
//
//===----------------------------------------------------------------------===//
#include "passes/Common/Snippets.h"
#include "passes/Desugar/Desugar.h"

#include <cassert>
#include <string>

namespace distribufy::desugar {

using namespace ir;

namespace {

// V8's for-in order: own string keys (indices ascending, then insertion
// order), then each prototype's, skipping names already seen (even when the
// shadowing property is not enumerable). The boxed object is returned too so
// the loop can skip keys deleted before they are visited (`k in o`).
constexpr std::string_view kForInKeys = R"JS(function $h(o) {
  var keys = [];
  if (o === null || o === undefined) return { o: {}, k: keys };
  var seen = Object.create(null);
  var box = Object(o);
  for (var p = box; p !== null; p = Object.getPrototypeOf(p)) {
    var own = Object.getOwnPropertyNames(p);
    for (var i = 0; i < own.length; i += 1) {
      var k = own[i];
      if (seen[k] === true) continue;
      seen[k] = true;
      var d = Object.getOwnPropertyDescriptor(p, k);
      if (d !== undefined && d.enumerable) keys.push(k);
    }
  }
  return { o: box, k: keys };
})JS";

// GetIterator(obj, sync) after GetMethod: the for-of lowering read the
// method `m` (once, shared with the array fast path); it must be callable and
// the iterator an object. Returns [iterator, its next method, undefined]. A
// built-in iterator is made by `s.mk` (kArrayFastInit) so that the loop's
// locals serialize at a checkpoint; `s` is the record, undefined before
// program start. For a generator of ours whose `next` is ours (`s.gen`, the
// generators pass's helper), [iterator, the helper's nextOf, its record]:
// kIteratorStep then resumes the record without looking it up each step.
constexpr std::string_view kGetIterator = R"JS(function $h(s, o, m) {
  var it, n, g;
  if (typeof m !== "function") throw new TypeError(String(o) + " is not iterable");
  if (s !== void 0 && s.mk !== null) {
    it = s.mk(o, m);
    if (it !== null) return [it, it.next, void 0];
  }
  it = m.call(o);
  if (it === null || typeof it !== "object" && typeof it !== "function") throw new TypeError("Result of the Symbol.iterator method is not an object");
  n = it.next;
  if (s !== void 0 && s.gen !== null) {
    g = s.gen.recOf(it, n);
    if (g !== void 0) return [it, s.gen.nextOf, g];
  }
  return [it, n, void 0];
})JS";

// The operand of `yield*` in a generator: a built-in iterable's plain
// iterator (ArrayFastInit's `mk`, which is iterable itself), else the
// operand, which `yield*` then iterates (reading @@iterator once more). Once
// the generators pass lowered the program's generators (`s.gen`), the
// operand as it is: its helper's `dinit` does all of GetIterator, reading
// @@iterator once, as natively.
constexpr std::string_view kDelegateIter = R"JS(function $h(s, o) {
  var m, it;
  if (s !== void 0 && s.gen !== null) return o;
  m = o === null || o === void 0 ? void 0 : o[Symbol.iterator];
  if (typeof m !== "function") throw new TypeError(String(o) + " is not iterable");
  if (s !== void 0 && s.mk !== null) {
    it = s.mk(o, m);
    if (it !== null) return it;
  }
  return o;
})JS";

// IteratorNext: calls the cached next method, or `next(it, g)` for the
// generator record `g` kGetIterator found (the same call); the result must
// be an object.
constexpr std::string_view kIteratorStep = R"JS(function $h(it, next, g) {
  var r;
  if (g === void 0) r = next.call(it);
  else r = next(it, g);
  if (r === null || typeof r !== "object" && typeof r !== "function") throw new TypeError("Iterator result " + String(r) + " is not an object");
  return r;
})JS";

// IteratorClose for a normal-exit (break/return) completion: errors of the
// return method propagate and its result must be an object.
constexpr std::string_view kIterClose = R"JS(function $h(it) {
  var r = it.return;
  if (r === undefined || r === null) return;
  var res = r.call(it);
  if (res === null || typeof res !== "object" && typeof res !== "function") throw new TypeError("Iterator result " + String(res) + " is not an object");
})JS";

// IteratorClose for a throw completion: the original exception wins, so
// anything the return method does wrong is ignored.
constexpr std::string_view kIterCloseThrow = R"JS(function $h(it) {
  try {
    var r = it.return;
    if (r !== undefined && r !== null) r.call(it);
  } catch (e) {}
})JS";

// o[Symbol.iterator], here because user code may shadow `Symbol`.
constexpr std::string_view kIterMethod = R"JS(function $h(o) {
  return o[Symbol.iterator];
})JS";

// `for (x of c.entries())` (or keys/values, no arguments): the call, with a
// serializable plain iterator instead of a built-in one when the method is
// an original collection method (kArrayFastInit's `mk`); the loop is the
// only holder of the iterator, so its identity is unobservable. `x` is the
// callee's source text for node's message for a for-of whose iterable is a
// call of a non-function (undefined: Reflect.apply's message).
constexpr std::string_view kIterCall = R"JS(function $h(s, o, n, x) {
  var f = o[n], it;
  if (s !== void 0 && s.mk !== null && typeof f === "function") {
    it = s.mk(o, f);
    if (it !== null) return it;
  }
  if (x !== void 0 && typeof f !== "function")
    throw new TypeError(x + " is not a function or its return value is not iterable");
  return Reflect.apply(f, o, []);
})JS";

// The for-of array fast path (Lower.cpp). Run once at program start, before
// any user statement: %Array.prototype.values%, %ArrayIteratorPrototype% and
// its original `next`, and Array.isArray. `gen` is the generators pass's
// helper once that pass lowered the program's generators (recOf, nextOf;
// see kGetIterator and kDelegateIter; its `link` sets it), else null.
//
// `mk(o, m)` (null when an intrinsic it needs was missing at program start):
// GetIterator(o) as a serializable plain object when the method `m` is one
// of the original %Array.prototype.values/keys/entries%,
// %String.prototype[@@iterator]%, %Map.prototype.entries/keys/values% or
// %Set.prototype.values/entries% and the iterator it would make is
// unobservable (its prototype's `next` is the original, no `return` is
// reachable, and its [@@iterator] is the original `return this`, for the
// for-of over `c.entries()`). Null otherwise: the caller then runs the real
// protocol. The object has `next` and [@@iterator] like the native one and
// its state in plain properties: `o` the target (null once done), `k` the
// kind (0-2 array values/keys/entries, 3 string, 4-6 map entries/keys/values,
// 7-8 set values/entries), `i` the index, `q` a Map/Set key list.
// Strings: code points by code-unit index (ToString done here, as the native
// method does). Arrays: Get "length" and ToLength each step, as the native
// iterator (so never for typed arrays, whose method is another one). Maps and
// Sets: `q` is the key list at the first next(); each step skips keys no
// longer present (has) and reads the value then (get); when `q` is used up a
// fresh list is taken and iteration goes on with its part after the keys of
// `q` still present in the same order (the keys added meanwhile). Native
// Map/Set iteration is live over an ordered list with tombstones; the key
// lists differ from it only for a key deleted and re-added during the loop
// (see the banner in Desugar.cpp). The brand check (Map/Set receivers) is the
// native method's own: it is called and its iterator dropped.
constexpr std::string_view kArrayFastInit = R"JS(function $h() {
  var v = Array.prototype.values, p = Object.getPrototypeOf(v.call([])), s;
  s = { v: v, p: p, n: p.next, a: Array.isArray, mk: null, gen: null };
  try {
    var si = Symbol.iterator, self = Object.getPrototypeOf(p)[si], A = Array.prototype,
      M = Map.prototype, T = Set.prototype, ss = String.prototype[si],
      sp = Object.getPrototypeOf(ss.call("")), mp = Object.getPrototypeOf(M.entries.call(new Map())),
      tp = Object.getPrototypeOf(T.values.call(new Set())), mh = M.has, mg = M.get, mn = mp.next,
      th = T.has, tn = tp.next, mkeys = M.keys, tv = T.values;
    var fs = [v, A.keys, A.entries, ss, M.entries, M.keys, M.values, tv, T.entries];
    var ps = [p, p, p, sp, mp, mp, mp, tp, tp];
    var ns = [p.next, p.next, p.next, sp.next, mn, mn, mn, tn, tn];
    var done = function () { return { value: void 0, done: true }; };
    var me = function () { return this; };
    var snap = function (o, k) {
      var q = [], x = (k < 7 ? mkeys : tv).call(o), nx = k < 7 ? mn : tn, r;
      for (;;) {
        r = nx.call(x);
        if (r.done) return q;
        q[q.length] = r.value;
      }
    };
    var next = function () {
      var it = this, o = it.o, k = it.k, i = it.i, q, c, d, y, j;
      if (o === null) return done();
      if (k === 3) {
        if (i >= o.length) { it.o = null; return done(); }
        c = o[i];
        if (c >= "\ud800" && c <= "\udbff" && i + 1 < o.length) {
          d = o[i + 1];
          if (d >= "\udc00" && d <= "\udfff") c = c + d;
        }
        it.i = i + c.length;
        return { value: c, done: false };
      }
      if (k < 3) {
        if (!(i + 1 <= +o.length)) { it.o = null; return done(); }
        it.i = i + 1;
        if (k === 1) return { value: i, done: false };
        c = o[i];
        return { value: k === 0 ? c : [i, c], done: false };
      }
      q = it.q;
      if (q === null) { q = snap(o, k); i = 0; }
      for (;;) {
        while (i < q.length) {
          c = q[i];
          i += 1;
          if ((k < 7 ? mh : th).call(o, c)) {
            it.q = q;
            it.i = i;
            if (k === 5 || k === 7) return { value: c, done: false };
            if (k === 8) return { value: [c, c], done: false };
            d = mg.call(o, c);
            return { value: k === 4 ? [c, d] : d, done: false };
          }
        }
        d = snap(o, k);
        for (j = 0, y = 0; y < d.length; y += 1) {
          c = d[y];
          while (j < q.length && q[j] !== c && (q[j] === q[j] || c === c)) j += 1;
          if (j === q.length) break;
          j += 1;
        }
        if (y === d.length) { it.o = null; it.q = null; return done(); }
        q = d;
        i = y;
      }
    };
    s.mk = function (o, m) {
      var k = 0, P;
      while (fs[k] !== m) if ((k += 1) === 9) return null;
      P = ps[k];
      if (P.next !== ns[k] || P.return !== void 0 || P[si] !== self) return null;
      if (k === 3) o = typeof o === "string" ? o : `${o}`;
      else if (k > 3) m.call(o);
      else o = Object(o);
      return { next: next, [si]: me, o: o, k: k, i: 0, q: null };
    };
  } catch (e) {}
  return s;
})JS";

// `o` if `for (x of o)` may iterate it by index, else null. `m` is the
// o[Symbol.iterator] the loop read. Index iteration is exactly the array
// iterator when the method is %Array.prototype.values% (the iterator is then
// unobservable), its prototype's `next` is the original one (read once by
// GetIterator) and no `return` is reachable from it (IteratorClose would
// call it), and o is an array or a Proxy of one (not a typed array, whose
// iterator reads its internal length). `s` is the captured record, undefined
// if a module cycle runs the loop before the program start did.
constexpr std::string_view kArrayFast = R"JS(function $h(s, o, m) {
  if (s === void 0 || m !== s.v) return null;
  if (s.p.next !== s.n || s.p.return !== void 0) return null;
  if (!s.a(o)) return null;
  return o;
})JS";

// ---- destructuring (LowerPatterns.cpp) ----
// These are emitted after the lowering walk, so they are written in the
// desugar core already: one var line, loops as labeled whiles.

// The start of GetIterator for an array pattern, small so that it inlines:
// null when the pattern may read `o` by index instead (LowerPatterns.cpp):
// o[Symbol.iterator] is the original %Array.prototype.values%,
// %ArrayIteratorPrototype% has its original `next` and no `return`
// (IteratorClose would call it), and o is an array or a Proxy of one, the
// test of the for-of fast path (kArrayFast); the caller then reads Get
// "length" (ToLength) and Get k at each step, exactly what the array
// iterator's next does. Otherwise `{m}`, the method read (once), for
// kDestrIter.
constexpr std::string_view kDestrFast = R"JS(function $h(s, o) {
  var m;
  if (o === null || o === void 0) return { m: void 0 };
  m = o[Symbol.iterator];
  if (s !== void 0 && m === s.v && s.p.next === s.n && s.p.return === void 0)
    if (s.a(o)) return null;
  return { m: m };
})JS";

// The rest of GetIterator, given the method `m`: a record `{it, next,
// done}`; `done` follows the spec's iteratorRecord.[[Done]] so the pattern
// knows whether to close it. Built-in iterators are serializable plain
// objects made by `s.mk` (kArrayFastInit; `s` is the record, undefined if
// the module has none). `x`: node's text for a value that is not iterable
// (`x is not iterable`, the source of a declaration's initialiser),
// undefined for node's default message (type and value, "cannot read
// property Symbol(Symbol.iterator)").
constexpr std::string_view kDestrIter = R"JS(function $h(s, o, m, x) {
  var it, t;
  if (typeof m !== "function") {
    if (x !== void 0) throw new TypeError(x + " is not iterable");
    t = typeof o;
    if (o === null) t = "object null";
    else if (t === "string") t = t + " \"" + o + "\"";
    else if (t === "number" || t === "boolean") t = t + " " + String(o);
    throw new TypeError(t + " is not iterable (cannot read property Symbol(Symbol.iterator))");
  }
  if (s !== void 0 && s.mk !== null) {
    it = s.mk(o, m);
    if (it !== null) return { it: it, next: it.next, done: false };
  }
  it = m.call(o);
  if (it === null || typeof it !== "object" && typeof it !== "function") throw new TypeError("Result of the Symbol.iterator method is not an object");
  return { it: it, next: it.next, done: false };
})JS";

// One element: IteratorStep then (unless `skip`, an elision) IteratorValue.
// `done` is true while next(), the done read and the value read run, so a
// throw from any of them leaves the iterator unclosed, as in the spec. `d`
// is 0 once the index path (null record) found the end: every step is then
// done, as for a record whose [[Done]] is true.
constexpr std::string_view kDestrStep = R"JS(function $h(d, skip) {
  var r, v, n;
  if (!d || d.done) return void 0;
  d.done = true;
  n = d.next;
  if (typeof n !== "function") throw new TypeError(String(n) + " is not a function");
  r = n.call(d.it);
  if (r === null || typeof r !== "object" && typeof r !== "function") throw new TypeError("Iterator result " + String(r) + " is not an object");
  if (r.done) return void 0;
  if (skip) { d.done = false; return void 0; }
  v = r.value;
  d.done = false;
  return v;
})JS";

// A rest element: the remaining values, in a fresh array (CreateDataProperty,
// with kSpreadInto's fast store). `d` null: the index path, from index `k`
// of the array `a` with Get "length" (ToLength) before each Get.
constexpr std::string_view kDestrRest = R"JS(function $h(d, a, k) {
  var res, p, n, r, v;
  res = [];
  p = Object.getPrototypeOf(res);
  if (Object.getPrototypeOf(p) !== Object.prototype) p = null;
  n = 0;
  if (d === null) {
    L: while (k + 1 <= +a.length) {
      v = a[k];
      k = k + 1;
      if (p !== null && !(n in p)) res[n] = v;
      else Object.defineProperty(res, n, { value: v, writable: true, enumerable: true, configurable: true });
      n = n + 1;
    }
    return res;
  }
  if (!d) return res;
  L2: while (!d.done) {
    d.done = true;
    if (typeof d.next !== "function") throw new TypeError(String(d.next) + " is not a function");
    r = d.next.call(d.it);
    if (r === null || typeof r !== "object" && typeof r !== "function") throw new TypeError("Iterator result " + String(r) + " is not an object");
    if (r.done) break L2;
    v = r.value;
    if (p !== null && !(n in p)) res[n] = v;
    else Object.defineProperty(res, n, { value: v, writable: true, enumerable: true, configurable: true });
    n = n + 1;
    d.done = false;
  }
  return res;
})JS";

// IteratorClose unless [[Done]]; nothing for the index path (null, or 0
// once it found the end): no `return` was reachable at GetIterator.
constexpr std::string_view kDestrClose = R"JS(function $h(d) {
  var r, res;
  if (!d || d.done) return;
  d.done = true;
  r = d.it.return;
  if (r === void 0 || r === null) return;
  res = r.call(d.it);
  if (res === null || typeof res !== "object" && typeof res !== "function") throw new TypeError("Iterator result " + String(res) + " is not an object");
})JS";

constexpr std::string_view kDestrCloseThrow = R"JS(function $h(d) {
  var r;
  if (!d || d.done) return;
  d.done = true;
  try {
    r = d.it.return;
    if (r !== void 0 && r !== null) r.call(d.it);
  } catch (e) {}
})JS";

// Object rest: own enumerable string and symbol keys, in [[OwnPropertyKeys]]
// order, except the ones the pattern named (already property keys; literal
// numbers are converted here), defined as data properties (no setter or
// __proto__ magic on the target), each getter called once.
constexpr std::string_view kObjectRest = R"JS(function $h(o, ex) {
  var from, r;
  from = Object(o);
  r = {};
  ex = ex.map(function (k) { return typeof k === "number" ? String(k) : k; });
  Reflect.ownKeys(from).forEach(function (k) {
    var d;
    if (ex.indexOf(k) !== -1) return;
    d = Object.getOwnPropertyDescriptor(from, k);
    if (d !== void 0 && d.enumerable)
      Object.defineProperty(r, k, { value: from[k], writable: true, enumerable: true, configurable: true });
  });
  return r;
})JS";

// ToPropertyKey: an object is converted exactly once, by a computed key.
constexpr std::string_view kToPropertyKey = R"JS(function $h(k) {
  if (typeof k === "symbol") return k;
  if (k !== null && (typeof k === "object" || typeof k === "function")) return Reflect.ownKeys({ [k]: 0 })[0];
  return String(k);
})JS";

// ---- spread (Lower.cpp) ----

// `[...a, ...o]`: appends o's values to the array `a` (a fresh array the
// lowering built) at indices a.length, a.length + 1, ... as CreateDataProperty
// does (no setter on a prototype runs), and returns `a`. `s` is the for-of
// fast path's record (kArrayFastInit): when o[Symbol.iterator] is
// %Array.prototype.values%, %ArrayIteratorPrototype%.next is the original and
// o is an array (or a Proxy of one), o is read by index with its length
// re-read at each step, exactly what the array iterator does (spread never
// closes its iterator, so `return` needs no check). Otherwise GetIterator and
// IteratorStep/IteratorValue run as in the spec (kGetIterator, kIteratorStep).
// Speed: a plain `a[n] = v` is CreateDataProperty when no object on a's
// prototype chain has the key; `p` is a's prototype when that chain is
// %Array.prototype% then %Object.prototype% (ordinary objects: `n in p`
// runs no user code), checked before each store since user code may add
// indices meanwhile; otherwise Object.defineProperty.
constexpr std::string_view kSpreadInto = R"JS(function $h(s, a, o) {
  var n = a.length, p = Object.getPrototypeOf(a), m, i, it, next, r, v;
  if (Object.getPrototypeOf(p) !== Object.prototype) p = null;
  if (o === null || o === void 0) throw new TypeError(String(o) + " is not iterable");
  m = o[Symbol.iterator];
  if (s !== void 0 && m === s.v && s.p.next === s.n && s.a(o)) {
    for (i = 0; i + 1 <= +o.length; i += 1) {
      v = o[i];
      if (p !== null && !(n in p)) a[n] = v;
      else Object.defineProperty(a, n, { value: v, writable: true, enumerable: true, configurable: true });
      n += 1;
    }
    return a;
  }
  if (typeof m !== "function") throw new TypeError(String(o) + " is not iterable");
  it = m.call(o);
  if (it === null || typeof it !== "object" && typeof it !== "function") throw new TypeError("Result of the Symbol.iterator method is not an object");
  next = it.next;
  for (;;) {
    r = next.call(it);
    if (r === null || typeof r !== "object" && typeof r !== "function") throw new TypeError("Iterator result " + String(r) + " is not an object");
    if (r.done) return a;
    v = r.value;
    if (p !== null && !(n in p)) a[n] = v;
    else Object.defineProperty(a, n, { value: v, writable: true, enumerable: true, configurable: true });
    n += 1;
  }
})JS";

// The literal part `l` after a spread: its elements go at a.length + i
// (CreateDataProperty, with kSpreadInto's fast store), its holes stay holes,
// and the length grows by l.length (a trailing hole counts, as in an array
// literal). `l` is a fresh literal: reading it runs no user code.
constexpr std::string_view kArrayAppend = R"JS(function $h(a, l) {
  var n = a.length, p = Object.getPrototypeOf(a), i;
  if (Object.getPrototypeOf(p) !== Object.prototype) p = null;
  for (i = 0; i < l.length; i += 1)
    if (Object.prototype.hasOwnProperty.call(l, i)) {
      if (p !== null && !(n + i in p)) a[n + i] = l[i];
      else Object.defineProperty(a, n + i, { value: l[i], writable: true, enumerable: true, configurable: true });
    }
  a.length = n + l.length;
  return a;
})JS";

// `f(...args)` after the callee and arguments were evaluated: the call, with
// node's message for a callee that is not a function (`x`, its source text,
// undefined when unknown: Reflect.apply's own message then).
constexpr std::string_view kApplySpread = R"JS(function $h(f, t, args, x) {
  if (x !== void 0 && typeof f !== "function") throw new TypeError(x + " is not a function");
  return Reflect.apply(f, t, args);
})JS";

// `new F(...args)`: new.target is F, as for `new F(...)`.
constexpr std::string_view kConstructSpread = R"JS(function $h(f, args, x) {
  if (x !== void 0 && typeof f !== "function") throw new TypeError(x + " is not a constructor");
  return Reflect.construct(f, args);
})JS";

std::string_view helperSource(Helper h) {
  switch (h) {
  case Helper::AsyncInit:
    return asyncRuntimeSource();
  case Helper::ForInKeys:
    return kForInKeys;
  case Helper::GetIterator:
    return kGetIterator;
  case Helper::IteratorStep:
    return kIteratorStep;
  case Helper::IterClose:
    return kIterClose;
  case Helper::IterCloseThrow:
    return kIterCloseThrow;
  case Helper::IterMethod:
    return kIterMethod;
  case Helper::ArrayFastInit:
    return kArrayFastInit;
  case Helper::IterCall:
    return kIterCall;
  case Helper::DelegateIter:
    return kDelegateIter;
  case Helper::ArrayFast:
    return kArrayFast;
  case Helper::DestrFast:
    return kDestrFast;
  case Helper::DestrIter:
    return kDestrIter;
  case Helper::DestrStep:
    return kDestrStep;
  case Helper::DestrRest:
    return kDestrRest;
  case Helper::DestrClose:
    return kDestrClose;
  case Helper::DestrCloseThrow:
    return kDestrCloseThrow;
  case Helper::ObjectRest:
    return kObjectRest;
  case Helper::ToPropertyKey:
    return kToPropertyKey;
  case Helper::SpreadInto:
    return kSpreadInto;
  case Helper::ArrayAppend:
    return kArrayAppend;
  case Helper::ApplySpread:
    return kApplySpread;
  case Helper::ConstructSpread:
    return kConstructSpread;
  case Helper::NumHelpers:
    break;
  }
  return {};
}

} // namespace

Node *instantiateHelper(Module &m, Helper h, Atom name, DiagnosticEngine &diags) {
  auto statements = importSnippet(m, helperSource(h), diags, "desugar", "a built-in helper");
  if (!statements)
    return nullptr;
  assert(statements->size() == 1 && isa<FunctionDeclaration>(statements->front()) &&
         "each desugar helper is one function declaration");
  auto *fn = cast<FunctionDeclaration>(statements->front());
  cast<Identifier>(fn->id)->name = name;
  return fn;
}

} // namespace distribufy::desugar
