// In a function with non-simple parameters, a body `var` named like a
// parameter is a binding of its own that starts with the parameter's value.
// The hoisted slot of such a var has its own name, so the instrumented body
// copies the parameter into it first (also across a checkpoint).
// RUN: %dist-opt --passes=desugar,anf,modularize,closure,catch --verify-each %s | FileCheck %s
// RUN: %dist-opt --passes=desugar,anf,modularize,closure,catch %s -o %t.js
// RUN: %node %src/runtime/bin/distribufy-run.js --compiled %t.js --source %s --result | FileCheck --check-prefix=OUT %s
// RUN: %node %src/runtime/bin/distribufy-run.js --plain %s --result | FileCheck --check-prefix=OUT %s
// RUN: %distribufyc run %s --store %t.store --stress-every 3 --fresh-process --result | FileCheck --check-prefix=OUT %s
const runtime = require('distribufy');
// CHECK-LABEL: function shadowed(x = 1, { y: y } = { y: 2 })
// CHECK:         [[X:\$x_[0-9]+]] = x;
// CHECK-NEXT:    [[Y:\$y_[0-9]+]] = y;
// CHECK:         [[X]] = [[X]] + 1;
function shadowed(x = 1, { y } = { y: 2 }) {
  var x, y;
  runtime.checkpoint();
  x += 1;
  return [x, y];
}
// CHECK-LABEL: function initialized(x = 1)
// CHECK:         [[X2:\$x_[0-9]+]] = x;
// CHECK-NEXT:    [[X2]] = [[X2]] * 10;
function initialized(x = 1) {
  var x = x * 10; // the initializer reads the var, which holds the parameter's value
  runtime.checkpoint();
  return x;
}
function main() {
  console.log(shadowed(7).join(','), shadowed().join(','), initialized(3));
}
module.exports = main;
// OUT: 8,2 2,2 30
