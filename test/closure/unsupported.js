// What the pass cannot convert exactly is reported, never miscompiled.
// RUN: not %dist-opt --passes=desugar,anf,closure %s 2>&1 | FileCheck %s
// CHECK-DAG: unsupported.js:7:60: error: unsupported construct: `super()` inside an arrow function of a class with instance fields or private methods (super() initialises them) (closure conversion)
// CHECK-DAG: unsupported.js:8:1: error: unsupported construct: direct eval (closure conversion)
// CHECK-NOT: $fac
class A { m() { return 1; } }
class B extends A { x = 1; constructor() { const f = () => super(); f(); } }
function g(s) { return eval(s); }
