// structuredClone, Object.groupBy-free grouping, Object.entries/fromEntries transforms, Array.from(Map).
const src = { d: new Date(Date.UTC(2020, 0, 1)), m: new Map([["k", new Set([1, 2])]]), arr: [1, { deep: true }], re: /x/gi, big: 10n, nested: { u: undefined } };
src.self = src;
const copy = structuredClone(src);
console.log(copy !== src, copy.self === copy, copy.d instanceof Date, copy.d.toISOString(), [...copy.m.get("k")].join(), copy.re.flags, typeof copy.big, "u" in copy.nested);
try { structuredClone({ f() {} }); } catch (e) { console.log(e.name); }
class Pt { constructor() { this.x = 1; } }
console.log(structuredClone(new Pt()) instanceof Pt, JSON.stringify(structuredClone(new Pt())));
const inventory = [{ name: "apple", type: "fruit", qty: 3 }, { name: "leek", type: "veg", qty: 0 }, { name: "pear", type: "fruit", qty: 7 }];
const byType = inventory.reduce((acc, it) => ((acc[it.type] ||= []).push(it.name), acc), {});
console.log(JSON.stringify(byType));
const prices = Object.fromEntries(Object.entries({ a: 1, b: 2 }).map(([k, v]) => [k.toUpperCase(), v * 100]));
console.log(JSON.stringify(prices), JSON.stringify(Array.from(new Map([[1, "one"]]))), JSON.stringify(Object.entries("hi")));
console.log(Object.is(structuredClone(-0), -0), structuredClone(NaN), structuredClone([, 1]).length, 0 in structuredClone([, 1]));
