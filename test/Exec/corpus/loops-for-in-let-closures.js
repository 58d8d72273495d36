// for-in and for-of with let/const: fresh binding per iteration.
const o = { a: 1, b: 2, c: 3 };
const fs = [];
for (const k in o) fs.push(() => k);
console.log(fs.map(f => f()).join(","));
const gs = [];
for (let v of [10, 20, 30]) { gs.push(() => v); v += 1; }
console.log(gs.map(f => f()).join(","));
const hs = [];
for (var w of ["x", "y"]) hs.push(() => w);
console.log(hs.map(f => f()).join(","));
const ds = [];
for (const [k, v] of Object.entries(o)) ds.push(() => k + v);
console.log(ds.map(f => f()).join(","));
