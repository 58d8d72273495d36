// Map and Set: insertion order, SameValueZero keys, object keys, chaining and deletion during iteration.
const m = new Map();
m.set(NaN, "nan").set(0, "zero").set(-0, "negzero").set("0", "string zero");
const objKey = {};
m.set(objKey, "obj");
console.log(m.size, m.get(NaN), m.get(0), m.get("0"), m.get({}), m.get(objKey));
console.log(JSON.stringify([...m.keys()].map(String)));
m.delete(0);
m.set(0, "re-added");
console.log([...m.values()].join());
const s = new Set([1, "1", 1, NaN, NaN, 0, -0]);
console.log(s.size, [...s].map(String).join());
const out = [];
const t = new Set([1, 2, 3]);
for (const v of t) { out.push(v); t.delete(v); if (v < 3) t.add(v + 10); }
console.log(out.join(), t.size);
const grouped = new Map();
for (const w of ["apple", "avocado", "banana", "blueberry", "cherry"]) {
  const k = w[0];
  grouped.set(k, (grouped.get(k) || []).concat(w));
}
console.log(JSON.stringify(Object.fromEntries(grouped)));
const me = new Map([[1, "a"]]);
me.forEach(function (v, k, map) { console.log(v, k, map === me, this.ctx); }, { ctx: "thisArg" });
