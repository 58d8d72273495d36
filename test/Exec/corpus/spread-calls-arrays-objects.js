// Spread in calls, arrays and objects: getters run once, in order; iterators consumed.
const log = [];
const src = { a: 1, get b() { log.push("get b"); return 2; }, c: 3 };
const copy = { ...src, a: "override", ...null, ...undefined, ..."hi", ...[9] };
console.log(JSON.stringify(copy), log.join(","));
console.log(Object.getOwnPropertyDescriptor(copy, "b").get === undefined);
function* g() { log.push("gen start"); yield 1; yield 2; log.push("gen end"); }
log.length = 0;
const arr = [0, ...g(), 3, ..."ab"];
console.log(JSON.stringify(arr), log.join(","));
function f(...xs) { return xs.length + ":" + xs.join(","); }
console.log(f(...[1, 2], 3, ...new Set([4, 4, 5]), ...new Map([[6, 7]]).keys()));
const holes = [...[, 1]];
console.log(0 in holes, JSON.stringify(holes));
try { f(...{}); } catch (e) { console.log(e.name); }
try { [...123]; } catch (e) { console.log(e.name); }
const setterTarget = { set a(v) { log.push("setter should not run"); } };
const merged = { ...setterTarget, ...{ a: 1 } };
console.log(JSON.stringify(merged));
const order = { ...{ b: 1, 2: "two", a: 2, 1: "one" } };
console.log(Object.keys(order).join());
