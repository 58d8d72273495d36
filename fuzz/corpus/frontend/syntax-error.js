// Syntax errors are diagnostics at the offending token, with the source
// line and a caret; the tool exits with status 1 and prints no output.
// RUN: not %dist-opt %s 2>&1 | FileCheck %s
let x = (1 + ;
// CHECK: syntax-error.js:[[@LINE-1]]:{{[0-9]+}}: error:
// CHECK-NEXT: let x = (1 + ;
// CHECK-NEXT: {{ *}}^
