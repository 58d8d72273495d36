// for-of with destructuring heads, defaults, and closures capturing destructured bindings.
const rows = [{ id: 1, tags: ["a"] }, { id: 2 }, { id: 3, tags: [] }];
const fs = [];
for (const { id, tags: [first = "none"] = [] } of rows) fs.push(() => id + ":" + first);
console.log(fs.map(f => f()).join(","));
const m = new Map([["k1", { v: 1 }], ["k2", { v: 2 }]]);
for (const [key, { v, missing = key + "-default" }] of m) console.log(key, v, missing);
let a, b;
const seen = [];
for ([a, b = "B"] of [[1], [2, 3]]) seen.push(a + "" + b);
console.log(seen.join(), a, b);
const obj = {};
for (obj.prop of ["x", "y"]);
console.log(obj.prop);
for (const [i, ch] of [..."hey"].entries()) if (i === 1) console.log(i, ch);
