// The compiler's statement temporaries (Module::statementTemps: anf's and
// desugar's, like the old value of `i++`) stay the step's own variables
// when no yield separates their uses; a program's own variable named like
// one (`let $t1` opening the body, where anf's line would be) lives across
// yields in the generator's environment like any variable.
// RUN: %dist-opt --passes=desugar,anf,generators --verify-each %s | FileCheck %s
// RUN: %dist-opt --passes=desugar,anf,generators,modularize,closure %s -o %t.js
// RUN: %node %t.js | FileCheck --check-prefix=OUT %s
// RUN: %node %s | FileCheck --check-prefix=OUT %s
"use strict";
function* own() {
  let $t1;
  for (let i = 0; i < 3; i += 1) {
    const x = $t1;
    $t1 = i;
    yield x;
  }
}
function* counts(n) {
  for (let i = 0; i < n; i++) yield i;
}
console.log(JSON.stringify([...own()]), [...counts(3)].join(","));
// OUT: [null,0,1] 0,1,2
// CHECK-LABEL: function own() {
// CHECK-NEXT: var $t1, i,
// CHECK-LABEL: function counts(n) {
// CHECK-NEXT: var i,
// CHECK: make(counts, ($e{{[0-9]+}}, $m{{[0-9]+}}, $v{{[0-9]+}}) => {
// CHECK-NEXT: let $r{{[0-9]+}} =
// CHECK-NEXT: let $t[[T:[0-9]+]];
// CHECK: $t[[T]] = i, i = typeof $t[[T]] === "number"
