// A generator's or async function's step (the generators pass marks it) is
// made once per program, after the factory table: it takes the environment
// it would close over as its first parameter, and the driver call ($gs.make,
// $as.run) passes that environment along with the step. Every call, a
// recursive one included, runs with its own environment; closures made in a
// step (per-iteration boxes, arrows over `this`) and nested async functions
// (shared steps of their own) keep working, rebuilt from bytes too. A step
// is named after its function (stack traces and checkpoint frames show it).
// RUN: %dist-opt --passes=desugar,anf,generators,modularize,closure --verify-each %s | FileCheck %s
// RUN: %dist-opt --passes=desugar,anf,generators,modularize,closure %s -o %t.js && %node %t.js | FileCheck --check-prefix=OUT %s
// RUN: env DISTRIBUFY_REBUILD_TEST=%src/runtime/src/closures.js %node %t.js | FileCheck --check-prefix=OUT %s
"use strict";
function* count(n) { for (let i = 0; i < n; i++) yield () => i; }
class Box {
  constructor(v) { this.v = v; }
  async twice() { const a = await this.v; return [a, await (async () => this.v * 2)()]; }
}
async function fib(n) { return n < 2 ? n : (await fib(n - 1)) + (await fib(n - 2)); }
console.log([...count(3)].map((f) => f()).join(","));
const g1 = count(2), g2 = count(2);
g1.next();
console.log(g2.next().value(), g1.next().value());
new Box(5).twice().then((r) => console.log(r.join(",")));
fib(10).then((v) => console.log("fib", v));
// OUT: 0,1,2
// OUT-NEXT: 0 1
// OUT-NEXT: 5,10
// OUT-NEXT: fib 55

// CHECK-LABEL: return function count(n) {
// CHECK-NEXT: const [[GENV:\$env[0-9_]+]] = { $parent:
// CHECK: [[GENV]].$rec{{[0-9]+}} = $env{{[0-9_]+}}.$gs{{[0-9]+}}.make($env{{[0-9_]+}}.count, [[GSTEP:\$step[0-9]+]], [[GENV]]);
// CHECK-NEXT: return [[GENV]].$rec{{[0-9]+}}.$o;
// CHECK-NEXT: };
// CHECK-NEXT: }, function $fac[[GCODE:[0-9]+]]() {
// CHECK-NEXT: "use strict";
// CHECK-NEXT: return {
// CHECK-NEXT: "count": ([[GENV]], $m{{[0-9]+}}, $v{{[0-9]+}}) => {
// CHECK-LABEL: return function fib(n) {
// CHECK-NEXT: const [[FENV:\$env[0-9_]+]] = { $parent:
// CHECK: $rec{{[0-9]+}} = $env{{[0-9_]+}}.$as1.run([[FSTEP:\$step[0-9]+]], [[FENV]]);
// CHECK-NEXT: return $rec{{[0-9]+}};
// CHECK-NEXT: };
// CHECK-NEXT: }, function $fac[[FCODE:[0-9]+]]() {
// CHECK-NEXT: "use strict";
// CHECK-NEXT: return {
// CHECK-NEXT: "fib": ([[FENV]], $m{{[0-9]+}}, $v{{[0-9]+}}, $g{{[0-9]+}}) => {
// CHECK: require(process.env.DISTRIBUFY_REBUILD_TEST).installRebuildTest(
// CHECK-NEXT: const [[GSTEP]] = $F{{[0-9]+}}[[[GCODE]]]();
// CHECK-NEXT: const [[FSTEP]] = $F{{[0-9]+}}[[[FCODE]]]();
// CHECK-NEXT: const $step{{[0-9]+}} = $F{{[0-9]+}}[{{[0-9]+}}]();
// CHECK-NEXT: const $step{{[0-9]+}} = $F{{[0-9]+}}[{{[0-9]+}}]();
// CHECK-NEXT: $F{{[0-9]+}}[0]().call(
