// The shape of a lowered async function: an ordinary function whose body is
// a step arrow re-entered at its await ($pc), as a generator's is; it
// returns the promise of the async runtime's driver ($as.run), which
// resumes the step with (0, value) or (1, reason) and passes its own record
// ($g) last. The step returns the value it awaits, and at its end that
// record, holding the return value (no result object per await). An async function
// declaration is adopted by %AsyncFunction.prototype% at scope entry
// ($as.afn). `for await` is a loop over the runtime's iterator steps with
// awaits. Desugar makes the runtime at program start and binds the global
// Promise the program names to it; the output runs under plain node.
// RUN: %dist-opt --passes=desugar,anf,generators --verify-each %s | FileCheck %s
// RUN: %dist-opt --passes=desugar,anf,generators,modularize,closure %s > %t.js
// RUN: %node %t.js | FileCheck --check-prefix=OUT %s
// RUN: FileCheck --check-prefix=CC %s < %t.js
"use strict";
async function total(xs) {
  let sum = 0;
  for await (const x of xs) sum += x;
  return sum;
}
total([1, Promise.resolve(2), 3]).then((v) => console.log("total", v));
Promise.resolve().then(() => console.log("first"));
console.log(Object.prototype.toString.call(total), total.constructor.name);
// OUT: [object AsyncFunction] AsyncFunction
// OUT-NEXT: first
// OUT-NEXT: total 6

// CHECK-LABEL: function total(xs) {
// CHECK-NOT: async
// CHECK: $rec{{[0-9]+}} = $as{{[0-9]*}}.run(($e{{[0-9]+}}, $m{{[0-9]+}}, $v{{[0-9]+}}, [[G:\$g[0-9]+]]) => {
// CHECK: $ai{{[0-9]+}} = $as{{[0-9]*}}.aiter(xs, $af{{[0-9]*}});
// CHECK: $t{{[0-9]+}} = $as{{[0-9]*}}.anext($ai{{[0-9]+}});
// CHECK: return $t{{[0-9]+}};
// CHECK: if ($m{{[0-9]+}} === 1)
// CHECK: $as{{[0-9]*}}.astep(
// CHECK: $as{{[0-9]*}}.aclose(
// CHECK: [[G]].rv = sum;
// CHECK-NEXT: return [[G]];
// CHECK: });
// CHECK-NEXT: return $rec{{[0-9]+}};
// CHECK: {{^}}$as{{[0-9]*}} = $h{{[0-9]*}}();
// CHECK-NEXT: $as{{[0-9]*}}.afn(total);
// CHECK-NEXT: Promise = $as{{[0-9]*}}.P;

// Closure conversion makes the step once, after the factory table; it takes
// the environment it would have closed over as its first parameter, and the
// driver call passes that environment.
// CC-LABEL: return function total(xs) {
// CC-NEXT: const [[ENV:\$env[0-9_]+]] = { $parent:
// CC: $rec{{[0-9]+}} = $env{{[0-9_]+}}.$as1.run([[STEP:\$step[0-9]+]], [[ENV]]);
// CC-NEXT: return $rec{{[0-9]+}};
// CC-NEXT: };
// CC-NEXT: }, function $fac[[CODE:[0-9]+]]() {
// CC: "total": ([[ENV]], $m{{[0-9]+}}, $v{{[0-9]+}}, $g{{[0-9]+}}) => {
// CC: const [[STEP]] = $F{{[0-9]+}}[[[CODE]]]();
