// Proxy traps (get/set/has/deleteProperty/ownKeys/apply/construct) and Reflect equivalents.
const log = [];
const target = { a: 1, b: 2 };
const p = new Proxy(target, {
  get(t, k, r) { log.push("get " + String(k)); return k in t ? Reflect.get(t, k, r) : "default:" + String(k); },
  set(t, k, v, r) { log.push("set " + k); return Reflect.set(t, k, v * 2, r); },
  has(t, k) { log.push("has " + k); return k.startsWith("a"); },
  deleteProperty(t, k) { log.push("delete " + k); return false; },
  ownKeys(t) { log.push("ownKeys"); return ["b", "a"]; },
});
console.log(p.a, p.zzz);
p.c = 5;
console.log(target.c, "abc" in p, "b" in p, delete p.a, Object.keys(p).join());
p.a++;
console.log(target.a, log.join(","));
const fnProxy = new Proxy(function add(x, y) { return x + y; }, {
  apply(t, thisArg, args) { return "applied:" + t(...args); },
  construct(t, args) { return { constructed: args.length }; },
});
console.log(fnProxy(1, 2), JSON.stringify(new fnProxy(1, 2, 3)), typeof fnProxy);
console.log(Reflect.has({ x: 1 }, "x"), Reflect.ownKeys({ b: 1, a: 2, 1: 0 }).join(), Reflect.apply(Math.max, null, [1, 5, 2]), Reflect.getPrototypeOf([]) === Array.prototype);
const { proxy, revoke } = Proxy.revocable({}, {});
revoke();
try { proxy.x; } catch (e) { console.log(e.name); }
const strictP = new Proxy({}, { set() { return false; } });
strictP.x = 1;
console.log("sloppy set ignored", (() => { "use strict"; try { strictP.x = 1; } catch (e) { return e.name; } })());
