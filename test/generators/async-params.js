// An async function's parameter list that may throw (a pattern, a default)
// moves into its body when `generators` lowers async functions, so the
// step runs it and its error rejects the promise, as the spec's
// EvaluateAsyncFunctionBody does; the list keeps the function's length.
// Without async lowering (desugar alone) the list stays: native async
// functions reject by themselves. A generator's list stays too (its errors
// throw at the call, natively).
// RUN: %dist-opt --passes=desugar,anf,generators --verify-each %s | FileCheck %s
// RUN: %dist-opt --passes=desugar %s | FileCheck --check-prefix=KEPT %s
// RUN: %dist-opt --passes=desugar,anf,generators,modularize,closure %s > %t.js
// RUN: %node %t.js | FileCheck --check-prefix=OUT %s
"use strict";
async function pick({ x }, y = x.z) { return [x, y]; }
function* gen({ x }) { yield x; }
const p = pick();
console.log("called", pick.length);
p.catch((e) => console.log("rejected", e.constructor.name));
try { gen(); } catch (e) { console.log("gen threw", e.constructor.name); }
pick({ x: { z: 3 } }).then((v) => console.log("value", JSON.stringify(v)));
// OUT: called 1
// OUT-NEXT: gen threw TypeError
// OUT-NEXT: rejected TypeError
// OUT-NEXT: value [{"z":3},3]

// CHECK-LABEL: function pick($p{{[0-9]+}}, y = void 0) {
// CHECK: $rec{{[0-9]+}} = $as{{[0-9]*}}.run(($e{{[0-9]+}}, $m{{[0-9]+}}, $v{{[0-9]+}}, $g{{[0-9]+}}) => {
// CHECK: $t{{[0-9]+}} = $p{{[0-9]+}}["x"];
// CHECK: y = x.z;
// CHECK: });
// CHECK-LABEL: function gen({ x }) {

// KEPT: async function pick({ x }, y = x.z) {
