// Where statements cannot go (a class computed key), a conditionally
// evaluated call is reported, not miscompiled. (Parameter defaults with
// calls are moved into the body by LowerPatterns.cpp; a field initializer
// runs in an arrow IIFE, see conditional-field-initializer.js.)
// RUN: not %dist-opt --passes=desugar %s 2>&1 | FileCheck %s --implicit-check-not=error:
// CHECK: conditional-unsupported.js:[[@LINE+1]]:12: error: unsupported construct: a conditionally evaluated call in a class heritage or computed key
class A { [this.y || f()] = 1; }
