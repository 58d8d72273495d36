// for-of over arrays in the corners an index-based fast path must respect:
// a Proxy of an array (traps see Symbol.iterator, "length" and string
// indices, length coerced with ToLength), holes read through a prototype
// getter, mutation during iteration, and a replaced iterator, next or an
// added return method.
const log = [];
function show(label, xs) { console.log(label + ": " + xs.join(",")); }

// Proxy of an array: every Get goes through the trap, in the iterator's order.
const target = [10, 20, 30];
const p = new Proxy(target, {
  get(t, k, r) {
    log.push(typeof k === "symbol" ? k.toString() : typeof k + ":" + k);
    return Reflect.get(t, k, r);
  },
});
const seen = [];
for (const v of p) seen.push(v);
show("proxy values", seen);
show("proxy traps", log);

// A Proxy whose length is odd: ToLength(NaN) = 0, 2.5 -> 2, "2" -> 2,
// an object's valueOf called once per step.
function withLength(len) {
  return new Proxy(["a", "b", "c", "d"], {
    get(t, k, r) { return k === "length" ? len : Reflect.get(t, k, r); },
  });
}
for (const len of [NaN, 2.5, "2", -1, undefined, { valueOf() { log.push("valueOf"); return 1; } }]) {
  log.length = 0;
  const got = [];
  for (const v of withLength(len)) got.push(v);
  show("length " + String(len), got.concat(log));
}
try { for (const v of withLength(1n)) console.log("bigint length iterated", v); }
catch (e) { console.log("bigint length:", e instanceof TypeError); }

// Holes read through the prototype chain, getter included.
Object.defineProperty(Array.prototype, 1, {
  get() { return "proto1"; }, configurable: true,
});
let holes = "";
for (const v of [0, , 2, , ]) holes += String(v) + ";";
delete Array.prototype[1];
console.log("holes: " + holes);

// Mutation during iteration: pushes are seen, truncation ends the loop.
const grow = [1, 2];
const g = [];
for (const v of grow) { g.push(v); if (grow.length < 5) grow.push(v * 10); }
show("grow", g);
const shrink = [1, 2, 3, 4, 5];
const sh = [];
for (const v of shrink) { sh.push(v); shrink.length = 2; }
show("shrink", sh);

// Own Symbol.iterator on one array, then a replaced Array.prototype one.
const own = [1, 2, 3];
own[Symbol.iterator] = function* () { yield "own"; };
show("own iterator", [...(function () { const r = []; for (const v of own) r.push(v); return r; })()]);
const origIter = Array.prototype[Symbol.iterator];
Array.prototype[Symbol.iterator] = function* () { yield "patched"; yield this.length; };
const pr = [];
for (const v of [7, 8, 9]) pr.push(v);
show("patched iterator", pr);
Array.prototype[Symbol.iterator] = origIter;

// A replaced %ArrayIteratorPrototype%.next is used by for-of.
const aip = Object.getPrototypeOf([][Symbol.iterator]());
const origNext = aip.next;
aip.next = function () { const r = origNext.call(this); if (!r.done) r.value = "n" + r.value; return r; };
const nx = [];
for (const v of [1, 2]) nx.push(v);
show("patched next", nx);
aip.next = origNext;

// A return method (here on Object.prototype) is called on break.
Object.prototype.return = function () { console.log("return called"); return {}; };
for (const v of [1, 2, 3]) { if (v === 2) break; }
delete Object.prototype.return;
for (const v of [1, 2, 3]) { if (v === 2) break; }
console.log("after delete: no return call");

// Generic iterables and non-iterables still behave.
show("string", (function () { const r = []; for (const c of "hé") r.push(c); return r; })());
show("set", (function () { const r = []; for (const c of new Set([3, 4])) r.push(c); return r; })());
try { for (const v of 5) console.log(v); } catch (e) { console.log("not iterable:", e instanceof TypeError); }
// A typed array is not taken as an array.
show("typed", (function () { const r = []; for (const c of new Uint8Array([5, 6])) r.push(c); return r; })());
