// Static-semantics errors the grammar accepts but the language forbids.
// RUN: not %dist-opt %s 2>&1 | FileCheck %s
function f() {
  break;
}
// CHECK: early-errors.js:[[@LINE-2]]:3: error:
// CHECK-NEXT: {{^}}  break;
// CHECK-NEXT: {{^}}  ^
