// for-of over strings (code points), Maps, Sets, arguments, typed arrays.
const parts = [];
for (const ch of "a😀b") parts.push(ch + "(" + ch.length + ")");
console.log(parts.join(" "));
const m = new Map([["x", 1], ["y", 2]]);
for (const [k, v] of m) console.log(k, v);
m.set("z", 3);
for (const k of m.keys()) if (k === "x") m.set("w", 4);
console.log([...m.keys()].join(","));
const s = new Set([3, 1, 2]);
const out = [];
for (const v of s) { out.push(v); if (v === 3) { s.delete(1); s.add(9); } }
console.log(out.join(","));
(function () { const r = []; for (const a of arguments) r.push(a); console.log(r.join("|")); })(1, "two", null);
const ta = new Uint8Array([250, 5]);
for (const b of ta) console.log(b);
const arr = [1, 2];
const seen = [];
for (const v of arr) { seen.push(v); if (arr.length < 5) arr.push(v * 10); }
console.log(seen.join(","));
