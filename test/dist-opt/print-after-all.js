// Dumps between passes are JavaScript with `//` banners, printed to stderr;
// the output itself goes to stdout. Every dump is valid JavaScript: node runs them.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %dist-opt --passes=resolve-scopes,verify --print-after-all %s 2>%t/dump.js >%t/out.js
// RUN: FileCheck %s < %t/dump.js
// CHECK: // *** IR Dump After resolve-scopes ***
// CHECK-NEXT: var greeting = "hi";
// CHECK: // *** IR Dump After verify ***
// CHECK-NEXT: var greeting = "hi";
// RUN: %node %t/dump.js
// RUN: %dist-opt --pass=resolve-scopes --pass=verify --print-before-all %s 2>&1 >/dev/null | FileCheck %s --check-prefix=BEFORE
// BEFORE: // *** IR Dump Before resolve-scopes ***
// BEFORE: // *** IR Dump Before verify ***
// RUN: %dist-opt --passes=resolve-scopes,verify --print-after=verify %s 2>&1 >/dev/null | FileCheck %s --check-prefix=AFTER
// AFTER-NOT: IR Dump After resolve-scopes
// AFTER: // *** IR Dump After verify ***
// RUN: %dist-opt --passes=verify --time-passes %s 2>&1 >/dev/null | FileCheck %s --check-prefix=TIME
// TIME: Pass execution timing report
// TIME: verify
// TIME: Total
var greeting = "hi";
