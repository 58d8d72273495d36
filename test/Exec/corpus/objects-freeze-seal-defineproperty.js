// Freeze, seal, preventExtensions; silent failure in sloppy, TypeError in strict.
const f = Object.freeze({ a: 1, nested: { b: 2 } });
f.a = 2; f.c = 3; delete f.a; f.nested.b = 3;
console.log(JSON.stringify(f), Object.isFrozen(f), Object.isFrozen(f.nested));
const s = Object.seal({ a: 1 });
s.a = 10; s.b = 2; delete s.a;
console.log(JSON.stringify(s), Object.isSealed(s));
const p = Object.preventExtensions({ a: 1 });
p.z = 1; delete p.a;
console.log(JSON.stringify(p), Object.isExtensible(p));
function strictTry(fn) { "use strict"; try { fn(); return "ok"; } catch (e) { return e.name; } }
console.log(strictTry(() => { "use strict"; f.a = 5; }), strictTry(() => { "use strict"; s.q = 1; }), strictTry(() => { "use strict"; delete s.a; }));
const o = {};
Object.defineProperties(o, { x: { value: 1, enumerable: true }, y: { value: 2 } });
console.log(JSON.stringify(o), JSON.stringify(Object.getOwnPropertyDescriptors(o)));
