// A lexical redeclaration is an early error pointing at the second
// declaration, with a note at the first.
// RUN: not %dist-opt %s 2>&1 | FileCheck %s
let a = 1;
let a = 2;
// CHECK: redeclaration.js:[[@LINE-1]]:5: error: 'a' has already been declared
// CHECK-NEXT: let a = 2;
// CHECK-NEXT: {{^}}    ^
// CHECK: redeclaration.js:[[@LINE-5]]:5: note: previous declaration of 'a' is here
