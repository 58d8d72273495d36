// An object literal's computed keys are converted (ToPropertyKey) and its
// spread sources copied where the literal evaluates them, before a later
// part's call runs: the key becomes a temp converted on the spot (objects
// only) and the spread a copy `{ ...src }` that the literal spreads.
// RUN: %dist-opt --passes=desugar,anf --verify-each %s | FileCheck %s
// RUN: %dist-opt --passes=desugar,anf --verify-each %s > %t.js
// RUN: %node %s > %t.expected
// RUN: %node %t.js > %t.out
// RUN: diff %t.expected %t.out
// RUN: FileCheck %s --check-prefix=EXEC --input-file %t.out
const log = [];
const key = { toString() { log.push('key'); return 'a'; } };
const symKey = { [Symbol.toPrimitive]() { log.push('toPrimitive'); return sym; } };
const sym = Symbol('s');
function v(x) { log.push('v' + x); return x; }
const src = { get x() { log.push('get x'); return 1; }, [sym]: 's' };
const proxy = new Proxy({ p: 1 }, {
  ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push('gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
});
const o1 = { [key]: v(1), b: v(2) };
const o2 = { ...src, y: v(3), [key]: v(4) };
const o3 = { [symKey]: v(5), ...proxy, [v('c')]: v(6) };
const o4 = { [1 + 1]: v(7), ['lit']: v(8) };
console.log(log.join(','));
console.log(JSON.stringify([o1, o2, o3, o4]), o2[sym], o3[sym]);
// EXEC: key,v1,v2,get x,v3,key,v4,toPrimitive,v5,ownKeys,gopd p,vc,v6,v7,v8
// EXEC-NEXT: [{"a":1,"b":2},{"x":1,"y":3,"a":4},{"p":1,"c":6},{"2":7,"lit":8}] s 5
// CHECK: [[K:\$t[0-9]+]] = key;
// CHECK-NEXT: if ([[K]] !== null && (typeof [[K]] === "object" || typeof [[K]] === "function")) {
// CHECK: [[K]] = {{\$t[0-9]+}}[0];
// CHECK: const o1 = { {{\[}}[[K]]]: {{\$t[0-9]+}}, b: {{\$t[0-9]+}} };
// CHECK: [[S:\$t[0-9]+]] = { ...src };
// CHECK: const o2 = { ...[[S]], y:
// CHECK: const o4 = { {{\[}}{{\$t[0-9]+}}]: {{\$t[0-9]+}}, ['lit']:
