// for-in: keys added during iteration are not required to be visited (V8: not visited); for-in over proxies and strings.
const o = { a: 1, b: 2 };
const seen = [];
for (const k in o) { seen.push(k); if (k === "a") o.z = 3; }
console.log(seen.join(), Object.keys(o).join());
const s = [];
for (const i in "abc") s.push(i);
console.log(s.join());
const log = [];
const p = new Proxy({ x: 1, y: 2 }, { ownKeys(t) { log.push("ownKeys"); return Reflect.ownKeys(t); }, getOwnPropertyDescriptor(t, k) { log.push("gopd " + k); return Reflect.getOwnPropertyDescriptor(t, k); } });
const pk = [];
for (const k in p) pk.push(k);
console.log(pk.join(), log.join(","));
function Base() { this.own = 1; }
Base.prototype.shared = 2;
const inst = new Base();
const ks = [];
for (const k in inst) ks.push(k + (Object.hasOwn(inst, k) ? "(own)" : "(inherited)"));
console.log(ks.join());
let count = 0;
for (var key in { p: 1, q: 2 }) count++;
console.log(key, count);
