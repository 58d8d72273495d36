// A catch parameter captured by a closure in a loop whose catch clause
// yields: one variable per iteration would be needed, which the pass does
// not build for catch parameters; it refuses the program cleanly.
// RUN: not %dist-opt --passes=desugar,anf,generators %s 2>&1 | FileCheck %s
// CHECK: loop-capture-unsupported.js:[[@LINE+4]]:12: error: unsupported construct: a closure capturing 'e', declared by a function, class or catch clause in a loop of a generator function around a yield (each iteration needs its own variable) (generators)
function* g() {
  for (let i = 0; i < 2; i++) {
    try { throw i; }
    catch (e) { yield () => e; }
  }
}
