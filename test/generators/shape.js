// The shape of a lowered generator: an ordinary function that refuses
// `new`, keeps its variables (a `let` of a block that yields is hoisted and
// renamed when its name is taken), and returns the object of a record made
// from a step arrow, the last argument of the driver call; the step
// re-enters at yield $pc (guards skip what came before on re-entry), resumes
// with ($m, $v) (throw, return or the sent value) after its environment $e
// (unused until closure conversion), and completes the record on return.
// RUN: %dist-opt --passes=desugar,anf,generators --verify-each %s | FileCheck %s
// RUN: %dist-opt --passes=desugar,anf,generators %s | %node | FileCheck --check-prefix=OUT %s
"use strict";
let name = "outer";
function* ask() {
  const prefix = name;
  {
    const name = yield "name?";
    return prefix + ":" + name + "!";
  }
}
const it = ask();
console.log(it.next().value, it.next("Ada").value, name);
// OUT: name? outer:Ada! outer
// CHECK-LABEL: function ask() {
// CHECK-NEXT:   var {{.*}}[[NAME:\$name[0-9]+]], [[PC:\$pc[0-9]+]], [[REC:\$rec[0-9]+]];
// CHECK-NEXT:   if (new.target !== void 0) {
// CHECK-NEXT:     throw new TypeError("ask is not a constructor");
// CHECK-NEXT:   }
// CHECK-NEXT:   [[PC]] = 0;
// CHECK-NEXT:   [[REC]] = $gs{{[0-9]+}}.make(ask, ({{\$e[0-9]+}}, [[M:\$m[0-9]+]], [[V:\$v[0-9]+]]) => {
// CHECK-NEXT:     let [[R:\$r[0-9]+]] = [[PC]] !== 0;
// CHECK:          if ([[R]]) {
// CHECK-NEXT:       if ([[PC]] === 1)
// CHECK-NEXT:         [[R]] = false;
// CHECK-NEXT:     } else {
// CHECK-NEXT:       [[PC]] = 1;
// CHECK-NEXT:       return { value: "name?", done: false };
// CHECK-NEXT:     }
// CHECK:            if ([[M]] === 1)
// CHECK-NEXT:         throw [[V]];
// CHECK-NEXT:       if ([[M]] === 2) {
// CHECK-NEXT:         [[REC]].st = 3;
// CHECK-NEXT:         return { value: [[V]], done: true };
// CHECK-NEXT:       }
// CHECK-NEXT:       [[NAME]] = [[V]];
// CHECK:            return { value: prefix + ":" + [[NAME]] + "!", done: true };
// CHECK:          [[REC]].st = 3;
// CHECK-NEXT:     return { value: void 0, done: true };
// CHECK-NEXT:   });
// CHECK-NEXT:   return [[REC]].$o;
// CHECK-NEXT: }
