// A temporary cannot live in a parameter list: reported once, not
// miscompiled.
// RUN: not %dist-opt --passes=desugar %s 2>&1 | FileCheck %s --implicit-check-not=error:
// CHECK: unsupported-param-update.js:[[@LINE+1]]:19: error: unsupported construct: compound assignment or update in a parameter list
function f(o, a = o.n++) { return a; }
