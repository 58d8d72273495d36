// a?.b(c()) does not evaluate c when a is nullish; short-circuits whole chain.
const log = [];
function c() { log.push("c"); return 1; }
let a = null;
console.log(a?.b(c()));
console.log(a?.b.c.d(c()));
console.log(log.length);
a = { b(x) { log.push("b" + x); return this === a; } };
console.log(a?.b(c()));
console.log(log.join(","));
const u = undefined;
console.log(u?.[c()], log.length);
const fnOrNull = null;
console.log(fnOrNull?.(c()), log.length);
const o = { f: null, g() { return "g"; } };
console.log(o.f?.(), o.g?.(), o.h?.());
console.log((a?.b)(2), log.join(","));
try { null?.x.y; console.log("ok short"); (null?.x).y; } catch (e) { console.log(e.name); }
let n = 0;
const obj = { get p() { n++; return { q: 3 }; } };
console.log(obj?.p?.q, n);
console.log(delete a?.zz, delete u?.zz);
