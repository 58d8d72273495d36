// Direct eval is reported before anything is converted.
// RUN: not %dist-opt --passes=desugar,anf,closure %s 2>&1 | FileCheck %s
// CHECK: unsupported-eval.js:5:1: error: unsupported construct: direct eval (closure conversion)
// CHECK-NOT: $fac
function g(s) { return eval(s); }
