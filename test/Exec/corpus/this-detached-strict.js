"use strict";
// this in strict mode: undefined for detached calls, primitives not boxed.
const o = { m() { return this === undefined ? "undefined" : typeof this; } };
console.log(o.m());
const d = o.m;
console.log(d());
function p() { return this === undefined ? "undefined" : typeof this + ":" + String(this); }
console.log(p(), p.call(5), p.call("s"), p.call(null), p.apply(true));
const cb = [1].map(function () { return this; });
console.log(String(cb[0]));
const cb2 = [1].map(function () { return this.tag; }, { tag: "thisArg" });
console.log(cb2[0]);
