// for-in visits inherited enumerable keys; deleted-before-visit keys are skipped; shadowed keys once.
const proto = { inherited: 1, shadowed: 2 };
const o = Object.create(proto);
o.own1 = 1; o.shadowed = 3; o.own2 = 4; o.own3 = 5;
Object.defineProperty(o, "hidden", { value: 1, enumerable: false });
const seen = [];
for (const k in o) {
  seen.push(k);
  if (k === "own1") delete o.own2;
}
console.log(seen.join(","));
const seen2 = [];
for (const k in { b: 1, 2: 1, a: 1, 1: 1 }) seen2.push(k);
console.log(seen2.join(","));
const arr = [1, 2, 3];
arr.extra = "e";
const seen3 = [];
for (const i in arr) seen3.push(typeof i + ":" + i);
console.log(seen3.join(","));
let count = 0;
for (const k in null) count++;
for (const k in undefined) count++;
for (const k in "hi") count += 10;
console.log(count);
