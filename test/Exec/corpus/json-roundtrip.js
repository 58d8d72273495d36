// JSON.stringify/parse: toJSON, replacer function and array, reviver order, indentation, special values.
const obj = {
  n: 1, s: "str\n\"q\"", b: true, nul: null, u: undefined, f() {}, sym: Symbol("x"),
  arr: [1, undefined, () => 1, NaN, Infinity, -0], nested: { d: new Date(Date.UTC(2021, 5, 15, 12)) },
  custom: { toJSON(key) { return "custom for key " + key; } },
};
console.log(JSON.stringify(obj));
console.log(JSON.stringify(obj, ["n", "nested", "arr"]));
console.log(JSON.stringify({ a: 1, b: { c: 2 } }, null, 2));
console.log(JSON.stringify([1, { x: 2 }], null, "--"));
const order = [];
const parsed = JSON.parse('{"a":1,"b":{"c":[1,2]},"d":"x"}', function (k, v) { order.push(k === "" ? "<root>" : k); return typeof v === "number" ? v * 10 : v; });
console.log(JSON.stringify(parsed), order.join(","));
const replOrder = [];
JSON.stringify({ a: [1, { b: 2 }] }, function (k, v) { replOrder.push(k + ":" + (this === undefined ? "?" : Array.isArray(this) ? "arr" : "obj")); return v; });
console.log(replOrder.join(" "));
try { JSON.parse("{'bad':1}"); } catch (e) { console.log(e.name); }
const cyc = {}; cyc.self = cyc;
try { JSON.stringify(cyc); } catch (e) { console.log(e.name); }
try { JSON.stringify({ big: 1n }); } catch (e) { console.log(e.name); }
console.log(JSON.stringify("\u2028\ud800"), JSON.stringify(undefined), JSON.stringify(null), JSON.parse(" [1e3, -0.5, true] ").join());
console.log(JSON.stringify(new Map([[1, 2]])), JSON.stringify(Object.create({ inherited: 1 })), JSON.stringify([new Set([1])]));
