// What the pass cannot convert exactly is reported, never miscompiled.
// (Direct eval: unsupported-eval.js.)
// RUN: not %dist-opt --passes=desugar,anf,closure %s 2>&1 | FileCheck %s
// CHECK-DAG: unsupported.js:8:28: error: unsupported construct: a closure in a generator's parameter default over its parameters or `this` (its environment would be created by the body, which runs at the first next(), and a parameter list can hold it in no local) (closure conversion)
// CHECK-DAG: unsupported.js:9:1: error: unsupported construct: object literal with `super` in a parameter default of a generator (closure conversion)
// CHECK-NOT: $fac
class A { m() { return 1; } }
function* gen(a, b = () => a) { yield b(); }
function* gen2(o = { m() { return super.toString(); } }) { yield o; }
