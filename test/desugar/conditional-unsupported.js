// Where statements cannot go (a class field initializer), a conditionally
// evaluated call is reported, not miscompiled. (Parameter defaults with
// calls are moved into the body by LowerPatterns.cpp.)
// RUN: not %dist-opt --passes=desugar %s 2>&1 | FileCheck %s --implicit-check-not=error:
// CHECK: conditional-unsupported.js:[[@LINE+1]]:15: error: unsupported construct: a conditionally evaluated call in a class heritage, computed key or field initializer
class A { x = this.y || f(); }
