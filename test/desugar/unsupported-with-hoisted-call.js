// Inside `with`, a plain-name callee would lose its `with` object as `this`
// if its arguments were hoisted before it: reported, not miscompiled.
// RUN: not %dist-opt --passes=desugar %s 2>&1 | FileCheck %s --implicit-check-not=error:
with (obj) {
  f(a && g());
}
// CHECK: unsupported-with-hoisted-call.js:[[@LINE-2]]:3: error: unsupported construct: a call inside `with` whose arguments need hoisting
